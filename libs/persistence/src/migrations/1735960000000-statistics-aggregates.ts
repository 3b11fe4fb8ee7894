import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  AWARD_COUNT_FROM_ROWS,
  STAGE_TIME_ALL_FROM_ROWS,
  STAGE_TIME_STAT_FROM_ROWS,
  STAGE_TIME_UNIT_FROM_ROWS,
} from '../read-models/statistics-aggregates';

/**
 * The reports read maintained aggregates instead of the statistics' rows (statistics-aggregates.ts): a histogram of
 * stage durations per (year, unit, award, movement, stage) and award counters per (year, unit, award, level, decider,
 * movement, subject kind, direct worker). Filled here from the rows there are. The award lookup by name gets indexes
 * in its order (newest decision first), so a page of a common name is read off the index, not sorted (a citizen id's
 * few rows keep award_history_subject). (No CHECK on n: Postgres checks the
 * proposed row of an upsert, a negative delta, before it meets the row it updates.)
 */
export class StatisticsAggregates1735960000000 implements MigrationInterface {
  name = 'StatisticsAggregates1735960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stage_time_stat (
        year        integer NOT NULL,
        unit_code   text    NOT NULL,
        award_code  text    NOT NULL,
        movement_id text    NOT NULL,
        stage       text    NOT NULL,
        bucket      integer NOT NULL,
        n           integer NOT NULL,
        ms          bigint  NOT NULL,
        PRIMARY KEY (unit_code, year, award_code, movement_id, stage, bucket)
      )`);
    await q.query(`
      CREATE TABLE stage_time_all (
        year        integer NOT NULL,
        award_code  text    NOT NULL,
        movement_id text    NOT NULL,
        stage       text    NOT NULL,
        bucket      integer NOT NULL,
        n           integer NOT NULL,
        ms          bigint  NOT NULL,
        PRIMARY KEY (year, award_code, movement_id, stage, bucket)
      )`);
    await q.query(`CREATE TABLE stage_time_unit (unit_code text PRIMARY KEY, n integer NOT NULL)`);
    await q.query(`
      CREATE TABLE award_count (
        year          integer NOT NULL,
        unit_code     text    NOT NULL,
        award_code    text    NOT NULL,
        level         text    NOT NULL,
        decider       text    NOT NULL,
        movement_id   text    NOT NULL,
        subject_kind  text    NOT NULL,
        direct_worker boolean NOT NULL,
        n             integer NOT NULL,
        PRIMARY KEY (year, unit_code, award_code, level, decider, movement_id, subject_kind, direct_worker)
      )`);
    await q.query(`INSERT INTO stage_time_stat (year, unit_code, award_code, movement_id, stage, bucket, n, ms)
      ${STAGE_TIME_STAT_FROM_ROWS}`);
    await q.query(`INSERT INTO stage_time_all (year, award_code, movement_id, stage, bucket, n, ms)
      ${STAGE_TIME_ALL_FROM_ROWS}`);
    await q.query(`INSERT INTO stage_time_unit (unit_code, n) ${STAGE_TIME_UNIT_FROM_ROWS}`);
    await q.query(`INSERT INTO award_count (year, unit_code, award_code, level, decider, movement_id, subject_kind,
      direct_worker, n) ${AWARD_COUNT_FROM_ROWS}`);
    await q.query(`DROP INDEX award_history_name`);
    await q.query(
      `CREATE INDEX award_history_name ON award_history (lower(full_name), unit_code, decided_on DESC, dossier_id)`,
    );
    await q.query(
      `CREATE INDEX award_history_name_newest ON award_history (lower(full_name), decided_on DESC, dossier_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX award_history_name_newest, award_history_name`);
    await q.query(`CREATE INDEX award_history_name ON award_history (lower(full_name), unit_code)`);
    await q.query(`DROP TABLE award_count, stage_time_unit, stage_time_all, stage_time_stat`);
  }
}
