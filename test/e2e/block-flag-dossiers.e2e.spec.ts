/**
 * From the block meeting to the Cờ thi đua decision, on the real API, worker, Temporal and Postgres: a block ranks its
 * members, its meeting votes (quorum and majority refused first), the leading member's clerk turns the proposal into
 * a pre-filled draft dossier (once, whoever asks again), completes it and takes it along the provincial route to the
 * chairman's decision; a member the meeting did not propose is refused, and so is its own flag dossier at submission.
 */
import { randomUUID } from 'node:crypto';
import type { BlockYearState } from '@tdkt/domain';
import {
  PROVINCIAL_STEPS,
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
let tokens: Record<string, string>;
const evaluationYear = new Date().getUTCFullYear() - 1;
let A: string;
let B: string;
const C = `W-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  tokens = await tokensFor(sys, cast);
  [A, B] = [cast.unitCode, cast.otherUnitCode];
  const province = await sys.directory.provinceOf(A);
  await sys.directory.upsertUnit({ code: C, name: `Sở ${C}`, level: 'AGENCY', provinceCode: province ?? '' });
  tokens.headB = await (async () => {
    await sys.directory.upsertUser({
      id: `head-${B}`,
      username: `head.${B}`,
      fullName: 'Thủ trưởng B',
      role: 'UNIT_HEAD',
      unitCode: B,
    });
    return tokenFor(sys, `head.${B}`);
  })();
}, 120_000);
afterAll(async () => sys?.stop());

type YearBody = { phase: string; state: BlockYearState };

it('the leading member’s proposal becomes its Cờ thi đua dossier and ends with a decision; others are refused', async () => {
  const secretariat = tokens.secretariat;
  const block = await http<{ blockId: string }>(sys, 'POST', '/emulation-blocks', {
    token: secretariat,
    body: {
      code: `K-${C}`,
      name: `Khối các sở ${C}`,
      members: [A, B, C].map((u) => ({ unitCode: u, name: `Đơn vị ${u}` })),
    },
  });
  expect(block.status).toBe(201);
  const opened = await http<{ blockYearId: string }>(sys, 'POST', `/emulation-blocks/${block.body.blockId}/years`, {
    token: secretariat,
    body: { year: evaluationYear },
  });
  expect(opened.status).toBe(201);
  const id = opened.body.blockYearId;
  const post = (token: string, path: string, body: unknown = {}) =>
    http<YearBody & { rule?: string; message?: string }>(sys, 'POST', `/block-years/${id}/${path}`, { token, body });
  const step = async (token: string, path: string, body: unknown = {}) => {
    const res = await post(token, path, body);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await step(secretariat, 'template', {
    criteria: [{ code: 'C1', title: 'Nhiệm vụ chuyên môn', maxPoints: 100, evidenceRequired: false }],
    maxBonus: 5,
    maxPenalty: 10,
  });
  await step(secretariat, 'template-approval');
  for (const u of [A, B, C]) await step(secretariat, 'pledges', { unitCode: u });
  await step(secretariat, 'self-assessment-opening', { workingDays: 10 });
  const score = (u: string, points: number) => ({
    unitCode: u,
    scores: [{ criterionCode: 'C1', points, evidence: [] }],
    bonus: 1,
    penalty: 0,
  });
  await step(tokens.clerk, 'self-assessments', score(A, 90));
  await step(tokens.otherClerk, 'self-assessments', score(B, 80));
  await step(secretariat, 'self-assessment-closing');
  const ranked = await step(secretariat, 'ranking');
  expect(ranked.state.ranking?.map((r) => [r.unitCode, r.rank, r.total])).toEqual([
    [A, 1, 91],
    [B, 2, 81],
    [C, 3, 0],
  ]);

  // The meeting's vote: without two thirds of the members present, or without more than half of those present, no proposal.
  const proposal = (vote: unknown) => ({
    provincial: [A],
    government: [],
    meetingDate: `${evaluationYear + 1}-01-15`,
    minutesRef: '02/BB-KHOI',
    vote,
  });
  const noQuorum = await post(
    secretariat,
    'flag-proposals',
    proposal({ method: 'SECRET', present: [A], tallies: [{ unitCode: A, flag: 'PROVINCIAL', votesFor: 1 }] }),
  );
  expect([noQuorum.status, noQuorum.body.rule]).toEqual([422, 'block.vote-quorum']);
  const noMajority = await post(
    secretariat,
    'flag-proposals',
    proposal({ method: 'OPEN', present: [A, B], tallies: [{ unitCode: A, flag: 'PROVINCIAL', votesFor: 1 }] }),
  );
  expect([noMajority.status, noMajority.body.rule]).toEqual([422, 'block.vote-majority']);
  const noVote = await post(secretariat, 'flag-proposals', { ...proposal(undefined), vote: undefined });
  expect(noVote.status).toBe(400);
  const proposed = await step(
    secretariat,
    'flag-proposals',
    proposal({ method: 'SECRET', present: [A, B, C], tallies: [{ unitCode: A, flag: 'PROVINCIAL', votesFor: 2 }] }),
  );
  expect(proposed.phase).toBe('PROPOSED');
  expect(proposed.state.proposals).toMatchObject({
    vote: { method: 'SECRET', present: [A, B, C] },
    rule: { flagQuotas: { provincialPerBlock: 1 }, flagVote: { quorum: [2, 3] } },
  });

  // A member the meeting did not propose gets no dossier from it; the head of a unit cannot create dossiers (403).
  const notProposed = await post(tokens.otherClerk, 'proposals/dossiers');
  expect([notProposed.status, notProposed.body.rule]).toEqual([422, 'block.proposal-dossier-proposed']);
  expect((await post(tokens.headB, 'proposals/dossiers')).status).toBe(403);

  // The leader's clerk: one pre-filled draft, recorded on the block year; asking again finds the same one.
  type Result = {
    blockYear: YearBody;
    dossiers: { unitCode: string; flag: string; awardCode: string; dossierId: string }[];
  };
  const made = await http<Result>(sys, 'POST', `/block-years/${id}/proposals/dossiers`, { token: tokens.clerk });
  expect(made.status).toBe(200);
  expect(made.body.dossiers).toEqual([
    { unitCode: A, flag: 'PROVINCIAL', awardCode: 'CO_TD_TINH', dossierId: expect.any(String) },
  ]);
  const dossierId = made.body.dossiers[0].dossierId;
  expect(made.body.blockYear.state.proposalDossiers).toEqual(made.body.dossiers);
  const again = await http<Result>(sys, 'POST', `/block-years/${id}/proposals/dossiers`, { token: tokens.clerk });
  expect(again.body.dossiers.map((d) => d.dossierId)).toEqual([dossierId]);
  const draft = await http<{
    status: string;
    awardCode: string;
    nomineeKind: string;
    nomineeName: string;
    unitCode: string;
  }>(sys, 'GET', `/dossiers/${dossierId}`, { token: tokens.clerk });
  expect(draft.body).toMatchObject({
    status: 'DRAFT',
    awardCode: 'CO_TD_TINH',
    nomineeKind: 'COLLECTIVE',
    nomineeName: `Đơn vị ${A}`,
    unitCode: A,
  });
  const history = await http<
    {
      type: string;
      data: { achievements: string; parts: { kind: string; ref: string }[]; record: { evaluationYear: number } };
    }[]
  >(sys, 'GET', `/dossiers/${dossierId}/history`, { token: tokens.clerk });
  const created = history.body.find((e) => e.type === 'DossierCreated')?.data;
  expect(created?.record.evaluationYear).toBe(evaluationYear);
  expect(created?.achievements).toContain('Xếp hạng 1/3 của khối, tổng điểm 91');
  expect(created?.parts).toEqual([
    expect.objectContaining({ kind: 'EVIDENCE', ref: expect.stringContaining('số 02/BB-KHOI') }),
  ]);

  // The unit completes its package and the dossier goes along the provincial route to the chairman's decision.
  const completed = await http(sys, 'PUT', `/dossiers/${dossierId}/content`, {
    token: tokens.clerk,
    body: {
      parts: [
        { kind: 'TO_TRINH', ref: 'Tờ trình 05/TTr', copy: 'ORIGINAL' },
        {
          kind: 'BAO_CAO_THANH_TICH',
          ref: 'Báo cáo thành tích tập thể',
          copy: 'ORIGINAL',
          confirmedBySubmittingLevel: true,
        },
        { kind: 'BIEN_BAN', ref: 'Biên bản họp Hội đồng TĐKT', copy: 'ORIGINAL' },
        ...(created?.parts ?? []),
      ],
    },
  });
  expect(completed.status).toBe(200);
  for (const [who, path, body] of PROVINCIAL_STEPS) {
    const res = await http(sys, 'POST', `/dossiers/${dossierId}/${path}`, { token: tokens[who], body });
    if (res.status !== 200) throw new Error(`${path} by ${who}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const decided = await http<{ status: string; decisionNumber: string | null }>(sys, 'GET', `/dossiers/${dossierId}`, {
    token: tokens.clerk,
  });
  expect(decided.body.status).toBe('AWARDED');
  expect(decided.body.decisionNumber).toMatch(/\/QĐ-UBND$/);

  // The second-ranked member's own Cờ thi đua dossier is refused at submission, naming the block and its rank.
  const own = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: tokens.otherClerk,
    body: {
      awardCode: 'CO_TD_TINH',
      title: 'Đề nghị tặng Cờ thi đua của UBND tỉnh',
      nominee: { kind: 'COLLECTIVE', fullName: `Đơn vị ${B}` },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ năm.',
      record: { evaluationYear, ratings: [], awards: [], initiatives: [], collectiveYears: [] },
      parts: [
        { kind: 'TO_TRINH', ref: 'Tờ trình', copy: 'ORIGINAL' },
        { kind: 'BAO_CAO_THANH_TICH', ref: 'Báo cáo', copy: 'ORIGINAL', confirmedBySubmittingLevel: true },
        { kind: 'BIEN_BAN', ref: 'Biên bản', copy: 'ORIGINAL' },
      ],
    },
  });
  expect(own.status).toBe(201);
  const refused = await http<{ rule: string; message: string }>(sys, 'POST', `/dossiers/${own.body.id}/submit`, {
    token: tokens.otherClerk,
    body: {},
  });
  expect([refused.status, refused.body.rule]).toEqual([422, 'eligibility']);
  expect(refused.body.message).toContain(`rank 2 of 3`);
}, 240_000);
