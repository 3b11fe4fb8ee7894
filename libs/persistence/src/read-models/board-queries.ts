import type { DataSource } from 'typeorm';
import { CalendarOutOfRangeError, DOSSIER_STATUSES, workingDaysBetween, type Stage, type TaskKind } from '@tdkt/domain';
import type { DossierScope } from './sql';
import {
  BY_DEADLINE,
  BY_UPDATED,
  encodeCursor,
  resumeAfter,
  scopedTo,
  SORT_KEY_COLUMNS,
  type KeysetSort,
  type Where,
} from './sql';

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
  /** The award decision's number (số quyết định) once signed. */
  decisionNumber: string | null;
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

export interface BoardSqlRow {
  id: string;
  title: string;
  nominee_name: string;
  award_code: string;
  unit_code: string;
  status: string;
  stage: Stage;
  held_by: string | null;
  task_kind: TaskKind | null;
  deadline: string | null;
  deadline_kind: string | null;
  overdue: boolean;
  council_size: number;
  votes_cast: number;
  decision_number: string | null;
  updated_at: Date;
  updated_key: string;
  deadline_key: string;
}

/** The columns of a board line, with the sort keys a cursor is made from. */
export const BOARD_COLUMNS = `id, title, nominee_name, award_code, unit_code, status, stage, held_by, task_kind, deadline, deadline_kind, overdue,
  cardinality(council_members) AS council_size, votes_cast, decision_number, updated_at, ${SORT_KEY_COLUMNS}`;

/** Each sort of the board, by the name the API takes. */
const SORTS: Record<BoardSort, KeysetSort> = { updated: BY_UPDATED, deadline: BY_DEADLINE };
const keyOf = (sort: BoardSort, r: BoardSqlRow): string => (sort === 'updated' ? r.updated_key : r.deadline_key);

function filtered(scope: DossierScope, filter: BoardFilter): Where {
  const w = scopedTo(scope);
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

/**
 * The board's counts by status. A scope and filters that are plain columns of dossier_count (every scope but a council
 * member's, every filter but the deadline's) read the maintained counts, whose size does not grow with the dossiers;
 * the others count the rows.
 */
export function countsQuery(scope: DossierScope, filter: BoardFilter): { sql: string; params: unknown[] } {
  const w = filtered(scope, filter);
  const rowsOnly = scope.kind === 'COUNCIL_MEMBER' || filter.deadlineBefore || filter.deadlineAfter;
  const counted = rowsOnly ? 'count(*)::int AS n FROM dossier_view' : 'sum(n)::int AS n FROM dossier_count';
  return { sql: `SELECT status, ${counted} ${w.sql} GROUP BY status`, params: w.params };
}

export const toBoardRow = (r: BoardSqlRow, today: string): BoardRow => ({
  id: r.id,
  title: r.title,
  nomineeName: r.nominee_name,
  awardCode: r.award_code,
  unitCode: r.unit_code,
  status: r.status,
  stage: r.stage,
  heldBy: r.held_by,
  deadline: r.deadline,
  deadlineKind: r.deadline_kind,
  overdue: r.overdue,
  daysLeft: workingDaysLeft(today, r.deadline),
  councilSize: r.council_size,
  votesCast: r.votes_cast,
  decisionNumber: r.decision_number,
  updatedAt: r.updated_at.toISOString(),
});

/** The secretariat's board over dossier_view: filtered, sorted, keyset-paginated, counted by status. */
export class BoardQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page in the chosen sort. `today` (ISO date in Asia/Ho_Chi_Minh) is what daysLeft counts from. The cursor
   * carries the sort key and id of the page's last row, so paging never repeats or skips a row however many rows
   * share an updated_at or a deadline.
   */
  async page(
    scope: DossierScope,
    filter: BoardFilter,
    opts: { sort?: BoardSort; cursor?: string; limit: number; today: string },
  ): Promise<BoardPage> {
    const sort = opts.sort ?? 'updated';
    const w = filtered(scope, filter);
    if (opts.cursor) resumeAfter(w, SORTS[sort], opts.cursor);
    const limit = w.param(opts.limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${BOARD_COLUMNS} FROM dossier_view ${w.sql} ORDER BY ${SORTS[sort].order} LIMIT ${limit}`,
      w.params,
    )) as BoardSqlRow[];
    const page = rows.slice(0, opts.limit);
    const items = page.map((r) => toBoardRow(r, opts.today));
    const last = page[page.length - 1];
    return rows.length > opts.limit
      ? { items, nextCursor: encodeCursor(SORTS[sort], keyOf(sort, last), last.id) }
      : { items };
  }

  /** Every matching row, page by page in the chosen sort (for exports). */
  async *all(
    scope: DossierScope,
    filter: BoardFilter,
    opts: { sort?: BoardSort; today: string; pageSize?: number },
  ): AsyncGenerator<BoardRow[]> {
    let cursor: string | undefined;
    do {
      const page = await this.page(scope, filter, {
        sort: opts.sort,
        today: opts.today,
        limit: opts.pageSize ?? 500,
        ...(cursor ? { cursor } : {}),
      });
      if (page.items.length) yield page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }

  /** How many matching dossiers are in each status (every status present, zeros included), and the total. */
  async counts(scope: DossierScope, filter: BoardFilter): Promise<{ total: number; byStatus: Record<string, number> }> {
    const { sql, params } = countsQuery(scope, filter);
    const rows = (await this.dataSource.query(sql, params)) as { status: string; n: number }[];
    const byStatus: Record<string, number> = Object.fromEntries(
      DOSSIER_STATUSES.filter((s) => s !== 'NEW').map((s) => [s, 0]),
    );
    for (const r of rows) byStatus[r.status] = r.n;
    return { total: rows.reduce((n, r) => n + r.n, 0), byStatus };
  }
}
