/**
 * A real Chromium (Debian's, installed by infra/chromium.sh) driven by playwright-core, against the web app the API
 * under test serves. Screenshots go to TDKT_SCREENSHOTS (test-results/screenshots under npm test).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestSystem } from './system';

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
