/**
 * `npm run bench -- scale`: throughput per added worker on the real engine scaled out — the Temporal server built from
 * go.temporal.io/server (Postgres persistence), 2 API processes, then 1, 2, 3 worker processes on one task queue;
 * dossiers pushed through the provincial route over HTTP (creation to AWARDED, 8 commands each). Reported as
 * dossiers/s and as ratios to 1 worker measured in the same run (never as absolute goals). Each round first drives a
 * few untimed dossiers (new workers load the workflow bundle and fill their caches).
 * BENCH_SCALE_DOSSIERS (default 60 per round), BENCH_SCALE_CONCURRENCY (12), BENCH_SCALE_WORKERS (3).
 * Needs DATABASE_URL as a superuser (it creates databases and Temporal's role): infra/bench.sh starts one.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { CACHE } from '../../infra/src/runtime';
import { startTemporalServer } from '../../infra/src/temporal-server';
import { startCluster } from '../../test/support/scale-cluster';
import { pushDossiers, scaleDatabase, scaleFindings, seedProvince } from '../../test/support/scale-load';
import { cpuSeconds, postgresCpuSeconds } from './proc-cpu';

const DOSSIERS = Number(process.env.BENCH_SCALE_DOSSIERS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 12);
const MAX_WORKERS = Number(process.env.BENCH_SCALE_WORKERS ?? 3);
const WARM_UP = 4;
const signed = (pct: number) => `${pct >= 0 ? '+' : ''}${pct.toFixed(0)}%`;

async function main(): Promise<void> {
  const superuserUrl = process.env.DATABASE_URL ?? '';
  const dir = join(CACHE, `bench-scale-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const temporal = await startTemporalServer({ superuserUrl, dir, databasePrefix: `temporal_bench_${process.pid}` });
  const db = await scaleDatabase(superuserUrl);
  const workflowBundle = join(dir, 'workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('@tdkt/workflows'),
    workflowInterceptorModules: [require.resolve('@tdkt/workflows/src/interceptors')],
    logger: {
      log: () => undefined,
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: console.warn,
      error: console.error,
    },
  });
  writeFileSync(workflowBundle, code);
  const cluster = await startCluster(
    {
      temporalAddress: temporal.address,
      databaseUrl: db.appUrl,
      taskQueue: `bench-${randomUUID().slice(0, 8)}`,
      workflowBundle,
      dir,
      env: {
        PII_HASH_KEY: randomBytes(24).toString('hex'),
        TEMPORAL_CODEC_KEYS: `bench:${randomBytes(32).toString('base64')}`,
        RATE_LIMIT_COMMANDS_PER_MINUTE: '1000000',
        TDKT_SIGNER: 'none',
      },
    },
    { apis: 2, workers: 1 },
  );
  try {
    const pool = () => cluster.apis.filter((a) => a.serving).map((a) => a.baseUrl);
    const pgPort = new URL(superuserUrl).port;
    const cpu = () => ({
      apis: cluster.apis.reduce((n, a) => n + cpuSeconds(a.pid), 0),
      workers: cluster.workers.reduce((n, w) => n + cpuSeconds(w.pid), 0),
      temporal: cpuSeconds(temporal.pid),
      postgres: postgresCpuSeconds(pgPort),
    });
    const rates: number[] = [];
    const ids: string[] = [];
    for (let workers = 1; workers <= MAX_WORKERS; workers++) {
      if (workers > cluster.workers.length) await cluster.addWorker();
      // A province of its own per round: its chairman's series starts at 1.
      const { tokens } = await seedProvince(db.ds, cluster.apis[0].baseUrl);
      ids.push(...(await pushDossiers(pool, tokens, { count: WARM_UP, concurrency: WARM_UP })).ids);
      const before = cpu();
      const run = await pushDossiers(pool, tokens, { count: DOSSIERS, concurrency: CONCURRENCY });
      const after = cpu();
      ids.push(...run.ids);
      rates.push((DOSSIERS * 1000) / run.ms);
      // Where the CPU went, per dossier: tells which part is the bottleneck when adding workers adds nothing.
      const perDossier = (Object.keys(after) as (keyof typeof after)[])
        .map((k) => `${k} ${(((after[k] - before[k]) * 1000) / DOSSIERS).toFixed(0)}`)
        .join(', ');
      console.log(
        `workers: ${workers}   ${DOSSIERS} dossiers in ${(run.ms / 1000).toFixed(1).padStart(6)} s   ${rates[workers - 1].toFixed(2).padStart(6)} dossiers/s   ` +
          `×${(rates[workers - 1] / rates[0]).toFixed(2)} of 1 worker   CPU ms per dossier: ${perDossier}`,
      );
    }
    const f = await scaleFindings(db.ds, ids);
    const ok =
      !f.notAwarded.length &&
      !f.gaps.length &&
      !f.decisionsNotOne.length &&
      f.series.every((s) => s.gapless) &&
      f.chainOk;
    console.log(
      `per added worker: ${
        rates
          .slice(1)
          .map((r, i) => signed((r / rates[i] - 1) * 100))
          .join(', ') || 'n/a'
      } (2 APIs, concurrency ${CONCURRENCY}, ${cpus().length} CPUs shared by Postgres, the Temporal server, the APIs and the workers)`,
    );
    console.log(
      `consistency after the bench: ${ok ? 'every dossier AWARDED, seqs contiguous, one gapless decision number each, chains verify' : `PROBLEMS ${JSON.stringify({ ...f, histories: undefined })}`}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await cluster.stop();
    await temporal.stop();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
