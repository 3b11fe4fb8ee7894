import type { EntityManager } from 'typeorm';
import type { StoredEnvelope } from '@tdkt/domain';
import {
  foldOwners,
  insertRecords,
  ownersToLoad,
  readRows,
  recordShapeOf,
  type FollowUp,
  type Planner,
  type RecordShape,
  type Row,
  type RowRead,
  type RowTable,
  type WriteStatement,
} from './row-batch';

/**
 * A batched read model as a rebuild folds it: the same pure fold as the live append (`step`), but the state of every
 * owner stays in memory across pages — a rebuild folds each stream from nothing, so the rows a page touches are the
 * ones earlier pages folded, not rows to read back — and each owner's rows are written once, with plain multi-row
 * INSERTs into shadow tables that have no index (the swap copies them into the live, indexed tables).
 */
export interface InMemoryFold<S> {
  /** The event types the fold reads (the others are skipped, as the live projection skips them). */
  reads: { has: (type: string) => boolean };
  ownerOf: (e: StoredEnvelope) => string;
  initial: () => S;
  step: (state: S, e: StoredEnvelope) => S;
  /** The event type that creates an owner: nothing to read back for it. */
  creation?: string;
  /** The rows the owners' states are made of: what the live append reads, and what a rebuild reads back. */
  readsOf: (owners: readonly string[]) => RowRead[];
  /** The owners' states from the rows of `readsOf(owners)`, one array per read (an owner without rows: its initial). */
  statesOf: (owners: readonly string[], rows: readonly (readonly unknown[])[]) => Map<string, S>;
  /** The tables it writes and each one's rows in a state; `appendOnly` rows are new in the state, never re-read. */
  tables: readonly { table: RowTable; rowsOf: (state: S) => readonly Row[]; appendOnly?: boolean }[];
  /**
   * Tables of totals over the owners' rows (the board's counts, the statistics' report aggregates): moved as states are
   * written out and read back, written once at the end.
   */
  totals?: () => RebuildTotals<S>;
}

/**
 * The live append's plan from the same fold: the batch's events the fold reads, the rows of the owners they touch (not
 * those they create) read with `readsOf`, made states with `statesOf`, folded with `step`; `write` writes the owners
 * whose state changed (their states before and after), in the command's write statement.
 */
export function planFromFold<S>(
  fold: InMemoryFold<S>,
  write: (loaded: Map<string, S>, changed: Map<string, S>, s: WriteStatement) => FollowUp | void,
): Planner<StoredEnvelope> {
  return (batch) => {
    const events = batch.filter((e) => fold.reads.has(e.type));
    if (events.length === 0) return undefined;
    const ids = fold.creation
      ? ownersToLoad(events, fold.creation, fold.ownerOf)
      : [...new Set(events.map(fold.ownerOf))];
    return {
      reads: fold.readsOf(ids),
      write: (rows, s) => {
        const loaded = fold.statesOf(ids, rows);
        return write(loaded, foldOwners(loaded, events, fold.ownerOf, fold.initial, fold.step), s);
      },
    };
  };
}

/** Totals a rebuild sums over the owners' states (see `InMemoryFold.totals`). */
export interface RebuildTotals<S> {
  tables: readonly string[];
  add: (state: S, sign: 1 | -1) => void;
  write: (m: EntityManager) => Promise<void>;
}

/** One rebuild's run of an in-memory fold (see `InMemoryFold`). */
export interface InMemoryRebuild {
  /** Every table it writes (their shadows need no index). */
  tables: readonly string[];
  /** Folds a page of events (those of its stream kinds) into the owners' states. */
  feed: (m: EntityManager, events: readonly StoredEnvelope[]) => Promise<void>;
  /** Writes every owner held in memory and forgets them (a later event of theirs reads them back). */
  flush: (m: EntityManager) => Promise<void>;
  /** Writes the totals: call once, after the last page and the last flush. */
  finish: (m: EntityManager) => Promise<void>;
  /** Owners read back from the shadow tables (written out, then touched again). */
  readonly reloaded: number;
}

/** Rows per INSERT when writing states out (one JSON parameter each). */
const ROWS_PER_INSERT = 5000;

/**
 * Starts a rebuild's run of `fold`. At most `resident` owners are held in memory: past that, the half touched first
 * (the oldest streams) is written out; an owner written out and touched again is read back (through an index on its owner
 * column, created the first time) and its rows deleted, then folded on and written again.
 */
export function startInMemoryRebuild<S>(fold: InMemoryFold<S>, resident = 50_000): InMemoryRebuild {
  const states = new Map<string, S>();
  const totals = fold.totals?.();
  let spilled = false;
  let indexed = false;
  let reloaded = 0;

  const shapes = new Map<string, RecordShape>();
  const insert = async (m: EntityManager, table: RowTable, rows: readonly Row[]) => {
    if (rows.length === 0) return;
    const shape = shapes.get(table.name) ?? (await recordShapeOf(m, table.name));
    shapes.set(table.name, shape);
    await insertRecords(m, table, shape, rows);
  };
  const writeOut = async (m: EntityManager, owners: readonly string[]) => {
    if (owners.length === 0) return;
    // One insert in flight while the next one's rows are gathered and encoded (Postgres and Node work side by side).
    let inFlight: Promise<void> | undefined;
    const send = async (insertion: Promise<void>) => {
      insertion.catch(() => undefined);
      const previous = inFlight;
      inFlight = insertion;
      await previous;
    };
    for (const { table, rowsOf } of fold.tables) {
      let rows: Row[] = [];
      for (const o of owners) {
        for (const r of rowsOf(states.get(o) as S)) rows.push(r);
        if (rows.length >= ROWS_PER_INSERT) {
          await send(insert(m, table, rows));
          rows = [];
        }
      }
      await send(insert(m, table, rows));
    }
    await inFlight;
    for (const o of owners) {
      totals?.add(states.get(o) as S, +1);
      states.delete(o);
    }
    spilled = true;
  };

  const readBack = async (m: EntityManager, owners: readonly string[]) => {
    if (owners.length === 0) return;
    const read = fold.tables.filter((t) => !t.appendOnly).map((t) => t.table);
    if (!indexed) {
      for (const t of read) await m.query(`CREATE INDEX ON pg_temp.${t.name} (${t.owner})`);
      indexed = true;
    }
    const loaded = fold.statesOf(owners, await readRows(m, fold.readsOf(owners)));
    for (const t of read) await m.query(`DELETE FROM pg_temp.${t.name} WHERE ${t.owner} = ANY ($1::uuid[])`, [owners]);
    for (const [o, s] of loaded) {
      totals?.add(s, -1);
      states.set(o, s);
    }
    reloaded += owners.length;
  };

  return {
    tables: [...fold.tables.map((t) => t.table.name), ...(totals?.tables ?? [])],
    get reloaded() {
      return reloaded;
    },
    async feed(m, page) {
      const events = page.filter((e) => fold.reads.has(e.type));
      if (events.length === 0) return;
      if (spilled) {
        const created = new Set(
          fold.creation ? events.filter((e) => e.type === fold.creation).map((e) => e.streamId) : [],
        );
        const missing = new Set<string>();
        for (const e of events) {
          const o = fold.ownerOf(e);
          if (!states.has(o) && !created.has(o)) missing.add(o);
        }
        await readBack(m, [...missing]);
      }
      for (const e of events) {
        const o = fold.ownerOf(e);
        // In the order first touched since in memory: the first owners of the map (the oldest streams, most likely
        // done) are the ones written out when memory is full.
        states.set(o, fold.step(states.has(o) ? (states.get(o) as S) : fold.initial(), e));
      }
      if (states.size > resident) {
        const oldest: string[] = [];
        for (const o of states.keys()) {
          if (oldest.length >= states.size - Math.floor(resident / 2)) break;
          oldest.push(o);
        }
        await writeOut(m, oldest);
      }
    },
    async flush(m) {
      await writeOut(m, [...states.keys()]);
    },
    async finish(m) {
      await writeOut(m, [...states.keys()]);
      await totals?.write(m);
    },
  };
}
