/**
 * The web app in a real Chromium against the real API + worker (the run's Temporal and Postgres), served by the API
 * at /: the provincial route's first steps through the UI, Vietnamese by default with English switchable, refusals
 * in Vietnamese, and another unit's dossier not visible by URL. Screenshots of the key screens go to
 * test-results/screenshots.
 */
import type { Page } from 'playwright-core';
import { aBkTinhDossier, http, type Cast, type TestSystem } from '../support/system';
import { browserSuite, expectStatus, runAction, screenshot, signIn, switchUser } from '../support/browser';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;
const lastYear = new Date().getFullYear() - 1;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

test('a clerk creates and submits a Bằng khen tỉnh draft, the unit head approves it, the secretariat accepts the appraisal — all in the UI', async () => {
  await signIn(page, cast.users.clerk.username);
  await screenshot(page, 'a1-clerk-tasks');
  await page.locator('header a[href="/dossiers/new"]').click();
  // The award: type to search the catalogue, pick the provincial Certificate of Merit.
  await page.locator('#awardCode').click();
  await page.locator('#awardCode').fill('Bằng khen của Chủ tịch UBND');
  await page.locator('.ant-select-item-option[title="Bằng khen của Chủ tịch UBND tỉnh"]').click();
  await page.locator('#title').fill('Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho bà Nguyễn Thị Lan');
  await page.locator('#nominee_fullName').fill('Nguyễn Thị Lan');
  await page.locator('#nominee_position').fill('Giáo viên');
  await page
    .locator('#achievements')
    .fill('Hoàn thành xuất sắc nhiệm vụ hai năm liên tục, Chiến sĩ thi đua cơ sở hai năm liền.');
  // Rule 8: Chiến sĩ thi đua cơ sở two years running, ending in the evaluation year.
  await page.locator('[data-testid="add-award"]').click();
  await page.locator('[data-testid="add-award"]').click();
  await page.locator('#awards_0_year').fill(String(lastYear - 1));
  await page.locator('#parts_1_confirmedBySubmittingLevel').check();
  await screenshot(page, 'a2-clerk-draft-form');
  await page.locator('[data-testid="save-draft"]').click();
  await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
  await expectStatus(page, 'DRAFT');
  const dossierUrl = page.url();
  await screenshot(page, 'a3-clerk-draft');

  await runAction(page, 'SubmitDossier', 'UNIT_REVIEW');
  await page.locator('[data-testid="dossier-status"]', { hasText: 'Chờ đơn vị duyệt' }).waitFor();
  await screenshot(page, 'a4-clerk-submitted');

  // The unit head finds it in My tasks and opens it with one click.
  await switchUser(page, cast.users.head.username);
  await page.locator(`a[href="${new URL(dossierUrl).pathname}"]`).click();
  await expectStatus(page, 'UNIT_REVIEW');
  await screenshot(page, 'a5-head-review');
  await runAction(page, 'ApproveAtUnit', 'APPRAISAL');
  await page.locator('[data-testid="dossier-status"]', { hasText: 'Đang thẩm định' }).waitFor();

  await switchUser(page, cast.users.secretariat.username);
  await page.goto(dossierUrl);
  await expectStatus(page, 'APPRAISAL');
  await runAction(page, 'AcceptAppraisal', 'COUNCIL_VOTING');
  await page.locator('[data-testid="dossier-status"]', { hasText: 'Hội đồng đang xét' }).waitFor();
  // The eligibility assessment kept at submission, and the timeline of every step.
  await page.locator('[data-testid="timeline"]', { hasText: 'Thẩm định đạt' }).waitFor();
  await screenshot(page, 'a6-secretariat-accepted');
  const id = new URL(dossierUrl).pathname.split('/').pop() ?? '';
  const view = await http<{ status: string }>(sys, 'GET', `/dossiers/${id}`, { token: tokens.secretariat });
  expect(view.body.status).toBe('COUNCIL_VOTING');
});

test('Vietnamese is the default, English is one click away, and a refusal reads in Vietnamese', async () => {
  const incomplete = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aBkTinhDossier({ parts: [] }),
  });
  expect(incomplete.status).toBe(201);
  await page.goto('/sign-in');
  await page.locator('button[type="submit"]', { hasText: 'Đăng nhập' }).waitFor();
  await screenshot(page, 'b1-sign-in-vi');
  await signIn(page, cast.users.clerk.username);
  await page.locator('header', { hasText: 'Việc của tôi' }).waitFor();
  await page.locator('[data-testid="language"]').getByText('EN', { exact: true }).click();
  await page.locator('header', { hasText: 'My tasks' }).waitFor();
  await page.goto(`/dossiers/${incomplete.body.id}`);
  await page.locator('[data-testid="dossier-status"]', { hasText: 'Draft' }).waitFor();
  await screenshot(page, 'b2-dossier-en');
  await page.locator('[data-testid="language"]').getByText('VI', { exact: true }).click();
  await page.locator('[data-testid="dossier-status"]', { hasText: 'Dự thảo' }).waitFor();
  // Submitting an incomplete dossier: the domain refuses it (dossier.parts-complete), the form says why in Vietnamese.
  await page.locator('button[data-command="SubmitDossier"]').click();
  await page.locator('#action-send').click();
  await page.locator('[data-testid="refusal"]', { hasText: 'Hồ sơ chưa đủ thành phần theo quy định.' }).waitFor();
  await screenshot(page, 'b3-refusal-vi');
  await expectStatus(page, 'DRAFT');
});

test("a clerk of another unit cannot open the first unit's dossier by URL", async () => {
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aBkTinhDossier() });
  await signIn(page, cast.users.otherClerk.username);
  await page.goto(`/dossiers/${created.body.id}`);
  await page
    .locator('[data-testid="not-visible"]', { hasText: 'Không tìm thấy hồ sơ hoặc bạn không có quyền xem hồ sơ này.' })
    .waitFor();
  await expect(page.locator('[data-testid="dossier-title"]').count()).resolves.toBe(0);
  await screenshot(page, 'c1-other-unit-not-visible');
});
