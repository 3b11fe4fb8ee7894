import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Long administration tasks run as background jobs (verify the whole table, rebuild the read models, reconcile after a
 * restore): one row per job with its progress, heartbeat and result. Operational state, not a read model: a rebuild
 * leaves it alone. At most one job of a kind runs at a time.
 */
export class AdminJobs1735500000000 implements MigrationInterface {
  name = 'AdminJobs1735500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admin_job (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
        params jsonb NOT NULL DEFAULT '{}',
        phase text,
        done bigint NOT NULL DEFAULT 0,
        total bigint,
        result jsonb,
        error text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX admin_job_one_running ON admin_job (kind) WHERE status = 'RUNNING'`);
    await q.query(`CREATE INDEX admin_job_recent ON admin_job (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_job`);
  }
}
