import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Exemplary models (điển hình tiên tiến), projected from EXEMPLARY_MODEL streams: one row per model with the domain's state. */
export class ExemplaryModels1735400000000 implements MigrationInterface {
  name = 'ExemplaryModels1735400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exemplary_model_view (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        subject_kind text NOT NULL,
        subject_name text NOT NULL,
        unit_code text NOT NULL,
        field text NOT NULL,
        movement_id text,
        stage text NOT NULL,
        found_on date NOT NULL,
        state jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX exemplary_model_movement ON exemplary_model_view (movement_id) WHERE movement_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX exemplary_model_unit ON exemplary_model_view (unit_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exemplary_model_view`);
  }
}
