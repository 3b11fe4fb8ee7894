import type { EntityManager } from 'typeorm';

/**
 * The read side of a batched projection: fold a batch of events over the rows it touches in memory (a pure function
 * per read model), then write each table once. These helpers read the touched rows and write them back, so the live
 * append (one command's events) and a rebuild (a page of the event table) run the same code.
 */

/** A row as the folds read and write it: timestamps as ISO strings, dates as 'YYYY-MM-DD', int8/numeric as strings. */
export type Row = object;

/** A table of a read model: its columns, its key, and the column naming the stream (the dossier) that owns a row. */
export interface RowTable {
  name: string;
  columns: readonly string[];
  key: readonly string[];
  owner: string;
  /** Columns read as text (int8, numeric: their digits matter, not a JavaScript number's). */
  text?: readonly string[];
}

/**
 * Statements of a batched projection as data: the rows it reads (`RowRead`) and what it writes, as data-modifying
 * common table expressions of one statement (`WriteStatement`). The live append runs the reads of every read model in
 * the statement that inserts the events and their writes in one more statement; a rebuild runs each read model's
 * reads and writes as two statements per page (`projectByPlan`).
 */

/** The rows of `table` owned by `owners`. */
export interface RowRead {
  table: RowTable;
  owners: readonly string[];
}

/**
 * The reads as one query of `(t, row)` (each row locked FOR UPDATE when `lock`): `t` the read's index in `reads`, `row` the row as JSON — timestamps and dates
 * as Postgres writes them in JSON, numbers as numbers, the table's `text` columns (int8, numeric) as strings.
 * `param` adds a parameter and names it. Undefined when no read has owners.
 */
export function readQuery(
  reads: readonly RowRead[],
  param: (value: unknown) => string,
  lock = false,
): string | undefined {
  const parts = reads.flatMap(({ table, owners }, i) => {
    if (owners.length === 0) return [];
    const text = (table.text ?? []).map((c) => `'${c}', r.${c}::text`);
    const row = text.length ? `to_jsonb(r) || jsonb_build_object(${text.join(', ')})` : 'to_jsonb(r)';
    // The live append locks them (in key order) until the command commits: another stream writing the same rows (a
    // session's votes on a dossier's ballots, a payment stream on its dossier's fund entry) waits, then folds over
    // what this one wrote. A rebuild, which works on its own shadows, takes no row lock.
    return [
      `SELECT ${i} AS t, ${row} AS row FROM (SELECT * FROM ${table.name} WHERE ${table.owner} = ANY (${param(owners)}::uuid[])
         ORDER BY ${table.key.join(', ')}${lock ? ' FOR UPDATE' : ''}) r`,
    ];
  });
  return parts.length ? parts.join(' UNION ALL ') : undefined;
}

/** The rows `readQuery` returned, one array per read, in the order of `reads`. */
export function rowsByRead(reads: readonly RowRead[], rows: readonly { t: number; row: unknown }[]): unknown[][] {
  const byRead: unknown[][] = reads.map(() => []);
  for (const { t, row } of rows) byRead[t].push(row);
  return byRead;
}

/** Reads the rows of `reads` in one statement (none when nothing is to be read). */
export async function readRows(m: EntityManager, reads: readonly RowRead[]): Promise<unknown[][]> {
  const params: unknown[] = [];
  const sql = readQuery(reads, (v) => `$${params.push(v)}`);
  if (!sql) return reads.map(() => []);
  return rowsByRead(reads, (await m.query(sql, params)) as { t: number; row: unknown }[]);
}

/**
 * The writes of one or more batched projections as one statement: each write is one or more data-modifying common
 * table expressions (Postgres runs each exactly once, all on one snapshot, so two writes of one statement must not
 * touch the same rows: each read model writes its own tables, and a table's delete and upsert take disjoint keys).
 * `flag` asks the statement to return a boolean about what it wrote (a counter left at zero).
 */
export class WriteStatement {
  private readonly params: unknown[] = [];
  private readonly ctes: string[] = [];
  private readonly flags: string[] = [];

  /** Adds a parameter and names it (`$n`). */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  /** Adds a common table expression and names it. */
  cte(body: string): string {
    const name = `w${this.ctes.length}`;
    this.ctes.push(`${name} AS (${body})`);
    return name;
  }

  /** A boolean expression over the statement's CTEs that `run` returns; its index in the result. */
  flag(predicate: string): number {
    return this.flags.push(predicate) - 1;
  }

  /** Sends the statement (nothing when no write was added) and returns the flags. */
  async run(m: EntityManager): Promise<boolean[]> {
    if (this.ctes.length === 0) return this.flags.map(() => false);
    const [row] = (await m.query(
      `WITH ${this.ctes.join(',\n')} SELECT ARRAY[${this.flags.join(', ') || 'false'}]::boolean[] AS flags`,
      this.params,
    )) as { flags: boolean[] }[];
    return row.flags;
  }
}

/** What a batched projection must do after its statement, given the statement's flags (rarely anything). */
export type FollowUp = (m: EntityManager, flags: readonly boolean[]) => Promise<void>;

/**
 * A batched projection over one batch of events: the rows it reads, and how it folds them and what it writes, given
 * the rows of each read (in the order of `reads`).
 */
export interface BatchPlan {
  reads: readonly RowRead[];
  write(rows: readonly (readonly unknown[])[], s: WriteStatement): FollowUp | void;
}

/** A batched projection: its plan for a batch of events, undefined when the batch changes nothing it keeps. */
export type Planner<E> = (events: readonly E[]) => BatchPlan | undefined;

/** Runs a planner's plan on its own: one statement for the reads, one for the writes (a rebuild's page, a migration). */
export const projectByPlan =
  <E>(planner: Planner<E>) =>
  async (m: EntityManager, events: readonly E[]): Promise<void> => {
    const plan = events.length ? planner(events) : undefined;
    if (!plan) return;
    const rows = await readRows(m, plan.reads);
    const s = new WriteStatement();
    const after = plan.write(rows, s);
    const flags = await s.run(m);
    if (after) await after(m, flags);
  };

/**
 * The owners whose state a batch must read first: those it touches, but not those it creates (an event's owner is its
 * stream unless `ownerOf` says otherwise, e.g. the fund's payment streams belong to their dossier's entry).
 */
export function ownersToLoad<E extends { type: string; streamId: string }>(
  events: readonly E[],
  creation: string,
  ownerOf: (e: E) => string = (e) => e.streamId,
): string[] {
  const created = new Set(events.filter((e) => e.type === creation).map((e) => e.streamId));
  return [...new Set(events.map(ownerOf))].filter((id) => !created.has(id));
}

/**
 * Makes the rows of `owners` in `table` exactly `rows`: the owners' rows the fold dropped are deleted, the others
 * inserted or updated. `rows` must all belong to `owners`.
 */
export function replaceOwnedRows(
  s: WriteStatement,
  table: RowTable,
  owners: readonly string[],
  rows: readonly Row[],
): void {
  if (owners.length === 0) return;
  const list = table.columns.join(', ');
  const key = table.key.join(', ');
  const others = table.columns.filter((c) => !table.key.includes(c));
  const onConflict = others.length
    ? `DO UPDATE SET ${others.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`
    : 'DO NOTHING';
  const input = s.cte(
    `SELECT ${list} FROM jsonb_populate_recordset(NULL::${table.name}, ${s.param(JSON.stringify(rows))}::jsonb)`,
  );
  s.cte(
    `DELETE FROM ${table.name} t WHERE t.${table.owner} = ANY (${s.param(owners)}::uuid[])
       AND (${table.key.map((k) => `t.${k}`).join(', ')}) NOT IN (SELECT ${key} FROM ${input})`,
  );
  if (rows.length)
    s.cte(`INSERT INTO ${table.name} (${list}) SELECT ${list} FROM ${input} ON CONFLICT (${key}) ${onConflict}`);
}

/** Inserts `rows` (rows that only ever arrive, like payments). */
export function insertRows(s: WriteStatement, table: RowTable, rows: readonly Row[]): void {
  if (rows.length === 0) return;
  const list = table.columns.join(', ');
  s.cte(
    `INSERT INTO ${table.name} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table.name}, ${s.param(JSON.stringify(rows))}::jsonb)`,
  );
}

/** Inserts `rows` into `table` now, in a statement of their own (a rebuild writing its totals). */
export async function insertRowsNow(m: EntityManager, table: RowTable, rows: readonly Row[]): Promise<void> {
  const s = new WriteStatement();
  insertRows(s, table, rows);
  await s.run(m);
}

/**
 * Writes one table of a batched projection: the owners whose part of the state (`rowsOf`) is no longer the object it
 * was when loaded get exactly their new rows; the others are not written.
 */
export function writeChanged<S>(
  s: WriteStatement,
  table: RowTable,
  loaded: ReadonlyMap<string, S>,
  changed: ReadonlyMap<string, S>,
  part: (state: S) => unknown,
  rowsOf: (state: S) => readonly Row[],
): void {
  const owners: string[] = [];
  const rows: Row[] = [];
  for (const [owner, state] of changed) {
    const before = loaded.get(owner);
    if (before !== undefined && part(before) === part(state)) continue;
    owners.push(owner);
    rows.push(...rowsOf(state));
  }
  replaceOwnedRows(s, table, owners, rows);
}

/** An empty state for each owner, to be completed with the rows read for it. */
export function loadedStates<S>(owners: readonly string[], init: () => S): Map<string, S> {
  return new Map(owners.map((o) => [o, init()]));
}

/**
 * Folds `events` over the state of the owners they touch, one owner at a time in event order, and returns the owners
 * whose state changed (the fold returns the same object when an event changes nothing) with their final state.
 */
export function foldOwners<S, E>(
  loaded: Map<string, S>,
  events: readonly E[],
  ownerOf: (e: E) => string,
  initial: () => S,
  step: (state: S, e: E) => S,
): Map<string, S> {
  const changed = new Map<string, S>();
  for (const e of events) {
    const owner = ownerOf(e);
    const before = changed.get(owner) ?? loaded.get(owner) ?? initial();
    const after = step(before, e);
    if (after !== before || changed.has(owner)) changed.set(owner, after);
  }
  return changed;
}

/** A table's columns as its row type lists them (every column, generated ones too), with their SQL types. */
export type RecordShape = readonly { name: string; type: string }[];

/** The row type of `table` as the session sees it (a temporary shadow of the same name comes first). */
export async function recordShapeOf(m: EntityManager, table: string): Promise<RecordShape> {
  return (await m.query(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [table],
  )) as { name: string; type: string }[];
}

/** A value as Postgres reads it in text form (`null`: SQL NULL). */
function textOf(v: unknown, type: string): string | null {
  if (v === null || v === undefined) return null;
  if (type.endsWith('[]') && Array.isArray(v))
    return `{${v.map((x) => (x === null || x === undefined ? 'NULL' : `"${String(x).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
  if (type === 'json' || type === 'jsonb') return JSON.stringify(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v as string | number | bigint);
}

/** A field inside a record inside an array literal: quoted for the record, the whole escaped again for the array. */
const twice = (s: string) => s.replace(/["\\]/g, (c) => (c === '"' ? '\\\\\\"' : '\\\\\\\\'));

/**
 * Inserts `rows` in one statement, as one array of the table's row type (`unnest($1::table[])`): Postgres reads each
 * value with its type's input function, about three times faster than from JSON (`insertRows`). Rows are objects
 * keyed by column, as the folds write them; columns they lack are NULL in the record and not inserted. A JSON column's
 * values are sent once each (many rows share one, e.g. a rule set's bonus table) and picked by index.
 */
export async function insertRecords(
  m: EntityManager,
  table: RowTable,
  shape: RecordShape,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const isJson = (type: string) => type === 'json' || type === 'jsonb';
  const json = new Map(
    shape
      .filter((c) => isJson(c.type) && table.columns.includes(c.name))
      .map((c) => [
        c.name,
        { byRef: new Map<unknown, number>(), byText: new Map<string, number>(), idx: [] as number[] },
      ]),
  );
  const literal = rows
    .map((row) => {
      const r = row as Record<string, unknown>;
      for (const [name, d] of json) {
        const v = r[name];
        let i = v === null || v === undefined ? 0 : d.byRef.get(v);
        if (i === undefined) {
          const text = JSON.stringify(v);
          i = d.byText.get(text) ?? d.byText.set(text, d.byText.size + 1).get(text)!;
          if (typeof v === 'object') d.byRef.set(v, i);
        }
        d.idx.push(i);
      }
      return `"(${shape
        .map(({ name, type }) => {
          if (json.has(name)) return '';
          const text = textOf(r[name], type);
          return text === null ? '' : `\\"${twice(text)}\\"`;
        })
        .join(',')})"`;
    })
    .join(',');
  const params: unknown[] = [`{${literal}}`];
  const select = table.columns.map((c) => {
    const d = json.get(c);
    if (!d) return `r.${c}`;
    params.push(
      `{${d.idx.join(',')}}`,
      `{${[...d.byText.keys()].map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(',')}}`,
    );
    const type = shape.find((s) => s.name === c)!.type;
    return `($${params.length}::${type}[])[($${params.length - 1}::int[])[r.ordinality]]`;
  });
  await m.query(
    `INSERT INTO ${table.name} (${table.columns.join(', ')})
     SELECT ${select.join(', ')} FROM unnest($1::${table.name}[]) WITH ORDINALITY AS r`,
    params,
  );
}
