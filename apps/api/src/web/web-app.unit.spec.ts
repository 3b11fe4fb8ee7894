import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { webApp } from './web-app';

/** The web app's serving rules on a built folder: hashed assets cached for a year, the page never, SPA fallback. */
describe('webApp', () => {
  const dist = mkdtempSync(join(tmpdir(), 'web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  const app = express();
  for (const h of webApp(dist)) app.use(h);
  app.use((_req, res) => void res.status(404).json({ api: true }));
  let base = '';
  let server: ReturnType<typeof app.listen>;
  beforeAll(
    () =>
      new Promise<void>((ok) => {
        server = app.listen(0, '127.0.0.1', () => {
          base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
          ok();
        });
      }),
  );
  afterAll(() => new Promise((ok) => server.close(ok)));

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await fetch(`${base}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers any other GET outside /api with index.html, never cached', async () => {
    for (const path of ['/', '/dossiers/8d1f2c3a-0000-4000-8000-000000000000', '/tasks']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('leaves /api, missing assets and other methods to the API', async () => {
    expect((await fetch(`${base}/api/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/assets/gone-123.js`)).status).toBe(404);
    expect((await fetch(`${base}/dossiers`, { method: 'POST' })).status).toBe(404);
  });

  it('serves nothing when the app is not built', () => {
    expect(webApp(join(dist, 'missing'))).toEqual([]);
  });
});
