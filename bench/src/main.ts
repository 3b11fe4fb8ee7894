/**
 * `npm run bench`: speed of the event store, reported as ratios against a baseline measured in the same run (never
 * as absolute goals): appending dossier events with the hash chain and every projection, versus inserting the same
 * rows bare; rebuilding all read models, versus reading the event table once and versus copying the rebuilt rows into
 * tables with the same indexes (what the rebuild writes, at copy speed). Needs DATABASE_URL (a scratch database is
 * created and dropped) — `npm run bench` under infra/bench.sh starts an embedded Postgres for it.
 * BENCH_DOSSIERS (300) dossiers; BENCH_REPEAT (3) runs of each rebuild measure, the median printed.
 */
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import {
  createDataSource,
  EventStore,
  READ_MODEL_TABLES,
  READ_MODELS,
  rebuildReadModels,
  runMigrations,
} from '@tdkt/persistence';
import { streamKindOf } from '@tdkt/domain';
import { batchesOf, simulateDossier } from '../../test/support/simulate';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 300);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, result];
}

/** The median time of `REPEAT` runs of `fn` (the machine is shared: one run says little). */
async function median<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const runs: [number, T][] = [];
  for (let i = 0; i < REPEAT; i++) runs.push(await time(fn));
  runs.sort((a, b) => a[0] - b[0]);
  return runs[Math.floor(runs.length / 2)];
}

const commit = (): string => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

async function main(): Promise<void> {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const base = new URL(process.env.DATABASE_URL ?? '');
  const name = `bench_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new Client({
    connectionString: Object.assign(new URL(base.toString()), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(base.toString()), { pathname: `/${name}` }).toString();
  const ds = await createDataSource(url).initialize();
  try {
    await runMigrations(ds);
    const streams = Array.from({ length: DOSSIERS }, (_, i) =>
      simulateDossier({ steps: 1 + (i % 7), nominee: `Người ${i}`, unitCode: i % 2 ? 'SGDDT' : 'SYT' }),
    );
    const batches = streams.flatMap(batchesOf);
    const events = batches.reduce((n, b) => n + b.length, 0);

    await ds.query(`CREATE TABLE bench_baseline (LIKE dossier_event INCLUDING DEFAULTS)`);
    const [baselineMs] = await time(async () => {
      for (const batch of batches)
        await ds.transaction(async (m) => {
          for (const e of batch)
            await m.query(
              `INSERT INTO bench_baseline (dossier_id, seq, type, data, actor_id, actor_role, occurred_at, rule_set_version, request_id, prev_hash, hash)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
              [
                e.dossierId,
                e.seq,
                e.type,
                JSON.stringify(e.data),
                e.actorId,
                e.actorRole,
                e.occurredAt,
                e.ruleSetVersion,
                e.requestId,
                '0'.repeat(64),
              ],
            );
        });
    });
    const store = new EventStore(ds);
    const [appendMs] = await time(async () => {
      for (const batch of batches) await store.append(batch);
    });
    const [scanMs] = await median(async () => {
      let n = 0;
      for await (const page of store.readAll()) n += page.length;
      return n;
    });
    const [rebuildMs, rebuilt] = await median(() => rebuildReadModels(ds));
    // Copying what the rebuild wrote into tables with the same columns and indexes: the floor of any rebuild.
    const [copyMs] = await median(() =>
      ds.transaction(async (m) => {
        for (const t of READ_MODEL_TABLES) {
          await m.query(`CREATE TEMPORARY TABLE bench_copy_${t} (LIKE ${t} INCLUDING ALL) ON COMMIT DROP`);
          await m.query(`INSERT INTO bench_copy_${t} SELECT * FROM ${t}`);
        }
      }),
    );
    const [rows] = (await ds.query(
      `SELECT ${READ_MODEL_TABLES.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')} AS n`,
    )) as { n: string }[];

    const line = (label: string, ms: number, baseline: number) =>
      `${label.padEnd(48)} ${ms.toFixed(0).padStart(7)} ms   ×${(ms / baseline).toFixed(2)} of baseline`;
    console.log(
      `events: ${events} in ${DOSSIERS} dossiers (${batches.length} commands); read-model rows: ${rows.n}; ` +
        `commit ${commit()}; load average before the run ${load}; rebuild figures: median of ${REPEAT}`,
    );
    console.log(line('baseline: bare INSERT per command transaction', baselineMs, baselineMs));
    console.log(line('append: chain + all projections, per command', appendMs, baselineMs));
    console.log(line('baseline: read the event table once', scanMs, scanMs));
    console.log(line('rebuild: replay into shadows + swap, every model', rebuildMs, scanMs));
    console.log(line('baseline: copy the rebuilt rows, same indexes', copyMs, copyMs));
    console.log(line('rebuild: replay into shadows + swap, every model', rebuildMs, copyMs));
    console.log(
      line('  of which appends paused (catch-up + swap)', rebuilt.swapMs, copyMs) +
        ` (${rebuilt.caughtUp} events caught up)`,
    );
    // Where a rebuild's time goes: each read model alone over the whole table, against the same single read.
    for (const model of READ_MODELS) {
      const [ms] = await median(() =>
        ds.transaction(async (m) => {
          await m.query(`TRUNCATE ${model.tables.join(', ')}`);
          for await (const page of store.readAll(2000, m)) {
            const mine = page.filter((e) => model.streams.includes(streamKindOf(e.type)));
            if (mine.length) await model.project(m, mine);
          }
        }),
      );
      console.log(line(`  rebuild ${model.name.slice(0, 38)}`, ms, scanMs));
    }
    console.log(
      `append throughput: ${(batches.length / (appendMs / 1000)).toFixed(0)} commands/s on this machine (for comparison between runs only)`,
    );
  } finally {
    await ds.destroy();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
