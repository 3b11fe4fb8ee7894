/**
 * Scenario 2 of issue 10 in a real Chromium: the secretariat asks for a supplement (the missing part and why), the
 * clerk finds it in My tasks, answers it, and the dossier is back under appraisal; then the secretariat returns it with
 * a reason, and the clerk sees it in My tasks as one to resubmit, with the reason on the dossier page.
 */
import type { Page } from 'playwright-core';
import { driveDossier, type Cast, type TestSystem } from '../support/system';
import { browserSuite, choose, expectStatus, screenshot, signIn, switchUser } from '../support/browser';

let cast: Cast;
let tokens: Record<string, string>;
let sys: TestSystem;
let page: Page;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

test('a supplement round trip, then a return with a reason — each seen by the clerk in his tasks', async () => {
  const id = await driveDossier(sys, tokens, 2);
  const path = `/dossiers/${id}`;

  // The secretariat requests a supplement: the missing part and the reason.
  await signIn(page, cast.users.secretariat.username);
  await page.goto(path);
  await expectStatus(page, 'APPRAISAL');
  await page.locator('button[data-command="RequestSupplement"]').click();
  await choose(page, '#missingParts', 'Biên bản họp Hội đồng TĐKT');
  await page.keyboard.press('Escape');
  await page.locator('#reason').fill('Thiếu biên bản họp Hội đồng TĐKT của đơn vị');
  await screenshot(page, 'e1-secretariat-supplement-request');
  await page.locator('#action-send').click();
  await expectStatus(page, 'SUPPLEMENT_REQUESTED');

  // The clerk: the task "Bổ sung hồ sơ" in My tasks, one click to the dossier, the supplement sent.
  await switchUser(page, cast.users.clerk.username);
  const task = page.locator('tr', { has: page.locator(`a[href="${path}"]`) });
  await task.filter({ hasText: 'Bổ sung hồ sơ' }).waitFor();
  await screenshot(page, 'e2-clerk-task-supplement');
  await task.locator(`a[href="${path}"]`).click();
  await expectStatus(page, 'SUPPLEMENT_REQUESTED');
  await page.locator('button[data-command="ProvideSupplement"]').click();
  await page.locator('#note').fill('Đã bổ sung biên bản họp Hội đồng');
  await page.locator('#action-send').click();
  await expectStatus(page, 'APPRAISAL');
  await page.locator('[data-testid="timeline"]', { hasText: 'Đã bổ sung' }).waitFor();
  await screenshot(page, 'e3-clerk-supplemented');

  // The secretariat returns it with a reason.
  await switchUser(page, cast.users.secretariat.username);
  await page.goto(path);
  await expectStatus(page, 'APPRAISAL');
  await page.locator('button[data-command="ReturnDossier"]').click();
  await page.locator('#reason').fill('Thành tích chưa có số liệu minh chứng');
  await page.locator('#action-send').click();
  await expectStatus(page, 'RETURNED');

  // The clerk sees it to resubmit, and why.
  await switchUser(page, cast.users.clerk.username);
  await task.filter({ hasText: 'Trình hồ sơ' }).filter({ hasText: 'Đã trả lại' }).waitFor();
  await screenshot(page, 'e4-clerk-task-returned');
  await task.locator(`a[href="${path}"]`).click();
  await expectStatus(page, 'RETURNED');
  await page.getByText('Thành tích chưa có số liệu minh chứng').waitFor();
  await screenshot(page, 'e5-clerk-returned-reason');
}, 180_000);
