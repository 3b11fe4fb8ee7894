import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory import runs as an admin job (kind DIRECTORY_IMPORT). Several may run at once, as the imports did
 * within their requests: each writes its rows in one transaction, and two that touch the same unit or user (or the
 * same file twice) meet on the stream's sequence, so one is rolled back whole. The one-running-job rule stays for the
 * other kinds.
 */
export class DirectoryImportJobs1735968000000 implements MigrationInterface {
  name = 'DirectoryImportJobs1735968000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX admin_job_one_running`);
    await q.query(
      `CREATE UNIQUE INDEX admin_job_one_running ON admin_job (kind) WHERE status = 'RUNNING' AND kind <> 'DIRECTORY_IMPORT'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE admin_job SET status = 'FAILED', finished_at = now() WHERE kind = 'DIRECTORY_IMPORT' AND status = 'RUNNING'`,
    );
    await q.query(`DROP INDEX admin_job_one_running`);
    await q.query(`CREATE UNIQUE INDEX admin_job_one_running ON admin_job (kind) WHERE status = 'RUNNING'`);
  }
}
