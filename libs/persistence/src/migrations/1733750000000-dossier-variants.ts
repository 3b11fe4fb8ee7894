import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Procedure variants (law page §7): the dossier's commendation type (Law Art. 8), whether it takes the simplified
 * procedure and the thematic round it answers; and the rounds themselves (rule 32), projected from their own streams.
 */
export class DossierVariants1733750000000 implements MigrationInterface {
  name = 'DossierVariants1733750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_view ADD COLUMN commendation_type text NOT NULL DEFAULT 'PERIODIC'`);
    await q.query(`ALTER TABLE dossier_view ADD COLUMN simplified boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE dossier_view ADD COLUMN round_id text`);
    await q.query(`CREATE INDEX dossier_view_commendation_type ON dossier_view (commendation_type)`);
    await q.query(`
      CREATE TABLE round_view (
        id text PRIMARY KEY,
        name text NOT NULL,
        opens_on date NOT NULL,
        closes_on date NOT NULL,
        award_codes text[] NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE round_view`);
    await q.query(`DROP INDEX dossier_view_commendation_type`);
    await q.query(`ALTER TABLE dossier_view DROP COLUMN round_id`);
    await q.query(`ALTER TABLE dossier_view DROP COLUMN simplified`);
    await q.query(`ALTER TABLE dossier_view DROP COLUMN commendation_type`);
  }
}
