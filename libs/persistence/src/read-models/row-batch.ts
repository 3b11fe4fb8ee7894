import type { EntityManager } from 'typeorm';

/**
 * The read side of a batched projection: fold a batch of events over the rows it touches in memory (a pure function
 * per read model), then write each table once. These helpers read the touched rows and write them back, one statement
 * per table, so the live append (one command's events) and a rebuild (a page of the event table) run the same code.
 */

/** A row as the folds read and write it: timestamps as ISO strings, dates as 'YYYY-MM-DD', int8/numeric as strings. */
export type Row = object;

/** A table of a read model: its columns, its key, and the column naming the stream (the dossier) that owns a row. */
export interface RowTable {
  name: string;
  columns: readonly string[];
  key: readonly string[];
  owner: string;
}

const iso = (row: Record<string, unknown>): Record<string, unknown> => {
  for (const [k, v] of Object.entries(row)) if (v instanceof Date) row[k] = v.toISOString();
  return row;
};

/** The rows of `table` owned by `owners`, as the folds read them. */
export async function rowsOwnedBy<R>(m: EntityManager, table: RowTable, owners: readonly string[]): Promise<R[]> {
  if (owners.length === 0) return [];
  const rows = (await m.query(
    `SELECT ${table.columns.join(', ')} FROM ${table.name} WHERE ${table.owner} = ANY ($1::uuid[])`,
    [owners],
  )) as Record<string, unknown>[];
  return rows.map(iso) as R[];
}

/**
 * The rows of several tables owned by `owners`, in one statement (a round trip per table would cost the live append
 * more than it saves), as JSON: timestamps and dates as Postgres writes them in JSON, numbers as numbers — so not for
 * int8 or numeric columns whose text matters (use `rowsOwnedBy`).
 */
export async function rowsOwnedByAll(
  m: EntityManager,
  tables: readonly RowTable[],
  owners: readonly string[],
): Promise<Map<string, unknown[]>> {
  const byTable = new Map<string, unknown[]>(tables.map((t) => [t.name, []]));
  if (owners.length === 0) return byTable;
  const rows = (await m.query(
    tables
      .map((t, i) => `SELECT ${i} AS t, to_jsonb(r) AS row FROM ${t.name} r WHERE r.${t.owner} = ANY ($1::uuid[])`)
      .join(' UNION ALL '),
    [owners],
  )) as { t: number; row: unknown }[];
  for (const { t, row } of rows) byTable.get(tables[t].name)!.push(row);
  return byTable;
}

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
 * Makes the rows of `owners` in `table` exactly `rows`, in one statement: the owners' rows the fold dropped are
 * deleted, the others inserted or updated. `rows` must all belong to `owners`.
 */
export async function replaceOwnedRows(
  m: EntityManager,
  table: RowTable,
  owners: readonly string[],
  rows: readonly Row[],
): Promise<void> {
  if (owners.length === 0) return;
  const list = table.columns.join(', ');
  const key = table.key.join(', ');
  const others = table.columns.filter((c) => !table.key.includes(c));
  const onConflict = others.length
    ? `DO UPDATE SET ${others.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`
    : 'DO NOTHING';
  await m.query(
    `WITH input AS (SELECT ${list} FROM jsonb_populate_recordset(NULL::${table.name}, $2::jsonb)),
     gone AS (DELETE FROM ${table.name} t WHERE t.${table.owner} = ANY ($1::uuid[])
       AND (${table.key.map((k) => `t.${k}`).join(', ')}) NOT IN (SELECT ${key} FROM input))
     INSERT INTO ${table.name} (${list}) SELECT ${list} FROM input ON CONFLICT (${key}) ${onConflict}`,
    [owners, JSON.stringify(rows)],
  );
}

/** Inserts `rows` in one statement (rows that only ever arrive, like payments). */
export async function insertRows(m: EntityManager, table: RowTable, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const list = table.columns.join(', ');
  await m.query(
    `INSERT INTO ${table.name} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table.name}, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Writes one table of a batched projection: the owners whose part of the state (`rowsOf`) is no longer the object it
 * was when loaded get exactly their new rows; the others are not written.
 */
export async function writeChanged<S>(
  m: EntityManager,
  table: RowTable,
  loaded: ReadonlyMap<string, S>,
  changed: ReadonlyMap<string, S>,
  part: (state: S) => unknown,
  rowsOf: (state: S) => readonly Row[],
): Promise<void> {
  const owners: string[] = [];
  const rows: Row[] = [];
  for (const [owner, state] of changed) {
    const before = loaded.get(owner);
    if (before !== undefined && part(before) === part(state)) continue;
    owners.push(owner);
    rows.push(...rowsOf(state));
  }
  await replaceOwnedRows(m, table, owners, rows);
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
