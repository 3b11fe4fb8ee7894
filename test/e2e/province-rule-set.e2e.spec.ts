/**
 * A province's own rule-set file, through the real system: the API reads it at start-up, a dossier of that province
 * is bound to the effective rule set at submission, and its deadlines and council threshold follow the file; its
 * block regulation (flag quotas, the block meeting's vote) travels into the block year's proposals.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aBkTinhDossier, http, startSystem, tokenFor, type TestSystem } from '../support/system';

let sys: TestSystem;
const tag = randomUUID().slice(0, 8);
const province = `OVR-${tag}`;
const tokens: Record<string, string> = {};
const saved = process.env.TDKT_RULE_SET_FILES;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tdkt-rules-')), `${province}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      provinceCode: province,
      overrides: [
        {
          baseVersion: 'LAW2022+ND152+TT15/2025',
          adoptedBy: `Quyết định 7/2026/QĐ-UBND tỉnh ${tag}`,
          deadlines: { appraisalWD: 3 },
          council: { default: { threshold: { share: [1, 1], strict: false } } },
          emulation: {
            flagQuotas: { provincialPerBlock: 2 },
            flagVote: { threshold: { share: [3, 4], strict: false } },
          },
        },
      ],
    }),
  );
  process.env.TDKT_RULE_SET_FILES = file;
  sys = await startSystem();
  const unit = `U-${tag}`;
  const seat = `T-${tag}`;
  await sys.directory.upsertUnit({ code: seat, name: 'UBND tỉnh', level: 'PROVINCE', provinceCode: province });
  await sys.directory.upsertUnit({ code: unit, name: 'Sở', level: 'AGENCY', provinceCode: province });
  const people: [string, Parameters<TestSystem['directory']['upsertUser']>[0]['role'], string][] = [
    ['clerk', 'UNIT_CLERK', unit],
    ['head', 'UNIT_HEAD', unit],
    ['secretariat', 'SECRETARIAT_OFFICER', seat],
    ['m1', 'COUNCIL_MEMBER', seat],
    ['m2', 'COUNCIL_MEMBER', seat],
    ['m3', 'COUNCIL_CHAIR', seat],
  ];
  for (const [key, role, unitCode] of people) {
    await sys.directory.upsertUser({ id: `${key}-${tag}`, username: `${key}.${tag}`, fullName: key, role, unitCode });
    tokens[key] = await tokenFor(sys, `${key}.${tag}`);
  }
}, 120_000);
afterAll(async () => {
  process.env.TDKT_RULE_SET_FILES = saved ?? '';
  if (saved === undefined) delete process.env.TDKT_RULE_SET_FILES;
  await sys?.stop();
});

it("binds the province's rule set at submission: 3 working days of appraisal, and a unanimous council", async () => {
  const id = (await http<{ id: string }>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aBkTinhDossier() }))
    .body.id;
  const submitted = await http<{ ruleSetVersion: string }>(sys, 'POST', `/dossiers/${id}/submit`, {
    token: tokens.clerk,
    body: {},
  });
  expect(submitted.body.ruleSetVersion).toBe(`LAW2022+ND152+TT15/2025@${province}`);
  const approved = await http<{ deadline: string }>(sys, 'POST', `/dossiers/${id}/unit-approval`, {
    token: tokens.head,
    body: {},
  });
  const history = await http<{ type: string; data: { deadline?: string; workingDays?: number } }[]>(
    sys,
    'GET',
    `/dossiers/${id}/history`,
    { token: tokens.secretariat },
  );
  expect(history.body.find((e) => e.type === 'AppraisalClockStarted')?.data).toMatchObject({
    workingDays: 3,
    deadline: approved.body.deadline,
  });
  await http(sys, 'POST', `/dossiers/${id}/appraisal-acceptance`, { token: tokens.secretariat, body: {} });
  for (const [m, approve] of [
    ['m1', true],
    ['m2', true],
    ['m3', false],
  ] as const)
    await http(sys, 'POST', `/dossiers/${id}/votes`, { token: tokens[m], body: { approve } });
  // 2 of 3 would pass the shipped simple majority; the province requires all members.
  const after = await http<{ status: string }>(sys, 'GET', `/dossiers/${id}`, { token: tokens.secretariat });
  expect(after.body.status).toBe('REJECTED');
});

it("the block regulation is the province's: two provincial flags per block, three quarters of those present", async () => {
  const [U, V, W] = [`U-${tag}`, `V-${tag}`, `W-${tag}`];
  for (const u of [V, W])
    await sys.directory.upsertUnit({ code: u, name: `Sở ${u}`, level: 'AGENCY', provinceCode: province });
  const block = await http<{ blockId: string }>(sys, 'POST', '/emulation-blocks', {
    token: tokens.secretariat,
    body: { code: `K-${tag}`, name: 'Khối các sở', members: [U, V, W].map((u) => ({ unitCode: u, name: `Sở ${u}` })) },
  });
  const opened = await http<{ blockYearId: string }>(sys, 'POST', `/emulation-blocks/${block.body.blockId}/years`, {
    token: tokens.secretariat,
    body: { year: new Date().getUTCFullYear() - 1 },
  });
  const id = opened.body.blockYearId;
  const post = (token: string, path: string, body: unknown = {}) =>
    http<{ rule?: string; state: { proposals?: { rule?: unknown } } }>(sys, 'POST', `/block-years/${id}/${path}`, {
      token,
      body,
    });
  const step = async (token: string, path: string, body: unknown = {}) => {
    const res = await post(token, path, body);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await step(tokens.secretariat, 'template', {
    criteria: [{ code: 'C1', title: 'Nhiệm vụ', maxPoints: 100, evidenceRequired: false }],
    maxBonus: 0,
    maxPenalty: 0,
  });
  await step(tokens.secretariat, 'template-approval');
  for (const u of [U, V, W]) await step(tokens.secretariat, 'pledges', { unitCode: u });
  await step(tokens.secretariat, 'self-assessment-opening', {});
  await step(tokens.clerk, 'self-assessments', {
    unitCode: U,
    scores: [{ criterionCode: 'C1', points: 90, evidence: [] }],
    bonus: 0,
    penalty: 0,
  });
  await step(tokens.secretariat, 'self-assessment-closing');
  await step(tokens.secretariat, 'ranking');
  // V shares the second place: within a quota of two (the shipped rule set allows one).
  const proposal = (votesForV: number) => ({
    provincial: [U, V],
    government: [],
    meetingDate: `${new Date().getUTCFullYear()}-01-20`,
    minutesRef: '01/BB-K',
    vote: {
      method: 'OPEN',
      present: [U, V, W],
      tallies: [
        { unitCode: U, flag: 'PROVINCIAL', votesFor: 3 },
        { unitCode: V, flag: 'PROVINCIAL', votesFor: votesForV },
      ],
    },
  });
  // 2 of 3 is more than half (the shipped rule) but less than the province's three quarters.
  const short = await post(tokens.secretariat, 'flag-proposals', proposal(2));
  expect([short.status, short.body.rule]).toEqual([422, 'block.vote-majority']);
  const proposed = await step(tokens.secretariat, 'flag-proposals', proposal(3));
  expect(proposed.state.proposals?.rule).toEqual({
    flagQuotas: { provincialPerBlock: 2, largeBlockFrom: 10, governmentPerBlock: 1 },
    flagVote: { quorum: [2, 3], threshold: { share: [3, 4], strict: false } },
    ruleSetVersion: `LAW2022+ND152+TT15/2025@${province}`,
  });
}, 120_000);
