/**
 * The read side's SQL helpers: one WHERE builder with numbered parameters, the dossier scope as a condition, and one
 * keyset cursor codec. The board, the inbox and the dossier list build their queries with these, so a scope rule or a
 * cursor check lives in one place.
 */
/**
 * Who may see which dossiers: a unit's staff their unit's, council members those they sit on (and, as the unit's own
 * council, their unit's grassroots dossiers), the rest all.
 */
export type DossierScope =
  { kind: 'ALL' } | { kind: 'UNIT'; unitCode: string } | { kind: 'COUNCIL_MEMBER'; userId: string; unitCode?: string };

/** SQL conditions with numbered parameters, built up one filter at a time. */
export class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];
  /** Adds `sql` with each `?` replaced by the next parameter. */
  add(sql: string, ...values: unknown[]): this {
    let i = 0;
    this.conditions.push(sql.replace(/\?/g, () => this.param(values[i++])));
    return this;
  }
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  get sql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/**
 * The dossier_view rows a scope may see: a unit's own, or for a council member the dossiers put to them and their
 * unit's grassroots dossiers (which its unit council votes on); everything for the rest.
 */
export function scopedTo(scope: DossierScope, w = new Where()): Where {
  if (scope.kind === 'UNIT') w.add('unit_code = ?', scope.unitCode);
  if (scope.kind === 'COUNCIL_MEMBER')
    w.add(
      `(? = ANY (council_members) OR (unit_code = ? AND route = 'GRASSROOTS'))`,
      scope.userId,
      scope.unitCode ?? null,
    );
  return w;
}

/** A cursor this API did not issue, or one issued for another sort. The error filter answers it with a 400 on `cursor`. */
export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(`cursor is not one this API issued for this sort (${reason})`);
    this.name = 'InvalidCursorError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A real calendar date (not 2025-02-30): a forged cursor must answer 400, not reach Postgres as a bad date. */
export const isCalendarDate = (d: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d;

/** A timestamp as the sort keys carry it: UTC with microseconds. */
export const isTimestampKey = (k: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/.test(k) && isCalendarDate(k.slice(0, 10));

/**
 * A keyset sort: its ORDER BY, the row comparison that resumes after a cursor (a total order, id breaks ties), and
 * which keys it accepts back. The cursor carries the sort's name, the last row's key and id.
 */
export interface KeysetSort {
  name: string;
  order: string;
  after: (key: string, id: string) => string;
  validKey: (key: string) => boolean;
}

export function encodeCursor(sort: KeysetSort, key: string, id: string): string {
  return Buffer.from(JSON.stringify([sort.name, key, id])).toString('base64url');
}

export function decodeCursor(sort: KeysetSort, cursor: string): { key: string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not readable');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new InvalidCursorError('not readable');
  const [name, key, id] = parsed as unknown[];
  if (name !== sort.name) throw new InvalidCursorError(`issued for sort=${String(name)}`);
  if (typeof key !== 'string' || !sort.validKey(key) || typeof id !== 'string' || !UUID.test(id))
    throw new InvalidCursorError('malformed');
  return { key, id };
}

/** Adds the resume-after condition of a cursor to `w`. */
export function resumeAfter(w: Where, sort: KeysetSort, cursor: string): Where {
  const { key, id } = decodeCursor(sort, cursor);
  w.conditions.push(sort.after(w.param(key), w.param(id)));
  return w;
}

/** Newest change first: the board's default and the dossier list's order. */
export const BY_UPDATED: KeysetSort = {
  name: 'updated',
  order: 'updated_at DESC, id DESC',
  after: (k, id) => `(updated_at, id) < (${k}::timestamptz, ${id}::uuid)`,
  validKey: isTimestampKey,
};

/** The running deadline first, dossiers without one last (a missing deadline sorts as 'infinity'). */
export const BY_DEADLINE: KeysetSort = {
  name: 'deadline',
  order: `COALESCE(deadline, 'infinity'::date) ASC, id ASC`,
  after: (k, id) => `(COALESCE(deadline, 'infinity'::date), id) > (${k}::date, ${id}::uuid)`,
  validKey: (k) => k === 'infinity' || isCalendarDate(k),
};

/** The sort keys of a dossier_view row, selected with it so a cursor can be made from the page's last row. */
export const SORT_KEY_COLUMNS = `to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_key,
  COALESCE(deadline, 'infinity'::date)::text AS deadline_key`;
