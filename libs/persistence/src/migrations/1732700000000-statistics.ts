import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics read model: one row per award decision (award_fact) and the time each dossier reached each stage
 * (stage_timing). Both are projected from the event table only; the province comes from org_unit at query time.
 */
export class Statistics1732700000000 implements MigrationInterface {
  name = 'Statistics1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stage_timing (
        dossier_id            uuid PRIMARY KEY,
        award_code            text        NOT NULL,
        unit_code             text        NOT NULL,
        subject_kind          text        NOT NULL,
        direct_worker         boolean     NOT NULL,
        created_at            timestamptz NOT NULL,
        first_submitted_at    timestamptz,
        submitted_at          timestamptz,
        unit_approved_at      timestamptz,
        appraisal_accepted_at timestamptz,
        voting_closed_at      timestamptz,
        decided_at            timestamptz,
        closed_at             timestamptz,
        final_status          text CHECK (final_status IN ('AWARDED', 'REJECTED', 'WITHDRAWN')),
        returns               integer     NOT NULL DEFAULT 0,
        supplement_requests   integer     NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX stage_timing_unit ON stage_timing (unit_code)`);

    await q.query(`
      CREATE TABLE award_fact (
        dossier_id      uuid PRIMARY KEY,
        award_code      text    NOT NULL,
        level           text    NOT NULL,
        decider         text    NOT NULL,
        subject_kind    text    NOT NULL,
        unit_code       text    NOT NULL,
        direct_worker   boolean NOT NULL,
        decision_number text    NOT NULL,
        authority       text    NOT NULL,
        decided_on      date    NOT NULL,
        year            integer NOT NULL
      )`);
    await q.query(`CREATE INDEX award_fact_year ON award_fact (year, award_code)`);
    await q.query(`CREATE INDEX award_fact_unit ON award_fact (unit_code, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_fact, stage_timing`);
  }
}
