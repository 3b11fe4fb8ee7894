import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emulation blocks (khối thi đua) and their years, projected from their own streams (BLOCK, BLOCK_YEAR): the blocks,
 * one row per block year with the domain's state, and the ranking per member for eligibility (Cờ thi đua).
 */
export class EmulationBlocks1734900000000 implements MigrationInterface {
  name = 'EmulationBlocks1734900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE emulation_block_view (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        province_code text NOT NULL,
        members jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT emulation_block_code UNIQUE (province_code, code)
      )`);
    await q.query(`
      CREATE TABLE block_year_view (
        id uuid PRIMARY KEY,
        block_id uuid NOT NULL,
        year int NOT NULL,
        phase text NOT NULL,
        head_unit text NOT NULL,
        deputy_unit text NOT NULL,
        self_assessment_deadline date,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT block_year_once UNIQUE (block_id, year)
      )`);
    await q.query(`
      CREATE TABLE block_ranking (
        block_year_id uuid NOT NULL,
        block_id uuid NOT NULL,
        block_name text NOT NULL,
        year int NOT NULL,
        unit_code text NOT NULL,
        rank int NOT NULL,
        total numeric NOT NULL,
        ranked_members int NOT NULL,
        closed boolean NOT NULL DEFAULT false,
        PRIMARY KEY (block_year_id, unit_code)
      )`);
    await q.query(`CREATE INDEX block_ranking_unit_year ON block_ranking (unit_code, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE block_ranking, block_year_view, emulation_block_view`);
  }
}
