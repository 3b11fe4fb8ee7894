import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Recovery tasks of revoked awards (rule 34): the award objects and the bonus money, each open until recorded. */
export class RecoveryTasks1733500000000 implements MigrationInterface {
  name = 'RecoveryTasks1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recovery_task (
        dossier_id           uuid        NOT NULL,
        item                 text        NOT NULL CHECK (item IN ('AWARD_OBJECT', 'BONUS')),
        description          text        NOT NULL,
        amount_vnd           integer,
        multiplier           double precision,
        basis                text,
        opened_at            timestamptz NOT NULL,
        recovered_on         date,
        recorded_by          text,
        recovered_amount_vnd integer,
        note                 text,
        PRIMARY KEY (dossier_id, item)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recovery_task`);
  }
}
