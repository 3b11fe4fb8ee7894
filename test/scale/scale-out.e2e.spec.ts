/**
 * The real engine, scaled out (issue 13): the Temporal server built from go.temporal.io/server with Postgres
 * persistence, 2 API and 3 worker processes against it, dossiers pushed through the provincial route over HTTP across
 * both APIs; a worker and an API are killed with SIGKILL mid-run and started again. Then: nothing lost, nothing
 * duplicated, decision numbers gapless per series and year, read models equal to a rebuild.
 * `npm test` runs it with TDKT_SCALE_DOSSIERS unset (60 dossiers); `npm run test:scale` with 1,000.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CACHE } from '../../infra/src/runtime';
import { startTemporalServer, type TemporalServer } from '../../infra/src/temporal-server';
import { startCluster, type Cluster } from '../support/scale-cluster';
import { PROVINCIAL_STEPS } from '../support/system';
import {
  liveAndRebuilt,
  pushDossiers,
  scaleDatabase,
  scaleFindings,
  seedProvince,
  type LoadStats,
  type ScaleDatabase,
  type ScaleFindings,
} from '../support/scale-load';

const DOSSIERS = Number(process.env.TDKT_SCALE_DOSSIERS ?? 60);
const CONCURRENCY = Number(process.env.TDKT_SCALE_CONCURRENCY ?? 8);
/** Dossiers driven through the restarted API alone once it is back, and counted with the rest. */
const AFTER_RESTART = 3;
const TOTAL = DOSSIERS + AFTER_RESTART;
/** Every dossier's stream on the provincial route, one event per step (8 commands, 11 events), nothing twice. */
const PROVINCIAL_HISTORY = [
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
  'DossierAwarded',
];
const RUN_MS = Math.max(10 * 60_000, DOSSIERS * 4_000);
jest.setTimeout(RUN_MS + 10 * 60_000);

const superuserUrl = process.env.TDKT_TEST_SUPERUSER_URL ?? '';
const dir = join(CACHE, `scale-${process.pid}-${randomUUID().slice(0, 8)}`);
let temporal: TemporalServer | undefined;
let db: ScaleDatabase | undefined;
let cluster: Cluster | undefined;
let load: LoadStats;
let findings: ScaleFindings;
const chaos: { killedAt?: number; restarted?: Promise<void>; restartedAfterMs?: number } = {};

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  // Temporal's two databases and the app's own, all on the run's Postgres, none shared with another spec.
  const tag = randomUUID().replace(/-/g, '').slice(0, 8);
  temporal = await startTemporalServer({ superuserUrl, dir, databasePrefix: `temporal_${tag}` });
  db = await scaleDatabase(superuserUrl, process.env.DATABASE_URL);
  cluster = await startCluster(
    {
      temporalAddress: temporal.address,
      databaseUrl: db.appUrl,
      taskQueue: `scale-${tag}`,
      workflowBundle: process.env.TDKT_WORKFLOW_BUNDLE ?? '',
      dir,
      // One province's chairman signs every decision of the run: far above a person's pace, so no per-user limit.
      env: { RATE_LIMIT_COMMANDS_PER_MINUTE: '1000000', TDKT_SIGNER: 'none' },
    },
    { apis: 2, workers: 3 },
  );
}, 15 * 60_000);

afterAll(async () => {
  await cluster?.stop();
  await temporal?.stop();
  await db?.drop();
  // The processes' and the server's logs stay when the run did not get through (printed path), else they go.
  if (findings) rmSync(dir, { recursive: true, force: true });
  else console.log(`[scale] logs kept in ${dir}`);
}, 120_000);

it(`${DOSSIERS} dossiers go from creation to AWARDED across 2 APIs and 3 workers while a worker and an API are killed -9 and restarted`, async () => {
  const c = cluster!;
  const { tokens } = await seedProvince(db!.ds, c.apis[1].baseUrl);
  const serving = () => c.apis.filter((a) => a.serving).map((a) => a.baseUrl);
  const [api, worker] = [c.apis[0], c.workers[0]];
  const killAt = Math.max(1, Math.floor(DOSSIERS / 4));
  load = await pushDossiers(serving, tokens, {
    count: DOSSIERS,
    concurrency: CONCURRENCY,
    deadlineMs: RUN_MS,
    onAwarded: (done) => {
      if (done !== killAt) return;
      // Mid-run, with commands in flight on both: no shutdown hook runs, the requests and activities are cut off.
      chaos.killedAt = done;
      const t0 = Date.now();
      chaos.restarted = Promise.all([worker.kill9(), api.kill9()]).then(async () => {
        await Promise.all([worker.start(), api.start()]);
        chaos.restartedAfterMs = Date.now() - t0;
      });
    },
  });
  await chaos.restarted;
  // The restarted API takes commands again (alone, so every one of these goes through it), and the restarted worker
  // polls with the others (its readiness says so; which worker runs a task is Temporal's choice).
  const after = await pushDossiers(() => [api.baseUrl], tokens, {
    count: AFTER_RESTART,
    concurrency: AFTER_RESTART,
    deadlineMs: RUN_MS,
  });
  expect(after.servedBy).toEqual({ [api.baseUrl]: AFTER_RESTART * (PROVINCIAL_STEPS.length + 1) });
  load.ids.push(...after.ids);
  console.log(
    `[scale] ${DOSSIERS} dossiers in ${(load.ms / 1000).toFixed(1)} s (${((DOSSIERS * 1000) / load.ms).toFixed(2)} dossiers/s), ` +
      `killed at ${chaos.killedAt}, back after ${((chaos.restartedAfterMs ?? 0) / 1000).toFixed(1)} s, ${load.retries} retried attempts ${JSON.stringify(load.retriedFor)}, served: ${JSON.stringify(load.servedBy)}`,
  );
  expect(load.ids).toHaveLength(TOTAL);
  expect(new Set(load.ids).size).toBe(TOTAL);
  // Both were really killed and started again, and are up now.
  expect([api.starts, worker.starts]).toEqual([2, 2]);
  expect([api.alive, worker.alive]).toEqual([true, true]);
  // Both APIs answered commands.
  expect(Object.keys(load.servedBy).length).toBeGreaterThanOrEqual(2);
  findings = await scaleFindings(db!.ds, load.ids);
});

it('nothing lost: every dossier is AWARDED and every hash chain verifies', () => {
  expect(findings.notAwarded).toEqual([]);
  expect(findings.chainOk).toBe(true);
});

it('nothing duplicated: seqs are 1..n in every stream and every dossier has the same history, one event per command', () => {
  expect(findings.gaps).toEqual([]);
  const histories = Object.entries(findings.histories);
  expect(histories).toHaveLength(1);
  const [types, dossiers] = histories[0];
  expect(dossiers).toBe(TOTAL);
  expect(types.split(' ')).toEqual(PROVINCIAL_HISTORY);
});

it('one decision per dossier, numbered gaplessly per series and year', () => {
  expect(findings.decisionsNotOne).toEqual([]);
  expect(findings.series.length).toBeGreaterThanOrEqual(1);
  expect(findings.series.reduce((n, s) => n + s.numbers, 0)).toBe(TOTAL);
  for (const s of findings.series) expect(s).toEqual({ ...s, gapless: true });
});

it('the read models equal a rebuild from the event table', async () => {
  // Every process stopped first: nothing writes while the read models are dropped and replayed (own database).
  await cluster!.stop();
  const { live, rebuilt, events } = await liveAndRebuilt(db!.ds);
  expect(events).toBe(TOTAL * PROVINCIAL_HISTORY.length);
  expect((live[0] as unknown[]).length).toBe(TOTAL);
  expect(rebuilt).toEqual(live);
});
