import type { EntityManager } from 'typeorm';
import { subjectKeyOf, type DossierEvent, type StoredEnvelope } from '@tdkt/domain';

/**
 * Award history: who each dossier proposes (at creation) and, once decided, the award they hold. The eligibility
 * checks of later dossiers read it. A revoked award (AwardRevoked, rule 34) no longer counts: its row goes.
 */
export async function projectAwardHistory(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as DossierEvent;
  if (event.type === 'DossierCreated') {
    const d = event.data;
    await m.query(
      `INSERT INTO award_subject (dossier_id, subject_key, subject_kind, full_name, unit_code, award_code, achievement_id, commendation_type) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.dossierId, subjectKeyOf(d.nominee, d.unitCode), d.nominee.kind, d.nominee.fullName, d.unitCode, d.awardCode, d.record?.achievementId ?? e.dossierId, d.commendationType ?? d.record?.commendationType ?? 'PERIODIC'],
    );
  } else if (event.type === 'DossierContentUpdated' && event.data.record?.achievementId) {
    await m.query(`UPDATE award_subject SET achievement_id = $2 WHERE dossier_id = $1`, [e.dossierId, event.data.record.achievementId]);
  } else if (event.type === 'DossierSubmitted' && event.data.eligibility) {
    // The achievement period the decision will name ends with the evaluation year the submission was assessed for.
    await m.query(`UPDATE award_subject SET period_to = $2 WHERE dossier_id = $1`, [e.dossierId, event.data.eligibility.evaluationYear]);
  } else if (event.type === 'DossierAwarded') {
    const { decision } = event.data;
    await m.query(
      `INSERT INTO award_history (dossier_id, subject_key, subject_kind, full_name, unit_code, award_code, year, decision_number, decided_on, achievement_id, commendation_type, period_to)
       SELECT dossier_id, subject_key, subject_kind, full_name, unit_code, award_code, $2, $3, $4, achievement_id, commendation_type, period_to FROM award_subject WHERE dossier_id = $1`,
      [e.dossierId, decision.year, decision.number, decision.signedOn],
    );
  } else if (event.type === 'AwardRevoked') {
    await m.query(`DELETE FROM award_history WHERE dossier_id = $1`, [e.dossierId]);
  }
}
