import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys, scoped to the caller: what request a key was first used for (a hash of operation, target and
 * body) and the answer it got, so a retry is answered with the original result and a reuse for another request is
 * refused. Not business data: a key may be forgotten after its retention period without touching the event table.
 */
export class IdempotencyKeys1734000000000 implements MigrationInterface {
  name = 'IdempotencyKeys1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        caller       text        NOT NULL,
        key          text        NOT NULL,
        operation    text        NOT NULL,
        fingerprint  text        NOT NULL,
        status_code  integer,
        response     jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (caller, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
