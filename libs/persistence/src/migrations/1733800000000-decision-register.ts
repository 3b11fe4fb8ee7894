import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The decision register: which dossiers each decision number awarded and which numbers were voided (both projected
 * from the event table), and the council session's one decision. The allocations stay in decision_number.
 */
export class DecisionRegister1733800000000 implements MigrationInterface {
  name = 'DecisionRegister1733800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE council_session_view ADD COLUMN decision jsonb`);
    await q.query(`
      CREATE TABLE decision_award (
        dossier_id uuid NOT NULL,
        authority  text NOT NULL,
        year       integer NOT NULL,
        formatted  text NOT NULL,
        signer_id  text NOT NULL,
        signed_on  date NOT NULL,
        PRIMARY KEY (authority, year, formatted, dossier_id)
      )`);
    await q.query(`
      CREATE TABLE decision_void (
        authority  text NOT NULL,
        year       integer NOT NULL,
        number     integer NOT NULL,
        formatted  text NOT NULL,
        reason     text NOT NULL,
        voided_by  text NOT NULL,
        voided_role text NOT NULL,
        voided_at  timestamptz NOT NULL,
        request_id text NOT NULL,
        PRIMARY KEY (authority, year, number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE decision_void, decision_award`);
    await q.query(`ALTER TABLE council_session_view DROP COLUMN decision`);
  }
}
