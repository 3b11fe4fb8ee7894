/**
 * The council session room in a real Chromium against the real API + worker: the secretariat convenes a session from
 * two dossiers under appraisal (a Bằng khen tỉnh, open vote; a Chiến sĩ thi đua cấp tỉnh, secret ballot by the rule
 * set) and records attendance; members reach it from My tasks, vote, one declares a conflict; a secret ballot is
 * confirmed but its choice is shown nowhere and kept nowhere (DOM, storage, the query and mutation caches); the chair
 * closes it; tallies and the printable minutes; the provincial chairman signs the session's one decision and its
 * number shows on the session and on the dossier page.
 */
import type { Page } from 'playwright-core';
import { aBkTinhDossier, aCstdTinhDossier, http, type Cast, type TestSystem } from '../support/system';
import { browserSuite, choose, confirm, screenshot, signIn, switchUser } from '../support/browser';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;
const year = new Date().getUTCFullYear() - 1;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

/** A dossier created and taken to APPRAISAL through the API (the first test file drives these steps in the UI). */
async function underAppraisal(body: Record<string, unknown>): Promise<string> {
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', { token: tokens.clerk, body });
  expect(created.status).toBe(201);
  for (const [who, step] of [
    ['clerk', 'submit'],
    ['head', 'unit-approval'],
  ] as const) {
    const r = await http(sys, 'POST', `/dossiers/${created.body.id}/${step}`, { token: tokens[who], body: {} });
    expect({ step, status: r.status, body: r.body }).toMatchObject({ status: 200 });
  }
  return created.body.id;
}

async function statusOf(id: string): Promise<string> {
  return (await http<{ status: string }>(sys, 'GET', `/dossiers/${id}`, { token: tokens.secretariat })).body.status;
}

async function waitForStatus(id: string, status: string): Promise<void> {
  const until = Date.now() + 30_000;
  while ((await statusOf(id)) !== status) {
    if (Date.now() > until) throw new Error(`dossier ${id} is ${await statusOf(id)}, not ${status}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

test('convene, attend, vote open and secret, declare a conflict, close, tallies, minutes, the session decision — all in the UI', async () => {
  const openItem = await underAppraisal(
    aBkTinhDossier({
      nominee: {
        kind: 'INDIVIDUAL',
        fullName: 'Lê Văn Hùng',
        position: 'Giáo viên',
        citizenId: '001190000124',
        birthDate: '1984-03-02',
      },
    }),
  );
  const secretItem = await underAppraisal(aCstdTinhDossier(year));

  // The secretariat convenes the session from the dossiers under appraisal.
  await signIn(page, cast.users.secretariat.username);
  await page.locator('header a[href="/council-sessions"]').click();
  await page.locator('#session-title').fill('Phiên họp Hội đồng TĐKT tỉnh tháng 12');
  await page.locator('#session-deadline').click();
  await page.locator('#session-deadline').fill(`31/12/${year + 2}`);
  await page.keyboard.press('Enter');
  await page.locator('#session-dossiers').click();
  // Options read "<nominee> — <award> (<unit>)"; other files' dossiers under appraisal may share a nominee and award.
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Lê Văn Hùng' })
    .filter({ hasText: `(${cast.unitCode})` })
    .click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Chiến sĩ thi đua cấp tỉnh' })
    .filter({ hasText: `(${cast.unitCode})` })
    .click();
  await page.keyboard.press('Escape');
  await screenshot(page, 's1-secretariat-convene');
  await page.locator('[data-testid="convene"]').click();
  await page.waitForURL(/\/council-sessions\/[0-9a-f-]{36}$/);
  const sessionPath = new URL(page.url()).pathname;
  // The URL changes before the session's page replaces the list (whose rows carry the same status tags): wait for it.
  await page.locator('[data-testid="session-title"]').waitFor();
  await page.locator('[data-testid="session-status"][data-status="OPEN"]').waitFor();
  await page.locator(`[data-testid="item-${secretItem}"][data-ballot="SECRET"]`, { hasText: 'Bỏ phiếu kín' }).waitFor();
  await page
    .locator(`[data-testid="item-${openItem}"][data-ballot="OPEN"]`, { hasText: 'Biểu quyết công khai' })
    .waitFor();
  for (const who of ['member1', 'member2', 'member3'] as const) {
    const id = cast.users[who].id;
    await choose(page, `[data-testid="attendance-${id}"]`, 'Có mặt', { exact: true });
    await page.locator(`[data-testid="attendance-${id}"]`, { hasText: 'Có mặt' }).waitFor();
  }
  await screenshot(page, 's2-secretariat-session-attendance');

  // A member finds the session in My tasks, on a phone-sized screen.
  await switchUser(page, cast.users.member1.username);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator(`[data-testid="task-sessions"] [data-testid="open-session"][href="${sessionPath}"]`).click();
  await page.waitForURL(`**${sessionPath}`);
  await page.locator('[data-testid="session-title"]').waitFor();
  await screenshot(page, 's3-member-session-phone');
  // The secret ballot: cast, confirmed, and the choice is nowhere afterwards.
  const secretCard = page.locator(`[data-testid="item-${secretItem}"]`);
  await confirm(page, secretCard.locator('[data-testid="vote-reject"]'), 'button.vote-confirm');
  await secretCard.locator('[data-testid="secret-cast"]', { hasText: 'Đã bỏ phiếu kín' }).waitFor();
  await expect(secretCard.innerText()).resolves.not.toMatch(/Không đồng ý|Đồng ý/);
  const stored = (await page.evaluate(
    'JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } })',
  )) as string;
  expect(stored).not.toMatch(/approve|đồng ý/i);
  const cache = (await page.evaluate('window.__tdktCacheSnapshot()')) as string;
  expect(cache).toContain(secretItem);
  expect(cache).not.toMatch(/approve/);
  await screenshot(page, 's4-member-secret-ballot-cast');
  // Reloaded, the page still says only that the ballot was cast.
  await page.reload();
  await secretCard.locator('[data-testid="secret-cast"]').waitFor();
  expect((await page.evaluate('window.__tdktCacheSnapshot()')) as string).not.toMatch(/approve/);
  // The open vote shows its choice.
  const openCard = page.locator(`[data-testid="item-${openItem}"]`);
  await confirm(page, openCard.locator('[data-testid="vote-approve"]'), 'button.vote-confirm');
  await openCard.locator('[data-testid="open-cast"]', { hasText: 'Bạn đã biểu quyết: Đồng ý' }).waitFor();
  await page.setViewportSize({ width: 1280, height: 900 });

  // Another member declares a conflict on the open item, then votes the secret one.
  await switchUser(page, cast.users.member2.username);
  await page.goto(sessionPath);
  await page.locator(`[data-testid="item-${openItem}"] [data-testid="declare-conflict"]`).click();
  await page.locator('#conflict-reason').fill('Người được đề nghị là người thân của tôi');
  await page.locator('#conflict-send').click();
  await page.locator(`[data-testid="item-${openItem}"]`, { hasText: 'Bạn không tham gia xét hồ sơ này' }).waitFor();
  await confirm(
    page,
    page.locator(`[data-testid="item-${secretItem}"] [data-testid="vote-approve"]`),
    'button.vote-confirm',
  );
  await page.locator(`[data-testid="item-${secretItem}"] [data-testid="secret-cast"]`).waitFor();

  // The chair votes both, then closes the session: tallies and the minutes.
  await switchUser(page, cast.users.member3.username);
  await page.goto(sessionPath);
  await confirm(
    page,
    page.locator(`[data-testid="item-${openItem}"] [data-testid="vote-approve"]`),
    'button.vote-confirm',
  );
  await page.locator(`[data-testid="item-${openItem}"] [data-testid="open-cast"]`).waitFor();
  await confirm(
    page,
    page.locator(`[data-testid="item-${secretItem}"] [data-testid="vote-approve"]`),
    'button.vote-confirm',
  );
  await page.locator(`[data-testid="item-${secretItem}"] [data-testid="secret-cast"]`).waitFor();
  await confirm(page, page.locator('[data-testid="close-session"]'), '#close-confirm');
  await page.locator('[data-testid="session-status"][data-status="CLOSED"]').waitFor();
  const tallies = page.locator('[data-testid="tallies"]');
  await tallies.locator('tr', { hasText: 'Lê Văn Hùng' }).filter({ hasText: 'Được thông qua' }).waitFor();
  // One member rejected the secret item: ≥ 90% of all members is not reached.
  await tallies
    .locator('tr', { hasText: 'Chiến sĩ thi đua cấp tỉnh' })
    .filter({ hasText: 'Không được thông qua' })
    .waitFor();
  await screenshot(page, 's5-chair-closed-tallies');
  await page.locator('[data-testid="minutes-link"]').click();
  await page.locator('[data-testid="minutes"]', { hasText: 'Phiên họp Hội đồng TĐKT tỉnh tháng 12' }).waitFor();
  await screenshot(page, 's6-minutes');

  // The provincial chairman: the session awaiting his decision in My tasks, one decision signed, its number shown.
  await waitForStatus(openItem, 'AWAITING_DECISION');
  await switchUser(page, cast.users.chairman.username);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator(`[data-testid="task-sessions"] [data-testid="open-session"][href="${sessionPath}"]`).click();
  await page.waitForURL(`**${sessionPath}`);
  await page.locator('#decision-basis').fill('Luật Thi đua, khen thưởng số 06/2022/QH15');
  await screenshot(page, 's7-chairman-session-decision-phone');
  await confirm(page, page.locator('[data-testid="sign-decision"]'), '#sign-confirm');
  const number = (await page.locator('[data-testid="decision-number"]').innerText()).trim();
  expect(number).toMatch(/\d+/);
  await page.locator('[data-testid="session-decision"]', { hasText: 'Lê Văn Hùng' }).waitFor();
  await screenshot(page, 's8-chairman-decision-signed');
  await page.setViewportSize({ width: 1280, height: 900 });
  await waitForStatus(openItem, 'AWARDED');
  await page.goto(`/dossiers/${openItem}`);
  await page.locator('[data-testid="dossier-status"][data-status="AWARDED"]').waitFor();
  await page.getByText(number).first().waitFor();
  await screenshot(page, 's9-dossier-awarded-with-number');
  expect(await statusOf(secretItem)).toBe('REJECTED');
});

test('a member of no session sees no session, and a unit clerk cannot open one by URL', async () => {
  const id = await underAppraisal(aBkTinhDossier());
  const s = await http<{ id: string }>(sys, 'POST', '/council-sessions', {
    token: tokens.secretariat,
    body: { title: 'Phiên họp thử', deadline: `${year + 2}-12-31`, dossierIds: [id] },
  });
  expect(s.status).toBe(201);
  await signIn(page, cast.users.clerk.username);
  await expect(page.locator('header a[href="/council-sessions"]').count()).resolves.toBe(0);
  await page.goto(`/council-sessions/${s.body.id}`);
  await page.locator('body', { hasText: /Không tìm thấy phiên họp|Thao tác bị từ chối/ }).waitFor();
  await expect(page.locator('[data-testid="session-title"]').count()).resolves.toBe(0);
});
