/**
 * A real Chromium (Debian's, installed by infra/chromium.sh) driven by playwright-core, against the web app the API
 * under test serves. Screenshots go to TDKT_SCREENSHOTS (test-results/screenshots under npm test).
 */
import { mkdirSync, readFileSync } from 'node:fs';
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
  const context = await browser.newContext({
    baseURL: sys.baseUrl.replace(/\/api$/, ''),
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  // Generous: a command under a loaded CI machine can take many seconds end to end (HTTP → Temporal → Postgres).
  page.setDefaultTimeout(45_000);
  return page;
}

/** axe-core's source, injected into the page through the DevTools protocol (the app's CSP forbids inline scripts). */
let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on the page as it is now and fails on any serious or critical
 * violation, naming the rule, the elements and how to fix them. Pages other than the web app's (an OIDC provider's
 * login) are skipped. `screenshot()` calls it, so every key screen a browser test saves is also checked.
 */
export async function checkAccessibility(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate('Boolean(document.getElementById("root"))'))) return;
  await page.locator('#root *').first().waitFor();
  // A dropdown or a modal still fading in or out has blended colours: measure the screen once it has settled.
  // (Endless ones — a spinner — never settle and are left running.)
  // AntD's motions (a toast fading in) also mark their elements with rc-motion's -appear/-enter/-leave classes until done.
  const settled = () =>
    page
      .waitForFunction(
        `document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity)
        && !document.querySelector('[class*="-appear"], [class*="-enter"], [class*="-leave"]')`,
        undefined,
        { timeout: 5000 },
      )
      .catch(() => undefined);
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const run = async () => {
    await settled();
    return (await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`,
    )) as AxeViolation[];
  };
  const isSerious = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical';
  let violations = await run();
  // A toast or a dropdown can start its motion after the wait and be measured mid-fade: what is real is still there
  // a moment later, so a violation fails only when a second run, once the screen has settled again, finds it too.
  if (violations.some(isSerious)) {
    await page.waitForTimeout(800);
    violations = await run();
  }
  const serious = violations.filter(isSerious);
  if (serious.length) {
    const lines = serious.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`)
          .join('\n')}`,
    );
    throw new Error(
      `axe-core on ${where} (${page.url()}): ${serious.length} serious or critical violation(s)\n  ${lines.join('\n  ')}`,
    );
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await checkAccessibility(page, name);
  return screenshotOnly(page, name);
}

/** A screenshot with no accessibility check (of a screen a failed step left). */
async function screenshotOnly(page: Page, name: string): Promise<string> {
  const dir = process.env.TDKT_SCREENSHOTS ?? join(process.cwd(), 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the sign-in screen (the embedded issuer: a username, no password); lands on My tasks. */
export async function signIn(page: Page, username: string): Promise<void> {
  // A URL of its own: going to the very URL the app just redirected to would keep that entry's state, whose `from`
  // (the previous person's page) the sign-in would then return to.
  await page.goto(`/sign-in?as=${encodeURIComponent(username)}`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL('**/tasks');
}

/** Signs out (header button) and in again as another person. */
export async function switchUser(page: Page, username: string): Promise<void> {
  await page.evaluate('sessionStorage.clear()');
  await signIn(page, username);
}

/**
 * The dossier page's status tag, once it shows `status`. When it does not, the error says what the screen shows
 * instead — the status it has, a refusal, a form field's message — and a screenshot of it is saved.
 */
export async function expectStatus(page: Page, status: string): Promise<void> {
  try {
    await page.locator(`[data-testid="dossier-status"][data-status="${status}"]`).waitFor();
  } catch (e) {
    const texts = async (selector: string) =>
      (
        await page
          .locator(selector)
          .allInnerTexts()
          .catch(() => [])
      )
        .map((t) => t.replace(/\s+/g, ' '))
        .join(' | ');
    const shown = await page
      .locator('[data-testid="dossier-status"]')
      .first()
      .getAttribute('data-status', { timeout: 1000 })
      .catch(() => null);
    const file = await screenshotOnly(page, `failed-expect-${status}`).catch(() => 'none');
    throw new Error(
      `no ${status} on ${page.url()}: the status shown is ${shown ?? 'none'}; refusal: ${(await texts('[data-testid="refusal"]')) || 'none'}; ` +
        `field messages: ${(await texts('.ant-form-item-explain-error')) || 'none'}; open dialogs: ${(await texts('.ant-modal-title')) || 'none'}; screenshot: ${file}`,
      { cause: e },
    );
  }
}

/** Clicks an action button (by its domain command), then the form's send button; waits for the new status. */
export async function runAction(page: Page, command: string, nextStatus: string): Promise<void> {
  await page.locator(`button[data-command="${command}"]`).click();
  await page.locator('#action-send').click();
  try {
    await expectStatus(page, nextStatus);
  } catch (e) {
    // Say what the screen said when it shows a refusal instead of the new status.
    const refusal = page.locator('[data-testid="refusal"]');
    if (await refusal.first().isVisible())
      throw new Error(
        `${command}: no ${nextStatus}; the screen says: ${(await refusal.first().innerText()).replace(/\s+/g, ' ')}`,
        { cause: e },
      );
    throw e;
  }
}

/** Clicks a Popconfirm's button, then its OK button. */
export async function confirm(page: Page, button: ReturnType<Page['locator']>, ok: string): Promise<void> {
  await button.click();
  await page.locator(`${ok}:visible`).click();
}

/**
 * Opens a Select (`select`: its input's selector, or its own), types `typed` first when it searches, picks the option
 * containing `option` (its whole text when `exact`) in the dropdown just opened, and waits until the Select shows it.
 * On a loaded machine a click can land while the dropdown is still opening or re-rendering and pick nothing (a form
 * then refuses with "Bắt buộc nhập"): the dropdown is closed and the pick done again, at most three times. A multiple
 * Select stays open after the pick: press Escape to close it.
 */
export async function choose(
  page: Page,
  select: string,
  option: string,
  { exact = false, typed }: { exact?: boolean; typed?: string } = {},
): Promise<void> {
  const field = page.locator(select);
  const shown = page
    .locator(`.ant-select${select}`)
    .or(page.locator('.ant-select', { has: field }))
    .first()
    .filter({ hasText: option });
  for (let attempt = 1; ; attempt++) {
    await field.click();
    if (typed) await field.fill(typed);
    try {
      // The dropdown just opened is the last one mounted (an earlier one may still be closing).
      const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
      const text = exact ? new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : option;
      await open.locator('.ant-select-item-option', { hasText: text }).first().click({ timeout: 5000 });
      await shown.waitFor({ timeout: 5000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * The clerk's draft of a Bằng khen tỉnh through the Lập hồ sơ form (signed in as the clerk): award, title, nominee,
 * achievements, two years of Chiến sĩ thi đua cơ sở (rule 8), the report confirmed; saved, on its dossier page.
 * Returns the dossier's path.
 */
export async function draftBkTinh(page: Page, nominee: string, shots?: string): Promise<string> {
  const lastYear = new Date().getFullYear() - 1;
  await page.locator('header a[href="/dossiers/new"]').click();
  await page.locator('#awardCode').click();
  await page.locator('#awardCode').fill('Bằng khen của Chủ tịch UBND');
  await page.locator('.ant-select-item-option[title="Bằng khen của Chủ tịch UBND tỉnh"]').click();
  await page.locator('#title').fill(`Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho ${nominee}`);
  await page.locator('#nominee_fullName').fill(nominee);
  await page.locator('#nominee_position').fill('Giáo viên');
  await page
    .locator('#achievements')
    .fill('Hoàn thành xuất sắc nhiệm vụ hai năm liên tục, Chiến sĩ thi đua cơ sở hai năm liền.');
  await page.locator('[data-testid="add-award"]').click();
  await page.locator('[data-testid="add-award"]').click();
  await page.locator('#awards_0_year').fill(String(lastYear - 1));
  await page.locator('#parts_1_confirmedBySubmittingLevel').check();
  if (shots) await screenshot(page, `${shots}-draft-form`);
  await page.locator('[data-testid="save-draft"]').click();
  await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
  await expectStatus(page, 'DRAFT');
  return new URL(page.url()).pathname;
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
  // A browser scenario walks many screens; on a busy machine each step may wait its full locator timeout.
  jest.setTimeout(180_000);
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
