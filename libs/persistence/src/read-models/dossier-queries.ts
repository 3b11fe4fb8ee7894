import type { DataSource } from 'typeorm';
import { BY_UPDATED, encodeCursor, resumeAfter, scopedTo, SORT_KEY_COLUMNS, type DossierScope } from './sql';

export type { DossierScope } from './sql';

export interface DossierView {
  id: string;
  awardCode: string;
  unitCode: string;
  title: string;
  nomineeName: string;
  nomineeKind: string;
  status: string;
  ruleSetVersion: string | null;
  councilMembers: string[];
  votesCast: number;
  decisionNumber: string | null;
  decidedOn: string | null;
  reason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The legal deadline now running (appraisal, supplement, council voting), ISO date in Asia/Ho_Chi_Minh. */
  deadline: string | null;
  deadlineKind: string | null;
  heldBy: string | null;
  overdue: boolean;
  pausedRemainingWD: number | null;
  /** Loại hình khen thưởng (Law Art. 8); PERIODIC for dossiers created before the type existed. */
  commendationType: string;
  simplified: boolean;
  roundId: string | null;
  /** The movement the dossier answers (its round, for a thematic dossier named before movements existed). */
  movementId: string | null;
}

interface Row {
  id: string;
  award_code: string;
  unit_code: string;
  title: string;
  nominee_name: string;
  nominee_kind: string;
  status: string;
  rule_set_version: string | null;
  council_members: string[];
  votes_cast: number;
  decision_number: string | null;
  decided_on: string | null;
  reason: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  last_seq: number;
  deadline: string | null;
  deadline_kind: string | null;
  held_by: string | null;
  overdue: boolean;
  paused_remaining_wd: number | null;
  commendation_type: string;
  simplified: boolean;
  round_id: string | null;
  movement_id: string | null;
}

const toView = (r: Row): DossierView => ({
  id: r.id,
  awardCode: r.award_code,
  unitCode: r.unit_code,
  title: r.title,
  nomineeName: r.nominee_name,
  nomineeKind: r.nominee_kind,
  status: r.status,
  ruleSetVersion: r.rule_set_version,
  councilMembers: r.council_members,
  votesCast: r.votes_cast,
  decisionNumber: r.decision_number,
  decidedOn: r.decided_on,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.last_seq,
  deadline: r.deadline,
  deadlineKind: r.deadline_kind,
  heldBy: r.held_by,
  overdue: r.overdue,
  pausedRemainingWD: r.paused_remaining_wd,
  commendationType: r.commendation_type,
  simplified: r.simplified,
  roundId: r.round_id,
  movementId: r.movement_id,
});

export interface DossierFilter {
  status?: string;
  awardCode?: string;
  commendationType?: string;
  unitCode?: string;
  /** Keyset cursor from the previous page's `nextCursor`. */
  cursor?: string;
  limit: number;
}

export class DossierQueries {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<DossierView | undefined> {
    const rows = (await this.dataSource.query(`SELECT * FROM dossier_view WHERE id = $1`, [id])) as Row[];
    return rows[0] && toView(rows[0]);
  }

  /**
   * The dossier and, in the same statement, whether a command with this request id was already applied to its stream
   * (a retry whose answer was lost): what a command reads before it is sent, in one round trip instead of two.
   */
  async findForCommand(id: string, requestId: string): Promise<{ view: DossierView; applied: boolean } | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT v.*, EXISTS (SELECT 1 FROM dossier_event e WHERE e.stream_id = v.id AND e.request_id = $2) AS applied_
         FROM dossier_view v WHERE v.id = $1`,
      [id, requestId],
    )) as (Row & { applied_: boolean })[];
    return rows[0] && { view: toView(rows[0]), applied: rows[0].applied_ };
  }

  /** Whether a command with this request id was applied to the dossier's stream (a retry whose answer was lost). */
  async applied(id: string, requestId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM dossier_event WHERE stream_id = $1 AND request_id = $2 LIMIT 1`,
      [id, requestId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Newest first, keyset-paginated on (updated_at, id). */
  async list(scope: DossierScope, filter: DossierFilter): Promise<{ items: DossierView[]; nextCursor?: string }> {
    const w = scopedTo(scope);
    if (filter.status) w.add('status = ?', filter.status);
    if (filter.awardCode) w.add('award_code = ?', filter.awardCode);
    if (filter.commendationType) w.add('commendation_type = ?', filter.commendationType);
    if (filter.unitCode) w.add('unit_code = ?', filter.unitCode);
    if (filter.cursor) resumeAfter(w, BY_UPDATED, filter.cursor);
    const limit = w.param(filter.limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT *, ${SORT_KEY_COLUMNS} FROM dossier_view ${w.sql} ORDER BY ${BY_UPDATED.order} LIMIT ${limit}`,
      w.params,
    )) as (Row & { updated_key: string })[];
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toView),
      ...(rows.length > filter.limit ? { nextCursor: encodeCursor(BY_UPDATED, last.updated_key, last.id) } : {}),
    };
  }
}
