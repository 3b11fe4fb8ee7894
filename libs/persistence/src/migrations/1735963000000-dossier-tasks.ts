import type { MigrationInterface, QueryRunner } from 'typeorm';
import { taskRowsFromView } from '../read-models/dossier-task';

/**
 * The inboxes' task rows (read-models/dossier-task.ts): one per (dossier, role whose inbox holds it, unit / '' /
 * council member), with the inbox's sort key, so an inbox reads the first rows of dossier_task_inbox in order and stops
 * at its limit instead of sorting every task of the role. Filled here from the dossier_view rows there are, by the
 * domain's INBOX table (a council member's rows name the member; the inbox keeps those whose ballot is open and unvoted, found in
 * council_ballot_open).
 */
export class DossierTasks1735963000000 implements MigrationInterface {
  name = 'DossierTasks1735963000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_task (
        dossier_id   uuid        NOT NULL,
        role         text        NOT NULL,
        scope_key    text        NOT NULL,
        deadline_key date        NOT NULL,
        updated_at   timestamptz NOT NULL,
        PRIMARY KEY (dossier_id, role, scope_key)
      )`);
    await q.query(
      `CREATE INDEX dossier_task_inbox ON dossier_task (role, scope_key, deadline_key, updated_at, dossier_id)`,
    );
    // The council inbox checks each of the member's task rows for an open, unvoted ballot: a probe of this partial
    // index, whose entries are exactly those ballots (a voted or closed one is simply not found).
    await q.query(
      `CREATE INDEX council_ballot_open ON council_ballot (dossier_id, member_id) WHERE voted_at IS NULL AND closed_at IS NULL`,
    );
    await q.query(
      `INSERT INTO dossier_task (dossier_id, role, scope_key, deadline_key, updated_at) ${taskRowsFromView()}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX council_ballot_open`);
    await q.query(`DROP TABLE dossier_task`);
  }
}
