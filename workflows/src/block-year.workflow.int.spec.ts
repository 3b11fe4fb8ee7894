/**
 * A block's emulation year on Temporal's Java test server with time skipping: from the template to the proposals,
 * with a mid-year check held in July and the self-assessment deadline across Tết 2027 — the engine closes it on the
 * Tết-adjusted working day, naming the member that sent nothing — and the stream projected into the block-year read
 * model and the ranking. The year's history replays on the current code, and so do the block-year histories recorded
 * by earlier code (`__histories__`, recorded before the mid-year check existed; record a new one with
 * `TDKT_RECORD_HISTORIES=1`, keep the old files).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataConverterFromEnv } from '@tdkt/platform';
import type { DataSource } from 'typeorm';
import type { Actor, BlockYearCommand, BlockYearState } from '@tdkt/domain';
import { EmulationQueries } from '@tdkt/persistence';
import { blockYearCommandUpdate, blockYearStateQuery, blockYearWorkflowId } from './emulation-messages';
import { actorOf, startTimeSkipping, type TimeSkippingWorld } from '../../test/support/time-skipping';

const HISTORIES = join(__dirname, '__histories__');
const bundle = () => ({ workflowBundle: { codePath: process.env.TDKT_WORKFLOW_BUNDLE ?? '' } });
let world: TimeSkippingWorld;
let env: TestWorkflowEnvironment;
let ds: DataSource;
let taskQueue: string;
beforeAll(async () => {
  world = await startTimeSkipping('block-year');
  ({ env, ds, taskQueue } = world);
}, 120_000);
afterAll(async () => world?.stop());

const secretariat = actorOf('SECRETARIAT_OFFICER', 's1');
const head = (unit: string) => actorOf('UNIT_HEAD', `h-${unit}`, unit);

it('a block year from template to proposals: the self-assessment closes at its deadline across Tết, then ranking and the leader proposed', async () => {
  const tag = randomUUID().slice(0, 6);
  const [A, B, C] = ['A', 'B', 'C'].map((u) => `${u}-${tag}`);
  await world.skipTo('2026-01-12T09:00:00');
  const blockYearId = randomUUID();
  const handle = await env.client.workflow.start('blockYearWorkflow', {
    taskQueue,
    workflowId: blockYearWorkflowId(blockYearId),
    args: [{ blockYearId }],
  });
  const send = (actor: Actor, command: BlockYearCommand): Promise<BlockYearState> =>
    handle.executeUpdate(blockYearCommandUpdate, { args: [{ actor, command, requestId: randomUUID() }] });

  await send(secretariat, {
    type: 'OpenBlockYear',
    data: {
      blockId: randomUUID(),
      blockCode: `K-${tag}`,
      blockName: 'Khối Kinh tế',
      provinceCode: 'P',
      year: 2026,
      members: [A, B, C].map((u) => ({ unitCode: u, name: u })),
      leadership: { head: A, deputy: B },
    },
  });
  await send(head(A), {
    type: 'AdoptTemplate',
    data: {
      criteria: [
        { code: 'C1', title: 'Nhiệm vụ', maxPoints: 70, evidenceRequired: true },
        { code: 'C2', title: 'Phong trào', maxPoints: 30, evidenceRequired: false },
      ],
      maxBonus: 5,
      maxPenalty: 10,
    },
  });
  await send(secretariat, { type: 'ApproveTemplate', data: {} });
  for (const u of [A, B]) await send(head(u), { type: 'SignPledge', data: { unitCode: u } });
  expect((await send(head(C), { type: 'SignPledge', data: { unitCode: C } })).phase).toBe('IN_PROGRESS');

  // The mid-year check (sơ kết 6 tháng), held in July: recorded on the year, the phase unchanged.
  const checked = await send(head(A), {
    type: 'RecordMidYearCheck',
    data: { heldOn: '2026-07-10', summary: 'Sơ kết 6 tháng', remarks: [{ unitCode: C, remark: 'Chậm tiến độ' }] },
  });
  expect(checked).toMatchObject({
    phase: 'IN_PROGRESS',
    midYearCheck: { heldOn: '2026-07-10', recordedOn: expect.stringMatching(/^2026-/) },
  });

  // Year end: the self-assessment opens Fri 29/01/2027 for 10 working days → Fri 19/02/2027 (Tết 04–10/02/2027 skipped).
  await world.skipTo('2027-01-29T09:00:00');
  expect((await send(head(A), { type: 'OpenSelfAssessment', data: {} })).selfAssessmentDeadline).toBe('2027-02-19');
  await send(head(A), {
    type: 'SubmitSelfAssessment',
    data: {
      unitCode: A,
      scores: [
        { criterionCode: 'C1', points: 65, evidence: ['01/BC'] },
        { criterionCode: 'C2', points: 25, evidence: [] },
      ],
      bonus: 2,
      penalty: 0,
    },
  });
  await send(head(B), {
    type: 'SubmitSelfAssessment',
    data: {
      unitCode: B,
      scores: [
        { criterionCode: 'C1', points: 68, evidence: ['02/BC'] },
        { criterionCode: 'C2', points: 28, evidence: [] },
      ],
      bonus: 0,
      penalty: 0,
    },
  });

  await world.skipTo('2027-02-13T09:00:00'); // a calendar without Tết would have closed it already
  expect((await handle.query(blockYearStateQuery)).phase).toBe('SELF_ASSESSMENT');
  await world.skipTo('2027-02-20T09:00:00');
  const closed = await handle.query(blockYearStateQuery);
  expect(closed).toMatchObject({ phase: 'CROSS_REVIEW', missingAssessments: [C] });

  // Cross-review: the head lowers B's C1 with a reason; ranking; the leader is proposed.
  await send(head(A), {
    type: 'AdjustScore',
    data: { unitCode: B, target: 'C1', points: 60, reason: 'Minh chứng 02/BC chỉ chứng minh 60 điểm' },
  });
  const ranked = await send(head(A), { type: 'RankBlock', data: {} });
  expect(ranked.ranking?.map((r) => [r.unitCode, r.total, r.rank])).toEqual([
    [A, 92, 1],
    [B, 88, 2],
    [C, 0, 3],
  ]);
  // As the proposals were sent before the meeting's vote and the rule set's quotas travelled in the command.
  const proposed = await send(head(A), {
    type: 'ProposeFlags',
    data: { provincial: [A], government: [A], meetingDate: '2027-03-02', minutesRef: '03/BB-KKT' },
  });
  expect(proposed.phase).toBe('PROPOSED');
  await send(secretariat, { type: 'CloseBlockYear', data: {} });
  expect((await handle.result()).phase).toBe('CLOSED');

  const queries = new EmulationQueries(ds);
  expect(await queries.findBlockYear(blockYearId)).toMatchObject({
    phase: 'CLOSED',
    headUnit: A,
    selfAssessmentDeadline: '2027-02-19',
    state: { midYearCheck: { heldOn: '2026-07-10', remarks: [{ unitCode: C, remark: 'Chậm tiến độ' }] } },
  });
  expect(await queries.standingOf(B, 2026)).toMatchObject({ blockName: 'Khối Kinh tế', rank: 2, rankedMembers: 3 });
  const stream = (await ds.query(`SELECT type, actor_id FROM dossier_event WHERE stream_id = $1 ORDER BY seq`, [
    blockYearId,
  ])) as { type: string; actor_id: string }[];
  expect(stream.filter((e) => e.type === 'BlockYearPledgeSigned').map((e) => e.actor_id)).toEqual(
    [A, B, C].map((u) => `h-${u}`),
  );
  expect(stream.find((e) => e.type === 'BlockYearSelfAssessmentClosed')?.actor_id).toBe('system');

  const history = await handle.fetchHistory();
  await Worker.runReplayHistory({ ...bundle(), dataConverter: dataConverterFromEnv() }, history, handle.workflowId);
  if (process.env.TDKT_RECORD_HISTORIES)
    writeFileSync(
      join(HISTORIES, 'block-year-closed.history.bin'),
      temporal.api.history.v1.History.encode(history).finish(),
    );
}, 120_000);

describe('recorded block-year histories still replay', () => {
  const files = existsSync(HISTORIES)
    ? readdirSync(HISTORIES).filter((f) => f.startsWith('block-year-') && f.endsWith('.history.bin'))
    : [];
  it(`replays ${files.join(', ') || 'none'} on the current workflow code`, async () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const history = temporal.api.history.v1.History.decode(readFileSync(join(HISTORIES, file)));
      await expect(Worker.runReplayHistory(bundle(), history, file)).resolves.toBeUndefined();
    }
  });
});
