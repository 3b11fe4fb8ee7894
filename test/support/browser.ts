/**
 * A real Chromium (Debian's, installed by infra/chromium.sh) driven by playwright-core, against the web app the API
 * under test serves. Screenshots go to TDKT_SCREENSHOTS (test-results/screenshots under npm test).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedCast, startSystem, tokensFor, type Cast, type TestSystem } from './system';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.TDKT_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** A fresh tab (its own sessionStorage) on the system's web app, in Vietnam's time zone and language. */
export async function openApp(browser: Browser, sys: TestSystem): Promise<Page> {
  const context = await browser.newContext({ baseURL: sys.baseUrl.replace(/\/api$/, ''), locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = process.env.TDKT_SCREENSHOTS ?? join(process.cwd(), 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the sign-in screen (the embedded issuer: a username, no password); lands on My tasks. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL('**/tasks');
}

/** Signs out (header button) and in again as another person. */
export async function switchUser(page: Page, username: string): Promise<void> {
  await page.evaluate('sessionStorage.clear()');
  await signIn(page, username);
}

/** The dossier page's status tag, once it shows `status`. */
export async function expectStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="dossier-status"][data-status="${status}"]`).waitFor();
}

/** Clicks an action button (by its domain command), then the form's send button; waits for the new status. */
export async function runAction(page: Page, command: string, nextStatus: string): Promise<void> {
  await page.locator(`button[data-command="${command}"]`).click();
  await page.locator('#action-send').click();
  await expectStatus(page, nextStatus);
}

/** What a browser spec file shares: the real system, its cast with their tokens, and one Chromium. */
export interface BrowserSuite {
  sys: TestSystem;
  cast: Cast;
  tokens: Record<string, string>;
  browser: Browser;
}

/**
 * Registers a browser spec file's hooks: the system, a cast and Chromium before all tests (handed to `ready`), a fresh
 * tab before each (handed to `tab`) and closed after it, everything stopped at the end.
 */
export function browserSuite(ready: (suite: BrowserSuite) => void, tab: (page: Page) => void): void {
  let suite: BrowserSuite | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    const [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
    const cast = await seedCast(sys);
    suite = { sys, cast, browser, tokens: await tokensFor(sys, cast) };
    ready(suite);
  }, 120_000);
  beforeEach(async () => {
    if (!suite) throw new Error('the browser suite did not start');
    page = await openApp(suite.browser, suite.sys);
    tab(page);
  });
  afterEach(() => page?.context().close());
  afterAll(async () => {
    await suite?.browser.close();
    await suite?.sys.stop();
  });
}
