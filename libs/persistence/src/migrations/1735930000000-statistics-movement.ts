import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics keep the movement (phong trào thi đua) a dossier comes from, so the reports filter and group by it:
 * `movement_id` on stage_timing and award_fact, as the board has it (the dossier's `movementId`, else its thematic
 * round, which is a movement). Existing rows take it from their dossier's DossierCreated event, in SQL.
 */
export class StatisticsMovement1735930000000 implements MigrationInterface {
  name = 'StatisticsMovement1735930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stage_timing ADD COLUMN movement_id text`);
    await q.query(`ALTER TABLE award_fact ADD COLUMN movement_id text`);
    await q.query(`
      UPDATE stage_timing t SET movement_id = c.movement_id
        FROM (SELECT stream_id, COALESCE(data->>'movementId', data->>'roundId') AS movement_id
                FROM dossier_event WHERE stream_kind = 'DOSSIER' AND type = 'DossierCreated') c
       WHERE c.stream_id = t.dossier_id AND c.movement_id IS NOT NULL`);
    await q.query(`
      UPDATE award_fact f SET movement_id = t.movement_id
        FROM stage_timing t WHERE t.dossier_id = f.dossier_id AND t.movement_id IS NOT NULL`);
    await q.query(`CREATE INDEX stage_timing_movement ON stage_timing (movement_id) WHERE movement_id IS NOT NULL`);
    await q.query(`CREATE INDEX award_fact_movement ON award_fact (movement_id, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE award_fact DROP COLUMN movement_id`);
    await q.query(`ALTER TABLE stage_timing DROP COLUMN movement_id`);
  }
}
