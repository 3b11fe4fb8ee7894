import type { EntityManager } from 'typeorm';
import { findAward, type DossierEvent, type StoredEnvelope } from '@tdkt/domain';

/** The event's time; the event's time unless one is already set; add one. */
const AT = Symbol('at');
const FIRST_AT = Symbol('first at');
const PLUS_ONE = Symbol('+1');
type Column =
  | 'first_submitted_at'
  | 'submitted_at'
  | 'unit_approved_at'
  | 'appraisal_accepted_at'
  | 'voting_closed_at'
  | 'decided_at'
  | 'closed_at'
  | 'final_status'
  | 'returns'
  | 'supplement_requests';
type Changes = Partial<Record<Column, typeof AT | typeof FIRST_AT | typeof PLUS_ONE | string | null>>;

const closed = (status: 'AWARDED' | 'REJECTED' | 'WITHDRAWN'): Changes => ({ final_status: status, closed_at: AT });

/**
 * What one event changes in its dossier's stage_timing row. A stage's clock is the latest pass through it: a return
 * sends the dossier back to the unit (later stages start over), and a council vote without quorum sends it back to
 * appraisal (the appraisal stage then runs until the next acceptance).
 */
function changesFor(event: DossierEvent): Changes {
  switch (event.type) {
    case 'DossierSubmitted':
      return { submitted_at: AT, first_submitted_at: FIRST_AT };
    case 'UnitApproved':
      return { unit_approved_at: AT };
    case 'DossierReturned':
      return { returns: PLUS_ONE, unit_approved_at: null, appraisal_accepted_at: null, voting_closed_at: null };
    case 'SupplementRequested':
      return { supplement_requests: PLUS_ONE };
    case 'AppraisalAccepted':
      return { appraisal_accepted_at: AT };
    case 'CouncilVotingClosed':
      if (!event.data.quorumMet) return { appraisal_accepted_at: null };
      return event.data.passed ? { voting_closed_at: AT } : { voting_closed_at: AT, ...closed('REJECTED') };
    case 'DossierAwarded':
      return { decided_at: AT, ...closed('AWARDED') };
    case 'DossierRejected':
      return { decided_at: AT, ...closed('REJECTED') };
    case 'DossierWithdrawn':
      return closed('WITHDRAWN');
    default:
      return {};
  }
}

/**
 * The statistics read model: stage_timing holds each dossier's nominee facts (from DossierCreated) and stage times;
 * award_fact gets one row per award decision, completed from the dossier's own stage_timing row. Reads only its own
 * tables, so a rebuild from the event table reproduces it.
 */
export async function projectStatistics(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as DossierEvent;
  if (event.type === 'DossierCreated') {
    const { awardCode, unitCode, nominee } = event.data;
    await m.query(
      `INSERT INTO stage_timing (dossier_id, award_code, unit_code, subject_kind, direct_worker, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.streamId, awardCode, unitCode, nominee.kind, nominee.directWorker ?? false, e.occurredAt],
    );
    return;
  }
  const changes = Object.entries(changesFor(event));
  if (changes.length > 0) {
    const params: unknown[] = [e.streamId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const sets = changes.map(([column, value]) => {
      if (value === AT) return `${column} = ${param(e.occurredAt)}`;
      if (value === FIRST_AT) return `${column} = COALESCE(${column}, ${param(e.occurredAt)}::timestamptz)`;
      if (value === PLUS_ONE) return `${column} = ${column} + 1`;
      return `${column} = ${param(value)}`;
    });
    await m.query(`UPDATE stage_timing SET ${sets.join(', ')} WHERE dossier_id = $1`, params);
  }
  // A revoked award is no longer counted among the awards; its stage times stay (the dossier was processed).
  if (event.type === 'AwardRevoked') await m.query(`DELETE FROM award_fact WHERE dossier_id = $1`, [e.streamId]);
  if (event.type === 'DossierAwarded') {
    const { decision } = event.data;
    const [row] = (await m.query(`SELECT award_code FROM stage_timing WHERE dossier_id = $1`, [e.streamId])) as {
      award_code: string;
    }[];
    const award = row && findAward(row.award_code);
    await m.query(
      `INSERT INTO award_fact (dossier_id, award_code, level, decider, subject_kind, unit_code, direct_worker, decision_number, authority, decided_on, year)
       SELECT dossier_id, award_code, $2, $3, subject_kind, unit_code, direct_worker, $4, $5, $6, $7 FROM stage_timing WHERE dossier_id = $1`,
      [
        e.streamId,
        award?.level ?? 'UNKNOWN',
        award?.decider ?? 'UNKNOWN',
        decision.number,
        decision.authority,
        decision.signedOn,
        Number(decision.signedOn.slice(0, 4)),
      ],
    );
  }
}
