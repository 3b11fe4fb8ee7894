import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Council sessions: the session read model (agenda, attendance, tallies, minutes), the dossier's session, and the
 * secret-ballot box. The box holds choices under random ballot ids with no voter and no time, so no table, log or
 * workflow history links a member to a choice; the claim table records only THAT a member put a ballot in (once).
 * Neither is a read model: they are written by the API and never rebuilt.
 */
export class CouncilSessions1733000000000 implements MigrationInterface {
  name = 'CouncilSessions1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_view ADD COLUMN council_session_id uuid`);
    await q.query(`
      CREATE TABLE council_session_view (
        id           uuid PRIMARY KEY,
        province_code text NOT NULL,
        title        text NOT NULL,
        status       text NOT NULL,
        deadline     date NOT NULL,
        members      jsonb NOT NULL,
        agenda       jsonb NOT NULL,
        attendance   jsonb NOT NULL DEFAULT '{}',
        recusals     jsonb NOT NULL DEFAULT '[]',
        tallies      jsonb,
        minutes      text,
        convened_by  text NOT NULL,
        convened_at  timestamptz NOT NULL,
        closed_at    timestamptz,
        last_seq     integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE secret_ballot_claim (
        session_id uuid NOT NULL,
        dossier_id uuid NOT NULL,
        member_id  text NOT NULL,
        PRIMARY KEY (session_id, dossier_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE secret_ballot_box (
        session_id uuid NOT NULL,
        dossier_id uuid NOT NULL,
        ballot_id  uuid NOT NULL PRIMARY KEY,
        approve    boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX secret_ballot_box_item ON secret_ballot_box (session_id, dossier_id)`);
    await q.query(`REVOKE UPDATE, TRUNCATE ON secret_ballot_box, secret_ballot_claim FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE secret_ballot_box, secret_ballot_claim, council_session_view`);
    await q.query(`ALTER TABLE dossier_view DROP COLUMN council_session_id`);
  }
}
