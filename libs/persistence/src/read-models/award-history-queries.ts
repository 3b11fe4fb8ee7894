import type { DataSource } from 'typeorm';
import { Where } from './sql';
import { isCommendationType, type AchievementUse, type InitiativeUse, type ReceivedAward } from '@tdkt/domain';

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
  dossier_id: string;
  subject_kind: string;
  full_name: string;
  unit_code: string;
  award_code: string;
  year: number;
  decision_number: string;
  decided_on: string;
  achievement_id: string;
  /** Absent before migration 1734100000000 ran; null for rows projected before it (old meaning: periodic, decision date). */
  commendation_type?: string;
  period_to?: number | null;
}

const toRow = (r: Row): AwardHistoryRow => ({
  dossierId: r.dossier_id,
  subjectKind: r.subject_kind,
  fullName: r.full_name,
  unitCode: r.unit_code,
  awardCode: r.award_code,
  year: r.year,
  decisionNumber: r.decision_number,
  decidedOn: r.decided_on,
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
      ...(r.commendation_type && r.commendation_type !== 'PERIODIC' && isCommendationType(r.commendation_type)
        ? { commendationType: r.commendation_type }
        : {}),
    }));
  }

  /**
   * The initiative registry (rule 12): uses by other dossiers of the initiatives this dossier cites (same normalised
   * name; the domain also compares the recognition decisions).
   */
  async usedInitiativesFor(dossierId: string): Promise<InitiativeUse[]> {
    const rows = (await this.dataSource.query(
      `SELECT u.dossier_id, u.name_key, u.decision_key, u.initiative_id, u.decision_number FROM initiative_use u
        WHERE u.used AND u.dossier_id <> $1 AND u.name_key IN (SELECT name_key FROM initiative_use WHERE dossier_id = $1)
        ORDER BY u.dossier_id`,
      [dossierId],
    )) as {
      dossier_id: string;
      name_key: string;
      decision_key: string | null;
      initiative_id: string;
      decision_number: string | null;
    }[];
    return rows.map((r) => ({
      dossierId: r.dossier_id,
      nameKey: r.name_key,
      initiativeId: r.initiative_id,
      ...(r.decision_key ? { decisionKey: r.decision_key } : {}),
      ...(r.decision_number ? { decisionNumber: r.decision_number } : {}),
    }));
  }

  /**
   * Rule 13 across all dossiers: other dossiers (any subject) proposing or awarded for this dossier's achievement,
   * unless withdrawn or rejected (a draft proposes nothing yet).
   */
  async usedAchievementsFor(dossierId: string): Promise<AchievementUse[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.dossier_id, s.achievement_id, s.award_code, v.decision_number FROM award_subject s JOIN dossier_view v ON v.id = s.dossier_id
        WHERE s.dossier_id <> $1 AND v.status NOT IN ('DRAFT', 'WITHDRAWN', 'REJECTED')
          AND lower(trim(s.achievement_id)) = (SELECT lower(trim(achievement_id)) FROM award_subject WHERE dossier_id = $1)
        ORDER BY s.dossier_id`,
      [dossierId],
    )) as { dossier_id: string; achievement_id: string; award_code: string; decision_number: string | null }[];
    return rows.map((r) => ({
      dossierId: r.dossier_id,
      achievementId: r.achievement_id,
      awardCode: r.award_code,
      ...(r.decision_number ? { decisionNumber: r.decision_number } : {}),
    }));
  }

  /** By citizen-id hash, or by name (case-insensitive) optionally within a unit. */
  async find(query: {
    subjectKey?: string;
    name?: string;
    unitCode?: string;
    limit: number;
  }): Promise<AwardHistoryRow[]> {
    const w = new Where();
    if (query.subjectKey) w.add('subject_key = ?', query.subjectKey);
    if (query.name) w.add('lower(full_name) = lower(?)', query.name.trim());
    if (query.unitCode) w.add('unit_code = ?', query.unitCode);
    const limit = w.param(query.limit);
    const rows = (await this.dataSource.query(
      `SELECT * FROM award_history ${w.sql} ORDER BY decided_on DESC, dossier_id LIMIT ${limit}`,
      w.params,
    )) as Row[];
    return rows.map(toRow);
  }
}
