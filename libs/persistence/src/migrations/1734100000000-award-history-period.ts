import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The award history keeps what the five-year windows and the merit basis need (NĐ 98/2023 Điều 30(9), Điều 4(3)):
 * the achievement period an award's decision names (its last year: the dossier's evaluation year) and the commendation
 * type (an ad-hoc or thematic award is no basis for a higher merit-based one). Rows projected before have neither:
 * a null period counts from the decision date and PERIODIC is the old meaning; a rebuild fills both from the events.
 */
export class AwardHistoryPeriod1734100000000 implements MigrationInterface {
  name = 'AwardHistoryPeriod1734100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE award_subject ADD COLUMN commendation_type text NOT NULL DEFAULT 'PERIODIC', ADD COLUMN period_to integer`,
    );
    await q.query(
      `ALTER TABLE award_history ADD COLUMN commendation_type text NOT NULL DEFAULT 'PERIODIC', ADD COLUMN period_to integer`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE award_history DROP COLUMN commendation_type, DROP COLUMN period_to`);
    await q.query(`ALTER TABLE award_subject DROP COLUMN commendation_type, DROP COLUMN period_to`);
  }
}
