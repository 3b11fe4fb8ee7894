/**
 * Emulation movements (phong trào thi đua, Luật Điều 16–17) through the API: the secretariat launches one and moves it
 * forward; a thematic round appears as a THEMATIC movement without any event rewritten; a dossier names its movement
 * (400 per field for an unknown one) and the movement counts its dossiers; a review's ceremony may not precede the
 * latest decision on its awarded dossiers, and the review report lists those decisions.
 */
import { Workbook } from 'exceljs';
import {
  aMovement,
  aBkTinhDossier,
  driveDossier,
  http,
  seedCast,
  startSystem,
  tokenFor,
  tokensFor,
  type Cast,
  type TestSystem,
} from '../support/system';

let sys: TestSystem;
let cast: Cast;
let province: string;
const tokens: Record<string, string> = {};
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  province = (await sys.directory.provinceOf(cast.unitCode)) ?? '';
  tokens.secretariat = await tokenFor(sys, cast.users.secretariat.username);
  tokens.clerk = await tokenFor(sys, cast.users.clerk.username);
}, 120_000);
afterAll(async () => sys?.stop());

const movement = (overrides: Record<string, unknown> = {}) =>
  aMovement(year, province, {
    name: `Phong trào thi đua "Chung sức xây dựng nông thôn mới" năm ${year}`,
    objectives: ['Hoàn thành chỉ tiêu nông thôn mới'],
    criteria: ['Số xã đạt chuẩn'],
    launchDecision: { number: '12/QĐ-UBND' },
    coOrganisers: ['Liên đoàn Lao động tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh'],
    awardCodes: ['BK_TINH', 'CO_TD_TINH'],
    quotas: [{ awardCode: 'BK_TINH', max: 20 }],
    milestones: { finalReview: `${year}-01-01` },
    ...overrides,
  });

it('the secretariat launches a movement and moves it LAUNCHED → IN_PROGRESS → REVIEWED → CLOSED', async () => {
  const launched = await http<{
    movementId: string;
    status: string;
    source: string;
    state: { definition: { coOrganisers: string[] } };
  }>(sys, 'POST', '/movements', { token: tokens.secretariat, body: movement() });
  expect(launched.status).toBe(201);
  expect(launched.body).toMatchObject({
    status: 'LAUNCHED',
    source: 'MOVEMENT',
    kind: 'REGULAR',
    scopeLevel: 'PROVINCE',
    scopeCode: province,
  });
  expect(launched.body.state.definition.coOrganisers).toEqual(['Liên đoàn Lao động tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh']);
  const id = launched.body.movementId;
  // Skipping a step is the domain's refusal (409), naming its rule.
  const skip = await http<{ rule: string }>(sys, 'POST', `/movements/${id}/status`, {
    token: tokens.secretariat,
    body: { to: 'CLOSED' },
  });
  expect([skip.status, skip.body.rule]).toEqual([409, 'movement.status-order']);
  for (const to of ['IN_PROGRESS', 'REVIEWED', 'CLOSED']) {
    const res = await http<{ status: string }>(sys, 'POST', `/movements/${id}/status`, {
      token: tokens.secretariat,
      body: { to, note: 'Hội nghị' },
    });
    expect([res.status, res.body.status]).toEqual([200, to]);
  }
  const history = await http<{ type: string }[]>(sys, 'GET', `/movements/${id}/history`, { token: tokens.clerk });
  expect(history.body.map((e) => e.type)).toEqual([
    'MovementLaunched',
    'MovementStatusChanged',
    'MovementStatusChanged',
    'MovementStatusChanged',
  ]);
  // A clerk reads movements but may not advance one.
  expect(
    (await http(sys, 'POST', `/movements/${id}/status`, { token: tokens.clerk, body: { to: 'CLOSED' } })).status,
  ).toBe(403);
}, 60_000);

it('bad input is a 400 per field: dates, kind, scope of another province', async () => {
  const bad = await http<{ fields: Record<string, unknown> }>(sys, 'POST', '/movements', {
    token: tokens.secretariat,
    body: movement({ kind: 'SOMETIMES', period: { from: 'soon', to: `${year}-12-31` } }),
  });
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['kind', 'period.from']));
  const elsewhere = await http<{ fields: Record<string, unknown> }>(sys, 'POST', '/movements', {
    token: tokens.secretariat,
    body: movement({ scope: { level: 'PROVINCE', code: 'NOT-MINE' } }),
  });
  expect([elsewhere.status, Object.keys(elsewhere.body.fields)]).toEqual([400, ['scope.code']]);
  expect((await http(sys, 'GET', '/movements/not-a-uuid', { token: tokens.clerk })).status).toBe(400);
});

it('a thematic round is a THEMATIC movement; dossiers name their movement and the movement counts them', async () => {
  const round = await http<{ roundId: string }>(sys, 'POST', '/rounds', {
    token: tokens.secretariat,
    body: {
      name: `Chuyên đề chuyển đổi số ${year}`,
      opensOn: `${year}-01-01`,
      closesOn: `${year}-12-31`,
      awardCodes: ['BK_TINH'],
    },
  });
  expect(round.status).toBe(201);
  const asMovement = await http<{ kind: string; source: string; periodFrom: string; periodTo: string; status: string }>(
    sys,
    'GET',
    `/movements/${round.body.roundId}`,
    { token: tokens.clerk },
  );
  expect(asMovement.body).toMatchObject({
    kind: 'THEMATIC',
    source: 'ROUND',
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    status: 'LAUNCHED',
  });
  // /api/rounds keeps answering (the thematic-movement view).
  expect((await http<unknown[]>(sys, 'GET', '/rounds', { token: tokens.clerk })).body).toEqual(
    expect.arrayContaining([expect.objectContaining({ roundId: round.body.roundId })]),
  );
  const listed = await http<{ movementId: string }[]>(sys, 'GET', '/movements?kind=THEMATIC', { token: tokens.clerk });
  expect(listed.body.map((m) => m.movementId)).toContain(round.body.roundId);

  const regular = await http<{ movementId: string }>(sys, 'POST', '/movements', {
    token: tokens.secretariat,
    body: movement({ name: 'Phong trào thi đua thường xuyên' }),
  });
  const dossier = await http<{ id: string; movementId: string | null }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aBkTinhDossier({ movementId: regular.body.movementId }),
  });
  expect([dossier.status, dossier.body.movementId]).toEqual([201, regular.body.movementId]);
  const thematic = await http<{ movementId: string | null }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aBkTinhDossier({ commendationType: 'THEMATIC', roundId: round.body.roundId }),
  });
  expect(thematic.body.movementId).toBe(round.body.roundId);
  const unknown = await http<{ fields: Record<string, unknown> }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aBkTinhDossier({ movementId: '00000000-0000-4000-8000-000000000000' }),
  });
  expect([unknown.status, Object.keys(unknown.body.fields)]).toEqual([400, ['movementId']]);
  const counted = await http<{ dossiers: { awardCode: string; status: string; count: number }[] }>(
    sys,
    'GET',
    `/movements/${regular.body.movementId}`,
    { token: tokens.clerk },
  );
  expect(counted.body.dossiers).toEqual([{ awardCode: 'BK_TINH', status: 'DRAFT', count: 1 }]);
}, 60_000);

it('a review ceremony may not precede the latest decision on the movement’s dossiers; the report lists the decisions', async () => {
  const all = await tokensFor(sys, cast);
  const launched = await http<{ movementId: string }>(sys, 'POST', '/movements', {
    token: tokens.secretariat,
    body: movement({ name: `Phong trào thi đua có lễ tổng kết năm ${year}` }),
  });
  expect(launched.status).toBe(201);
  const movementId = launched.body.movementId;
  const dossierId = await driveDossier(sys, all, undefined, aBkTinhDossier({ movementId }));
  const decided = await http<{ decisionNumber: string; decidedOn: string }>(sys, 'GET', `/dossiers/${dossierId}`, {
    token: tokens.secretariat,
  });
  const { decisionNumber, decidedOn } = decided.body;
  expect(decisionNumber).toMatch(/\/QĐ-UBND$/);
  const dayBefore = new Date(Date.parse(`${decidedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  const early = await http<{ rule: string; message: string; details: { latestDecision: { number: string } } }>(
    sys,
    'POST',
    `/movements/${movementId}/ceremonies`,
    { token: tokens.secretariat, body: { milestone: 'FINAL', ceremonyDate: dayBefore } },
  );
  expect([early.status, early.body.rule]).toEqual([422, 'movement.ceremony-after-decisions']);
  expect(early.body.message).toContain(`decision ${decisionNumber} of ${decidedOn}`);
  expect(early.body.details.latestDecision.number).toBe(decisionNumber);
  const bad = await http<{ fields: Record<string, string[]> }>(sys, 'POST', `/movements/${movementId}/ceremonies`, {
    token: tokens.secretariat,
    body: { milestone: 'WEEKLY', ceremonyDate: 'soon' },
  });
  expect([bad.status, Object.keys(bad.body.fields).sort()]).toEqual([400, ['ceremonyDate', 'milestone']]);
  expect(
    (
      await http(sys, 'POST', `/movements/${movementId}/ceremonies`, {
        token: tokens.clerk,
        body: { milestone: 'FINAL', ceremonyDate: decidedOn },
      })
    ).status,
  ).toBe(403);

  const set = await http<{ state: { ceremonies: unknown[] } }>(sys, 'POST', `/movements/${movementId}/ceremonies`, {
    token: tokens.secretariat,
    body: { milestone: 'FINAL', ceremonyDate: decidedOn },
  });
  expect(set.status).toBe(200);
  expect(set.body.state.ceremonies).toEqual([
    {
      milestone: 'FINAL',
      ceremonyDate: decidedOn,
      latestDecision: { dossierId, number: decisionNumber, date: decidedOn },
    },
  ]);

  const res = await fetch(`${sys.baseUrl}/movements/${movementId}/review-report.xlsx?kind=FINAL`, {
    headers: { authorization: `Bearer ${tokens.secretariat}` },
  });
  expect(res.status).toBe(200);
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const vn = `${decidedOn.slice(8, 10)}/${decidedOn.slice(5, 7)}/${decidedOn.slice(0, 4)}`;
  expect((wb.getWorksheet('Quyết định')?.getRow(2).values as unknown[]).slice(1, 4)).toEqual([
    decisionNumber,
    vn,
    'Bằng khen của Chủ tịch UBND tỉnh',
  ]);
  const summary = new Map<string, unknown>();
  wb.getWorksheet('Tổng hợp')?.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
  expect([summary.get('Lễ tổng kết'), summary.get('Quyết định gần nhất')]).toEqual([
    vn,
    `${decisionNumber} ngày ${vn}`,
  ]);
}, 120_000);

it('a movement’s quota per award: a submission beyond it is refused naming the movement; a returned dossier frees its place', async () => {
  const all = await tokensFor(sys, cast);
  const name = `Phong trào thi đua có số lượng tối đa năm ${year}`;
  const launched = await http<{ movementId: string }>(sys, 'POST', '/movements', {
    token: tokens.secretariat,
    body: movement({ name, quotas: [{ awardCode: 'BK_TINH', max: 1 }] }),
  });
  expect(launched.status).toBe(201);
  const movementId = launched.body.movementId;
  const quotaUse = async () =>
    (
      await http<{ quotaUse: { awardCode: string; max: number; taken: number }[] }>(
        sys,
        'GET',
        `/movements/${movementId}`,
        { token: tokens.clerk },
      )
    ).body.quotaUse;
  expect(await quotaUse()).toEqual([{ awardCode: 'BK_TINH', max: 1, taken: 0 }]);

  // The first dossier takes the one place (submitted, then approved by the unit head).
  const first = await driveDossier(sys, all, 2, aBkTinhDossier({ movementId }));
  expect(await quotaUse()).toEqual([{ awardCode: 'BK_TINH', max: 1, taken: 1 }]);
  const second = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aBkTinhDossier({
      movementId,
      nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn Minh', position: 'Giáo viên', citizenId: '001190000456' },
    }),
  });
  expect(second.status).toBe(201);
  const refused = await http<{
    rule: string;
    message: string;
    details: { criteria: { id: string; passed: boolean }[] };
  }>(sys, 'POST', `/dossiers/${second.body.id}/submit`, { token: tokens.clerk, body: {} });
  expect([refused.status, refused.body.rule]).toEqual([422, 'eligibility']);
  expect(refused.body.message).toContain(`The movement ${name} caps BK_TINH at 1; 1 already proposed or awarded`);
  expect(refused.body.details.criteria).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: 'movement.quota', passed: false })]),
  );
  // Refused: nothing changed.
  const still = await http<{ status: string }>(sys, 'GET', `/dossiers/${second.body.id}`, { token: tokens.clerk });
  expect(still.body.status).toBe('DRAFT');

  // The secretariat returns the first dossier: it holds no place while returned, and the second one goes in.
  const returned = await http(sys, 'POST', `/dossiers/${first}/return`, {
    token: all.secretariat,
    body: { reason: 'Bổ sung minh chứng' },
  });
  expect(returned.status).toBe(200);
  expect(await quotaUse()).toEqual([{ awardCode: 'BK_TINH', max: 1, taken: 0 }]);
  const accepted = await http<{ status: string }>(sys, 'POST', `/dossiers/${second.body.id}/submit`, {
    token: tokens.clerk,
    body: {},
  });
  expect([accepted.status, accepted.body.status]).toEqual([200, 'UNIT_REVIEW']);
  expect(await quotaUse()).toEqual([{ awardCode: 'BK_TINH', max: 1, taken: 1 }]);
}, 120_000);
