import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AWARD_CODES, progressTable, routeOf } from '@tdkt/domain';

/**
 * The domain's progress table in the board's rows: each dossier's route (fixed by its award), its stage and the task
 * its holder has, next to who holds it, so the board and the inbox filter on stored columns and no SQL re-derives
 * them. Existing rows take the values the table gives today for their (status, route, overdue); a read-model rebuild
 * gives the same.
 */
export class DossierProgress1735600000000 implements MigrationInterface {
  name = 'DossierProgress1735600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE dossier_view ADD COLUMN route text NOT NULL DEFAULT 'PROVINCIAL', ADD COLUMN stage text NOT NULL DEFAULT 'UNIT', ADD COLUMN task_kind text`,
    );
    const routes = AWARD_CODES.map((code) => [code, routeOf(code) ?? 'PROVINCIAL']);
    await q.query(
      `UPDATE dossier_view d SET route = r.route FROM jsonb_to_recordset($1::jsonb) AS r(award_code text, route text) WHERE r.award_code = d.award_code`,
      [JSON.stringify(routes.map(([award_code, route]) => ({ award_code, route })))],
    );
    const rows = progressTable().map(({ status, route, overdue, progress }) => ({
      status,
      route,
      overdue,
      stage: progress.stage,
      holder: progress.holder,
      task: progress.task,
    }));
    await q.query(
      `UPDATE dossier_view d SET stage = p.stage, held_by = p.holder, task_kind = p.task
         FROM jsonb_to_recordset($1::jsonb) AS p(status text, route text, overdue boolean, stage text, holder text, task text)
        WHERE p.status = d.status AND p.route = d.route AND p.overdue = d.overdue`,
      [JSON.stringify(rows)],
    );
    // The inbox: a holder's open tasks, most urgent first.
    await q.query(
      `CREATE INDEX dossier_view_task ON dossier_view (held_by, task_kind, (COALESCE(deadline, 'infinity'::date)), updated_at, id) WHERE task_kind IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dossier_view_task`);
    await q.query(`ALTER TABLE dossier_view DROP COLUMN task_kind, DROP COLUMN stage, DROP COLUMN route`);
  }
}
