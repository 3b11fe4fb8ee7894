/**
 * Emulation blocks through the API, on the real worker and Temporal: the secretariat forms a block and opens its
 * year, the members adopt, pledge, assess and rank; then a Cờ thi đua tỉnh for the block's leading member passes
 * eligibility, and one for a member ranked second is refused naming the block and the rank (Luật Điều 26).
 */
import { randomUUID } from 'node:crypto';
import { exampleBkTinhContent, type BlockYearState } from '@tdkt/domain';
import { http, startSystem, tokenFor, type TestSystem } from '../support/system';

let sys: TestSystem;
const tag = randomUUID().slice(0, 8);
const province = `PE-${tag}`;
const [A, B, C] = ['A', 'B', 'C'].map((u) => `${u}-${tag}`);
const evaluationYear = new Date().getUTCFullYear() - 1;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  sys = await startSystem();
  for (const u of [A, B, C])
    await sys.directory.upsertUnit({ code: u, name: `Sở ${u}`, level: 'AGENCY', provinceCode: province });
  await sys.directory.upsertUnit({ code: `T-${tag}`, name: 'Tỉnh', level: 'PROVINCE', provinceCode: province });
  const users: [string, 'UNIT_CLERK' | 'UNIT_HEAD' | 'SECRETARIAT_OFFICER', string][] = [
    ...[A, B, C].flatMap((u): [string, 'UNIT_CLERK' | 'UNIT_HEAD', string][] => [
      [`clerk-${u}`, 'UNIT_CLERK', u],
      [`head-${u}`, 'UNIT_HEAD', u],
    ]),
    [`secretariat-${tag}`, 'SECRETARIAT_OFFICER', `T-${tag}`],
  ];
  for (const [username, role, unitCode] of users) {
    await sys.directory.upsertUser({ id: username, username, fullName: username, role, unitCode });
    tokens[username] = await tokenFor(sys, username);
  }
}, 120_000);
afterAll(async () => sys?.stop());

const flagDossier = (unit: string) => ({
  awardCode: 'CO_TD_TINH',
  title: `Đề nghị tặng Cờ thi đua của UBND tỉnh cho Sở ${unit}`,
  nominee: { kind: 'COLLECTIVE', fullName: `Sở ${unit}` },
  achievements: 'Dẫn đầu phong trào thi đua của khối năm qua.',
  ...exampleBkTinhContent(evaluationYear),
});

it('a block year runs through the API, and the Cờ thi đua tỉnh reads its ranking', async () => {
  const secretariat = tokens[`secretariat-${tag}`];
  const block = await http<{ blockId: string; members: unknown[] }>(sys, 'POST', '/emulation-blocks', {
    token: secretariat,
    body: {
      code: `K-${tag}`,
      name: 'Khối các sở Văn hóa – Xã hội',
      members: [A, B, C].map((u) => ({ unitCode: u, name: `Sở ${u}` })),
    },
  });
  expect(block.status).toBe(201);
  const opened = await http<{ blockYearId: string; headUnit: string; deputyUnit: string }>(
    sys,
    'POST',
    `/emulation-blocks/${block.body.blockId}/years`,
    { token: secretariat, body: { year: evaluationYear } },
  );
  expect(opened.status).toBe(201);
  expect(opened.body).toMatchObject({ headUnit: A, deputyUnit: B });
  const id = opened.body.blockYearId;
  const step = async (who: string, path: string, body: unknown = {}) => {
    const res = await http<{ phase: string; state: BlockYearState }>(sys, 'POST', `/block-years/${id}/${path}`, {
      token: tokens[who],
      body,
    });
    if (res.status !== 200) throw new Error(`${path} as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  await step(`head-${A}`, 'template', {
    criteria: [
      { code: 'C1', title: 'Nhiệm vụ chuyên môn', maxPoints: 70, evidenceRequired: true },
      { code: 'C2', title: 'Phong trào', maxPoints: 30, evidenceRequired: false },
    ],
    maxBonus: 5,
    maxPenalty: 10,
  });
  // Another member's head may not adopt the template: the domain's refusal, as 403.
  expect(
    (
      await http(sys, 'POST', `/block-years/${id}/template`, {
        token: tokens[`head-${B}`],
        body: {
          criteria: [{ code: 'C1', title: 'x', maxPoints: 1, evidenceRequired: false }],
          maxBonus: 0,
          maxPenalty: 0,
        },
      })
    ).status,
  ).toBe(403);
  await step(`secretariat-${tag}`, 'template-approval');
  const midYear = (who: string, body: unknown) =>
    http<{ rule?: string; fields?: Record<string, unknown>; state: BlockYearState }>(
      sys,
      'POST',
      `/block-years/${id}/mid-year-check`,
      { token: tokens[who], body },
    );
  const check = {
    heldOn: `${evaluationYear}-07-10`,
    summary: 'Sơ kết 6 tháng: các sở hoàn thành 55% kế hoạch.',
    remarks: [{ unitCode: C, remark: 'Cần đẩy nhanh tiêu chí C1' }],
  };
  for (const u of [A, B]) await step(`head-${u}`, 'pledges', { unitCode: u });
  // The mid-year check (sơ kết 6 tháng) waits for every pledge.
  expect(await midYear(`head-${A}`, check)).toMatchObject({
    status: 409,
    body: { rule: 'block-year.RecordMidYearCheck' },
  });
  await step(`head-${C}`, 'pledges', { unitCode: C });
  // Bad input: 400 naming the fields; a remark on a unit outside the block or a date of another year, 400 with the rule.
  const malformed = await midYear(`head-${A}`, { heldOn: '10/07/2026', summary: '', remarks: [{ unitCode: C }] });
  expect(malformed.status).toBe(400);
  expect(Object.keys(malformed.body.fields ?? {})).toEqual(
    expect.arrayContaining(['heldOn', 'summary', 'remarks.0.remark']),
  );
  expect(await midYear(`head-${A}`, { ...check, remarks: [{ unitCode: `X-${tag}`, remark: 'Tốt' }] })).toMatchObject({
    status: 400,
    body: { rule: 'block.member' },
  });
  expect(await midYear(`head-${A}`, { ...check, heldOn: `${evaluationYear - 1}-07-10` })).toMatchObject({
    status: 400,
    body: { rule: 'block.mid-year-date' },
  });
  // Another member's head may not record it.
  expect((await midYear(`head-${B}`, check)).status).toBe(403);
  const recorded = await step(`head-${A}`, 'mid-year-check', check);
  expect(recorded).toMatchObject({ phase: 'IN_PROGRESS', state: { midYearCheck: { heldOn: check.heldOn } } });
  // The secretariat records it again before the self-assessment: it replaces the first.
  const corrected = await step(`secretariat-${tag}`, 'mid-year-check', { ...check, heldOn: `${evaluationYear}-07-12` });
  expect(corrected.state.midYearCheck).toEqual({
    heldOn: `${evaluationYear}-07-12`,
    summary: check.summary,
    remarks: check.remarks,
    recordedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });
  expect((await step(`head-${A}`, 'self-assessment-opening', { workingDays: 10 })).phase).toBe('SELF_ASSESSMENT');
  // Once the self-assessment is open, the mid-year check is what it was.
  expect((await midYear(`head-${A}`, check)).status).toBe(409);
  expect(
    (await http<{ state: BlockYearState }>(sys, 'GET', `/block-years/${id}`, { token: tokens[`clerk-${C}`] })).body
      .state.midYearCheck?.heldOn,
  ).toBe(`${evaluationYear}-07-12`);
  // Bad input is a 400 naming the field, never a 500.
  const bad = await http<{ fields?: Record<string, unknown> }>(sys, 'POST', `/block-years/${id}/self-assessments`, {
    token: tokens[`clerk-${A}`],
    body: { unitCode: A, scores: [{ criterionCode: 'C1', points: 'many', evidence: [] }], bonus: -1, penalty: 0 },
  });
  expect(bad.status).toBe(400);
  const score = (u: string, c1: number) => ({
    unitCode: u,
    scores: [
      { criterionCode: 'C1', points: c1, evidence: [`BC-${u}`] },
      { criterionCode: 'C2', points: 20, evidence: [] },
    ],
    bonus: 0,
    penalty: 0,
  });
  await step(`clerk-${A}`, 'self-assessments', score(A, 65));
  await step(`clerk-${B}`, 'self-assessments', score(B, 60));
  expect((await step(`clerk-${C}`, 'self-assessments', score(C, 50))).phase).toBe('CROSS_REVIEW');
  await step(`head-${A}`, 'adjustments', {
    unitCode: C,
    target: 'C1',
    points: 45,
    reason: 'Một minh chứng không hợp lệ',
  });
  const ranked = await step(`head-${A}`, 'ranking');
  expect(ranked.state.ranking?.map((r) => [r.unitCode, r.rank])).toEqual([
    [A, 1],
    [B, 2],
    [C, 3],
  ]);

  // The leader's Cờ thi đua tỉnh passes eligibility: the criterion names the block.
  const leader = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: tokens[`clerk-${A}`],
    body: flagDossier(A),
  });
  expect(leader.status).toBe(201);
  const submitted = await http<{ status: string }>(sys, 'POST', `/dossiers/${leader.body.id}/submit`, {
    token: tokens[`clerk-${A}`],
    body: {},
  });
  expect(submitted.status).toBe(200);
  expect(submitted.body.status).toBe('UNIT_REVIEW');

  // The second's is refused, naming the block and its rank.
  const second = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: tokens[`clerk-${B}`],
    body: flagDossier(B),
  });
  const refused = await http<{ message: string; rule: string }>(sys, 'POST', `/dossiers/${second.body.id}/submit`, {
    token: tokens[`clerk-${B}`],
    body: {},
  });
  expect(refused.status).toBe(422);
  expect(refused.body.rule).toBe('eligibility');
  expect(refused.body.message).toContain(
    `Does not lead its emulation block Khối các sở Văn hóa – Xã hội in ${evaluationYear}: rank 2 of 3`,
  );

  // Proposals and closing; the history keeps who signed each pledge.
  await step(`head-${A}`, 'flag-proposals', {
    provincial: [A],
    government: [],
    meetingDate: `${evaluationYear + 1}-01-15`,
    minutesRef: '01/BB-K',
    vote: { method: 'OPEN', present: [A, B, C], tallies: [{ unitCode: A, flag: 'PROVINCIAL', votesFor: 3 }] },
  });
  expect((await step(`secretariat-${tag}`, 'closure')).phase).toBe('CLOSED');
  const history = await http<{ type: string; actor: { userId: string } }[]>(sys, 'GET', `/block-years/${id}/history`, {
    token: tokens[`clerk-${C}`],
  });
  expect(history.body.filter((e) => e.type === 'BlockYearMidYearChecked').map((e) => e.actor.userId)).toEqual([
    `head-${A}`,
    `secretariat-${tag}`,
  ]);
  expect(history.body.filter((e) => e.type === 'BlockYearPledgeSigned').map((e) => e.actor.userId)).toEqual(
    [A, B, C].map((u) => `head-${u}`),
  );
}, 180_000);
