import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board's unit and status indexes in the board's own order (updated_at DESC, id DESC): with `id` ascending, a
 * unit's first page sorted every row of the unit sharing the first updated_at (an incremental sort), see
 * libs/persistence/src/read-models/plans/board-unit.txt.
 */
export class BoardIndexOrder1735910000001 implements MigrationInterface {
  name = 'BoardIndexOrder1735910000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dossier_view_unit`);
    await q.query(`DROP INDEX dossier_view_status`);
    await q.query(`CREATE INDEX dossier_view_unit ON dossier_view (unit_code, updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX dossier_view_status ON dossier_view (status, updated_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dossier_view_unit`);
    await q.query(`DROP INDEX dossier_view_status`);
    await q.query(`CREATE INDEX dossier_view_unit ON dossier_view (unit_code, updated_at DESC, id)`);
    await q.query(`CREATE INDEX dossier_view_status ON dossier_view (status, updated_at DESC, id)`);
  }
}
