import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Đăng ký thi đua: one row per unit and year (the domain's state), and the registered subjects eligibility reads. */
export class Registrations1735010000000 implements MigrationInterface {
  name = 'Registrations1735010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registration_view (
        id uuid PRIMARY KEY,
        unit_code text NOT NULL,
        province_code text NOT NULL,
        year int NOT NULL,
        status text NOT NULL,
        deadline date NOT NULL,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT registration_once UNIQUE (unit_code, year)
      )`);
    await q.query(`
      CREATE TABLE registered_subject (
        registration_id uuid NOT NULL,
        unit_code text NOT NULL,
        year int NOT NULL,
        award_code text NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        status text NOT NULL
      )`);
    await q.query(`CREATE INDEX registered_subject_unit ON registered_subject (unit_code, award_code, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registered_subject, registration_view`);
  }
}
