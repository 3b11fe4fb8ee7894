/**
 * `npm run bench -- scale`: throughput per added worker on the real engine scaled out — the Temporal server built from
 * go.temporal.io/server (Postgres persistence), 2 API processes, then 1, 2, 4 worker processes on one task queue;
 * dossiers pushed through the provincial route over HTTP (creation to AWARDED, 8 commands each). Reported as
 * dossiers/s, command p50/p99 and the processes' resident memory, and as ratios to 1 worker measured in the same run
 * (never as absolute goals). Each round first drives a few untimed dossiers (new workers load the workflow bundle and
 * fill their caches). BENCH_SCALE_DOSSIERS (default 60 per round), BENCH_SCALE_CONCURRENCY (12),
 * BENCH_SCALE_WORKERS (the worker counts, comma-separated: 1,2,4).
 * Needs DATABASE_URL as a superuser (it creates databases and Temporal's role): infra/bench.sh starts one.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { CACHE } from '../../infra/src/runtime';
import { startTemporalServer } from '../../infra/src/temporal-server';
import { startCluster } from '../../test/support/scale-cluster';
import { pushDossiers, scaleDatabase, scaleFindings, seedProvince } from '../../test/support/scale-load';
import { cpuSeconds, postgresCpuSeconds } from './proc-cpu';

const DOSSIERS = Number(process.env.BENCH_SCALE_DOSSIERS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 12);
const WORKER_COUNTS = (process.env.BENCH_SCALE_WORKERS ?? '1,2,4')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const WARM_UP = 4;
const signed = (pct: number) => `${pct >= 0 ? '+' : ''}${pct.toFixed(0)}%`;

/** Resident memory of a process in MB (VmRSS from /proc; 0 once it is gone). */
function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

const commit = (): string => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

async function main(): Promise<void> {
  console.log(
    `bench scale: N=${DOSSIERS} dossiers per round, workers ${WORKER_COUNTS.join('/')}, commit ${commit()}, load average before ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
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
    const p99s: number[] = [];
    const ids: string[] = [];
    for (const workers of WORKER_COUNTS) {
      while (workers > cluster.workers.length) await cluster.addWorker();
      // A province of its own per round: its chairman's series starts at 1.
      const { tokens } = await seedProvince(db.ds, cluster.apis[0].baseUrl);
      ids.push(...(await pushDossiers(pool, tokens, { count: WARM_UP, concurrency: WARM_UP })).ids);
      const before = cpu();
      const run = await pushDossiers(pool, tokens, { count: DOSSIERS, concurrency: CONCURRENCY });
      const after = cpu();
      ids.push(...run.ids);
      rates.push((DOSSIERS * 1000) / run.ms);
      p99s.push(percentile(run.latencies, 99));
      // Where the CPU went, per dossier: tells which part is the bottleneck when adding workers adds nothing.
      const perDossier = (Object.keys(after) as (keyof typeof after)[])
        .map((k) => `${k} ${(((after[k] - before[k]) * 1000) / DOSSIERS).toFixed(0)}`)
        .join(', ');
      const round = rates.length - 1;
      const rss = (pids: (number | undefined)[]) => pids.map((p) => rssMb(p).toFixed(0)).join('/');
      console.log(
        `workers: ${workers}   ${DOSSIERS} dossiers in ${(run.ms / 1000).toFixed(1).padStart(6)} s   ${rates[round].toFixed(2).padStart(6)} dossiers/s   ` +
          `×${(rates[round] / rates[0]).toFixed(2)} of ${WORKER_COUNTS[0]} worker(s)   command p50/p99 ${percentile(run.latencies, 50).toFixed(0)}/${p99s[round].toFixed(0)} ms ` +
          `(p99 ×${(p99s[round] / p99s[0]).toFixed(2)})   CPU ms per dossier: ${perDossier}   ` +
          `RSS MB APIs ${rss(cluster.apis.map((a) => a.pid))}, workers ${rss(cluster.workers.map((w) => w.pid))}`,
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
      } (workers ${WORKER_COUNTS.join(' → ')}, 2 APIs, concurrency ${CONCURRENCY}, ${cpus().length} CPUs shared by Postgres, the Temporal server, the APIs and the workers)`,
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
