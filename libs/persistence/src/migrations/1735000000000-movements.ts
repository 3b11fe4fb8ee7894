import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emulation movements (phong trào thi đua), projected from MOVEMENT streams and from thematic rounds (a round is a
 * THEMATIC movement): one row per movement with the domain's state; a dossier may name its movement.
 */
export class Movements1735000000000 implements MigrationInterface {
  name = 'Movements1735000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE movement_view (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        scope_level text,
        scope_code text,
        period_from date NOT NULL,
        period_to date NOT NULL,
        status text NOT NULL,
        source text NOT NULL,
        state jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX movement_view_period ON movement_view (period_from DESC)`);
    await q.query(`ALTER TABLE dossier_view ADD COLUMN movement_id text`);
    await q.query(`CREATE INDEX dossier_view_movement ON dossier_view (movement_id) WHERE movement_id IS NOT NULL`);
    // Thematic dossiers created before movements existed: their round is their movement.
    await q.query(`UPDATE dossier_view SET movement_id = round_id WHERE round_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_view DROP COLUMN movement_id`);
    await q.query(`DROP TABLE movement_view`);
  }
}
