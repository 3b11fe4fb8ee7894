/**
 * The auditor's screen in a real Chromium: verify the whole event table and one dossier, the export downloaded as a
 * file, a superuser's edit named in Vietnamese words (which dossier, which event, what broke), and the decision
 * register of the provincial chairman's series listing the awarded dossier's number.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Client } from 'pg';
import { driveDossier, http, type Cast, type TestSystem } from '../support/system';
import { browserSuite, screenshot, signIn } from '../support/browser';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

async function superuserEdit(sql: string, params: unknown[]): Promise<void> {
  const c = new Client({ connectionString: process.env.TDKT_TEST_SUPERUSER_URL ?? process.env.DATABASE_URL });
  await c.connect();
  await c.query('SET session_replication_role = replica');
  await c.query(sql, params);
  await c.end();
}

test('the auditor verifies the table and a dossier, downloads its export, reads the register, and a broken link is named in words', async () => {
  const id = await driveDossier(sys, tokens);
  const view = await http<{ decisionNumber: string; decidedOn: string }>(sys, 'GET', `/dossiers/${id}`, {
    token: tokens.auditor,
  });
  const number = view.body.decisionNumber;
  expect(number).toBeTruthy();
  const province = cast.provinceUnitCode.replace(/^UBND-/, 'P-');

  await signIn(page, cast.users.auditor.username);
  await page.locator('header a[href="/audit"]').click();
  await page.locator('[data-testid="verify-all"]').click();
  await page
    .locator('[data-testid="verify-all-result"] .ant-result, [data-testid="verify-all-result"] .ant-alert')
    .first()
    .waitFor();
  await page.locator('#audit-dossier').fill(id);
  await page.locator('[data-testid="verify-dossier"]').click();
  await page
    .locator('[data-testid="verify-dossier-result"] [data-testid="verify-ok"]', { hasText: 'Dữ liệu toàn vẹn' })
    .waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="export-dossier"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`dossier-${id}.json`);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    events: { seq: number }[];
    chain: { verifiedAtExport: boolean };
  };
  expect(exported.chain.verifiedAtExport).toBe(true);
  expect(exported.events.length).toBeGreaterThan(5);

  await page.locator('#register-authority').fill(`PROVINCIAL_CHAIRMAN:${province}`);
  await page.locator('#register-year').fill(view.body.decidedOn.slice(0, 4));
  await page.locator('[data-testid="register-show"]').click();
  await page.locator('[data-testid="register"] tr', { hasText: number }).waitFor();
  await screenshot(page, 'd1-auditor-verified-register');

  // A superuser edits event 3 in Postgres: the screen names the dossier, the event and what broke, in Vietnamese.
  await superuserEdit(`UPDATE dossier_event SET actor_id = 'someone-else' WHERE stream_id = $1 AND seq = 3`, [id]);
  await page.locator('[data-testid="verify-dossier"]').click();
  await page
    .locator('[data-testid="verify-broken"]', {
      hasText: `Hồ sơ ${id}, sự kiện số 3: nội dung sự kiện không khớp với mã băm đã lưu`,
    })
    .waitFor();
  await screenshot(page, 'd2-auditor-broken-link');
});
