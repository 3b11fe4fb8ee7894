import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The board's deadline columns: the legal deadline now running, who holds the dossier, overdue, a paused clock. */
export class DossierDeadlines1732600000000 implements MigrationInterface {
  name = 'DossierDeadlines1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dossier_view
        ADD COLUMN deadline date,
        ADD COLUMN deadline_kind text,
        ADD COLUMN held_by text,
        ADD COLUMN overdue boolean NOT NULL DEFAULT false,
        ADD COLUMN paused_remaining_wd integer`);
    await q.query(`CREATE INDEX dossier_view_deadline ON dossier_view (deadline) WHERE deadline IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE dossier_view DROP COLUMN deadline, DROP COLUMN deadline_kind, DROP COLUMN held_by, DROP COLUMN overdue, DROP COLUMN paused_remaining_wd`,
    );
  }
}
