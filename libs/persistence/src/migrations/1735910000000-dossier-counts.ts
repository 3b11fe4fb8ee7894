import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board's counts, maintained: how many dossiers share each combination of the columns the board's counts filter
 * on (status, unit, award, commendation type, holder — '' for nobody — and overdue). The dossier projection moves a
 * dossier from one combination to the next in the same statement batch as its row, so counting reads a table whose
 * size follows the combinations in use, not the number of dossiers. Filled here from the rows there are. (No CHECK on
 * n: Postgres checks the proposed row of an upsert, a delta of -1, before it meets the row it updates.)
 */
export class DossierCounts1735910000000 implements MigrationInterface {
  name = 'DossierCounts1735910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_count (
        status            text    NOT NULL,
        unit_code         text    NOT NULL,
        award_code        text    NOT NULL,
        commendation_type text    NOT NULL,
        held_by           text    NOT NULL,
        overdue           boolean NOT NULL,
        n                 integer NOT NULL,
        PRIMARY KEY (status, unit_code, award_code, commendation_type, held_by, overdue)
      )`);
    await q.query(`
      INSERT INTO dossier_count (status, unit_code, award_code, commendation_type, held_by, overdue, n)
      SELECT status, unit_code, award_code, commendation_type, COALESCE(held_by, ''), overdue, count(*)
        FROM dossier_view GROUP BY 1, 2, 3, 4, 5, 6`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_count`);
  }
}
