import type { DataSource } from 'typeorm';
import { CalendarOutOfRangeError, DOSSIER_STATUSES, INBOX, workingDaysBetween, type Actor, type Stage, type TaskKind } from '@tdkt/domain';
import { GRASSROOTS_AWARD_CODES, type DossierScope } from './dossier-queries';

/**
 * Working days from `today` to `due` (both ISO dates in Asia/Ho_Chi_Minh): 0 on the due day, negative once it has
 * passed. Null without a due date or when either date lies outside the calendar's years — never a guess.
 */
export function workingDaysLeft(today: string, due: string | null): number | null {
  if (!due) return null;
  try {
    return workingDaysBetween(today, due);
  } catch (e) {
    if (e instanceof CalendarOutOfRangeError) return null;
    throw e;
  }
}

/** One line of the secretariat's board. */
export interface BoardRow {
  id: string;
  title: string;
  nomineeName: string;
  awardCode: string;
  unitCode: string;
  status: string;
  stage: Stage;
  /** Role that must act next. */
  heldBy: string | null;
  /** The legal deadline now running (ISO date) and which one it is (APPRAISAL, SUPPLEMENT, COUNCIL_VOTING). */
  deadline: string | null;
  deadlineKind: string | null;
  overdue: boolean;
  /** Working days to the deadline, negative when overdue; null without a deadline or outside the calendar. */
  daysLeft: number | null;
  councilSize: number;
  votesCast: number;
  updatedAt: string;
}

export type BoardSort = 'updated' | 'deadline';

export interface BoardFilter {
  statuses?: readonly string[];
  awardCode?: string;
  /** Loại hình khen thưởng (Law Art. 8): PERIODIC, AD_HOC, THEMATIC … */
  commendationType?: string;
  unitCode?: string;
  heldBy?: string;
  overdue?: boolean;
  /** Deadlines strictly before / after this ISO date; dossiers without a deadline drop out when either is set. */
  deadlineBefore?: string;
  deadlineAfter?: string;
}

export interface BoardPage {
  items: BoardRow[];
  /** Pass back as `cursor` with the same sort for the next page; absent on the last page. */
  nextCursor?: string;
}

export interface InboxTask {
  dossierId: string;
  title: string;
  kind: TaskKind;
  status: string;
  awardCode: string;
  unitCode: string;
  /** The legal deadline of the task (ISO date), when one runs: supplement, appraisal or council voting. */
  due: string | null;
  daysLeft: number | null;
  overdue: boolean;
}

export interface Inbox {
  today: string;
  tasks: InboxTask[];
  /** More tasks exist than were returned (the most urgent come first). */
  truncated: boolean;
}

/** A cursor this API did not issue, or one issued for the other sort. */
export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(`cursor is not one this API issued for this sort (${reason})`);
    this.name = 'InvalidCursorError';
  }
}

interface Row {
  id: string; title: string; nominee_name: string; award_code: string; unit_code: string; status: string; stage: Stage; held_by: string | null; task_kind: TaskKind | null;
  deadline: string | null; deadline_kind: string | null; overdue: boolean; council_size: number; votes_cast: number;
  updated_at: Date; updated_key: string; deadline_key: string;
}

const COLUMNS = `id, title, nominee_name, award_code, unit_code, status, stage, held_by, task_kind, deadline, deadline_kind, overdue,
  cardinality(council_members) AS council_size, votes_cast, updated_at,
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_key,
  COALESCE(deadline, 'infinity'::date)::text AS deadline_key`;

/** A real calendar date (not 2025-02-30): a forged cursor must answer 400, not reach Postgres as a bad date. */
const isCalendarDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d;

/** Each sort: its ORDER BY and the row comparison that resumes after a cursor (a total order, id breaks ties). */
const SORTS: Record<BoardSort, { order: string; after: (k: string, id: string) => string; key: (r: Row) => string; valid: (k: string) => boolean }> = {
  updated: {
    order: 'updated_at DESC, id DESC',
    after: (k, id) => `(updated_at, id) < (${k}::timestamptz, ${id}::uuid)`,
    key: (r) => r.updated_key,
    valid: (k) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/.test(k) && isCalendarDate(k.slice(0, 10)),
  },
  // Without a deadline last: a missing deadline sorts as 'infinity'.
  deadline: {
    order: `COALESCE(deadline, 'infinity'::date) ASC, id ASC`,
    after: (k, id) => `(COALESCE(deadline, 'infinity'::date), id) > (${k}::date, ${id}::uuid)`,
    key: (r) => r.deadline_key,
    valid: (k) => k === 'infinity' || isCalendarDate(k),
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const encodeCursor = (sort: BoardSort, r: Row) => Buffer.from(JSON.stringify([sort, SORTS[sort].key(r), r.id])).toString('base64url');
function decodeCursor(sort: BoardSort, cursor: string): { key: string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not readable');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new InvalidCursorError('not readable');
  const [s, key, id] = parsed as unknown[];
  if (s !== sort) throw new InvalidCursorError(`issued for sort=${String(s)}`);
  if (typeof key !== 'string' || !SORTS[sort].valid(key) || typeof id !== 'string' || !UUID.test(id)) throw new InvalidCursorError('malformed');
  return { key, id };
}

/** SQL conditions with numbered parameters, built up one filter at a time. */
class Where {
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

function scoped(scope: DossierScope, filter: BoardFilter): Where {
  const w = new Where();
  if (scope.kind === 'UNIT') w.add('unit_code = ?', scope.unitCode);
  if (scope.kind === 'COUNCIL_MEMBER') w.add('(? = ANY (council_members) OR (unit_code = ? AND award_code = ANY (?::text[])))', scope.userId, scope.unitCode ?? null, [...GRASSROOTS_AWARD_CODES]);
  if (filter.statuses?.length) w.add('status = ANY (?::text[])', [...filter.statuses]);
  if (filter.awardCode) w.add('award_code = ?', filter.awardCode);
  if (filter.commendationType) w.add('commendation_type = ?', filter.commendationType);
  if (filter.unitCode) w.add('unit_code = ?', filter.unitCode);
  if (filter.heldBy) w.add('held_by = ?', filter.heldBy);
  if (filter.overdue !== undefined) w.add('overdue = ?', filter.overdue);
  if (filter.deadlineBefore) w.add('deadline < ?::date', filter.deadlineBefore);
  if (filter.deadlineAfter) w.add('deadline > ?::date', filter.deadlineAfter);
  return w;
}

const toBoardRow = (r: Row, today: string): BoardRow => ({
  id: r.id, title: r.title, nomineeName: r.nominee_name, awardCode: r.award_code, unitCode: r.unit_code, status: r.status,
  stage: r.stage, heldBy: r.held_by, deadline: r.deadline, deadlineKind: r.deadline_kind, overdue: r.overdue,
  daysLeft: workingDaysLeft(today, r.deadline), councilSize: r.council_size, votesCast: r.votes_cast, updatedAt: r.updated_at.toISOString(),
});

/** The secretariat's board over dossier_view: filtered, sorted, keyset-paginated, counted by status. */
export class BoardQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page in the chosen sort. `today` (ISO date in Asia/Ho_Chi_Minh) is what daysLeft counts from. The cursor
   * carries the sort key and id of the page's last row, so paging never repeats or skips a row however many rows
   * share an updated_at or a deadline.
   */
  async page(scope: DossierScope, filter: BoardFilter, opts: { sort?: BoardSort; cursor?: string; limit: number; today: string }): Promise<BoardPage> {
    const sort = opts.sort ?? 'updated';
    const w = scoped(scope, filter);
    if (opts.cursor) {
      const { key, id } = decodeCursor(sort, opts.cursor);
      w.conditions.push(SORTS[sort].after(w.param(key), w.param(id)));
    }
    const limit = w.param(opts.limit + 1);
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM dossier_view ${w.sql} ORDER BY ${SORTS[sort].order} LIMIT ${limit}`, w.params)) as Row[];
    const page = rows.slice(0, opts.limit);
    const items = page.map((r) => toBoardRow(r, opts.today));
    return rows.length > opts.limit ? { items, nextCursor: encodeCursor(sort, page[page.length - 1]) } : { items };
  }

  /** Every matching row, page by page in the chosen sort (for exports). */
  async *all(scope: DossierScope, filter: BoardFilter, opts: { sort?: BoardSort; today: string; pageSize?: number }): AsyncGenerator<BoardRow[]> {
    let cursor: string | undefined;
    do {
      const page = await this.page(scope, filter, { sort: opts.sort, today: opts.today, limit: opts.pageSize ?? 500, ...(cursor ? { cursor } : {}) });
      if (page.items.length) yield page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }

  /** How many matching dossiers are in each status (every status present, zeros included), and the total. */
  async counts(scope: DossierScope, filter: BoardFilter): Promise<{ total: number; byStatus: Record<string, number> }> {
    const w = scoped(scope, filter);
    const rows = (await this.dataSource.query(`SELECT status, count(*)::int AS n FROM dossier_view ${w.sql} GROUP BY status`, w.params)) as { status: string; n: number }[];
    const byStatus: Record<string, number> = Object.fromEntries(DOSSIER_STATUSES.filter((s) => s !== 'NEW').map((s) => [s, 0]));
    for (const r of rows) byStatus[r.status] = r.n;
    return { total: rows.reduce((n, r) => n + r.n, 0), byStatus };
  }

  /**
   * The tasks of one person, from the read models, by role and scope: a unit clerk submits drafts and returned
   * dossiers and answers supplement requests of their unit; a unit head reviews their unit's; the secretariat officer
   * appraises what is not overdue, the secretariat head also handles what is; a council member votes where they sit
   * and have not voted in the open round; the provincial decider signs provincial awards, the unit head grassroots
   * ones; whoever holds a revoked award's recovery records it. Other roles have no tasks. Most urgent first.
   */
  async inbox(actor: Actor, today: string, limit = 500): Promise<Inbox> {
    const w = inboxWhere(actor);
    if (!w) return { today, tasks: [], truncated: false };
    const max = w.param(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM dossier_view ${w.sql} ORDER BY COALESCE(deadline, 'infinity'::date), updated_at, id LIMIT ${max}`,
      w.params,
    )) as Row[];
    const tasks = rows.slice(0, limit).map((r): InboxTask => {
      const daysLeft = workingDaysLeft(today, r.deadline);
      return {
        dossierId: r.id, title: r.title, kind: r.task_kind ?? 'SUBMIT', status: r.status, awardCode: r.award_code, unitCode: r.unit_code,
        due: r.deadline, daysLeft, overdue: r.overdue || (daysLeft !== null && daysLeft < 0),
      };
    });
    return { today, tasks, truncated: rows.length > limit };
  }
}

/**
 * Which dossier_view rows are the actor's tasks, from the domain's inbox table: the holders the role stands in for and
 * the tasks it takes, scoped to its unit, or to the ballots it has still to cast. Undefined when the role has no tasks
 * (or a unit role has no unit).
 */
function inboxWhere(actor: Actor): Where | undefined {
  const inbox = actor.role === 'SYSTEM' ? undefined : INBOX[actor.role];
  if (!inbox) return undefined;
  const w = new Where().add('held_by = ANY (?::text[]) AND task_kind = ANY (?::text[])', [...inbox.holders], [...inbox.tasks]);
  switch (inbox.scope) {
    case 'UNIT':
      return actor.unitCode ? w.add('unit_code = ?', actor.unitCode) : undefined;
    case 'BALLOT':
      // A ballot of the open round not yet cast: once the member votes, the task is gone.
      return w.add(
        `? = ANY (council_members) AND EXISTS (SELECT 1 FROM council_ballot b
           WHERE b.dossier_id = dossier_view.id AND b.member_id = ? AND b.voted_at IS NULL AND b.closed_at IS NULL)`,
        actor.userId, actor.userId,
      );
    case 'PROVINCE':
      return w;
  }
}
