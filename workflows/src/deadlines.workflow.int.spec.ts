/**
 * Working-day deadlines on Temporal's Java test server with time skipping: the workflow sleeps until the deadline
 * the domain names, and the test skips the weeks in between instead of waiting for them.
 */
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { exampleBkTinhContent, type Actor, type DossierCommand, type DossierState } from '@tdkt/domain';
import { DossierQueries } from '@tdkt/persistence';
import { metricsRegistry } from '@tdkt/platform';
import { dossierCommandUpdate, dossierStateQuery, dossierWorkflowId } from './messages';
import { actorOf, startTimeSkipping, type TimeSkippingWorld } from '../../test/support/time-skipping';

let world: TimeSkippingWorld;
let env: TestWorkflowEnvironment;
let ds: DataSource;
let taskQueue: string;
beforeAll(async () => {
  world = await startTimeSkipping('deadlines');
  ({ env, ds, taskQueue } = world);
}, 120_000);
afterAll(async () => world?.stop());

const who = actorOf;
const clerk = who('UNIT_CLERK', 'c1', 'SGDDT');
const secretariat = who('SECRETARIAT_OFFICER', 's1');

const skipTo = (isoLocal: string) => world.skipTo(isoLocal);

async function startDossier(): Promise<{
  handle: WorkflowHandle;
  send: (actor: Actor, command: DossierCommand) => Promise<DossierState>;
}> {
  const dossierId = randomUUID();
  const handle = await env.client.workflow.start('dossierWorkflow', {
    taskQueue,
    workflowId: dossierWorkflowId(dossierId),
    args: [{ dossierId }],
  });
  // The command, then the state it left (the update itself answers only the outcome).
  const send = async (actor: Actor, command: DossierCommand) => {
    await handle.executeUpdate(dossierCommandUpdate, { args: [{ actor, command, requestId: randomUUID() }] });
    return handle.query(dossierStateQuery);
  };
  await send(clerk, {
    type: 'CreateDossier',
    data: {
      awardCode: 'BK_TINH',
      unitCode: 'SGDDT',
      title: 'Bằng khen',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
      achievements: 'Xuất sắc',
      ...exampleBkTinhContent(2026),
    },
  });
  await send(clerk, { type: 'SubmitDossier', data: {} });
  await send(who('UNIT_HEAD', 'h1', 'SGDDT'), { type: 'ApproveAtUnit', data: {} });
  return { handle, send };
}

const stateOf = (handle: WorkflowHandle) => handle.query(dossierStateQuery);

/** tdkt_deadline_timers_fired_total{event} as the worker's /metrics serves it (this process hosts the worker). */
const timersFired = async (event: string) =>
  (await metricsRegistry.getSingleMetric('tdkt_deadline_timers_fired_total')?.get())?.values.find(
    (v) => v.labels.event === event,
  )?.value ?? 0;

describe('supplement requests', () => {
  it('a supplement due across Tết 2027 expires on the Tết-adjusted working day, and the dossier returns with the reason', async () => {
    await skipTo('2027-01-29T09:00:00');
    const { handle, send } = await startDossier();
    const requested = await send(secretariat, {
      type: 'RequestSupplement',
      data: { missingParts: ['BIEN_BAN'], reason: 'Thiếu biên bản họp Hội đồng', deadlineWD: 10 },
    });
    // Fri 29/01 + 10 working days, skipping the Tết block 04–10/02/2027 (see calendar/holidays.ts) → Fri 19/02.
    expect(requested.supplement?.deadline).toBe('2027-02-19');
    expect(requested.appraisal?.remainingWD).toBe(10);

    await skipTo('2027-02-13T09:00:00'); // the day after the deadline a calendar without Tết would give
    expect((await stateOf(handle)).status).toBe('SUPPLEMENT_REQUESTED');

    await skipTo('2027-02-20T09:00:00');
    const returned = await stateOf(handle);
    expect(returned.status).toBe('RETURNED');
    expect(returned.returnReason).toContain('2027-02-19');
    const view = await new DossierQueries(ds).findById(returned.dossierId);
    expect(view).toMatchObject({ status: 'RETURNED', heldBy: 'UNIT_CLERK', deadline: null });
  });

  it('the appraisal clock pauses while the unit supplements and resumes with the working days left', async () => {
    await skipTo('2027-03-01T09:00:00'); // Monday
    const { send } = await startDossier();
    await skipTo('2027-03-04T09:00:00'); // three working days of the ten used
    const paused = await send(secretariat, {
      type: 'RequestSupplement',
      data: { missingParts: ['TO_TRINH'], reason: 'Thiếu tờ trình' },
    });
    expect(paused.appraisal).toMatchObject({ remainingWD: 7 });
    await skipTo('2027-03-08T10:00:00'); // Monday: the unit answers
    const resumed = await send(clerk, { type: 'ProvideSupplement', data: { note: 'Đã bổ sung tờ trình' } });
    expect(resumed.status).toBe('APPRAISAL');
    expect(resumed.appraisal?.deadline).toBe('2027-03-17'); // 08/03 + 7 working days
  });
});

describe('appraisal deadline', () => {
  it('reminds the secretariat before the deadline and escalates to the secretariat head when it passes', async () => {
    await skipTo('2027-04-05T09:00:00'); // Monday; deadline 10 WD later, Giỗ Tổ (16/04) in between
    const { handle } = await startDossier();
    // Read after three commands: the earlier tests' timers (skipped past on the way here) have long been appended.
    const [remindedBefore, overdueBefore] = [
      await timersFired('AppraisalDeadlineReminded'),
      await timersFired('AppraisalOverdue'),
    ];
    const started = await stateOf(handle);
    expect(started.appraisal?.deadline).toBe('2027-04-20');
    await skipTo('2027-04-19T12:00:00');
    expect((await stateOf(handle)).appraisal).toMatchObject({ reminded: true, overdue: false });
    await skipTo('2027-04-21T09:00:00');
    const overdue = await stateOf(handle);
    expect(overdue.appraisal).toMatchObject({ overdue: true });
    expect(await new DossierQueries(ds).findById(overdue.dossierId)).toMatchObject({
      overdue: true,
      heldBy: 'SECRETARIAT_HEAD',
      status: 'APPRAISAL',
    });
    // Each fired timer's append is counted once, by its event (the metric the dashboard's deadline panel reads).
    expect((await timersFired('AppraisalDeadlineReminded')) - remindedBefore).toBe(1);
    expect((await timersFired('AppraisalOverdue')) - overdueBefore).toBe(1);
  });
});

describe('council voting deadline', () => {
  it('closes at its deadline; one vote of three is no quorum, so the dossier goes back to the secretariat', async () => {
    await skipTo('2027-05-10T09:00:00');
    const { handle, send } = await startDossier();
    const opened = await send(secretariat, { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2', 'm3'] } });
    expect(opened.council?.deadline).toBe('2027-05-17');
    await send(who('COUNCIL_MEMBER', 'm1'), { type: 'CastVote', data: { approve: true } });
    await skipTo('2027-05-18T09:00:00');
    const closed = await stateOf(handle);
    expect(closed.status).toBe('APPRAISAL');
    expect(closed.council).toBeUndefined();
  });
});
