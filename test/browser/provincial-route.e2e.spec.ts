/**
 * Scenario 1 of issue 10 in a real Chromium, through the web app: a clerk drafts and submits a Bằng khen tỉnh, the
 * unit head approves it, the secretariat convenes a council session with it (accepting the appraisal) and records
 * attendance, three members vote — a Chiến sĩ thi đua cấp tỉnh on the same agenda by secret ballot —, the chair closes
 * the session, the provincial chairman signs the session's one decision; its number shows on the session, on the
 * dossier page and in the decision register, and the board shows the dossier awarded with the number. Screenshots of every step go to
 * the run's folder. The secret-ballot dossier is prepared through the API (the draft form has no initiative list);
 * everything done to the Bằng khen tỉnh is done in the UI.
 */
import type { Page } from 'playwright-core';
import { aCstdTinhDossier, http, type Cast, type TestSystem } from '../support/system';
import {
  browserSuite,
  choose,
  confirm,
  draftBkTinh,
  expectStatus,
  runAction,
  screenshot,
  signIn,
  switchUser,
} from '../support/browser';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;
const year = new Date().getUTCFullYear() - 1;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

async function statusOf(id: string): Promise<string> {
  return (await http<{ status: string }>(sys, 'GET', `/dossiers/${id}`, { token: tokens.secretariat })).body.status;
}

/** The worker finishes a step after the HTTP answer for some transitions (a session's close, its decision). */
async function waitForStatus(id: string, status: string): Promise<void> {
  const until = Date.now() + 30_000;
  while ((await statusOf(id)) !== status) {
    if (Date.now() > until) throw new Error(`dossier ${id} is ${await statusOf(id)}, not ${status}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

test('clerk → unit head → secretariat convenes → three members vote (one secret ballot) → chair closes → chairman signs; the number on the session, the dossier page and the register', async () => {
  const nominee = 'Phạm Thị Hoa';
  // The clerk drafts and submits.
  await signIn(page, cast.users.clerk.username);
  const dossierPath = await draftBkTinh(page, nominee, 'p1');
  const id = dossierPath.split('/').pop() ?? '';
  await runAction(page, 'SubmitDossier', 'UNIT_REVIEW');
  await screenshot(page, 'p2-clerk-submitted');

  // The unit head finds it in My tasks and approves.
  await switchUser(page, cast.users.head.username);
  await page.locator(`a[href="${dossierPath}"]`).click();
  await expectStatus(page, 'UNIT_REVIEW');
  await runAction(page, 'ApproveAtUnit', 'APPRAISAL');
  await screenshot(page, 'p3-head-approved');

  // A Chiến sĩ thi đua cấp tỉnh under appraisal for the same session: the rule set puts it to a secret ballot.
  const secret = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aCstdTinhDossier(year),
  });
  for (const [who, step] of [
    ['clerk', 'submit'],
    ['head', 'unit-approval'],
  ] as const) {
    expect(
      (await http(sys, 'POST', `/dossiers/${secret.body.id}/${step}`, { token: tokens[who], body: {} })).status,
    ).toBe(200);
  }

  // The secretariat sees it under appraisal, then convenes the session with both (the appraisal is accepted with it).
  await switchUser(page, cast.users.secretariat.username);
  await page.goto(dossierPath);
  await expectStatus(page, 'APPRAISAL');
  await screenshot(page, 'p4-secretariat-appraisal');
  await page.locator('header a[href="/council-sessions"]').click();
  await page.locator('#session-title').fill(`Phiên họp Hội đồng TĐKT tỉnh — ${nominee}`);
  await page.locator('#session-deadline').click();
  await page.locator('#session-deadline').fill(`31/12/${year + 2}`);
  await page.keyboard.press('Enter');
  await page.locator('#session-dossiers').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: nominee })
    .filter({ hasText: `(${cast.unitCode})` })
    .click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Chiến sĩ thi đua cấp tỉnh' })
    .filter({ hasText: `(${cast.unitCode})` })
    .click();
  await page.keyboard.press('Escape');
  await screenshot(page, 'p5-secretariat-convene');
  await page.locator('[data-testid="convene"]').click();
  await page.waitForURL(/\/council-sessions\/[0-9a-f-]{36}$/);
  const sessionPath = new URL(page.url()).pathname;
  await page.locator(`[data-testid="item-${secret.body.id}"][data-ballot="SECRET"]`).waitFor();
  await page.locator(`[data-testid="item-${id}"][data-ballot="OPEN"]`).waitFor();
  for (const who of ['member1', 'member2', 'member3'] as const) {
    await choose(page, `[data-testid="attendance-${cast.users[who].id}"]`, 'Có mặt', { exact: true });
    await page.locator(`[data-testid="attendance-${cast.users[who].id}"]`, { hasText: 'Có mặt' }).waitFor();
  }
  await screenshot(page, 'p6-secretariat-session-open');
  await page.goto(dossierPath);
  await page.locator('[data-testid="timeline"]', { hasText: 'Thẩm định đạt' }).waitFor();

  // Three members vote both items: the open one shows the choice, the secret one only that the ballot was cast.
  for (const who of ['member1', 'member2', 'member3'] as const) {
    await switchUser(page, cast.users[who].username);
    await page.locator(`[data-testid="task-sessions"] [data-testid="open-session"][href="${sessionPath}"]`).click();
    await page.waitForURL(`**${sessionPath}`);
    const open = page.locator(`[data-testid="item-${id}"]`);
    await confirm(page, open.locator('[data-testid="vote-approve"]'), 'button.vote-confirm');
    await open.locator('[data-testid="open-cast"]', { hasText: 'Bạn đã biểu quyết: Đồng ý' }).waitFor();
    const box = page.locator(`[data-testid="item-${secret.body.id}"]`);
    await confirm(page, box.locator('[data-testid="vote-approve"]'), 'button.vote-confirm');
    await box.locator('[data-testid="secret-cast"]', { hasText: 'Đã bỏ phiếu kín' }).waitFor();
    await expect(box.innerText()).resolves.not.toMatch(/Bạn đã biểu quyết/);
    await screenshot(page, `p7-${who}-voted`);
  }

  // The chair (member3) closes: tallies and the minutes.
  await confirm(page, page.locator('[data-testid="close-session"]'), '#close-confirm');
  await page.locator('[data-testid="session-status"][data-status="CLOSED"]').waitFor();
  const tallies = page.locator('[data-testid="tallies"]');
  await tallies.locator('tr', { hasText: nominee }).filter({ hasText: 'Được thông qua' }).waitFor();
  await tallies.locator('tr', { hasText: 'Chiến sĩ thi đua cấp tỉnh' }).filter({ hasText: 'Được thông qua' }).waitFor();
  await screenshot(page, 'p8-chair-closed');

  // The provincial chairman signs the session's one decision.
  await waitForStatus(id, 'AWAITING_DECISION');
  await switchUser(page, cast.users.chairman.username);
  await page.locator(`[data-testid="task-sessions"] [data-testid="open-session"][href="${sessionPath}"]`).click();
  await page.waitForURL(`**${sessionPath}`);
  await page.locator('#decision-basis').fill('Luật Thi đua, khen thưởng số 06/2022/QH15');
  await screenshot(page, 'p9-chairman-to-sign');
  await confirm(page, page.locator('[data-testid="sign-decision"]'), '#sign-confirm');
  const number = (await page.locator('[data-testid="decision-number"]').innerText()).trim();
  expect(number).toMatch(/^\d+\//);
  await page.locator('[data-testid="session-decision"]', { hasText: nominee }).waitFor();
  await screenshot(page, 'p10-chairman-signed');

  // The number on the dossier page, in the register, and the board shows the dossier awarded.
  await waitForStatus(id, 'AWARDED');
  await waitForStatus(secret.body.id, 'AWARDED');
  await page.goto(dossierPath);
  await expectStatus(page, 'AWARDED');
  await page.getByText(number).first().waitFor();
  await screenshot(page, 'p11-dossier-awarded');
  const province = cast.provinceUnitCode.replace(/^UBND-/, 'P-');
  await page.locator('header a[href="/decisions"]').click();
  await page.locator('#register-authority').fill(`PROVINCIAL_CHAIRMAN:${province}`);
  await page.locator('#register-year').fill(String(new Date().getFullYear()));
  await page.locator('[data-testid="register-show"]').click();
  const row = page.locator('[data-testid="register"] tr', { hasText: number });
  await row.locator(`a[href="${dossierPath}"]`).waitFor();
  await row.locator(`a[href="/dossiers/${secret.body.id}"]`).waitFor();
  await screenshot(page, 'p12-register');
  await page.locator('header a[href="/board"]').click();
  await page.locator('#board-unit').fill(cast.unitCode);
  await page.locator('#board-unit').press('Enter');
  const boardRow = page.locator('tr', { hasText: nominee });
  // The board's row: awarded, with the decision's number.
  await boardRow.filter({ hasText: 'Đã khen thưởng' }).filter({ hasText: number }).waitFor();
  await screenshot(page, 'p13-board-awarded');
}, 300_000);
