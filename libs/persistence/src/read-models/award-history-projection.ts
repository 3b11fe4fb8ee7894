import type { EntityManager } from 'typeorm';
import { identityOf, subjectKeyOf, type DeclaredRecord, type DossierEvent, type StoredEnvelope } from '@tdkt/domain';

/** The initiatives a dossier's record cites as a standard, replaced whenever the record changes (before submission). */
async function citeInitiatives(
  m: EntityManager,
  dossierId: string,
  awardCode: string | null,
  record: DeclaredRecord,
): Promise<void> {
  const code =
    awardCode ??
    (
      (await m.query(`SELECT award_code FROM award_subject WHERE dossier_id = $1`, [dossierId])) as {
        award_code: string;
      }[]
    )[0]?.award_code;
  await m.query(`DELETE FROM initiative_use WHERE dossier_id = $1`, [dossierId]);
  for (const id of new Set(record.initiativeIds ?? [])) {
    const initiative = record.initiatives.find((i) => i.id === id) ?? { id };
    const { nameKey, decisionKey } = identityOf(initiative);
    const recognition = 'recognition' in initiative ? initiative.recognition : undefined;
    await m.query(
      `INSERT INTO initiative_use (dossier_id, name_key, decision_key, initiative_id, award_code, recognition_decision, recognition_level, recognition_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dossier_id, name_key) DO NOTHING`,
      [
        dossierId,
        nameKey,
        decisionKey ?? null,
        id,
        code ?? '',
        recognition?.decision ?? null,
        recognition?.level ?? null,
        recognition?.date ?? null,
      ],
    );
  }
}

/**
 * The initiative registry (rules 12–13): cited initiatives are used from submission on; a withdrawal or rejection
 * frees them; an award writes its decision number.
 */
async function projectInitiativeUse(m: EntityManager, dossierId: string, event: DossierEvent): Promise<void> {
  const set = (sql: string, params: unknown[] = []) =>
    m.query(`UPDATE initiative_use SET ${sql} WHERE dossier_id = $1`, [dossierId, ...params]);
  switch (event.type) {
    case 'DossierCreated':
      if (event.data.record) await citeInitiatives(m, dossierId, event.data.awardCode, event.data.record);
      return;
    case 'DossierContentUpdated':
      if (event.data.record) await citeInitiatives(m, dossierId, null, event.data.record);
      return;
    case 'DossierSubmitted':
      await set('used = true');
      return;
    case 'DossierAwarded':
      await set('decision_number = $2', [event.data.decision.number]);
      return;
    case 'DossierWithdrawn':
    case 'DossierRejected':
      await set('used = false');
      return;
    case 'CouncilVotingClosed':
      if (event.data.quorumMet && !event.data.passed) await set('used = false');
      return;
    case 'StandingReviewRecorded':
      if (event.data.quorumMet && !event.data.passed) await set('used = false');
      return;
    default:
      return;
  }
}

/**
 * Award history: who each dossier proposes (at creation) and, once decided, the award they hold. The eligibility
 * checks of later dossiers read it. A revoked award (AwardRevoked, rule 34) no longer counts: its row goes.
 */
export async function projectAwardHistory(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as DossierEvent;
  await projectInitiativeUse(m, e.streamId, event);
  if (event.type === 'DossierCreated') {
    const d = event.data;
    await m.query(
      `INSERT INTO award_subject (dossier_id, subject_key, subject_kind, full_name, unit_code, award_code, achievement_id, commendation_type) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        e.streamId,
        subjectKeyOf(d.nominee, d.unitCode),
        d.nominee.kind,
        d.nominee.fullName,
        d.unitCode,
        d.awardCode,
        d.record?.achievementId ?? e.streamId,
        d.commendationType ?? d.record?.commendationType ?? 'PERIODIC',
      ],
    );
  } else if (event.type === 'DossierContentUpdated' && event.data.record?.achievementId) {
    await m.query(`UPDATE award_subject SET achievement_id = $2 WHERE dossier_id = $1`, [
      e.streamId,
      event.data.record.achievementId,
    ]);
  } else if (event.type === 'DossierSubmitted' && event.data.eligibility) {
    // The achievement period the decision will name ends with the evaluation year the submission was assessed for.
    await m.query(`UPDATE award_subject SET period_to = $2 WHERE dossier_id = $1`, [
      e.streamId,
      event.data.eligibility.evaluationYear,
    ]);
  } else if (event.type === 'DossierAwarded') {
    const { decision } = event.data;
    await m.query(
      `INSERT INTO award_history (dossier_id, subject_key, subject_kind, full_name, unit_code, award_code, year, decision_number, decided_on, achievement_id, commendation_type, period_to)
       SELECT dossier_id, subject_key, subject_kind, full_name, unit_code, award_code, $2, $3, $4, achievement_id, commendation_type, period_to FROM award_subject WHERE dossier_id = $1`,
      [e.streamId, decision.year, decision.number, decision.signedOn],
    );
  } else if (event.type === 'AwardRevoked') {
    await m.query(`DELETE FROM award_history WHERE dossier_id = $1`, [e.streamId]);
  }
}
