/**
 * The central actors' stage tasks in a real Chromium: a Bằng khen Thủ tướng (state route, no public posting) taken
 * through the province by the API to the Ministry of Home Affairs; the Ministry's appraiser finds it in My tasks,
 * records the hiệp y and accepts the appraisal with the forms the dossier page opens for those actions; the central
 * decider (Văn phòng Chính phủ) records the Prime Minister's decision; the dossier is awarded in the TTg series.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { aBkThuTuongDossier, driveDossier, http, PROVINCIAL_STEPS, type TestSystem } from '../support/system';
import { browserSuite, expectStatus, screenshot, signIn, switchUser } from '../support/browser';

let sys: TestSystem;
let tokens: Record<string, string>;
let page: Page;
const central = { appraiser: '', decider: '' };

browserSuite(
  (s) => ({ sys, tokens } = s),
  (p) => (page = p),
);

beforeAll(async () => {
  const tag = randomUUID().slice(0, 8);
  for (const [key, role] of [
    ['appraiser', 'CENTRAL_APPRAISER'],
    ['decider', 'CENTRAL_DECIDER'],
  ] as const) {
    central[key] = `central.${key}.${tag}`;
    await sys.directory.upsertUser({
      id: `central-${key}-${tag}`,
      username: central[key],
      fullName: `Chuyên viên ${key} ${tag}`,
      role,
      unitCode: null,
    });
  }
});

async function untilStatus(id: string, status: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (
      (await http<{ status: string }>(sys, 'GET', `/dossiers/${id}`, { token: tokens.auditor })).body.status === status
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dossier ${id} never reached ${status}`);
}

test("the Ministry's appraiser records the hiệp y and accepts; the central decider records the Prime Minister's decision — in the UI", async () => {
  // Through the province by the API: council votes, the chairman signs the tờ trình to the centre.
  const id = await driveDossier(sys, tokens, PROVINCIAL_STEPS.length - 1, aBkThuTuongDossier());
  expect(
    (await http(sys, 'POST', `/dossiers/${id}/proposal`, { token: tokens.chairman, body: { approve: true } })).status,
  ).toBe(200);
  await untilStatus(id, 'MOHA_APPRAISAL');

  await signIn(page, central.appraiser);
  await page.locator(`a[href="/dossiers/${id}"]`).click();
  await expectStatus(page, 'MOHA_APPRAISAL');
  await screenshot(page, 'c1-moha-dossier');
  await page.locator('button[data-command="RecordHiepY"]').click();
  await page.locator('#agency').fill('UBND tỉnh');
  await page.locator('#opinion').fill('Nhất trí đề nghị khen thưởng');
  await screenshot(page, 'c2-moha-hiep-y-form');
  await page.locator('#action-send').click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await page.locator('button[data-command="CentralAppraise"]').click();
  await page.locator('.ant-modal').getByText('Thẩm định đạt').waitFor();
  await page.locator('#action-send').click();
  await expectStatus(page, 'SUBMITTED_TO_PM');
  await screenshot(page, 'c3-moha-accepted');

  await switchUser(page, central.decider);
  await page.locator(`a[href="/dossiers/${id}"]`).click();
  await expectStatus(page, 'SUBMITTED_TO_PM');
  await page.locator('button[data-command="DecideDossier"]').click();
  await page.locator('#legalBasis').fill('Luật Thi đua, khen thưởng số 06/2022/QH15');
  await page.locator('#action-send').click();
  await expectStatus(page, 'AWARDED');
  await page
    .getByText(/\/QĐ-TTg/)
    .first()
    .waitFor();
  await screenshot(page, 'c4-pm-decided');
  const view = await http<{ status: string; decisionNumber: string }>(sys, 'GET', `/dossiers/${id}`, {
    token: tokens.auditor,
  });
  expect(view.body).toMatchObject({ status: 'AWARDED', decisionNumber: expect.stringMatching(/\/QĐ-TTg$/) });
}, 180_000);
