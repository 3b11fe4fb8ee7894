import { INBOX, type Inbox, type Role } from '@tdkt/domain';
import type { RowTable, WriteStatement } from './row-batch';

/**
 * The inboxes' task rows (dossier_task): one row per (dossier, role whose inbox holds it, scope), with the inbox's sort
 * key, so an inbox is an ordered index scan on (role, scope_key, deadline_key, updated_at, dossier_id) stopped by its
 * LIMIT, whatever the number of dossiers. Which rows a dossier has is the domain's INBOX table applied to its
 * dossier_view row (held_by and task_kind), here in TypeScript for the fold and in SQL for the migration's fill and
 * the specs — both generated from INBOX, which stays the single source:
 * - UNIT scope: scope_key = the dossier's unit;
 * - PROVINCE scope: scope_key = '';
 * - BALLOT scope: one row per council member of the round (scope_key = the member); the inbox keeps only those whose
 *   ballot is still open and unvoted (council_ballot), which the dossier row cannot know.
 * The board's fold writes them in the statement that writes dossier_view (dossier-projection.ts), and the rebuild's
 * in-memory fold from the same rows, so the live append and a rebuild write the same rows.
 */
export interface DossierTaskRow {
  dossier_id: string;
  role: string;
  scope_key: string;
  /** The task's deadline, 'infinity' without one: the inbox's first sort key. */
  deadline_key: string;
  updated_at: string;
}

/** What the fold needs of a dossier_view row. */
export interface TaskSource {
  id: string;
  unit_code: string;
  held_by: string | null;
  task_kind: string | null;
  council_members: readonly string[];
  deadline: string | null;
  updated_at: string;
}

const INBOXES = Object.entries(INBOX) as [Role, Inbox][];

/** The task rows of a dossier (pure): one per role of INBOX whose holders and tasks match its row, per scope key. */
export function taskRowsOf(row: TaskSource): DossierTaskRow[] {
  if (!row.held_by || !row.task_kind) return [];
  const out: DossierTaskRow[] = [];
  for (const [role, inbox] of INBOXES) {
    if (!(inbox.holders as readonly string[]).includes(row.held_by)) continue;
    if (!(inbox.tasks as readonly string[]).includes(row.task_kind)) continue;
    const keys =
      inbox.scope === 'UNIT' ? [row.unit_code] : inbox.scope === 'BALLOT' ? [...new Set(row.council_members)] : [''];
    for (const scope_key of keys)
      out.push({
        dossier_id: row.id,
        role,
        scope_key,
        deadline_key: row.deadline ?? 'infinity',
        updated_at: row.updated_at,
      });
  }
  return out;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const array = (xs: readonly string[]) => `ARRAY[${xs.map(literal).join(', ')}]::text[]`;

/**
 * The task rows INBOX derives from the dossier_view rows `alias` ranges over (a SELECT of dossier_task's columns):
 * the migration's fill and the specs' reference. `where` narrows the rows (e.g. to some dossiers).
 */
export function taskRowsFromView(where = 'true'): string {
  return INBOXES.map(([role, inbox]) => {
    const scope = inbox.scope === 'UNIT' ? 'v.unit_code' : inbox.scope === 'BALLOT' ? 'm.member' : `''::text`;
    const from =
      inbox.scope === 'BALLOT'
        ? 'dossier_view v CROSS JOIN LATERAL (SELECT DISTINCT unnest(v.council_members) AS member) m'
        : 'dossier_view v';
    return `SELECT v.id AS dossier_id, ${literal(role)}::text AS role, ${scope} AS scope_key,
              COALESCE(v.deadline, 'infinity'::date) AS deadline_key, v.updated_at
         FROM ${from}
        WHERE v.held_by = ANY (${array(inbox.holders)}) AND v.task_kind = ANY (${array(inbox.tasks)}) AND (${where})`;
  }).join('\nUNION ALL\n');
}

export const DOSSIER_TASK_COLUMNS = ['dossier_id', 'role', 'scope_key', 'deadline_key', 'updated_at'] as const;

/** The table, for the rebuild's in-memory fold (its rows: `taskRowsOf` of each dossier_view row). */
export const DOSSIER_TASK: RowTable = {
  name: 'dossier_task',
  columns: DOSSIER_TASK_COLUMNS,
  key: ['dossier_id', 'role', 'scope_key'],
  owner: 'dossier_id',
};

/**
 * Makes the task rows of the dossiers `rows` exactly what `taskRowsOf` gives, in the statement that writes their
 * dossier_view rows: the rows the fold dropped are deleted, the others upserted (disjoint keys, so the two never touch
 * the same row).
 */
export function writeDossierTasks(s: WriteStatement, rows: readonly TaskSource[]): void {
  const list = DOSSIER_TASK_COLUMNS.join(', ');
  const input = s.cte(
    `SELECT ${list} FROM jsonb_populate_recordset(NULL::dossier_task, ${s.param(JSON.stringify(rows.flatMap(taskRowsOf)))}::jsonb)`,
  );
  s.cte(
    `DELETE FROM dossier_task t WHERE t.dossier_id = ANY (${s.param(rows.map((r) => r.id))}::uuid[])
       AND (t.dossier_id, t.role, t.scope_key) NOT IN (SELECT dossier_id, role, scope_key FROM ${input})`,
  );
  s.cte(
    `INSERT INTO dossier_task (${list}) SELECT ${list} FROM ${input}
       ON CONFLICT (dossier_id, role, scope_key) DO UPDATE SET deadline_key = EXCLUDED.deadline_key,
         updated_at = EXCLUDED.updated_at`,
  );
}
