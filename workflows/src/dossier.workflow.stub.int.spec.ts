/**
 * The dossier workflow alone, on the run's real Temporal dev server, with its activities replaced by in-memory stubs:
 * when one of these fails, the workflow side broke (ordering, validation, what it hands the activities), not the
 * database. The same route against the real event store is in dossier.workflow.int.spec.ts.
 */
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { exampleBkTinhContent, type Actor, type DossierCommand, type StoredEnvelope } from '@tdkt/domain';
import { dataConverterFromEnv } from '@tdkt/platform';
import {
  dossierCommandUpdate,
  dossierStateQuery,
  dossierWorkflowId,
  UNSTORABLE_DATA,
  type DossierActivities,
} from './messages';

const who = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});
const clerk = who('UNIT_CLERK', 'c1', 'SGDDT');
const create: DossierCommand = {
  type: 'CreateDossier',
  data: {
    awardCode: 'BK_TINH',
    unitCode: 'SGDDT',
    title: 'Bằng khen',
    nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
    achievements: 'Xuất sắc',
    ...exampleBkTinhContent(2024),
  },
};

/** Activities that keep what they are given, and fail the append when `refuseNext` is set. */
function stubActivities() {
  const appended: StoredEnvelope[][] = [];
  const numbers: unknown[] = [];
  let refuseNext = false;
  const activities: DossierActivities = {
    async appendEvents(events) {
      if (refuseNext) {
        refuseNext = false;
        throw ApplicationFailure.nonRetryable('a NUL character in a text field', UNSTORABLE_DATA);
      }
      appended.push([...events]);
      return { appended: events.length, duplicate: false, headHash: `h${events[events.length - 1].seq}` };
    },
    async allocateDecisionNumber(input) {
      numbers.push(input);
      return { number: '1/QĐ-UBND', authority: input.authority, year: input.year };
    },
  };
  return { activities, appended, numbers, refuseOnce: () => (refuseNext = true) };
}

let client: Client;
let native: NativeConnection;
beforeAll(async () => {
  client = new Client({
    connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS }),
    dataConverter: dataConverterFromEnv(),
  });
  native = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
});
afterAll(async () => {
  await client.connection.close();
  await native.close();
});

async function withWorker(
  stub: ReturnType<typeof stubActivities>,
  body: (send: (actor: Actor, command: DossierCommand) => Promise<unknown>, dossierId: string) => Promise<void>,
) {
  const taskQueue = `stub-${randomUUID()}`;
  const worker = await Worker.create({
    connection: native,
    taskQueue,
    activities: stub.activities,
    dataConverter: dataConverterFromEnv(),
    workflowBundle: { codePath: process.env.TDKT_WORKFLOW_BUNDLE ?? '' },
  });
  const dossierId = randomUUID();
  await worker.runUntil(async () => {
    const handle = await client.workflow.start('dossierWorkflow', {
      taskQueue,
      workflowId: dossierWorkflowId(dossierId),
      args: [{ dossierId }],
    });
    await body(
      (actor, command) =>
        handle.executeUpdate(dossierCommandUpdate, { args: [{ command, actor, requestId: randomUUID() }] }),
      dossierId,
    );
    await handle.terminate('test done');
  });
}

describe('dossier workflow with stub activities', () => {
  it('hands the append one envelope per event, numbered on from the last, and evolves only after it', async () => {
    const stub = stubActivities();
    await withWorker(stub, async (send, dossierId) => {
      await send(clerk, create);
      await send(clerk, { type: 'SubmitDossier', data: {} });
      const seqs = stub.appended.flat().map((e) => [e.seq, e.type]);
      expect(seqs).toEqual([
        [1, 'DossierCreated'],
        [2, 'DossierSubmitted'],
      ]);
      expect(stub.appended.flat().every((e) => e.streamId === dossierId && e.actorId === 'c1')).toBe(true);
      const state = await client.workflow.getHandle(dossierWorkflowId(dossierId)).query(dossierStateQuery);
      expect({ status: state.status, seq: state.seq }).toEqual({ status: 'UNIT_REVIEW', seq: 2 });
    });
  });

  it('never calls an activity for a refused command', async () => {
    const stub = stubActivities();
    await withWorker(stub, async (send) => {
      await send(clerk, create);
      // A unit clerk may not approve at the unit: the validator refuses, nothing is appended.
      await expect(send(clerk, { type: 'ApproveAtUnit', data: {} })).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      expect(stub.appended.map((b) => b.map((e) => e.type))).toEqual([['DossierCreated']]);
      expect(stub.numbers).toEqual([]);
    });
  });

  it('refuses a command whose append reports unstorable data, keeps the state, and goes on taking commands', async () => {
    const stub = stubActivities();
    await withWorker(stub, async (send, dossierId) => {
      await send(clerk, create);
      stub.refuseOnce();
      const refused = await send(clerk, { type: 'SubmitDossier', data: {} }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'RULE_VIOLATION' });
      expect((await client.workflow.getHandle(dossierWorkflowId(dossierId)).query(dossierStateQuery)).status).toBe(
        'DRAFT',
      );
      await send(clerk, { type: 'SubmitDossier', data: {} });
      expect(stub.appended.flat().map((e) => [e.seq, e.type])).toEqual([
        [1, 'DossierCreated'],
        [2, 'DossierSubmitted'],
      ]);
    });
  });
});
