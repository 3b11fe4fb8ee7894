import type { DataSource, EntityManager } from 'typeorm';
import { streamKindOf, type StoredEnvelope, type StreamKind } from '@tdkt/domain';
import { envelopeOfRow, EVENT_APPEND_LOCK_KEY, type StoredEventRow } from '../event-store/event-store';
import { READ_MODELS } from './projections';
import type { InMemoryRebuild } from './rebuild-fold';

export interface RebuildOptions {
  /** Events per page read from the table and projected as one batch. */
  pageSize?: number;
  /**
   * Called after each page with the events replayed so far and how many there are to replay (readers still see the
   * old rows, appends go on); the total counts the events up to the start, not those appended meanwhile.
   */
  onProgress?: (events: number, total: number) => Promise<void> | void;
  /** Called when the rebuild moves on: replaying into the shadow tables, then catching up and swapping them in. */
  onPhase?: (phase: RebuildPhase) => Promise<void> | void;
  /**
   * One read model only (its name in READ_MODELS, or one of its tables), with the read models that write the same
   * tables (`alsoWrites`); the others are left alone. Default: every read model.
   */
  only?: string;
  /** Owners an in-memory fold holds at most before writing out the half touched first (tests make it small). */
  residentOwners?: number;
}
export type RebuildPhase = 'REPLAY' | 'CATCH_UP_AND_SWAP';

export interface RebuildResult {
  events: number;
  /** The read models rebuilt (their names in READ_MODELS). */
  models: string[];
  tables: string[];
  /** Of `events`, those appended while the replay ran, projected with appends paused just before the swap. */
  caughtUp: number;
  /** How long appends waited and readers of the read models were locked out: the catch-up and the swap. */
  swapMs: number;
  /** Where the time went, in ms (for `npm run bench`): see `RebuildTimings`. */
  timings: RebuildTimings;
}

/** A rebuild's time by step, in ms. */
export interface RebuildTimings {
  /** Creating the shadow tables (and copying the upserted ones). */
  shadows: number;
  /** Waiting for pages of the event table (reading, and parsing their JSON). */
  read: number;
  /** Folding the pages: in memory for the batched read models, statement by statement for the others. */
  fold: number;
  /** Writing the folded rows out into the shadow tables (multi-row inserts) after the replay. */
  write: number;
  /** The catch-up and the swap, appends paused (= swapMs). */
  swap: number;
}

/** Thrown for an `only` that names no read model: the caller's input, not a failure. */
export class UnknownReadModelError extends Error {
  constructor(readonly only: string) {
    super(`No read model is named ${JSON.stringify(only)} (a read model's name or one of its tables)`);
    this.name = 'UnknownReadModelError';
  }
}

type ReadModel = (typeof READ_MODELS)[number];

/** What `only` may name: each read model's name and its tables. */
export const readModelNames = (): string[] => READ_MODELS.flatMap((r) => [r.name, ...r.tables]);

/**
 * The read models a rebuild of `only` takes: the one it names (by name or by a table it owns) and every read model
 * that shares a table with it (owned or `alsoWrites`), transitively — a shared table is replaced as a whole.
 */
export function readModelsFor(only?: string): ReadModel[] {
  if (only === undefined) return [...READ_MODELS];
  const named = READ_MODELS.find((r) => r.name === only || r.tables.includes(only));
  if (!named) throw new UnknownReadModelError(only);
  const writes = (r: ReadModel) => [...r.tables, ...(r.alsoWrites ?? [])];
  const chosen = new Set<ReadModel>([named]);
  for (let grew = true; grew;) {
    grew = false;
    const tables = new Set([...chosen].flatMap(writes));
    for (const r of READ_MODELS)
      if (!chosen.has(r) && writes(r).some((t) => tables.has(t))) {
        chosen.add(r);
        grew = true;
      }
  }
  return READ_MODELS.filter((r) => chosen.has(r));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The writable columns (generated ones cannot be written) and the primary key of each table, in column order. */
async function tableShapes(
  m: EntityManager,
  tables: readonly string[],
): Promise<Map<string, { columns: string; key: string | null }>> {
  const rows = (await m.query(
    `SELECT c.relname AS table,
            string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '') AS columns,
            (SELECT string_agg(quote_ident(k.attname), ', ' ORDER BY array_position(i.indkey::int2[], k.attnum))
               FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey::int2[])
              WHERE i.indrelid = c.oid AND i.indisprimary) AS key
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relname = ANY ($1) GROUP BY c.oid, c.relname`,
    [tables],
  )) as { table: string; columns: string; key: string | null }[];
  return new Map(rows.map((r) => [r.table, { columns: r.columns, key: r.key }]));
}

interface EventPageRow extends StoredEventRow {
  id: string;
}

/**
 * The event table in id order, in pages (keyset on id, only the columns the projections read), the next page asked
 * for while the caller folds this one; `kinds` limits it to the stream kinds of the read models rebuilt.
 */
async function* eventPages(
  m: EntityManager,
  range: { after: number; upTo?: number; kinds?: readonly StreamKind[]; skip?: readonly number[] },
  pageSize: number,
  timings: RebuildTimings,
): AsyncGenerator<{ page: StoredEnvelope[]; ids: number[] }> {
  const fetch = (after: number) =>
    m.query(
      `SELECT id, stream_id, seq, type, data, actor_id, actor_role, on_behalf_of, occurred_at, rule_set_version, request_id
         FROM dossier_event WHERE id > $1 AND id <= $2 AND NOT (id = ANY ($4::bigint[]))
          ${range.kinds ? 'AND stream_kind = ANY ($5)' : ''}
        ORDER BY id LIMIT $3`,
      [after, range.upTo ?? Number.MAX_SAFE_INTEGER, pageSize, range.skip ?? [], ...(range.kinds ? [range.kinds] : [])],
    ) as Promise<EventPageRow[]>;
  let pending = fetch(range.after);
  try {
    for (;;) {
      const t0 = process.hrtime.bigint();
      const rows = await pending;
      if (rows.length === 0) return;
      const ids = rows.map((r) => Number(r.id));
      pending = rows.length < pageSize ? Promise.resolve([]) : fetch(ids[ids.length - 1]);
      const page = rows.map(envelopeOfRow);
      timings.read += Number(process.hrtime.bigint() - t0) / 1e6;
      yield { page, ids };
    }
  } finally {
    // A page asked for and not taken (the caller stopped): its outcome no longer matters.
    pending.catch(() => undefined);
  }
}

/**
 * Rebuilds every read model (or one, `only`) from the event table, online:
 * 1. the newest event id is taken with no append in flight (the append lock, held for an instant);
 * 2. each table of the read models rebuilt gets a shadow: a temporary table of the same name and columns, empty (the
 *    tables read models only upsert into, org_unit and app_user, start as a copy). `pg_temp` comes first on the search
 *    path, so the projections — the very code the live append runs — write into the shadows without knowing it. The
 *    shadows of the batched read models (`rebuildInMemory`) get no index: those fold every stream in memory across
 *    pages (the same pure folds as the live append) and write each row once, with multi-row INSERTs; the others keep
 *    the live indexes, as their projections update rows by key;
 * 3. the event table up to that id is replayed into them a page at a time (keyset on id, the next page read while
 *    this one is folded), while the API reads the live tables and appends go on (into the live tables); then the rows
 *    folded in memory are written out, and the events appended meanwhile replayed, appends still going on (an owner
 *    already written out is read back through an index on its owner column, created then);
 * 4. with appends paused (the append lock, exclusively, until the commit), every event after the first step's id that
 *    the last pass did not replay is replayed too (ids are not committed in their order: an append open during that
 *    pass may hold a lower id than one it read), and the live tables take the shadows' rows (TRUNCATE and INSERT … SELECT in key order, or an
 *    upsert for the tables not owned, in one round trip); readers wait for the commit only during this step.
 * One transaction: a failure anywhere leaves the live tables as they were. The event table is the only input.
 */
export async function rebuildReadModels(dataSource: DataSource, options: RebuildOptions = {}): Promise<RebuildResult> {
  const models = readModelsFor(options.only);
  const pageSize = options.pageSize ?? 10_000;
  const timings: RebuildTimings = { shadows: 0, read: 0, fold: 0, write: 0, swap: 0 };
  const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
  const everything = options.only === undefined;
  const kinds = everything ? undefined : [...new Set(models.flatMap((r) => r.streams))];
  const owned = models.flatMap((r) => r.tables);
  const upserted = models.flatMap((r) => r.upserts ?? []);
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
      let t0 = process.hrtime.bigint();
      const folds = new Map<ReadModel, InMemoryRebuild>();
      for (const r of models) if (r.rebuildInMemory) folds.set(r, r.rebuildInMemory(options.residentOwners));
      const unindexed = new Set([...folds.values()].flatMap((f) => f.tables));
      const shapes = await tableShapes(m, [...owned, ...upserted.map((u) => u.table)]);
      // One round trip for every shadow: its columns, defaults and checks, and the live indexes unless folded in memory.
      await m.query(
        [
          ...owned.map(
            (t) =>
              `CREATE TEMPORARY TABLE ${ident(t)} (LIKE public.${ident(t)} INCLUDING ALL${unindexed.has(t) ? ' EXCLUDING INDEXES' : ''}) ON COMMIT DROP`,
          ),
          ...upserted.flatMap(({ table: t }) => [
            `CREATE TEMPORARY TABLE ${ident(t)} (LIKE public.${ident(t)} INCLUDING ALL) ON COMMIT DROP`,
            `INSERT INTO pg_temp.${ident(t)} (${shapes.get(t)!.columns}) SELECT ${shapes.get(t)!.columns} FROM public.${ident(t)}`,
          ]),
        ].join(';\n'),
      );
      timings.shadows = since(t0);
      const total = options.onProgress
        ? Number(
            (
              (await m.query(
                `SELECT count(*) AS n FROM dossier_event WHERE id <= $1 ${kinds ? 'AND stream_kind = ANY ($2)' : ''}`,
                kinds ? [upTo, kinds] : [upTo],
              )) as { n: string }[]
            )[0].n,
          )
        : 0;
      const replay = async (page: readonly StoredEnvelope[]) => {
        const t = process.hrtime.bigint();
        const pageKinds = page.map((e) => streamKindOf(e.type));
        for (const r of models) {
          const mine = page.filter((_, i) => r.streams.includes(pageKinds[i]));
          if (mine.length === 0) continue;
          const fold = folds.get(r);
          if (fold) await fold.feed(m, mine);
          else await r.project(m, mine);
        }
        timings.fold += since(t);
      };
      await options.onPhase?.('REPLAY');
      let events = 0;
      for await (const { page } of eventPages(m, { after: 0, upTo, kinds }, pageSize, timings)) {
        await replay(page);
        events += page.length;
        await options.onProgress?.(events, total);
      }
      t0 = process.hrtime.bigint();
      for (const fold of folds.values()) await fold.flush(m);
      timings.write = since(t0);
      // The events appended during the replay, appends still going on; then, paused, every later one not yet replayed.
      // Ids are taken in one order and committed in another: while appends go on, an append that took a lower id may
      // still be open when one with a higher id has committed, so this pass cannot say "all up to here" — it keeps
      // the ids it replayed, and the paused pass reads everything after `upTo` but those.
      let caughtUp = 0;
      const replayed: number[] = [];
      for await (const { page, ids } of eventPages(m, { after: upTo, kinds }, pageSize, timings)) {
        await replay(page);
        caughtUp += page.length;
        replayed.push(...ids);
      }
      await options.onPhase?.('CATCH_UP_AND_SWAP');
      const swapStarted = process.hrtime.bigint();
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [EVENT_APPEND_LOCK_KEY]);
      for await (const { page } of eventPages(m, { after: upTo, kinds, skip: replayed }, pageSize, timings)) {
        await replay(page);
        caughtUp += page.length;
      }
      for (const fold of folds.values()) await fold.finish(m);
      await swapIn(m, owned, upserted, shapes);
      await runner.commitTransaction();
      const swapMs = since(swapStarted);
      timings.swap = swapMs;
      await options.onProgress?.(events + caughtUp, total);
      return {
        events: events + caughtUp,
        models: models.map((r) => r.name),
        tables: owned,
        caughtUp,
        swapMs,
        timings,
      };
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/**
 * The live tables take the shadows' rows, in one round trip: those the read models own replaced (in key order, so
 * each index grows at its end), those they upsert into upserted.
 */
async function swapIn(
  m: EntityManager,
  owned: readonly string[],
  upserted: readonly { table: string; key: readonly string[] }[],
  shapes: ReadonlyMap<string, { columns: string; key: string | null }>,
): Promise<void> {
  const statements = upserted.map(({ table, key }) => {
    const { columns } = shapes.get(table)!;
    const others = columns.split(', ').filter((c) => !key.map(ident).includes(c));
    return `INSERT INTO public.${ident(table)} AS live (${columns}) SELECT ${columns} FROM pg_temp.${ident(table)}
       ON CONFLICT (${key.map(ident).join(', ')}) DO UPDATE SET ${others.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
       WHERE ROW(live.*) IS DISTINCT FROM ROW(EXCLUDED.*)`;
  });
  statements.push(`TRUNCATE ${owned.map((t) => `public.${ident(t)}`).join(', ')}`);
  for (const table of owned) {
    const { columns, key } = shapes.get(table)!;
    statements.push(
      `INSERT INTO public.${ident(table)} (${columns}) SELECT ${columns} FROM pg_temp.${ident(table)}${key ? ` ORDER BY ${key}` : ''}`,
    );
  }
  await m.query(statements.join(';\n'));
}
