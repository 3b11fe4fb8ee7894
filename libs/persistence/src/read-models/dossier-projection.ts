import type { EntityManager } from 'typeorm';
import type { DossierEvent, EventEnvelope } from '@tdkt/domain';

/**
 * The dossier read model as a projection: one event in, the row changed. The same function runs inline in the
 * append transaction and in a rebuild, so rebuilt rows equal live ones.
 */
export async function projectDossierView(m: EntityManager, e: EventEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as DossierEvent;
  const at = e.occurredAt;
  const touch = (sets: string, params: unknown[]) =>
    m.query(`UPDATE dossier_view SET ${sets}${sets ? ', ' : ''}updated_at = $2, last_seq = $3 WHERE id = $1`, [e.dossierId, at, e.seq, ...params]);
  switch (event.type) {
    case 'DossierCreated': {
      const d = event.data;
      await m.query(
        `INSERT INTO dossier_view (id, award_code, unit_code, title, nominee_name, nominee_kind, status, created_by, created_at, updated_at, last_seq)
         VALUES ($1, $2, $3, $4, $5, $6, 'DRAFT', $7, $8, $8, $9)`,
        [e.dossierId, d.awardCode, d.unitCode, d.title, d.nominee.fullName, d.nominee.kind, e.actorId, at, e.seq],
      );
      return;
    }
    case 'DossierSubmitted':
      await touch(`status = 'UNIT_REVIEW', rule_set_version = $4, reason = NULL`, [event.data.ruleSetVersion]);
      return;
    case 'UnitApproved':
      await touch(`status = 'APPRAISAL'`, []);
      return;
    case 'DossierReturned':
      await touch(`status = 'RETURNED', reason = $4, council_members = '{}', votes_cast = 0`, [event.data.reason]);
      return;
    case 'AppraisalAccepted':
      await touch('', []);
      return;
    case 'CouncilVotingOpened':
      await touch(`status = 'COUNCIL_VOTING', council_members = $4, votes_cast = 0`, [event.data.members]);
      return;
    case 'VoteCast':
      await touch(`votes_cast = votes_cast + 1`, []);
      return;
    case 'CouncilVotingClosed':
      await touch(`status = $4, reason = $5`, event.data.passed ? ['AWAITING_DECISION', null] : ['REJECTED', 'Council did not pass the dossier']);
      return;
    case 'DossierAwarded':
      await touch(`status = 'AWARDED', decision_number = $4, decided_on = $5`, [event.data.decision.number, event.data.decision.signedOn]);
      return;
    case 'DossierRejected':
      await touch(`status = 'REJECTED', reason = $4`, [event.data.reason]);
      return;
    case 'DossierWithdrawn':
      await touch(`status = 'WITHDRAWN', reason = $4`, [event.data.reason]);
      return;
  }
}

/** Every read model's projection, in the order they run for each event. */
export const PROJECTIONS = [projectDossierView];
export const READ_MODEL_TABLES = ['dossier_view'];
