import type { DataSource } from 'typeorm';
import { isCommendationType, type ReceivedAward } from '@tdkt/domain';

export interface AwardHistoryRow {
  dossierId: string;
  subjectKind: string;
  fullName: string;
  unitCode: string;
  awardCode: string;
  year: number;
  decisionNumber: string;
  decidedOn: string;
}

interface Row {
  dossier_id: string; subject_kind: string; full_name: string; unit_code: string; award_code: string; year: number;
  decision_number: string; decided_on: string; achievement_id: string;
  /** Absent before migration 1734100000000 ran; null for rows projected before it (old meaning: periodic, decision date). */
  commendation_type?: string; period_to?: number | null;
}

const toRow = (r: Row): AwardHistoryRow => ({
  dossierId: r.dossier_id, subjectKind: r.subject_kind, fullName: r.full_name, unitCode: r.unit_code, awardCode: r.award_code,
  year: r.year, decisionNumber: r.decision_number, decidedOn: r.decided_on,
});

/** Lookups in the award history read model. */
export class AwardHistoryQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Awards the system recorded for the subject of a dossier (other dossiers of the same person or collective). */
  async recordedAwardsFor(dossierId: string): Promise<ReceivedAward[]> {
    const rows = (await this.dataSource.query(
      `SELECT h.* FROM award_history h JOIN award_subject s ON s.subject_key = h.subject_key
        WHERE s.dossier_id = $1 AND h.dossier_id <> $1 ORDER BY h.year, h.decided_on`,
      [dossierId],
    )) as Row[];
    return rows.map((r) => ({
      awardCode: r.award_code,
      year: r.year,
      decisionDate: r.decided_on,
      achievementId: r.achievement_id,
      ...(r.period_to !== null && r.period_to !== undefined ? { achievementPeriod: { toYear: r.period_to } } : {}),
      ...(r.commendation_type && r.commendation_type !== 'PERIODIC' && isCommendationType(r.commendation_type) ? { commendationType: r.commendation_type } : {}),
    }));
  }

  /** By citizen-id hash, or by name (case-insensitive) optionally within a unit. */
  async find(query: { subjectKey?: string; name?: string; unitCode?: string; limit: number }): Promise<AwardHistoryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.subjectKey) where.push(`subject_key = $${params.push(query.subjectKey)}`);
    if (query.name) where.push(`lower(full_name) = lower($${params.push(query.name.trim())})`);
    if (query.unitCode) where.push(`unit_code = $${params.push(query.unitCode)}`);
    params.push(query.limit);
    const rows = (await this.dataSource.query(
      `SELECT * FROM award_history ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY decided_on DESC, dossier_id LIMIT $${params.length}`,
      params,
    )) as Row[];
    return rows.map(toRow);
  }
}
