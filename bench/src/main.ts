/**
 * `npm run bench`: speed of the event store, reported as ratios against a baseline measured in the same run (never
 * as absolute goals): appending dossier events with the hash chain and every projection, versus inserting the same
 * rows bare; rebuilding all read models, versus reading the event table once and versus copying the rebuilt rows into
 * tables with the same indexes (what the rebuild writes, at copy speed). Needs DATABASE_URL (a scratch database is
 * created and dropped) — `npm run bench` under infra/bench.sh starts an embedded Postgres for it.
 * BENCH_DOSSIERS (300) dossiers; BENCH_REPEAT (3) rounds of the rebuild measures, interleaved, the medians printed;
 * the rebuild's own split by step (shadows, read, fold, write out, catch-up + swap: `RebuildResult.timings`) too.
 */
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import {
  EVENT_APPEND_LOCK_KEY,
  EventStore,
  READ_MODEL_TABLES,
  READ_MODELS,
  rebuildReadModels,
  runMigrations,
  type RebuildTimings,
  eventStoreWithReadModels,
} from '@tdkt/persistence';
import { streamKindOf, type StoredEnvelope } from '@tdkt/domain';
import type { EntityManager } from 'typeorm';
import { batchesOf, simulateDossier } from '../../test/support/simulate';
import {
  projectAwardFundByEvent,
  projectAwardHistoryByEvent,
  projectCouncilBallotByEvent,
  projectStatisticsByEvent,
} from '../../test/support/event-by-event-projections';
import { benchDatabase, runBench } from './scratch';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 300);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, result];
}

const commit = (): string => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

const medianOf = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The read models that projected event by event before the batched folds, by their first table: the "before" of the
 * rebuild is measured in the same run, interleaved with the "after", so a busy machine weighs on both alike.
 */
const BY_EVENT: Record<string, (m: EntityManager, e: StoredEnvelope) => Promise<void>> = {
  stage_timing: projectStatisticsByEvent,
  award_subject: projectAwardHistoryByEvent,
  council_ballot: projectCouncilBallotByEvent,
  award_fund_entry: projectAwardFundByEvent,
};

/** Replays the event table into every read model as the rebuild did before (DELETE, pages of 1000, one transaction). */
async function rebuildAsBefore(ds: DataSource, store: EventStore): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock($1)`, [EVENT_APPEND_LOCK_KEY]);
    for (const t of READ_MODEL_TABLES) await m.query(`DELETE FROM ${t}`);
    for await (const page of store.readAll(1000, m))
      for (const model of READ_MODELS) await replayModel(m, model, page, true);
  });
}

async function replayModel(
  m: EntityManager,
  model: (typeof READ_MODELS)[number],
  page: readonly StoredEnvelope[],
  byEvent: boolean,
): Promise<void> {
  const mine = page.filter((e) => model.streams.includes(streamKindOf(e.type)));
  if (mine.length === 0) return;
  const old = byEvent ? BY_EVENT[model.tables[0]] : undefined;
  if (old) for (const e of mine) await old(m, e);
  else await model.project(m, mine);
}

async function main(): Promise<void> {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const { ds, drop } = await benchDatabase('bench');
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
              `INSERT INTO bench_baseline (stream_id, stream_kind, seq, type, data, actor_id, actor_role, occurred_at, rule_set_version, request_id, prev_hash, hash)
               VALUES ($1, 'DOSSIER', $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
              [
                e.streamId,
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
    const store = eventStoreWithReadModels(ds);
    // The SQL statements the append sends (chain, events, every projection; BEGIN and COMMIT not counted), counted on
    // a second connection pool of the same database that logs them.
    let statements = 0;
    const counting = await new DataSource({
      ...ds.options,
      logging: ['query'],
      logger: {
        logQuery: (sql: string) => void (/^(START|COMMIT)/.test(sql) || statements++),
        logQueryError: () => undefined,
        logQuerySlow: () => undefined,
        logSchemaBuild: () => undefined,
        logMigration: () => undefined,
        log: () => undefined,
      },
    }).initialize();
    const countingStore = eventStoreWithReadModels(counting);
    const [appendMs] = await time(async () => {
      for (const batch of batches) await countingStore.append(batch);
    });
    await counting.destroy();
    // Each round: one read of the event table, the rebuild, a copy of its rows, the rebuild as it was before.
    const scans: number[] = [];
    const rebuilds: number[] = [];
    const copies: number[] = [];
    const befores: number[] = [];
    const swaps: number[] = [];
    const splits: RebuildTimings[] = [];
    for (let round = 0; round < REPEAT; round++) {
      scans.push(
        (
          await time(async () => {
            for await (const page of store.readAll()) void page;
          })
        )[0],
      );
      const [ms, rebuilt] = await time(() => rebuildReadModels(ds));
      rebuilds.push(ms);
      swaps.push(rebuilt.swapMs);
      splits.push(rebuilt.timings);
      // Copying what the rebuild wrote into tables with the same columns and indexes: the floor of any rebuild.
      copies.push(
        (
          await time(() =>
            ds.transaction(async (m) => {
              for (const t of READ_MODEL_TABLES) {
                await m.query(`CREATE TEMPORARY TABLE bench_copy_${t} (LIKE ${t} INCLUDING ALL) ON COMMIT DROP`);
                await m.query(`INSERT INTO bench_copy_${t} SELECT * FROM ${t}`);
              }
            }),
          )
        )[0],
      );
      befores.push((await time(() => rebuildAsBefore(ds, store)))[0]);
    }
    await rebuildReadModels(ds);
    const scanMs = medianOf(scans);
    const copyMs = medianOf(copies);
    const rebuildMs = medianOf(rebuilds);
    const beforeMs = medianOf(befores);
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
    // Per command: the append's statements against the baseline's one INSERT per event; with each transaction's BEGIN
    // and COMMIT too (both send them), as the issue counts statements per dossier.
    const perCommand = statements / batches.length;
    const barePerCommand = events / batches.length;
    console.log(
      `  SQL statements per command of the append: ${perCommand.toFixed(2)} ` +
        `(the bare baseline sends one per event: ${barePerCommand.toFixed(2)}; ×${(perCommand / barePerCommand).toFixed(2)}); ` +
        `with BEGIN and COMMIT ${(perCommand + 2).toFixed(2)} against ${(barePerCommand + 2).toFixed(2)}: ` +
        `×${((perCommand + 2) / (barePerCommand + 2)).toFixed(2)}`,
    );
    const ratio = (xs: number[], ys: number[]) => medianOf(xs.map((x, i) => x / ys[i])).toFixed(2);
    console.log(line('baseline: read the event table once', scanMs, scanMs));
    console.log(line('baseline: copy the rebuilt rows, same indexes', copyMs, copyMs));
    console.log(
      line('rebuild: shadows, batched folds, swap', rebuildMs, scanMs) +
        ` read; ×${ratio(rebuilds, copies)} of copy (median of paired ratios)`,
    );
    console.log(line('  of which appends paused (catch-up + swap)', medianOf(swaps), copyMs) + ` copy`);
    // The rebuild's own split (medians of each step): shadows, reading the pages, folding, writing out, catch-up + swap.
    for (const step of ['shadows', 'read', 'fold', 'write', 'swap'] as const)
      console.log(line(`  of which ${step}`, medianOf(splits.map((t) => t[step])), copyMs) + ` copy`);
    console.log(
      line('rebuild as before: DELETE, 4 models by event', beforeMs, scanMs) +
        ` read; ×${ratio(befores, copies)} of copy; before ÷ now ×${ratio(befores, rebuilds)}`,
    );
    // Where a rebuild's time goes: each read model alone over the whole table, against the same single read; the
    // models that projected event by event before, both ways, interleaved.
    for (const model of READ_MODELS) {
      const now: number[] = [];
      const before: number[] = [];
      for (let round = 0; round < REPEAT; round++)
        for (const byEvent of BY_EVENT[model.tables[0]] ? [false, true] : [false])
          (byEvent ? before : now).push(
            (
              await time(() =>
                ds.transaction(async (m) => {
                  await m.query(`TRUNCATE ${model.tables.join(', ')}`);
                  for await (const page of store.readAll(2000, m)) await replayModel(m, model, page, byEvent);
                }),
              )
            )[0],
          );
      console.log(
        line(`  rebuild ${model.name.slice(0, 38)}`, medianOf(now), scanMs) +
          (before.length ? `; event by event ×${ratio(before, now)} of that` : ''),
      );
    }
    console.log(
      `append throughput: ${(batches.length / (appendMs / 1000)).toFixed(0)} commands/s on this machine (for comparison between runs only)`,
    );
  } finally {
    await drop();
  }
}

runBench(main);
