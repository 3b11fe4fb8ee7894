/**
 * The state route end to end through HTTP only: a Bằng khen Thủ tướng (not publicly posted: the rule set's list, rule
 * 23) goes from the unit clerk through the provincial council, the chairman's tờ trình, the Ministry of Home Affairs
 * (a supplement, the hiệp y) to the Prime Minister's decision, numbered "…/QĐ-TTg", and its history verifies as one
 * hash chain. The real API and worker run on a time-skipping Temporal test server, so the 10-working-day posting passes
 * when the test moves the clock; every step of every actor is an HTTP request.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingEnvironment } from '../support/time-skipping-server';
import { installRuntime } from '../../apps/worker/src/worker';
import {
  aBkThuTuongDossier,
  aHcLaoDong3Dossier,
  http,
  seedCast,
  startSystem,
  tokenFor,
  type Cast,
  type TestSystem,
} from '../support/system';

type View = {
  id: string;
  status: string;
  heldBy: string | null;
  decisionNumber: string | null;
  deadline: string | null;
  deadlineKind: string | null;
  reason: string | null;
};
type HistoryEvent = {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  actor: { userId: string; role: string; onBehalfOf?: string };
};

let env: TestWorkflowEnvironment;
let sys: TestSystem;
let cast: Cast;
const t: Record<string, string> = {};

beforeAll(async () => {
  installRuntime();
  env = await timeSkippingEnvironment();
  sys = await startSystem({ temporalAddress: env.address });
  cast = await seedCast(sys);
  for (const [key, u] of Object.entries(cast.users)) t[key] = await tokenFor(sys, u.username);
  const tag = randomUUID().slice(0, 8);
  for (const [key, role] of [
    ['moha', 'CENTRAL_APPRAISER'],
    ['vpcp', 'CENTRAL_DECIDER'],
  ] as const) {
    const username = `${key}.${tag}`;
    await sys.directory.upsertUser({ id: `${key}-${tag}`, username, fullName: `${key} ${tag}`, role, unitCode: null });
    t[key] = await tokenFor(sys, username);
  }
}, 120_000);
afterAll(async () => {
  await sys?.stop();
  await env?.teardown();
});

const post = (token: string, path: string, body: unknown = {}) => http<View>(sys, 'POST', path, { token, body });
const get = (token: string, path: string) => http<View>(sys, 'GET', path, { token });
const ok = (res: { status: number; body: unknown }) =>
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });

const tasksOf = async (token: string) =>
  (await http<{ tasks: { dossierId: string; kind: string }[] }>(sys, 'GET', '/me/tasks', { token })).body.tasks.map(
    ({ dossierId, kind }) => ({ dossierId, kind }),
  );

/** Polls the read model until the dossier reaches a status (the central stage opens right after the tờ trình). */
async function until(id: string, status: string): Promise<View> {
  for (let i = 0; i < 300; i++) {
    const view = await get(t.auditor, `/dossiers/${id}`);
    if (view.body.status === status) return view.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dossier ${id} never reached ${status}`);
}

// Corrected (issue 8): the Bằng khen Thủ tướng used to go through the public posting; the rule set posts orders, honorary
// titles and CSTĐ toàn quốc only (rule 23), so the posting and its objection moved to a Huân chương Lao động hạng Ba.
it('a Huân chương Lao động hạng Ba is publicly posted before the council; an objection is reviewed and reported to it', async () => {
  const created = await post(t.clerk, '/dossiers', aHcLaoDong3Dossier());
  expect(created).toMatchObject({ status: 201, body: { status: 'DRAFT' } });
  const base = `/dossiers/${created.body.id}`;
  ok(await post(t.clerk, `${base}/submit`));
  ok(await post(t.head, `${base}/unit-approval`));

  // A state-level dossier the rule set posts goes to public posting before the council (rule 23).
  expect(await post(t.secretariat, `${base}/appraisal-acceptance`)).toMatchObject({ status: 409 });
  const posting = await post(t.secretariat, `${base}/public-posting`, {
    note: 'Niêm yết công khai trên Cổng thông tin',
  });
  expect(posting).toMatchObject({
    status: 200,
    body: { status: 'PUBLIC_POSTING', heldBy: 'SECRETARIAT_OFFICER', deadlineKind: 'PUBLIC_POSTING' },
  });
  expect(await post(t.secretariat, `${base}/objections`, { source: '' })).toMatchObject({ status: 400 });
  ok(
    await post(t.secretariat, `${base}/objections`, {
      source: 'Đơn của ông Nguyễn Văn A',
      text: 'Thành tích nêu trong báo cáo chưa chính xác',
    }),
  );

  // The posting ends by itself at its deadline: the test moves the server's clock past 10 working days.
  await env.sleep('30 days');
  const review = await until(created.body.id, 'COMPLAINT_REVIEW');
  expect(review).toMatchObject({ heldBy: 'SECRETARIAT_OFFICER', deadline: null });
  expect(await tasksOf(t.secretariat)).toContainEqual({ dossierId: created.body.id, kind: 'REVIEW_OBJECTIONS' });
  expect(await post(t.secretariat, `${base}/objection-review`, { upheld: false })).toMatchObject({ status: 400 });
  expect(
    (
      await post(t.secretariat, `${base}/objection-review`, {
        outcome: 'Đã xác minh: phản ánh không có cơ sở',
        upheld: false,
      })
    ).body,
  ).toMatchObject({ status: 'READY_FOR_COUNCIL' });
  expect((await post(t.secretariat, `${base}/appraisal-acceptance`)).body).toMatchObject({ status: 'COUNCIL_VOTING' });
  const history = await http<HistoryEvent[]>(sys, 'GET', `${base}/history`, { token: t.auditor });
  expect(history.body.map((e) => e.type)).toEqual([
    'DossierCreated',
    'DossierSubmitted',
    'UnitApproved',
    'AppraisalClockStarted',
    'AppraisalAccepted',
    'PublicPostingOpened',
    'ObjectionRecorded',
    'PublicPostingClosed',
    'ObjectionReviewRecorded',
    'CouncilVotingOpened',
  ]);
  expect(history.body.find((e) => e.type === 'CouncilVotingOpened')?.data).toMatchObject({
    objectionReview: { objections: 1, outcome: 'Đã xác minh: phản ánh không có cơ sở', upheld: false },
  });
  expect(history.body.find((e) => e.type === 'PublicPostingClosed')?.actor.role).toBe('SYSTEM');
}, 180_000);

it('a Bằng khen Thủ tướng goes from the clerk to AWARDED by the Prime Minister, without a public posting', async () => {
  const created = await post(t.clerk, '/dossiers', aBkThuTuongDossier());
  expect(created).toMatchObject({ status: 201, body: { status: 'DRAFT' } });
  const base = `/dossiers/${created.body.id}`;
  ok(await post(t.clerk, `${base}/submit`));
  ok(await post(t.head, `${base}/unit-approval`));
  expect(await post(t.secretariat, `${base}/public-posting`, {})).toMatchObject({
    status: 422,
    body: { rule: 'posting.required' },
  });
  expect((await post(t.secretariat, `${base}/appraisal-acceptance`)).body).toMatchObject({ status: 'COUNCIL_VOTING' });
  for (const m of ['member1', 'member2', 'member3']) ok(await post(t[m], `${base}/votes`, { approve: true }));
  expect((await get(t.auditor, base)).body).toMatchObject({
    status: 'AWAITING_DECISION',
    heldBy: 'PROVINCIAL_DECIDER',
  });

  // The chairman cannot award it; he signs the tờ trình to the centre.
  expect((await post(t.chairman, `${base}/decision`, { approve: true })).status).toBe(409);
  expect((await post(t.chairman, `${base}/proposal`, { approve: true })).body).toMatchObject({
    status: 'FORWARDED_TO_CENTRE',
  });
  expect(await until(created.body.id, 'MOHA_APPRAISAL')).toMatchObject({ heldBy: 'CENTRAL_APPRAISER' });
  expect(await tasksOf(t.moha)).toContainEqual({ dossierId: created.body.id, kind: 'APPRAISE' });

  // The Ministry of Home Affairs asks for a supplement; the province's secretariat provides it.
  expect(
    (
      await post(t.moha, `${base}/central/appraisal`, {
        outcome: 'REQUEST_SUPPLEMENT',
        reason: 'Thiếu biên bản Hội đồng tỉnh',
        missingParts: ['BIEN_BAN'],
      })
    ).body,
  ).toMatchObject({
    status: 'CENTRAL_SUPPLEMENT_REQUESTED',
    heldBy: 'SECRETARIAT_OFFICER',
  });
  expect((await post(t.secretariat, `${base}/central/supplement`, { note: 'Đã bổ sung biên bản' })).body).toMatchObject(
    { status: 'MOHA_APPRAISAL' },
  );
  expect(await post(t.moha, `${base}/central/appraisal`, { outcome: 'ACCEPT' })).toMatchObject({
    status: 422,
    body: { rule: 'central.hiep-y-required' },
  });
  ok(await post(t.moha, `${base}/central/hiep-y`, { agency: 'UBND tỉnh', agrees: true, opinion: 'Nhất trí đề nghị' }));
  expect((await post(t.moha, `${base}/central/appraisal`, { outcome: 'ACCEPT' })).body).toMatchObject({
    status: 'SUBMITTED_TO_PM',
    heldBy: 'CENTRAL_DECIDER',
  });

  expect(await tasksOf(t.vpcp)).toContainEqual({ dossierId: created.body.id, kind: 'DECIDE' });
  // A BK TTg is the Prime Minister's: not proposed to the President; decided in the TTg series.
  expect(await post(t.vpcp, `${base}/central/presidential-proposal`)).toMatchObject({
    status: 422,
    body: { rule: 'decision.decider' },
  });
  expect(await post(t.vpcp, `${base}/central/decision`, { decidedBy: 'PRESIDENT', approve: true })).toMatchObject({
    status: 400,
  });
  const awarded = await post(t.vpcp, `${base}/central/decision`, { decidedBy: 'PRIME_MINISTER', approve: true });
  ok(awarded);
  expect(awarded.body).toMatchObject({ status: 'AWARDED', heldBy: null });
  expect(awarded.body.decisionNumber).toMatch(/^\d+\/QĐ-TTg$/);

  const history = await http<HistoryEvent[]>(sys, 'GET', `${base}/history`, { token: t.auditor });
  expect(history.body.map((e) => e.type)).toEqual([
    'DossierCreated',
    'DossierSubmitted',
    'UnitApproved',
    'AppraisalClockStarted',
    'AppraisalAccepted',
    'CouncilVotingOpened',
    'VoteCast',
    'VoteCast',
    'VoteCast',
    'CouncilVotingClosed',
    'ProposalSigned',
    'CentralStageOpened',
    'CentralSupplementRequested',
    'CentralSupplementProvided',
    'HiepYRecorded',
    'CentralAppraisalAccepted',
    'DossierAwarded',
  ]);
  const byType = (type: string) => history.body.find((e) => e.type === type);
  expect(byType('ProposalSigned')?.data).toMatchObject({
    proposal: { number: expect.stringMatching(/^\d+\/TTr-UBND$/) },
  });
  expect(byType('DossierAwarded')?.actor).toMatchObject({ role: 'CENTRAL_DECIDER', onBehalfOf: 'PRIME_MINISTER' });
  expect(history.body.map((e) => e.seq)).toEqual(history.body.map((_, i) => i + 1));

  const verified = await http<{ ok: boolean; events: number }>(sys, 'GET', `${base}/verify`, { token: t.auditor });
  expect(verified).toMatchObject({ status: 200, body: { ok: true, events: history.body.length } });
}, 180_000);
