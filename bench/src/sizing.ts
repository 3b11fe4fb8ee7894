/**
 * `npm run bench -- sizing`: the figures behind the README's sizing sheet, measured on this machine. Dossiers taken
 * along the whole provincial route (8 commands, created → decided) are appended through the event store (hash chain +
 * every projection, one transaction per command as the workflow's activity does), first by one connection (the
 * baseline), then by CONCURRENCY connections at once (as several worker activity slots do); reported as the ratio to
 * the baseline, with the commands per second of each run for comparison between runs only. Then the database's
 * size per dossier (event table, read models, indexes) and the extrapolation to 100,000 dossiers. Needs DATABASE_URL
 * (a scratch database is created and dropped); infra/bench.sh starts an embedded Postgres.
 */
import type { DataSource } from 'typeorm';
import { EventStore, runMigrations, eventStoreWithReadModels } from '@tdkt/persistence';
import type { EventEnvelope } from '@tdkt/domain';
import { batchesOf, simulateDossier } from '../../test/support/simulate';
import { benchDatabase, runBench } from './scratch';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const dossiers = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) =>
    batchesOf(simulateDossier({ steps: 8, nominee: `Người ${tag} ${i}`, unitCode: i % 2 ? 'SGDDT' : 'SYT' })),
  );

/** Appends every dossier's commands in order, `parallel` dossiers at a time; milliseconds. */
async function appendAll(store: EventStore, work: EventEnvelope[][][], parallel: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < work.length; i = next++) for (const batch of work[i]) await store.append(batch);
    }),
  );
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function sizes(ds: DataSource): Promise<{ events: number; readModels: number; total: number }> {
  const [r] = (await ds.query(`
    SELECT coalesce(sum(pg_total_relation_size(c.oid)) FILTER (WHERE c.relname = 'dossier_event'), 0)::bigint AS events,
           coalesce(sum(pg_total_relation_size(c.oid)) FILTER (WHERE c.relname <> 'dossier_event'), 0)::bigint AS read_models,
           pg_database_size(current_database())::bigint AS total
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`)) as {
    events: string;
    read_models: string;
    total: string;
  }[];
  return { events: Number(r.events), readModels: Number(r.read_models), total: Number(r.total) };
}

async function main(): Promise<void> {
  const { ds, drop } = await benchDatabase('sizing', { poolSize: CONCURRENCY + 2 });
  try {
    await runMigrations(ds);
    const store = eventStoreWithReadModels(ds);
    const empty = await sizes(ds);
    const one = dossiers(DOSSIERS, 'a');
    const many = dossiers(DOSSIERS, 'b');
    const commands = one.reduce((n, d) => n + d.length, 0);
    const events = one.reduce((n, d) => n + d.reduce((m, b) => m + b.length, 0), 0);
    const sequentialMs = await appendAll(store, one, 1);
    const parallelMs = await appendAll(store, many, CONCURRENCY);
    await ds.query('VACUUM ANALYZE');
    const full = await sizes(ds);
    const perDossier = (bytes: number) => bytes / (2 * DOSSIERS);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const rate = (ms: number) => ((commands / ms) * 1000).toFixed(0);
    console.log(
      `dossiers: ${DOSSIERS} per run, ${commands} commands and ${events} events each (the whole provincial route)`,
    );
    console.log(
      `baseline: 1 connection            ${sequentialMs.toFixed(0).padStart(7)} ms   ×1.00   (${rate(sequentialMs)} commands/s)`,
    );
    console.log(
      `${CONCURRENCY} connections at once           ${parallelMs.toFixed(0).padStart(7)} ms   ×${(sequentialMs / parallelMs).toFixed(2)} the baseline's throughput   (${rate(parallelMs)} commands/s)`,
    );
    console.log(
      `size per dossier: events ${(perDossier(full.events - empty.events) / 1024).toFixed(1)} KB, read models ${(perDossier(full.readModels - empty.readModels) / 1024).toFixed(1)} KB, database ${(perDossier(full.total - empty.total) / 1024).toFixed(1)} KB`,
    );
    console.log(
      `per 100,000 dossiers: events ${mb(perDossier(full.events - empty.events) * 1e5)}, read models ${mb(perDossier(full.readModels - empty.readModels) * 1e5)}, database ${mb(perDossier(full.total - empty.total) * 1e5)} (before WAL and backups)`,
    );
  } finally {
    await drop();
  }
}

runBench(main);
