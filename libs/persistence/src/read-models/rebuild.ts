import type { DataSource, EntityManager } from 'typeorm';
import { EVENT_APPEND_LOCK_KEY, EventStore } from '../event-store/event-store';
import { projectAll, READ_MODEL_TABLES, READ_MODEL_UPSERTED_TABLES } from './projections';

export interface RebuildOptions {
  /** Events per page read from the table and projected as one batch. */
  pageSize?: number;
  /** Called after each page with the events replayed so far (readers still see the old rows, appends go on). */
  onProgress?: (events: number) => Promise<void> | void;
  /** Called when the rebuild moves on: replaying into the shadow tables, then catching up and swapping them in. */
  onPhase?: (phase: RebuildPhase) => Promise<void> | void;
}
export type RebuildPhase = 'REPLAY' | 'CATCH_UP_AND_SWAP';

export interface RebuildResult {
  events: number;
  tables: string[];
  /** Of `events`, those appended while the replay ran, projected with appends paused just before the swap. */
  caughtUp: number;
  /** How long appends waited and readers of the read models were locked out: the catch-up and the swap. */
  swapMs: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The columns of a table that can be written (generated columns cannot), in their order. */
async function writableColumns(m: EntityManager, table: string): Promise<string> {
  const rows = (await m.query(
    `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [`public.${table}`],
  )) as { attname: string }[];
  return rows.map((r) => ident(r.attname)).join(', ');
}

/**
 * Rebuilds every read model from the event table, online:
 * 1. the newest event id is taken with no append in flight (the append lock, held for an instant);
 * 2. each read model's table gets a shadow: a temporary table of the same name, columns and indexes, empty (the tables
 *    read models only upsert into, org_unit and app_user, start as a copy). `pg_temp` comes first on the search path,
 *    so the projections — the very code the live append runs — write into the shadows without knowing it;
 * 3. the event table up to that id is replayed into the shadows a page at a time, while the API reads the live tables
 *    and appends go on (into the live tables);
 * 4. with appends paused (the append lock, exclusively, until the commit), the events appended meanwhile are replayed
 *    too, and the live tables take the shadows' rows (TRUNCATE and INSERT … SELECT, or an upsert for the tables not
 *    owned); readers wait for the commit only during this step.
 * One transaction: a failure anywhere leaves the live tables as they were. The event table is the only input.
 */
export async function rebuildReadModels(dataSource: DataSource, options: RebuildOptions = {}): Promise<RebuildResult> {
  const store = new EventStore(dataSource);
  const pageSize = options.pageSize ?? 2000;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // Every append before this id has committed, every later one takes a higher id (appends hold the lock shared).
    await runner.query(`SELECT pg_advisory_lock($1)`, [EVENT_APPEND_LOCK_KEY]);
    let upTo: number;
    try {
      const [{ id }] = (await runner.query(`SELECT COALESCE(max(id), 0) AS id FROM dossier_event`)) as { id: string }[];
      upTo = Number(id);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1)`, [EVENT_APPEND_LOCK_KEY]);
    }
    await runner.startTransaction();
    try {
      const m = runner.manager;
      for (const table of READ_MODEL_TABLES)
        await m.query(
          `CREATE TEMPORARY TABLE ${ident(table)} (LIKE public.${ident(table)} INCLUDING ALL) ON COMMIT DROP`,
        );
      for (const { table } of READ_MODEL_UPSERTED_TABLES) {
        await m.query(
          `CREATE TEMPORARY TABLE ${ident(table)} (LIKE public.${ident(table)} INCLUDING ALL) ON COMMIT DROP`,
        );
        const columns = await writableColumns(m, table);
        await m.query(`INSERT INTO pg_temp.${ident(table)} (${columns}) SELECT ${columns} FROM public.${ident(table)}`);
      }
      await options.onPhase?.('REPLAY');
      let events = 0;
      for await (const page of store.readAll(pageSize, m, { upTo })) {
        await projectAll(m, page);
        events += page.length;
        await options.onProgress?.(events);
      }
      await options.onPhase?.('CATCH_UP_AND_SWAP');
      const swapStarted = process.hrtime.bigint();
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [EVENT_APPEND_LOCK_KEY]);
      let caughtUp = 0;
      for await (const page of store.readAll(pageSize, m, { after: upTo })) {
        await projectAll(m, page);
        caughtUp += page.length;
      }
      await swapIn(m);
      await runner.commitTransaction();
      const swapMs = Number(process.hrtime.bigint() - swapStarted) / 1e6;
      await options.onProgress?.(events + caughtUp);
      return { events: events + caughtUp, tables: [...READ_MODEL_TABLES], caughtUp, swapMs };
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/** The live tables take the shadows' rows: those the read models own replaced, those they upsert into upserted. */
async function swapIn(m: EntityManager): Promise<void> {
  for (const { table, key } of READ_MODEL_UPSERTED_TABLES) {
    const columns = await writableColumns(m, table);
    const others = columns.split(', ').filter((c) => !key.map(ident).includes(c));
    await m.query(
      `INSERT INTO public.${ident(table)} AS live (${columns}) SELECT ${columns} FROM pg_temp.${ident(table)}
       ON CONFLICT (${key.map(ident).join(', ')}) DO UPDATE SET ${others.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
       WHERE ROW(live.*) IS DISTINCT FROM ROW(EXCLUDED.*)`,
    );
  }
  await m.query(`TRUNCATE ${READ_MODEL_TABLES.map((t) => `public.${ident(t)}`).join(', ')}`);
  for (const table of READ_MODEL_TABLES) {
    const columns = await writableColumns(m, table);
    await m.query(`INSERT INTO public.${ident(table)} (${columns}) SELECT ${columns} FROM pg_temp.${ident(table)}`);
  }
}
