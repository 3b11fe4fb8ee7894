/**
 * Emulation in a real Chromium, in Vietnamese: a unit clerk opens the province's movement, registers the unit's
 * individuals for it (đăng ký thi đua) and registers an exemplary model of the movement (điển hình tiên tiến); the unit
 * head fosters the model. The secretariat sets a movement's final review ceremony: a date before the latest decision on
 * its dossiers is refused, naming that decision; the decision's own date is recorded. The secretariat launches a
 * movement through its form with a quota for one award; a clerk's dossier beyond it is refused, the quota named in
 * Vietnamese. The secretariat forms a block through its form and opens its years: head and deputy by rotation, an
 * election departing from it refused without a reason. What the screens show is checked against the API.
 */
import type { Page } from 'playwright-core';
import { aMovement, aBkTinhDossier, driveDossier, http, type Cast, type TestSystem } from '../support/system';
import { browserSuite, choose, screenshot, signIn, switchUser } from '../support/browser';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

const now = new Date(Date.now() + 7 * 3_600_000);
// Registration for a year closes some working days into it: this year's in January, next year's after.
const year = now.getUTCMonth() === 0 ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
const movementName = `Phong trào thi đua "Dạy tốt, học tốt" năm ${year}`;

test('a clerk registers the unit for a movement and registers an exemplary model of it; the head fosters the model', async () => {
  const province = (await sys.directory.provinceOf(cast.unitCode)) ?? '';
  const launched = await http<{ movementId: string }>(sys, 'POST', '/movements', {
    token: tokens.secretariat,
    body: aMovement(year, province, {
      name: movementName,
      objectives: ['Nâng cao chất lượng dạy và học'],
      criteria: ['Tỷ lệ học sinh chuyên cần'],
      launchDecision: { number: '5/QĐ-UBND', date: now.toISOString().slice(0, 10) },
      coOrganisers: ['Liên đoàn Lao động tỉnh'],
      awardCodes: ['CSTD_CO_SO'],
      milestones: { finalReview: `${year}-12-15` },
    }),
  });
  expect(launched.status).toBe(201);
  const movementId = launched.body.movementId;

  // The movement's page, then Đăng ký thi đua for its year.
  await signIn(page, cast.users.clerk.username);
  await page.goto(`/movements/${movementId}`);
  await page.locator('[data-testid="movement-name"]', { hasText: movementName }).waitFor();
  await page.locator('[data-testid="movement-status"]', { hasText: 'Đã phát động' }).waitFor();
  await page.locator('[data-testid="register-for-movement"]').click();
  await page.waitForURL(`**/registrations?year=${year}`);
  await page.getByText(`Đăng ký thi đua năm ${year}`).waitFor();
  await page.locator('[data-testid="registration-name"]').fill('Hà Thị Yến');
  await screenshot(page, 'e1-registration-form');
  await page.locator('[data-testid="registration-send"]').click();
  await page.locator('[data-testid="registration-status"]', { hasText: 'Đã gửi' }).waitFor();
  const registrations = await http<
    { unitCode: string; year: number; status: string; state: { subjects: { name: string; awardCode: string }[] } }[]
  >(sys, 'GET', `/registrations?year=${year}`, { token: tokens.clerk });
  expect(registrations.body).toEqual([
    expect.objectContaining({
      unitCode: cast.unitCode,
      year,
      status: 'SUBMITTED',
      state: expect.objectContaining({
        subjects: [{ kind: 'INDIVIDUAL', name: 'Hà Thị Yến', awardCode: 'CSTD_CO_SO' }],
      }),
    }),
  ]);
  await screenshot(page, 'e2-registration-sent');

  // Điển hình tiên tiến: registered from the register's form, in the movement.
  await page.goto('/exemplary-models');
  await page.locator('[data-testid="model-title"]').fill('Mô hình "Lớp học hạnh phúc" ở vùng cao');
  await page
    .locator('[data-testid="model-summary"]')
    .fill('Cô giáo đưa phương pháp lớp học hạnh phúc vào trường bán trú; tỷ lệ chuyên cần tăng từ 82% lên 99%.');
  await page.locator('[data-testid="model-subject"]').fill('Hà Thị Yến');
  await choose(page, '[data-testid="model-movement"]', movementName);
  await screenshot(page, 'e3-model-form');
  await page.locator('[data-testid="model-save"]').click();
  await page.waitForURL(/\/exemplary-models\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid="model-page"] [data-testid="model-stage"]', { hasText: 'Phát hiện' }).waitFor();
  const modelId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const model = await http<{ movementId: string; unitCode: string; subjectName: string; stage: string }>(
    sys,
    'GET',
    `/exemplary-models/${modelId}`,
    { token: tokens.auditor },
  );
  expect(model.body).toMatchObject({ movementId, unitCode: cast.unitCode, subjectName: 'Hà Thị Yến', stage: 'FOUND' });
  await screenshot(page, 'e4-model-registered');

  // The unit head fosters it (bồi dưỡng); the movement's page lists it.
  await switchUser(page, cast.users.head.username);
  await page.goto(`/exemplary-models/${modelId}`);
  await page.locator('[data-testid="model-advance"]').click();
  await page.locator('[data-testid="model-page"] [data-testid="model-stage"]', { hasText: 'Bồi dưỡng' }).waitFor();
  expect(
    (await http<{ stage: string }>(sys, 'GET', `/exemplary-models/${modelId}`, { token: tokens.auditor })).body.stage,
  ).toBe('FOSTERED');
  await page.goto(`/movements/${movementId}`);
  await page.getByRole('link', { name: 'Mô hình "Lớp học hạnh phúc" ở vùng cao' }).waitFor();
  await screenshot(page, 'e5-movement-with-model');
});

test('the secretariat sets a review ceremony, not before the latest decision on the movement’s dossiers', async () => {
  const province = (await sys.directory.provinceOf(cast.unitCode)) ?? '';
  const thisYear = now.getUTCFullYear();
  const name = `Phong trào thi đua có lễ tổng kết năm ${thisYear}`;
  const launched = await http<{ movementId: string }>(sys, 'POST', '/movements', {
    token: tokens.secretariat,
    body: aMovement(thisYear, province, {
      name,
      objectives: ['Hoàn thành chỉ tiêu nông thôn mới'],
      criteria: ['Số xã đạt chuẩn'],
      launchDecision: { number: '12/QĐ-UBND' },
      milestones: { midTermReview: `${thisYear}-06-30`, finalReview: `${thisYear}-12-15` },
    }),
  });
  expect(launched.status).toBe(201);
  const movementId = launched.body.movementId;
  // One of its dossiers awarded (through the API): the ceremony may not precede that decision.
  const dossierId = await driveDossier(sys, tokens, undefined, aBkTinhDossier({ movementId }));
  const { decisionNumber, decidedOn } = (
    await http<{ decisionNumber: string; decidedOn: string }>(sys, 'GET', `/dossiers/${dossierId}`, {
      token: tokens.secretariat,
    })
  ).body;
  const vn = (iso: string) => iso.split('-').reverse().join('/');
  const dayBefore = new Date(Date.parse(`${decidedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  await signIn(page, cast.users.secretariat.username);
  await page.goto(`/movements/${movementId}`);
  const card = page.locator('[data-testid="movement-ceremonies"]');
  await card.getByText('Chưa ghi ngày tổ chức lễ sơ kết, tổng kết.').waitFor();
  // Enter in the date field takes the typed date and sends the form; else Tab takes it and the button sends it.
  const setDate = async (iso: string, send: 'enter' | 'button') => {
    await page.locator('#ceremony_ceremonyDate').click();
    await page.locator('#ceremony_ceremonyDate').fill(vn(iso));
    if (send === 'enter') return page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.locator('[data-testid="set-ceremony"]').click();
  };
  // The day before the decision: refused, the rule in Vietnamese and the decision named.
  await setDate(dayBefore, 'enter');
  await card
    .locator('[data-testid="refusal"]', {
      hasText: 'Ngày tổ chức lễ sơ kết, tổng kết không được trước ngày của quyết định khen thưởng gần nhất',
    })
    .waitFor();
  await card
    .locator('[data-testid="ceremony-latest-decision"]', { hasText: `số ${decisionNumber} ngày ${vn(decidedOn)}` })
    .waitFor();
  await screenshot(page, 'e6-ceremony-refused');
  const movementState = async () =>
    (
      await http<{ state: { ceremonies?: unknown[] } }>(sys, 'GET', `/movements/${movementId}`, {
        token: tokens.auditor,
      })
    ).body.state;
  expect((await movementState()).ceremonies ?? []).toEqual([]);

  // The decision's own date: recorded, with the decision it follows.
  await setDate(decidedOn, 'button');
  const row = card.locator('tr[data-milestone="FINAL"]');
  await row
    .filter({ hasText: 'Lễ tổng kết' })
    .filter({ hasText: vn(decidedOn) })
    .waitFor();
  await row.filter({ hasText: `Số ${decisionNumber} ngày ${vn(decidedOn)}` }).waitFor();
  await screenshot(page, 'e7-ceremony-set');
  expect((await movementState()).ceremonies).toEqual([
    {
      milestone: 'FINAL',
      ceremonyDate: decidedOn,
      latestDecision: { dossierId, number: decisionNumber, date: decidedOn },
    },
  ]);

  // One ceremony set, once: the refusal wrote nothing.
  const history = await http<{ type: string }[]>(sys, 'GET', `/movements/${movementId}/history`, {
    token: tokens.auditor,
  });
  expect(history.body.filter((e) => e.type === 'MovementCeremonyScheduled')).toHaveLength(1);

  // A unit clerk sees the ceremony, without the form.
  await switchUser(page, cast.users.clerk.username);
  await page.goto(`/movements/${movementId}`);
  await row.filter({ hasText: vn(decidedOn) }).waitFor();
  expect(await page.locator('[data-testid="set-ceremony"]').count()).toBe(0);
});

test('the secretariat launches a movement through the form with a quota; a dossier beyond it is refused on screen', async () => {
  const province = (await sys.directory.provinceOf(cast.unitCode)) ?? '';
  const thisYear = now.getUTCFullYear();
  const name = `Phong trào thi đua "Xanh, sạch, đẹp" năm ${thisYear}`;
  const vnDate = (iso: string) => iso.split('-').reverse().join('/');
  const typeDate = async (selector: string, iso: string) => {
    await page.locator(selector).click();
    await page.locator(selector).fill(vnDate(iso));
    // Tab takes the typed date (Enter would also send the form).
    await page.keyboard.press('Tab');
  };

  await signIn(page, cast.users.secretariat.username);
  await page.goto('/movements');
  await page.locator('#name').fill(name);
  await page.locator('#scopeCode').fill(province);
  // The period: the range picker's start, then its end.
  await page.locator('#period').click();
  await page.locator('#period').fill(vnDate(`${thisYear}-01-01`));
  await page.keyboard.press('Enter');
  const end = page.locator('.ant-picker-range input').nth(1);
  await end.fill(vnDate(`${thisYear}-12-31`));
  await page.keyboard.press('Tab');
  await page.locator('#objectives').fill('Môi trường cơ quan xanh, sạch, đẹp');
  await page.locator('#criteria').fill('Tỷ lệ cây xanh\nPhân loại rác tại nguồn');
  await page.locator('#number').fill('21/QĐ-UBND');
  await typeDate('#date', `${thisYear}-01-02`);
  await page.locator('#signer').fill('Chủ tịch UBND tỉnh');
  await typeDate('#finalReview', `${thisYear}-12-31`);
  // The award lists are long (only the options in view are rendered): type to filter, then pick.
  await choose(page, '#awardCodes', 'Bằng khen của Chủ tịch UBND tỉnh', { typed: 'Bằng khen của Chủ tịch UBND tỉnh' });
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="add-quota"]').click();
  await choose(page, '#quotas_0_awardCode', 'Bằng khen của Chủ tịch UBND tỉnh', {
    typed: 'Bằng khen của Chủ tịch UBND tỉnh',
  });
  await page.locator('#quotas_0_max').fill('1');
  await screenshot(page, 'e8-movement-launch-quota');
  await page.getByRole('button', { name: 'Phát động', exact: true }).click();
  await page.waitForURL(/\/movements\/[0-9a-f-]{36}$/);
  const movementId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const quota = page.locator('[data-testid="movement-quota"][data-award="BK_TINH"]');
  await quota.filter({ hasText: 'Bằng khen của Chủ tịch UBND tỉnh: 0/1 đã đề nghị hoặc đã khen thưởng' }).waitFor();
  const launched = await http<{ name: string; state: { definition: { quotas: unknown[] } } }>(
    sys,
    'GET',
    `/movements/${movementId}`,
    { token: tokens.auditor },
  );
  expect(launched.body.name).toBe(name);
  expect(launched.body.state.definition.quotas).toEqual([{ awardCode: 'BK_TINH', max: 1 }]);

  // One dossier of the movement submitted (through the API) takes the place.
  await driveDossier(sys, tokens, 1, aBkTinhDossier({ movementId }));
  await page.reload();
  await quota.filter({ hasText: '1/1' }).filter({ hasText: 'Đã đủ số lượng' }).waitFor();
  const second = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aBkTinhDossier({
      movementId,
      nominee: { kind: 'INDIVIDUAL', fullName: 'Lò Văn Pấng', position: 'Nhân viên', citizenId: '001190000789' },
    }),
  });
  expect(second.status).toBe(201);

  // The clerk submits the second one: refused, the movement's quota named in Vietnamese; the dossier stays a draft.
  await switchUser(page, cast.users.clerk.username);
  await page.goto(`/dossiers/${second.body.id}`);
  await page.locator('button[data-command="SubmitDossier"]').click();
  await page.locator('#action-send').click();
  const refusal = page.locator('[data-testid="refusal"]');
  await refusal.filter({ hasText: 'Chưa đủ tiêu chuẩn, điều kiện khen thưởng.' }).waitFor();
  await refusal
    .locator('[data-testid="refusal-criterion"]', {
      hasText: 'Phong trào thi đua đã đủ số lượng khen thưởng tối đa cho hình thức này',
    })
    .waitFor();
  await screenshot(page, 'e9-movement-quota-refused');
  expect(
    (await http<{ status: string }>(sys, 'GET', `/dossiers/${second.body.id}`, { token: tokens.clerk })).body.status,
  ).toBe('DRAFT');
});

test('the secretariat forms a block through its form and opens its years: head and deputy by rotation, another choice only with a reason', async () => {
  const province = (await sys.directory.provinceOf(cast.unitCode)) ?? '';
  const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
  const [A, B, C] = ['A', 'B', 'C'].map((u) => `KR${u}-${tag}`);
  const unitName = (u: string) => `Sở luân phiên ${u}`;
  for (const u of [A, B, C])
    await sys.directory.upsertUnit({ code: u, name: unitName(u), level: 'AGENCY', provinceCode: province });
  const blockName = `Khối thi đua luân phiên ${tag}`;
  const first = now.getUTCFullYear() - 2;

  await signIn(page, cast.users.secretariat.username);
  await page.goto('/emulation-blocks');
  await page.locator('#block_code').fill(`KLP-${tag}`);
  await page.locator('#block_name').fill(blockName);
  await page.locator('[data-testid="add-member"]').click();
  for (const [i, u] of [A, B, C].entries()) {
    await page.locator(`#block_members_${i}_unitCode`).fill(u);
    await page.locator(`#block_members_${i}_name`).fill(unitName(u));
  }
  await screenshot(page, 'e10-block-form');
  await page.getByRole('button', { name: 'Thành lập', exact: true }).click();
  await page.waitForURL(/\/emulation-blocks\/[0-9a-f-]{36}$/);
  const blockId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.getByText(`3. ${unitName(C)} (${C})`).waitFor();

  const openYear = async (year: number, elected?: [string, string], reason?: string) => {
    await page.goto(`/emulation-blocks/${blockId}`);
    await page.locator('#open-year_year').fill(String(year));
    if (elected) {
      await choose(page, '#open-year_head', `(${elected[0]})`);
      await choose(page, '#open-year_deputy', `(${elected[1]})`);
    }
    if (reason) await page.locator('#open-year_departureReason').fill(reason);
    await page.locator('[data-testid="open-year"]').click();
  };
  const leadership = async () =>
    (
      await http<{ years: { year: number; headUnit: string; deputyUnit: string }[] }>(
        sys,
        'GET',
        `/emulation-blocks/${blockId}`,
        { token: tokens.auditor },
      )
    ).body.years.map((y) => [y.year, y.headUnit, y.deputyUnit]);

  // The first year: the first two members in rotation order; the next year: the next two.
  await openYear(first);
  await page.waitForURL(/\/block-years\//);
  await page
    .locator('tr.ant-descriptions-row', { hasText: 'Trưởng khối' })
    .filter({ hasText: unitName(A) })
    .waitFor();
  await openYear(first + 1);
  await page.waitForURL(/\/block-years\//);
  await page
    .locator('tr.ant-descriptions-row', { hasText: 'Trưởng khối' })
    .filter({ hasText: unitName(B) })
    .waitFor();
  await page
    .locator('tr.ant-descriptions-row', { hasText: 'Phó khối' })
    .filter({ hasText: unitName(C) })
    .waitFor();

  // The third year elects A and B instead of C and A: refused without a reason, in Vietnamese; opened with one.
  await openYear(first + 2, [A, B]);
  await page
    .locator('[data-testid="refusal"]', { hasText: 'Khối trưởng, khối phó phải theo thứ tự luân phiên' })
    .waitFor();
  expect(await leadership()).toHaveLength(2);
  await page.locator('#open-year_departureReason').fill('Đơn vị C sáp nhập trong năm, hội nghị khối bầu đơn vị A');
  await page.locator('[data-testid="open-year"]').click();
  await page.waitForURL(/\/block-years\//);
  await screenshot(page, 'e11-block-year-elected');
  expect((await leadership()).sort()).toEqual([
    [first, A, B],
    [first + 1, B, C],
    [first + 2, A, B],
  ]);
});
