import type { DataSource } from 'typeorm';
import { Where } from './sql';
import type { SessionDecision } from '@tdkt/domain';

export interface CouncilSessionView {
  id: string;
  provinceCode: string;
  title: string;
  status: string;
  deadline: string;
  members: { userId: string; fullName: string; unitCode: string | null }[];
  agenda: { dossierId: string; awardCode: string; unitCode: string; nomineeName: string; ballot: 'OPEN' | 'SECRET' }[];
  attendance: Record<string, string>;
  recusals: { memberId: string; dossierId: string; reason: string; detail?: string }[];
  tallies: unknown[] | null;
  minutes: string | null;
  convenedBy: string;
  convenedAt: string;
  closedAt: string | null;
  /** The one decision for the session's passed dossiers, once issued (its number, signer, date, basis, dossiers). */
  decisionNumber: string | null;
  decision: SessionDecision | null;
  version: number;
}

interface Row {
  id: string;
  province_code: string;
  title: string;
  status: string;
  deadline: string;
  members: CouncilSessionView['members'];
  agenda: CouncilSessionView['agenda'];
  attendance: Record<string, string>;
  recusals: CouncilSessionView['recusals'];
  tallies: unknown[] | null;
  minutes: string | null;
  convened_by: string;
  convened_at: Date;
  closed_at: Date | null;
  last_seq: number;
  decision: SessionDecision | null;
}

const toView = (r: Row): CouncilSessionView => ({
  id: r.id,
  provinceCode: r.province_code,
  title: r.title,
  status: r.status,
  deadline: r.deadline,
  members: r.members,
  agenda: r.agenda,
  attendance: r.attendance,
  recusals: r.recusals,
  tallies: r.tallies,
  minutes: r.minutes,
  convenedBy: r.convened_by,
  convenedAt: r.convened_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
  version: r.last_seq,
  decisionNumber: r.decision?.number ?? null,
  decision: r.decision ?? null,
});

/** Council sessions (the secret-ballot box is ../ballot-box/secret-ballot-box.ts). */
export class CouncilSessions {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<CouncilSessionView | undefined> {
    const rows = (await this.dataSource.query(`SELECT * FROM council_session_view WHERE id = $1`, [id])) as Row[];
    return rows[0] && toView(rows[0]);
  }

  /** Newest first; a member sees the sessions they sit on. */
  async list(filter: { memberId?: string; status?: string; limit: number }): Promise<CouncilSessionView[]> {
    const w = new Where();
    if (filter.memberId) w.add(`members @> jsonb_build_array(jsonb_build_object('userId', ?::text))`, filter.memberId);
    if (filter.status) w.add('status = ?', filter.status);
    const limit = w.param(filter.limit);
    const rows = (await this.dataSource.query(
      `SELECT * FROM council_session_view ${w.sql} ORDER BY convened_at DESC, id LIMIT ${limit}`,
      w.params,
    )) as Row[];
    return rows.map(toView);
  }
}
