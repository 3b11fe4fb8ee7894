import type { EntityManager } from 'typeorm';
import {
  amountDue,
  ruleSetByVersion,
  ruleSetInForce,
  type AwardFundEvent,
  type BonusTable,
  type DossierEvent,
  type StoredEnvelope,
  type SubjectKind,
} from '@tdkt/domain';

/**
 * The award fund ledger: an entry per dossier from its creation (award, unit, subject), bound to the rule set of its
 * first submission (the snapshot's bonus table), completed at the decision with the amount due on the decision date
 * (rule 35), marked at revocation and at the bonus's recovery; payments from AWARD_FUND streams. Reads only its own
 * tables, so a rebuild reproduces it.
 */
export async function projectAwardFund(m: EntityManager, e: StoredEnvelope): Promise<void> {
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
