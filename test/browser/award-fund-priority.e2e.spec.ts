/**
 * The award fund and the nominees' priority facts in a real Chromium, in Vietnamese, on a Bằng khen tỉnh this file
 * decides through the API: the secretariat finds its ledger line (due by rule 35), is refused a payment above the
 * amount due, records one within it and sees the totals; the unit's clerk sees the line without the payment form. The
 * clerk records the nominee's priority facts on the dossier page; the auditor reads them and their shares in the
 * reports. Lists and totals are read for this file's own province, never the whole shared database.
 */
import type { Page } from 'playwright-core';
import { driveDossier, http, type Cast, type TestSystem } from '../support/system';
import { browserSuite, choose, screenshot, signIn, switchUser } from '../support/browser';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;
let province: string;
let dossierId: string;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

beforeAll(async () => {
  province = (await sys.directory.provinceOf(cast.unitCode)) ?? '';
  dossierId = await driveDossier(sys, tokens);
}, 180_000);

const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

test('the secretariat records a payment against a decision and sees the totals; the unit sees its line', async () => {
  await signIn(page, cast.users.secretariat.username);
  await page.goto('/award-fund');
  await page.locator('#fund-filters_provinceCode').fill(province);
  await page.locator('[data-testid="fund-show"]').click();
  const line = page.locator(`[data-testid="fund-entries"] tr[data-dossier="${dossierId}"]`);
  await line.filter({ hasText: '3.510.000 ₫' }).waitFor();
  await page.locator('[data-testid="fund-by-year"]', { hasText: '3.510.000 ₫' }).waitFor();

  // More than due is refused with the rule in Vietnamese; nothing is recorded.
  await line.locator('[data-testid="fund-pay"]').click();
  await page.locator('#payment_amountVnd').fill('4000000');
  await page.locator('#payment_voucherRef').fill('PC 15/2026');
  await page.locator('#payment-save').click();
  await page
    .locator('[data-testid="refusal"]', { hasText: 'Tổng số tiền chi vượt mức tiền thưởng theo quy định.' })
    .waitFor();
  await screenshot(page, 'fund1-payment-refused');
  const before = await http<{ paidVnd: number }>(sys, 'GET', `/award-fund/entries/${dossierId}`, {
    token: tokens.secretariat,
  });
  expect(before.body.paidVnd).toBe(0);

  await page.locator('#payment_amountVnd').fill('2000000');
  await page.locator('#payment-save').click();
  await line.locator('[data-testid="entry-paid"]', { hasText: '2.000.000 ₫' }).waitFor();
  await page.locator('[data-testid="fund-by-source"]', { hasText: 'Ngân sách nhà nước' }).waitFor();
  await page.locator('[data-testid="fund-by-year"]', { hasText: '2.000.000 ₫' }).waitFor();
  const entry = await http<{
    paidVnd: number;
    outstandingVnd: number;
    payments: { amountVnd: number; paidOn: string; source: string; voucherRef: string; recordedBy: string }[];
  }>(sys, 'GET', `/award-fund/entries/${dossierId}`, { token: tokens.secretariat });
  expect(entry.body).toMatchObject({
    paidVnd: 2_000_000,
    outstandingVnd: 1_510_000,
    payments: [
      {
        amountVnd: 2_000_000,
        paidOn: today,
        source: 'STATE_BUDGET',
        voucherRef: 'PC 15/2026',
        recordedBy: cast.users.secretariat.id,
      },
    ],
  });
  const totals = await http<{ byYear: { year: number; dueVnd: number; paidVnd: number }[] }>(
    sys,
    'GET',
    `/award-fund/totals?fromYear=${year}&toYear=${year}&provinceCode=${province}`,
    { token: tokens.secretariat },
  );
  expect(totals.body.byYear).toEqual([expect.objectContaining({ year, dueVnd: 3_510_000, paidVnd: 2_000_000 })]);
  await line.locator('.ant-table-row-expand-icon').click();
  await page.locator('[data-testid="fund-payments"]', { hasText: 'PC 15/2026' }).waitFor();
  await screenshot(page, 'fund2-ledger-and-totals');

  // The unit's clerk sees its own line, without totals and without the payment form (the province pays it).
  await switchUser(page, cast.users.clerk.username);
  await page.goto('/award-fund');
  await line.locator('[data-testid="entry-paid"]', { hasText: '2.000.000 ₫' }).waitFor();
  expect(await line.locator('[data-testid="fund-pay"]').count()).toBe(0);
  expect(await page.locator('[data-testid="fund-totals"]').count()).toBe(0);
});

test("a clerk records the nominee's priority facts; others read them, and the report gives their shares", async () => {
  await signIn(page, cast.users.clerk.username);
  await page.goto(`/dossiers/${dossierId}`);
  await choose(page, '.ant-select:has(#priority_occupationGroup)', 'Giáo viên');
  await choose(page, '.ant-select:has(#priority_gender)', 'Nữ');
  await choose(page, '.ant-select:has(#priority_ethnicMinority)', 'Có');
  await choose(page, '.ant-select:has(#priority_areaClass)', 'Biên giới');
  await screenshot(page, 'priority1-form');
  await page.locator('[data-testid="priority-save"]').click();
  await page.locator('[data-testid="priority"]', { hasText: 'Ghi lúc' }).waitFor();
  const recorded = await http<Record<string, unknown>>(sys, 'GET', `/dossiers/${dossierId}/priority`, {
    token: tokens.auditor,
  });
  expect(recorded.body).toMatchObject({
    dossierId,
    occupationGroup: 'TEACHER',
    gender: 'FEMALE',
    ethnicMinority: true,
    areaClass: 'BORDER',
    recordedBy: cast.users.clerk.id,
  });

  // The auditor reads them (no form) and sees the shares of the province's awards this year.
  await switchUser(page, cast.users.auditor.username);
  await page.goto(`/dossiers/${dossierId}`);
  await page.locator('[data-testid="priority-facts"]', { hasText: 'Giáo viên' }).waitFor();
  await page.locator('[data-testid="priority-facts"]', { hasText: 'Biên giới' }).waitFor();
  expect(await page.locator('[data-testid="priority-save"]').count()).toBe(0);
  await page.goto('/reports');
  await page.locator('#report-province').fill(province);
  await page.locator('#report-from').fill(String(year));
  await page.locator('[data-testid="report-show"]').click();
  const row = page.locator(`[data-testid="priority-report"] tr[data-row="${year}-PROVINCIAL"]`);
  await row.locator('[data-testid="share-female"]', { hasText: '1 (100.0 %)' }).waitFor();
  await screenshot(page, 'priority2-report');
});
