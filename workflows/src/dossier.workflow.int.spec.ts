/**
 * Recorded histories are binary protobuf (temporal.api.history.v1.History); record new ones with
 * `TDKT_RECORD_HISTORIES=1 npm test -- workflows` before changing the workflow, and keep the old files.
 *
 * The dossier workflow on real Temporal servers: the run's dev server for a full route (then replayed from its
 * history), Temporal's Java test server for deadlines with time skipping, and recorded histories replayed so that
 * a change to the workflow code that breaks running dossiers fails here.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingEnvironment } from '../../test/support/time-skipping-server';
import { devServerWorker } from '../../test/support/dev-server-worker';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { exampleBkTinhContent, type Actor, type DossierCommand } from '@tdkt/domain';
import { createDataSource, DecisionNumbers, eventStoreWithReadModels } from '@tdkt/persistence';
import { createDossierActivities } from '../../apps/worker/src/activities';
import { dossierCommandUpdate, dossierWorkflowId, type CommandOutcome, type CommandRequest } from './messages';
import { dataConverterFromEnv } from '@tdkt/platform';

const HISTORIES = join(__dirname, '__histories__');
const bundle = () => ({ workflowBundle: { codePath: process.env.TDKT_WORKFLOW_BUNDLE ?? '' } });

let ds: DataSource;
beforeAll(async () => {
  ds = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
});
afterAll(async () => ds?.destroy());

const activities = () =>
  createDossierActivities({ eventStore: eventStoreWithReadModels(ds), decisionNumbers: new DecisionNumbers(ds) });
const who = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});

/** The provincial route as (actor, command) pairs, ending AWARDED. */
function provincialRoute(): [Actor, DossierCommand][] {
  const nominee = { kind: 'INDIVIDUAL' as const, fullName: 'Nguyễn Thị Lan' };
  return [
    [
      who('UNIT_CLERK', 'c1', 'SGDDT'),
      {
        type: 'CreateDossier',
        data: {
          awardCode: 'BK_TINH',
          unitCode: 'SGDDT',
          title: 'Bằng khen',
          nominee,
          achievements: 'Xuất sắc',
          ...exampleBkTinhContent(2024),
        },
      },
    ],
    [who('UNIT_CLERK', 'c1', 'SGDDT'), { type: 'SubmitDossier', data: {} }],
    [who('UNIT_HEAD', 'h1', 'SGDDT'), { type: 'ApproveAtUnit', data: {} }],
    [who('SECRETARIAT_OFFICER', 's1'), { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2'] } }],
    [who('COUNCIL_MEMBER', 'm1'), { type: 'CastVote', data: { approve: true } }],
    [who('COUNCIL_MEMBER', 'm2'), { type: 'CastVote', data: { approve: true } }],
    [who('PROVINCIAL_DECIDER', 'p1'), { type: 'DecideDossier', data: { approve: true } }],
  ];
}

describe('dossier workflow on the dev server', () => {
  it('carries a provincial dossier to AWARDED, and its history replays on the current code', async () => {
    const { client, worker, taskQueue, close } = await devServerWorker('wf', activities());
    const dossierId = randomUUID();
    await worker.runUntil(async () => {
      const handle = await client.workflow.start('dossierWorkflow', {
        taskQueue,
        workflowId: dossierWorkflowId(dossierId),
        args: [{ dossierId }],
      });
      let state: CommandOutcome | undefined;
      for (const [actor, command] of provincialRoute()) {
        const req: CommandRequest = { actor, command, requestId: randomUUID() };
        state = await handle.executeUpdate(dossierCommandUpdate, { args: [req] });
      }
      expect(state?.status).toBe('AWARDED');
      expect(await handle.result()).toMatchObject({ status: 'AWARDED', seq: 10 });
      const history = await handle.fetchHistory();
      await Worker.runReplayHistory({ ...bundle(), dataConverter: dataConverterFromEnv() }, history, handle.workflowId);
      if (process.env.TDKT_RECORD_HISTORIES)
        writeFileSync(
          join(HISTORIES, 'dossier-provincial-awarded.history.bin'),
          temporal.api.history.v1.History.encode(history).finish(),
        );
    });
    await close();
  });
});

describe('the lean write path (issue 14)', () => {
  it('started with its creating command, as the API starts it, a dossier starts only the timers its deadlines need upserts only what changed and records one patch marker', async () => {
    const { client, worker, taskQueue, close } = await devServerWorker('wf', activities());
    const dossierId = randomUUID();
    // Three council members, so two votes leave the council's deadline as it was.
    const route = provincialRoute().flatMap(([actor, command]): [Actor, DossierCommand][] =>
      command.type === 'AcceptAppraisal'
        ? [[actor, { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2', 'm3'] } }]]
        : command.type === 'CastVote' && actor.userId === 'm2'
          ? [
              [actor, command],
              [who('COUNCIL_MEMBER', 'm3'), command],
            ]
          : [[actor, command]],
    );
    await worker.runUntil(async () => {
      const [[creator, create], ...rest] = route;
      const start = new WithStartWorkflowOperation('dossierWorkflow', {
        taskQueue,
        workflowId: dossierWorkflowId(dossierId),
        args: [{ dossierId, indexSearchAttributes: true }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      await client.workflow.executeUpdateWithStart(dossierCommandUpdate, {
        args: [{ actor: creator, command: create, requestId: randomUUID() }],
        startWorkflowOperation: start,
      });
      const handle = await start.workflowHandle();
      for (const [actor, command] of rest)
        await handle.executeUpdate(dossierCommandUpdate, { args: [{ actor, command, requestId: randomUUID() }] });
      expect(await handle.result()).toMatchObject({ status: 'AWARDED' });
      const history = await handle.fetchHistory();
      const events = history.events ?? [];
      const count = (type: temporal.api.enums.v1.EventType) => events.filter((e) => e.eventType === type).length;
      const T = temporal.api.enums.v1.EventType;
      // The appraisal's deadline and the council's, cancelled by the acceptance and by the third vote: no timer for
      // the abandonment of an uncreated dossier, none restarted by the first two votes.
      expect(count(T.EVENT_TYPE_TIMER_STARTED)).toBe(2);
      expect(count(T.EVENT_TYPE_TIMER_CANCELED)).toBe(2);
      // Started on this code, it records the newest patch only (the older ones apply without a marker of their own).
      expect(count(T.EVENT_TYPE_MARKER_RECORDED)).toBe(1);
      // After the first upsert (all four), each stage change upserts the stage alone (the patch's own upsert of
      // TemporalChangeVersion aside).
      const upserts = events
        .filter((e) => e.eventType === T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)
        .map((e) =>
          Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}).sort(),
        )
        .filter((keys) => !keys.includes('TemporalChangeVersion'));
      expect(count(T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES) - upserts.length).toBe(1);
      expect(upserts[0]).toEqual(['TdktAwardCode', 'TdktLevel', 'TdktStage', 'TdktUnitCode']);
      expect(upserts.slice(1).length).toBeGreaterThanOrEqual(4);
      for (const keys of upserts.slice(1)) expect(keys).toEqual(['TdktStage']);
      expect((await handle.describe()).searchAttributes).toMatchObject({
        TdktStage: ['AWARDED'],
        TdktAwardCode: ['BK_TINH'],
        TdktUnitCode: ['SGDDT'],
        TdktLevel: ['PROVINCIAL'],
      });
      await Worker.runReplayHistory({ ...bundle(), dataConverter: dataConverterFromEnv() }, history, handle.workflowId);
      if (process.env.TDKT_RECORD_HISTORIES)
        writeFileSync(
          join(HISTORIES, 'dossier-provincial-lean.history.bin'),
          temporal.api.history.v1.History.encode(history).finish(),
        );
    });
    await close();
  });
});

describe('recorded histories of every workflow type still replay', () => {
  const files = existsSync(HISTORIES) ? readdirSync(HISTORIES).filter((f) => f.endsWith('.history.bin')) : [];
  it(`replays every file in __histories__ (${files.join(', ') || 'none'}) on the current workflow code`, async () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const history = temporal.api.history.v1.History.decode(readFileSync(join(HISTORIES, file)));
      await expect(Worker.runReplayHistory(bundle(), history, file)).resolves.toBeUndefined();
    }
  });
});

describe('deadlines with time skipping (Java test server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  }, 120_000);
  afterAll(async () => env?.teardown());

  it('a workflow whose dossier was never created closes itself after a day, without waiting a day', async () => {
    const taskQueue = `ts-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities: activities(),
      dataConverter: dataConverterFromEnv(),
      ...bundle(),
    });
    const dossierId = randomUUID();
    const result = await worker.runUntil(
      env.client.workflow.execute('dossierWorkflow', {
        taskQueue,
        workflowId: dossierWorkflowId(dossierId),
        args: [{ dossierId }],
      }) as Promise<CommandOutcome>,
    );
    // A day of workflow time passed; the test server skipped it (a real wait would exceed the test timeout).
    expect(result.status).toBe('NEW');
  });
});
