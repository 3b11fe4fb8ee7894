import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Award history per person and per collective: the subject of each dossier, and each award decided in the system. */
export class AwardHistory1732900000000 implements MigrationInterface {
  name = 'AwardHistory1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_subject (
        dossier_id   uuid PRIMARY KEY,
        subject_key  text NOT NULL,
        subject_kind text NOT NULL,
        full_name    text NOT NULL,
        unit_code    text NOT NULL,
        award_code   text NOT NULL,
        achievement_id text NOT NULL
      )`);
    await q.query(`CREATE INDEX award_subject_key ON award_subject (subject_key)`);
    await q.query(`
      CREATE TABLE award_history (
        dossier_id      uuid PRIMARY KEY,
        subject_key     text NOT NULL,
        subject_kind    text NOT NULL,
        full_name       text NOT NULL,
        unit_code       text NOT NULL,
        award_code      text NOT NULL,
        year            integer NOT NULL,
        decision_number text NOT NULL,
        decided_on      date NOT NULL,
        achievement_id  text NOT NULL
      )`);
    await q.query(`CREATE INDEX award_history_subject ON award_history (subject_key, year)`);
    await q.query(`CREATE INDEX award_history_name ON award_history (lower(full_name), unit_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_history, award_subject`);
  }
}
