import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Browser } from 'playwright-core';

/**
 * Chromium could not render (missing binary, crash, timeout), or another service a document needs failed (the
 * signer, a subclass): the API answers 503, never 500.
 */
export class RendererUnavailableError extends Error {
  constructor(cause: string, service = 'The document renderer (headless Chromium)') {
    super(`${service} is unavailable: ${cause}`);
    this.name = 'RendererUnavailableError';
  }
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const RENDER_TIMEOUT_MS = 30_000;

/**
 * HTML → PDF with Debian's Chromium through playwright-core: one browser per process, started on the first render
 * (not at start-up: most API processes never print) and closed on shutdown; one context per render, no network.
 * The page box (A4, the decree's margins) comes from the template's @page rule.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly log = new Logger('documents');
  private browser?: Promise<Browser>;

  private readonly executablePath = process.env.TDKT_CHROMIUM ?? '/usr/bin/chromium';

  async render(html: string): Promise<Buffer> {
    let browser: Browser;
    try {
      browser = await this.started();
    } catch (e) {
      this.browser = undefined;
      throw new RendererUnavailableError(e instanceof Error ? e.message.split('\n')[0] : String(e));
    }
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true }).catch((e: unknown) => {
      this.browser = undefined;
      throw new RendererUnavailableError(e instanceof Error ? e.message.split('\n')[0] : String(e));
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    } catch (e) {
      // The message names Chromium's failure only; the document's text (personal data) is never logged.
      this.log.warn(`render failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      throw new RendererUnavailableError('the page could not be printed');
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  private started(): Promise<Browser> {
    this.browser ??= import('playwright-core').then(async ({ chromium }) => {
      const b = await chromium.launch({ executablePath: this.executablePath, args: ARGS, timeout: RENDER_TIMEOUT_MS });
      b.on('disconnected', () => (this.browser = undefined));
      return b;
    });
    return this.browser;
  }

  async onModuleDestroy(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b.catch(() => undefined))?.close().catch(() => undefined);
  }
}
