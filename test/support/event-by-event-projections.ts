/**
 * The read models' projections as they were written before the batched folds: one event at a time, one SQL statement
 * (or a few) per event. Kept verbatim as the specification the batched folds are checked against
 * (libs/persistence/src/read-models/batched-projections.int.spec.ts): the same events through both must leave the
 * same rows. Not used by the product.
 */
import type { EntityManager } from 'typeorm';
import {
  amountDue,
  findAward,
  identityOf,
  ruleSetByVersion,
  ruleSetInForce,
  subjectKeyOf,
  type AwardFundEvent,
  type BonusTable,
  type DeclaredRecord,
  type DossierEvent,
  type StoredEnvelope,
  type SubjectKind,
} from '@tdkt/domain';

// ---- from libs/persistence/src/read-models/statistics-projection.ts before the batched fold
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
function statisticsChangesFor(event: DossierEvent): Changes {
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
export async function projectStatisticsByEvent(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as DossierEvent;
  if (event.type === 'DossierCreated') {
    const { awardCode, unitCode, nominee, movementId, roundId } = event.data;
    await m.query(
      `INSERT INTO stage_timing (dossier_id, award_code, unit_code, subject_kind, direct_worker, movement_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        e.streamId,
        awardCode,
        unitCode,
        nominee.kind,
        nominee.directWorker ?? false,
        movementId ?? roundId ?? null,
        e.occurredAt,
      ],
    );
    return;
  }
  const changes = Object.entries(statisticsChangesFor(event));
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
      `INSERT INTO award_fact (dossier_id, award_code, level, decider, subject_kind, unit_code, direct_worker, movement_id, decision_number, authority, decided_on, year)
       SELECT dossier_id, award_code, $2, $3, subject_kind, unit_code, direct_worker, movement_id, $4, $5, $6, $7 FROM stage_timing WHERE dossier_id = $1`,
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

// ---- from libs/persistence/src/read-models/award-history-projection.ts before the batched fold
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
export async function projectAwardHistoryByEvent(m: EntityManager, e: StoredEnvelope): Promise<void> {
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

// ---- from libs/persistence/src/read-models/council-ballot-projection.ts before the batched fold
/**
 * The council ballot read model: one row per (dossier, member) of the latest voting round, saying THAT the member
 * voted and when — never how. Secret ballots depend on that: the approve/reject of a vote lives in the event table
 * only. The task inbox reads the rows still open and unvoted ("votes to cast").
 *
 * Opening a round replaces the dossier's rows; closing it stamps them; a return or withdrawal takes the dossier away
 * from the council, so its rows go.
 */
export async function projectCouncilBallotByEvent(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as DossierEvent;
  switch (event.type) {
    case 'CouncilVotingOpened':
    case 'ScheduledForCouncil': {
      // Per-dossier voting and a council session both seat their members here; session votes mark them voted
      // (council-session-projection.ts).
      const { members } = event.data;
      await m.query(`DELETE FROM council_ballot WHERE dossier_id = $1`, [e.streamId]);
      await m.query(
        `INSERT INTO council_ballot (dossier_id, member_id, opened_at) SELECT $1, member_id, $3 FROM unnest($2::text[]) AS t(member_id)
         ON CONFLICT DO NOTHING`,
        [e.streamId, members, e.occurredAt],
      );
      return;
    }
    case 'VoteCast': {
      // Only the member id is read from the vote; `approve` is deliberately not stored.
      const { memberId } = event.data;
      await m.query(
        `INSERT INTO council_ballot (dossier_id, member_id, opened_at, voted_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (dossier_id, member_id) DO UPDATE SET voted_at = EXCLUDED.voted_at`,
        [e.streamId, memberId, e.occurredAt],
      );
      return;
    }
    case 'CouncilVotingClosed':
      await m.query(`UPDATE council_ballot SET closed_at = $2 WHERE dossier_id = $1 AND closed_at IS NULL`, [
        e.streamId,
        e.occurredAt,
      ]);
      return;
    case 'DossierReturned':
    case 'DossierWithdrawn':
      await m.query(`DELETE FROM council_ballot WHERE dossier_id = $1`, [e.streamId]);
      return;
    default:
      return;
  }
}

// ---- from libs/persistence/src/read-models/award-fund-projection.ts before the batched fold
/**
 * The award fund ledger: an entry per dossier from its creation (award, unit, subject), bound to the rule set of its
 * first submission (the snapshot's bonus table), completed at the decision with the amount due on the decision date
 * (rule 35), marked at revocation and at the bonus's recovery; payments from AWARD_FUND streams. Reads only its own
 * tables, so a rebuild reproduces it.
 */
export async function projectAwardFundByEvent(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as DossierEvent | AwardFundEvent;
  switch (event.type) {
    case 'DossierCreated':
      await m.query(
        `INSERT INTO award_fund_entry (dossier_id, award_code, unit_code, subject_kind) VALUES ($1, $2, $3, $4) ON CONFLICT (dossier_id) DO NOTHING`,
        [e.streamId, event.data.awardCode, event.data.unitCode, event.data.nominee.kind],
      );
      return;
    case 'DossierSubmitted': {
      // Bound at the first submission, for life: later submissions keep it.
      const bonus = (event.data.ruleSet ?? ruleSetByVersion(event.data.ruleSetVersion))?.bonus ?? null;
      await m.query(
        `UPDATE award_fund_entry SET rule_set_version = COALESCE(rule_set_version, $2), bonus_table = COALESCE(bonus_table, $3) WHERE dossier_id = $1`,
        [e.streamId, event.data.ruleSetVersion, bonus && JSON.stringify(bonus)],
      );
      return;
    }
    case 'DossierAwarded': {
      const d = event.data.decision;
      const [row] = (await m.query(
        `SELECT award_code, subject_kind, bonus_table FROM award_fund_entry WHERE dossier_id = $1`,
        [e.streamId],
      )) as { award_code: string; subject_kind: SubjectKind; bonus_table: BonusTable | null }[];
      if (!row) return;
      const table = row.bonus_table ?? ruleSetInForce(d.signedOn)?.bonus;
      const due = table ? amountDue({ bonus: table }, row.award_code, row.subject_kind, d.signedOn) : undefined;
      await m.query(
        `UPDATE award_fund_entry SET decision_number = $2, authority = $3, decided_on = $4, year = $5, due_vnd = $6, multiplier = $7, base_salary_vnd = $8, basis = $9 WHERE dossier_id = $1`,
        [
          e.streamId,
          d.number,
          d.authority,
          d.signedOn,
          d.year,
          due?.amountVnd ?? null,
          due?.multiplier ?? null,
          due?.baseSalaryVnd ?? null,
          due?.basis ?? 'No bonus table bound to the dossier',
        ],
      );
      return;
    }
    case 'AwardRevoked':
      await m.query(`UPDATE award_fund_entry SET revoked_on = $2 WHERE dossier_id = $1`, [
        e.streamId,
        event.data.revokedOn,
      ]);
      return;
    case 'RecoveryRecorded':
      if (event.data.item === 'BONUS')
        await m.query(`UPDATE award_fund_entry SET recovered_vnd = $2 WHERE dossier_id = $1`, [
          e.streamId,
          event.data.amountVnd ?? 0,
        ]);
      return;
    case 'AwardFundPaymentRecorded': {
      const p = event.data;
      await m.query(
        `INSERT INTO award_fund_payment (dossier_id, seq, amount_vnd, paid_on, source, voucher_ref, note, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [p.dossierId, e.seq, p.amountVnd, p.paidOn, p.source, p.voucherRef, p.note ?? null, e.actorId, e.occurredAt],
      );
      await m.query(
        `UPDATE award_fund_entry SET paid_vnd = paid_vnd + $2, last_paid_on = GREATEST(last_paid_on, $3::date) WHERE dossier_id = $1`,
        [p.dossierId, p.amountVnd, p.paidOn],
      );
      return;
    }
    default:
      return;
  }
}
