/**
 * The secretariat's and the chairman's record screens in a real Chromium: award lookup by citizen id (sent in a POST
 * body, never in the URL, cleared from the form) and by name and unit; the reports (the five-year report and the
 * statistics as tables and charts, a CSV download) of this file's own province, filtered and grouped by movement; the
 * decision register, where the
 * provincial chairman voids a number no decision carries and cannot void one that awarded a dossier.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DecisionNumbers } from '@tdkt/persistence';
import { aMovement, aBkTinhDossier, driveDossier, http, type Cast, type TestSystem } from '../support/system';
import { browserSuite, choose, screenshot, signIn } from '../support/browser';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;
let awarded: string;
let province: string;
/** This file's own nominee's citizen id (from the cast's tag), so the lookup finds this award alone. */
let citizenId: string;
const thisYear = new Date().getFullYear();

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

beforeAll(async () => {
  citizenId = `09${String(parseInt(cast.unitCode.slice(2), 16)).padStart(10, '0')}`;
  awarded = await driveDossier(
    sys,
    tokens,
    undefined,
    aBkTinhDossier({
      nominee: {
        kind: 'INDIVIDUAL',
        fullName: 'Nguyễn Thị Lan',
        position: 'Giáo viên',
        citizenId,
        birthDate: '1985-04-12',
      },
    }),
  );
  province = cast.provinceUnitCode.replace(/^UBND-/, 'P-');
}, 120_000);

test('award lookup by citizen id (POSTed, never in the URL, cleared after the search) and by name and unit', async () => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await signIn(page, cast.users.secretariat.username);
  await page.locator('header a[href="/award-lookup"]').click();
  await page.locator('#lookup-citizen-id').fill('00119000012');
  await page.locator('[data-testid="lookup-search"]').click();
  await page.getByText('Số CCCD gồm 12 chữ số').waitFor();
  await page.locator('#lookup-citizen-id').fill(citizenId);
  await page.locator('[data-testid="lookup-search"]').click();
  await page.locator(`[data-testid="lookup-results"] a[href="/dossiers/${awarded}"]`).waitFor();
  await expect(page.locator('#lookup-citizen-id').inputValue()).resolves.toBe('');
  // This nominee's awards only (the Bằng khen and the grassroots titles its record declared).
  await expect(
    page
      .locator('[data-testid="lookup-results"] tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.every((r) => r.textContent?.includes('Nguyễn Thị Lan'))),
  ).resolves.toBe(true);
  expect(requests.filter((u) => u.includes(citizenId))).toEqual([]);
  await screenshot(page, 'r1-lookup-citizen-id');

  await page.locator('[data-testid="lookup-by"]').getByText('Theo họ tên và đơn vị').click();
  await page.locator('#lookup-name').fill('Nguyễn Thị Lan');
  await page.locator('#lookup-unit').fill(cast.unitCode);
  await page.locator('[data-testid="lookup-search"]').click();
  const row = page.locator('[data-testid="lookup-results"] tr', { hasText: 'Bằng khen của Chủ tịch UBND tỉnh' });
  await row.locator(`a[href="/dossiers/${awarded}"]`).waitFor();
  await screenshot(page, 'r2-lookup-name-unit');
});

test('the five-year report and the statistics of this province as tables and charts, with the CSV', async () => {
  await signIn(page, cast.users.secretariat.username);
  await page.locator('header a[href="/reports"]').click();
  await page.locator('#report-province').fill(province);
  await page.locator('[data-testid="report-show"]').click();
  // One Bằng khen tỉnh awarded in this province: its category counts 1 individual; the charts are drawn.
  const fiveYear = page.locator('[data-testid="five-year"]');
  const bkTinh = fiveYear.locator('tr', { hasText: 'Bằng khen của Chủ tịch UBND tỉnh' }).first();
  await bkTinh.waitFor();
  await expect(bkTinh.locator('td').nth(2).innerText()).resolves.toBe('1');
  await page.locator('.recharts-surface').first().waitFor();
  await page.locator('[data-testid="awards"] tr', { hasText: `Trường THPT ${cast.unitCode.slice(2)}` }).waitFor();
  await page.locator('[data-testid="times"] tbody tr').first().waitFor();
  await screenshot(page, 'r3-reports');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="five-year-csv"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`bao-cao-khen-thuong-${province}-${thisYear - 4}-${thisYear}.csv`);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('Hình thức khen thưởng');
  expect(csv.split('\n').some((line) => /Bằng khen/.test(line) && /,1,/.test(line))).toBe(true);
});

test('the reports filtered by a movement chosen on the screen, and the awards grouped by movement', async () => {
  const name = `Phong trào "Thi đua dạy tốt" ${cast.unitCode.slice(2)}`;
  const launched = await http<{ movementId: string }>(sys, 'POST', '/movements', {
    token: tokens.secretariat,
    body: aMovement(thisYear, province, {
      name,
      objectives: ['Nâng cao chất lượng dạy học'],
      launchDecision: { number: '7/QĐ-UBND', date: `${thisYear}-01-02` },
    }),
  });
  expect(launched.status).toBe(201);
  await driveDossier(sys, tokens, undefined, aBkTinhDossier({ movementId: launched.body.movementId }));

  await signIn(page, cast.users.secretariat.username);
  await page.locator('header a[href="/reports"]').click();
  await page.locator('#report-province').fill(province);
  await page.locator('[data-testid="report-show"]').click();
  // All movements: this province's award of the movement, and the earlier one of none.
  const byMovement = page.locator('[data-testid="awards-by-movement"]');
  const rowOf = (text: string) => byMovement.locator('tbody tr.ant-table-row', { hasText: text });
  /** The row's total once it shows `n` (the page first shows every province's awards, then this one's). */
  const totalOf = (text: string, n: number) =>
    rowOf(text)
      .locator('td')
      .nth(1)
      .filter({ hasText: new RegExp(`^${n}$`) });
  await totalOf(name, 1).waitFor();
  await totalOf('Không thuộc phong trào', 1).waitFor();
  // The five-year report's Bằng khen tỉnh: both awards, then the movement's alone.
  const bkTinhCount = (n: string) =>
    page
      .locator('[data-testid="five-year"] tr', { hasText: 'Bằng khen của Chủ tịch UBND tỉnh' })
      .first()
      .locator('td')
      .nth(2)
      .filter({ hasText: new RegExp(`^${n}$`) });
  await bkTinhCount('2').waitFor();

  // The movement chosen on the screen: every report holds its dossier alone.
  await choose(page, '#report-movement', name, { typed: name.slice(-8) });
  await page.locator('[data-testid="report-show"]').click();
  await rowOf('Không thuộc phong trào').waitFor({ state: 'detached' });
  await totalOf(name, 1).waitFor();
  await expect(byMovement.locator('tbody tr.ant-table-row').count()).resolves.toBe(1);
  await bkTinhCount('1').waitFor();
  await screenshot(page, 'r3b-reports-by-movement');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="by-movement-csv"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`khen-thuong-theo-phong-trao-${thisYear - 4}-${thisYear}.csv`);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('"Phong trào thi đua"');
  expect(csv).toContain(`"${launched.body.movementId}"`);
  expect(csv).not.toContain('Không thuộc phong trào');
});

test('the chairman voids an allocated number no decision carries; a number that awarded a dossier offers no voiding', async () => {
  // A number allocated for a signing that was then abandoned (a draft of this cast's unit names the series).
  const draft = await http<{ id: string }>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aBkTinhDossier() });
  const unused = await new DecisionNumbers(sys.db).allocate({
    authority: 'PROVINCIAL_CHAIRMAN',
    issuerCode: 'UBND',
    year: thisYear,
    dossierId: draft.body.id,
    requestId: randomUUID(),
  });
  const number = Number(unused.number.split('/')[0]);
  const view = await http<{ decisionNumber: string }>(sys, 'GET', `/dossiers/${awarded}`, {
    token: tokens.secretariat,
  });

  await signIn(page, cast.users.chairman.username);
  await page.locator('header a[href="/decisions"]').click();
  await page.locator('#register-authority').fill(`PROVINCIAL_CHAIRMAN:${province}`);
  await page.locator('#register-year').fill(String(thisYear));
  await page.locator('[data-testid="register-show"]').click();
  const used = page.locator('[data-testid="register"] tr', { hasText: view.body.decisionNumber });
  await used.locator(`a[href="/dossiers/${awarded}"]`).waitFor();
  await expect(used.locator('button', { hasText: 'Hủy số' }).count()).resolves.toBe(0);
  await page.locator(`[data-testid="void-${number}"]`).click();
  await page.locator('#void-reason').fill('Quyết định không ban hành: việc ký bị bỏ dở');
  await screenshot(page, 'r4-register-void');
  await page.locator('#void-send').click();
  await page.locator(`[data-testid="voided-${number}"]`, { hasText: 'Quyết định không ban hành' }).waitFor();
  await screenshot(page, 'r5-register-voided');
  const register = await http<{ entries: { number: number; voided: { reason: string; voidedBy: string } | null }[] }>(
    sys,
    'GET',
    `/decisions?authority=PROVINCIAL_CHAIRMAN:${province}&year=${thisYear}`,
    { token: tokens.auditor },
  );
  expect(register.body.entries.find((e) => e.number === number)?.voided).toMatchObject({
    reason: 'Quyết định không ban hành: việc ký bị bỏ dở',
    voidedBy: cast.users.chairman.id,
  });
});
