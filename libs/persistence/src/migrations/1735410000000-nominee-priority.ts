import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A nominee's optional priority facts (Luật Điều 5), keyed by dossier id, projected from NOMINEE_PRIORITY streams;
 * the reports join them with award_fact. The dossier's own read model is not touched.
 */
export class NomineePriority1735410000000 implements MigrationInterface {
  name = 'NomineePriority1735410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE nominee_priority (
        dossier_id uuid PRIMARY KEY,
        occupation_group text,
        gender text,
        ethnic_minority boolean,
        area_class text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE nominee_priority`);
  }
}
