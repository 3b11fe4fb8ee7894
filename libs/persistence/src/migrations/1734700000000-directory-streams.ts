import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory as a projection of its streams (units, people, council terms and seats), and the award imports.
 * org_unit and app_user keep their columns (every read path uses them) and gain kind, parent, validity and the OIDC
 * subject; each recorded version of a unit is kept (org_unit_version) so a dossier's unit is named as it was.
 * award_import is the register of imported files (one per SHA-256); award_import_job the status of API import jobs
 * (operational state, not a read model: a rebuild leaves it).
 */
export class DirectoryStreams1734700000000 implements MigrationInterface {
  name = 'DirectoryStreams1734700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE org_unit ADD COLUMN kind text, ADD COLUMN parent_code text, ADD COLUMN valid_from date, ADD COLUMN valid_to date`,
    );
    await q.query(`
      CREATE TABLE org_unit_version (
        code        text NOT NULL,
        seq         integer NOT NULL,
        name        text NOT NULL,
        kind        text NOT NULL,
        parent_code text,
        province_code text NOT NULL,
        valid_from  date NOT NULL,
        valid_to    date,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (code, seq)
      )`);
    await q.query(
      `ALTER TABLE app_user ADD COLUMN oidc_sub text, ADD COLUMN valid_from date, ADD COLUMN valid_to date`,
    );
    await q.query(`CREATE UNIQUE INDEX app_user_oidc_sub ON app_user (oidc_sub) WHERE oidc_sub IS NOT NULL`);
    await q.query(`
      CREATE TABLE council_term (
        id                 uuid PRIMARY KEY,
        council_unit_code  text NOT NULL,
        name               text NOT NULL,
        term_from          date NOT NULL,
        term_to            date NOT NULL,
        opened_by          text NOT NULL,
        opened_at          timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX council_term_unit ON council_term (council_unit_code, term_from)`);
    await q.query(`
      CREATE TABLE council_seat (
        term_id      uuid NOT NULL,
        user_id      text NOT NULL,
        council_unit_code text NOT NULL,
        council_role text NOT NULL,
        seat_from    date NOT NULL,
        seat_to      date NOT NULL,
        ended_reason text,
        PRIMARY KEY (term_id, user_id)
      )`);
    await q.query(`CREATE INDEX council_seat_user ON council_seat (user_id)`);
    await q.query(`
      CREATE TABLE award_import (
        id           uuid PRIMARY KEY,
        file_sha256  text NOT NULL UNIQUE,
        file_name    text NOT NULL,
        rows         integer NOT NULL,
        imported_rows integer NOT NULL DEFAULT 0,
        imported_by  text NOT NULL,
        imported_at  timestamptz NOT NULL
      )`);
    await q.query(`ALTER TABLE award_history ADD COLUMN import_id uuid, ADD COLUMN import_row integer`);
    await q.query(`
      CREATE TABLE award_import_job (
        id          uuid PRIMARY KEY,
        status      text NOT NULL,
        dry_run     boolean NOT NULL,
        file_sha256 text NOT NULL,
        file_name   text NOT NULL,
        total_rows  integer NOT NULL DEFAULT 0,
        done_rows   integer NOT NULL DEFAULT 0,
        errors      jsonb NOT NULL DEFAULT '[]',
        message     text,
        import_id   uuid,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL,
        finished_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_import_job, award_import, council_seat, council_term, org_unit_version`);
    await q.query(`ALTER TABLE award_history DROP COLUMN import_id, DROP COLUMN import_row`);
    await q.query(`DROP INDEX app_user_oidc_sub`);
    await q.query(`ALTER TABLE app_user DROP COLUMN oidc_sub, DROP COLUMN valid_from, DROP COLUMN valid_to`);
    await q.query(
      `ALTER TABLE org_unit DROP COLUMN kind, DROP COLUMN parent_code, DROP COLUMN valid_from, DROP COLUMN valid_to`,
    );
  }
}
