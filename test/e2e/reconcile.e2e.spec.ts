/**
 * Restore and reconcile (README "Backup and restore"): the app database is restored to an earlier point while the
 * dossiers' workflows, in Temporal, went on; reconcile appends again the events the workflows hold and the table
 * lost, and the dossier moves again.
 *
 * The restore here is a whole-database copy: `CREATE DATABASE … TEMPLATE` of the app database taken at the backup
 * point (with the API and the worker stopped, as a base backup is taken of a cluster), and at restore time the app
 * database dropped and created again from that copy. Not pg_dump/pg_restore: this machine's pg_dump is PostgreSQL 15
 * and refuses the embedded server's newer major version. The workflows keep running in Temporal throughout.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { loadConfig, temporalConnectionOptions } from '@tdkt/config';
import {
  ChainVerifier,
  createDataSource,
  DecisionNumbers,
  Directory,
  grantRuntimeRole,
  runMigrations,
  eventStoreWithReadModels,
} from '@tdkt/persistence';
import { dataConverter, reconcile } from '@tdkt/platform';
import { createApi } from '../../apps/api/src/api';
import { startWorker, type RunningWorker } from '../../apps/worker/src/worker';
import { aBkTinhDossier, http, seedCast, tokensFor, type Cast, type TestSystem } from '../support/system';

const superUrl = new URL(process.env.TDKT_TEST_SUPERUSER_URL ?? '');
const name = `restore_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
const dbUrl = (role: 'super' | 'runtime', db: string) => {
  const u = new URL(role === 'super' ? superUrl.toString() : (process.env.DATABASE_URL ?? ''));
  u.pathname = `/${db}`;
  return u.toString();
};
const saved = { DATABASE_URL: process.env.DATABASE_URL, TEMPORAL_TASK_QUEUE: process.env.TEMPORAL_TASK_QUEUE };
const admin = new PgClient({ connectionString: dbUrl('super', 'postgres') });

let running: { worker: RunningWorker; app: INestApplication } | undefined;
let sys: TestSystem;
let cast: Cast;
const tokens: Record<string, string> = {};

/** The API and a worker on the app database `name`, on this file's own task queue (kept across restarts). */
async function startApp(): Promise<void> {
  const worker = await startWorker();
  const app = await createApi();
  await app.listen(0, '127.0.0.1');
  const db = await createDataSource(dbUrl('runtime', name)).initialize();
  running = { worker, app };
  sys = {
    baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`,
    db,
    directory: new Directory(db),
    stop: async () => undefined,
  };
  // The local issuer's key lives in this API's memory: a restarted API issues new tokens.
  if (cast) Object.assign(tokens, await tokensFor(sys, cast));
}

async function stopApp(): Promise<void> {
  await running?.app.close();
  await running?.worker.shutdown();
  await sys?.db.destroy();
  running = undefined;
}

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const owner = await createDataSource(dbUrl('super', name)).initialize();
  await runMigrations(owner);
  await grantRuntimeRole(owner, process.env.TDKT_DB_RUNTIME_ROLE);
  await owner.destroy();
  process.env.DATABASE_URL = dbUrl('runtime', name);
  process.env.TEMPORAL_TASK_QUEUE = `test-${randomUUID()}`;
  await startApp();
  cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
}, 120_000);

afterAll(async () => {
  await stopApp();
  for (const db of [name, `${name}_backup`]) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.end();
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

const step = async (who: string, id: string, path: string, body: Record<string, unknown> = {}) => {
  const res = await http<{ status: string }>(sys, 'POST', `/dossiers/${id}/${path}`, { token: tokens[who], body });
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  return res.body.status;
};
const statusOf = async (id: string) =>
  (await http<{ status: string }>(sys, 'GET', `/dossiers/${id}`, { token: tokens.secretariat })).body.status;

async function temporalClient(): Promise<Client> {
  const config = loadConfig();
  return new Client({
    connection: await Connection.connect(temporalConnectionOptions(config.temporal)),
    namespace: config.temporal.namespace,
    dataConverter: dataConverter(config.temporal),
  });
}

describe('restoring the app database to an earlier point, then reconcile', () => {
  it('appends again what the workflow holds and the table lost (same hashes), and the dossier moves again', async () => {
    const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
      token: tokens.clerk,
      body: aBkTinhDossier(),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(await step('clerk', id, 'submit')).toBe('UNIT_REVIEW');

    // The backup: a copy of the whole app database at this point (API and worker stopped while it is taken).
    await stopApp();
    await admin.query(`CREATE DATABASE ${name}_backup TEMPLATE ${name}`);
    await startApp();
    const atBackup = await eventStoreWithReadModels(sys.db).readStream(id);

    // The dossier goes on: two more commands, each appended by its workflow.
    expect(await step('head', id, 'unit-approval')).toBe('APPRAISAL');
    expect(await step('secretariat', id, 'appraisal-acceptance')).toBe('COUNCIL_VOTING');
    const before = await eventStoreWithReadModels(sys.db).readStream(id);
    expect(before.length).toBeGreaterThan(atBackup.length);

    // The restore: the app database replaced by the backup; Temporal's store keeps the workflow where it was.
    await stopApp();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${name}_backup`);
    await startApp();
    expect((await eventStoreWithReadModels(sys.db).readStream(id)).length).toBe(atBackup.length);
    expect(await statusOf(id)).toBe('UNIT_REVIEW');

    // Stuck: the read models say UNIT_REVIEW, so the council (whose turn it is for the workflow) is turned away.
    expect(
      (await http(sys, 'POST', `/dossiers/${id}/votes`, { token: tokens.member1, body: { approve: true } })).status,
    ).toBe(403);

    const temporal = await temporalClient();
    try {
      const deps = {
        temporal,
        dataConverter: dataConverter(loadConfig().temporal),
        events: eventStoreWithReadModels(sys.db),
        decisionNumbers: new DecisionNumbers(sys.db),
      };
      const query = `WorkflowId = "dossier-${id}"`;
      const dry = await reconcile(deps, { apply: false, query });
      expect(dry.repaired).toEqual([
        expect.objectContaining({
          streamId: id,
          tableSeq: atBackup.length,
          workflowSeq: before.length,
          events: before.length - atBackup.length,
        }),
      ]);
      expect((await eventStoreWithReadModels(sys.db).readStream(id)).length).toBe(atBackup.length);

      const applied = await reconcile(deps, { apply: true, query });
      expect(applied.needsPerson).toEqual([]);
      expect(applied.repaired).toHaveLength(1);
    } finally {
      await temporal.connection.close();
    }

    // The lost events are back with the hashes they had, the read models with them, and the chain verifies.
    const after = await eventStoreWithReadModels(sys.db).readStream(id);
    expect(after.slice(0, before.length).map((e) => [e.seq, e.type, e.requestId, e.hash])).toEqual(
      before.map((e) => [e.seq, e.type, e.requestId, e.hash]),
    );
    expect((await new ChainVerifier(eventStoreWithReadModels(sys.db)).verifyDossier(id)).ok).toBe(true);
    // The dossier moves again: the council votes, the result is appended after the restored events.
    expect(await statusOf(id)).toBe('COUNCIL_VOTING');
    expect(await step('member1', id, 'votes', { approve: true })).toBe('COUNCIL_VOTING');
    await step('member2', id, 'votes', { approve: true });
    expect(await step('member3', id, 'votes', { approve: true })).toBe('AWAITING_DECISION');
    expect(await statusOf(id)).toBe('AWAITING_DECISION');

    // Nothing more to do: a second run finds every stream whole.
    const temporal2 = await temporalClient();
    try {
      const again = await reconcile(
        {
          temporal: temporal2,
          dataConverter: dataConverter(loadConfig().temporal),
          events: eventStoreWithReadModels(sys.db),
          decisionNumbers: new DecisionNumbers(sys.db),
        },
        { apply: true, query: `WorkflowId = "dossier-${id}"` },
      );
      expect(again).toMatchObject({ repaired: [], needsPerson: [] });
    } finally {
      await temporal2.connection.close();
    }
  }, 180_000);
});
