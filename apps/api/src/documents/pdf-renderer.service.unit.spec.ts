import { PdfRenderer, RendererUnavailableError } from './pdf-renderer.service';

it('a Chromium that cannot start is RendererUnavailableError (the API answers 503), and the next render tries again', async () => {
  const before = process.env.TDKT_CHROMIUM;
  process.env.TDKT_CHROMIUM = '/nonexistent/chromium';
  const renderer = new PdfRenderer();
  if (before === undefined) delete process.env.TDKT_CHROMIUM;
  else process.env.TDKT_CHROMIUM = before;
  await expect(renderer.render('<p>x</p>')).rejects.toBeInstanceOf(RendererUnavailableError);
  await expect(renderer.render('<p>x</p>')).rejects.toThrow(/renderer \(headless Chromium\) is unavailable/);
  await renderer.onModuleDestroy();
});
