import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { StoredEnvelope } from '@tdkt/domain';
import { projectAwardFund } from '../read-models/award-fund-projection';

/**
 * The award fund ledger (quỹ thi đua, khen thưởng): one entry per dossier, completed when it is decided (amount due by
 * the bound rule set on the decision date), its payments (AWARD_FUND streams), revocation and the bonus recovered.
 */
export class AwardFund1735420000000 implements MigrationInterface {
  name = 'AwardFund1735420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_fund_entry (
        dossier_id uuid PRIMARY KEY,
        award_code text NOT NULL,
        unit_code text NOT NULL,
        subject_kind text NOT NULL,
        rule_set_version text,
        bonus_table jsonb,
        decision_number text,
        authority text,
        decided_on date,
        year integer,
        due_vnd bigint,
        multiplier numeric,
        base_salary_vnd bigint,
        basis text,
        paid_vnd bigint NOT NULL DEFAULT 0,
        last_paid_on date,
        revoked_on date,
        recovered_vnd bigint
      )`);
    await q.query(`CREATE INDEX award_fund_entry_year ON award_fund_entry (year) WHERE decided_on IS NOT NULL`);
    await q.query(`
      CREATE TABLE award_fund_payment (
        dossier_id uuid NOT NULL,
        seq integer NOT NULL,
        amount_vnd bigint NOT NULL,
        paid_on date NOT NULL,
        source text NOT NULL,
        voucher_ref text NOT NULL,
        note text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (dossier_id, seq)
      )`);
    // Dossiers decided before the ledger existed: replay their own events through the ledger's projection (the same
    // code as live and rebuild), so every earlier decision has its line and amount due.
    const rows = (await q.query(
      `SELECT dossier_id, seq, type, data, actor_id, actor_role, occurred_at, rule_set_version, request_id FROM dossier_event
       WHERE type IN ('DossierCreated', 'DossierSubmitted', 'DossierAwarded', 'AwardRevoked', 'RecoveryRecorded') ORDER BY id`,
    )) as {
      dossier_id: string;
      seq: number;
      type: string;
      data: unknown;
      actor_id: string;
      actor_role: string;
      occurred_at: Date;
      rule_set_version: string | null;
      request_id: string;
    }[];
    const envelopes = rows.map(
      (r) =>
        ({
          streamId: r.dossier_id,
          seq: r.seq,
          type: r.type,
          data: r.data,
          actorId: r.actor_id,
          actorRole: r.actor_role,
          occurredAt: r.occurred_at.toISOString(),
          ruleSetVersion: r.rule_set_version,
          requestId: r.request_id,
        }) as StoredEnvelope,
    );
    // One batch in event order: the same fold as live and rebuild (a batch gives the same rows as one event at a time).
    for (let i = 0; i < envelopes.length; i += 1000) await projectAwardFund(q.manager, envelopes.slice(i, i + 1000));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_fund_payment`);
    await q.query(`DROP TABLE award_fund_entry`);
  }
}
