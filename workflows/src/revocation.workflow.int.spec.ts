/**
 * The revocation workflow on real Temporal servers: on the run's dev server it revokes an awarded dossier whose
 * events are in the event table and closes it once both recoveries are recorded (then replays its own history);
 * recorded revocation histories replay on the current code; with time skipping, an unrevoked start ends after a day.
 *
 * Record a new history with `TDKT_RECORD_HISTORIES=1 npm test -- workflows/src/revocation` (keep the old files).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingEnvironment } from '../../test/support/time-skipping-server';
import { devServerWorker } from '../../test/support/dev-server-worker';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { Actor, DossierState, RevocationCommand } from '@tdkt/domain';
import {
  createDataSource,
  DecisionNumbers,
  EventStore,
  verifyChain,
  eventStoreWithReadModels,
} from '@tdkt/persistence';
import { createDossierActivities } from '../../apps/worker/src/activities';
import { batchesOf, simulateDossier } from '../../test/support/simulate';
import { revocationCommandUpdate, revocationWorkflowId, type RevocationRequest } from './messages';
import { dataConverterFromEnv } from '@tdkt/platform';

const HISTORIES = join(__dirname, '__histories__');
const bundle = () => ({ workflowBundle: { codePath: process.env.TDKT_WORKFLOW_BUNDLE ?? '' } });

let ds: DataSource;
let store: EventStore;
beforeAll(async () => {
  ds = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
  store = eventStoreWithReadModels(ds);
});
afterAll(async () => ds?.destroy());

const activities = () => createDossierActivities({ eventStore: store, decisionNumbers: new DecisionNumbers(ds) });
const who = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});
const request = (actor: Actor, command: RevocationCommand): RevocationRequest => ({
  actor,
  command,
  requestId: randomUUID(),
});

/** An awarded provincial dossier (BK_TINH), stored in the event table as the dossier workflow would have: 11 events. */
async function anAwardedDossier(): Promise<string> {
  const events = simulateDossier({ steps: 8, decision: { approve: true }, now: Date.now() });
  for (const batch of batchesOf(events)) await store.append(batch);
  return events[0].streamId;
}

describe('revocation workflow on the dev server', () => {
  it('revokes an awarded dossier on its own stream, closes it after both recoveries, and its history replays', async () => {
    const { client, worker, taskQueue, close } = await devServerWorker('rv', activities());
    const dossierId = await anAwardedDossier();
    await worker.runUntil(async () => {
      const handle = await client.workflow.start('revocationWorkflow', {
        taskQueue,
        workflowId: revocationWorkflowId(dossierId),
        args: [{ dossierId }],
      });
      // A unit head may not revoke a provincial award: refused, nothing written.
      const refused = handle.executeUpdate(revocationCommandUpdate, {
        args: [
          request(who('UNIT_HEAD', 'h1', 'SGDDT'), {
            type: 'RevokeAward',
            data: { ground: 'UNLAWFUL_PROCEDURE', reason: 'Xét duyệt trái quy định', decisionRef: '9/QĐ-UBND' },
          }),
        ],
      });
      await expect(refused).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      expect(await store.count(dossierId)).toBe(11);

      const revoked = await handle.executeUpdate(revocationCommandUpdate, {
        args: [
          request(who('PROVINCIAL_DECIDER', 'chairman'), {
            type: 'RevokeAward',
            data: {
              ground: 'FALSE_INFORMATION_OR_FORGERY',
              reason: 'Hồ sơ có giấy tờ giả mạo',
              decisionRef: '45/QĐ-UBND',
            },
          }),
        ],
      });
      expect(revoked).toMatchObject({ status: 'RECOVERY_PENDING', seq: 13 });
      const officer = who('SECRETARIAT_OFFICER', 'sec-1');
      await handle.executeUpdate(revocationCommandUpdate, {
        args: [request(officer, { type: 'RecordRecovery', data: { item: 'AWARD_OBJECT' } })],
      });
      await handle.executeUpdate(revocationCommandUpdate, {
        args: [request(officer, { type: 'RecordRecovery', data: { item: 'BONUS', amountVnd: 1_000_000 } })],
      });
      const result: DossierState = await handle.result();
      expect(result).toMatchObject({
        status: 'CLOSED',
        seq: 16,
        revocation: { ground: 'FALSE_INFORMATION_OR_FORGERY', completedOn: expect.any(String) },
      });

      const stream = await store.readStream(dossierId);
      expect(stream.map((e) => e.type).slice(11)).toEqual([
        'AwardRevoked',
        'RecoveryTasksOpened',
        'RecoveryRecorded',
        'RecoveryRecorded',
        'RecoveryCompleted',
      ]);
      expect(verifyChain(stream)).toBeUndefined();

      const history = await handle.fetchHistory();
      await Worker.runReplayHistory({ ...bundle(), dataConverter: dataConverterFromEnv() }, history, handle.workflowId);
      if (process.env.TDKT_RECORD_HISTORIES)
        writeFileSync(
          join(HISTORIES, 'revocation-closed.history.bin'),
          temporal.api.history.v1.History.encode(history).finish(),
        );
    });
    await close();
  });

  it('ends at once for a dossier that holds no award to revoke', async () => {
    const { client, worker, taskQueue, close } = await devServerWorker('rv', activities());
    const events = simulateDossier({ steps: 2 });
    for (const batch of batchesOf(events)) await store.append(batch);
    const dossierId = events[0].streamId;
    const result = await worker.runUntil(
      client.workflow.execute('revocationWorkflow', {
        taskQueue,
        workflowId: revocationWorkflowId(dossierId),
        args: [{ dossierId }],
      }) as Promise<DossierState>,
    );
    expect(result).toMatchObject({ status: 'UNIT_REVIEW', seq: 2 });
    await close();
  });
});

describe('recorded revocation histories still replay', () => {
  const files = existsSync(HISTORIES)
    ? readdirSync(HISTORIES).filter((f) => f.startsWith('revocation-') && f.endsWith('.history.bin'))
    : [];
  it(`replays ${files.join(', ') || 'none'} on the current workflow code`, async () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const history = temporal.api.history.v1.History.decode(readFileSync(join(HISTORIES, file)));
      await expect(Worker.runReplayHistory(bundle(), history, file)).resolves.toBeUndefined();
    }
  });
});

describe('an unrevoked start with time skipping (Java test server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  }, 120_000);
  afterAll(async () => env?.teardown());

  it('a revocation workflow that never receives an accepted RevokeAward ends after a day, the award untouched', async () => {
    const taskQueue = `rvts-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities: activities(),
      dataConverter: dataConverterFromEnv(),
      ...bundle(),
    });
    const dossierId = await anAwardedDossier();
    const result = await worker.runUntil(
      env.client.workflow.execute('revocationWorkflow', {
        taskQueue,
        workflowId: revocationWorkflowId(dossierId),
        args: [{ dossierId }],
      }) as Promise<DossierState>,
    );
    expect(result.status).toBe('AWARDED');
    expect(await store.count(dossierId)).toBe(11);
  });
});
