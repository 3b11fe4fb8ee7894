import type { DataSource } from 'typeorm';
import { INBOX, type Actor, type TaskKind } from '@tdkt/domain';
import { workingDaysLeft, type BoardSqlRow } from './board-queries';
import { Where } from './sql';

export interface InboxTask {
  dossierId: string;
  title: string;
  kind: TaskKind;
  status: string;
  awardCode: string;
  unitCode: string;
  /** The legal deadline of the task (ISO date), when one runs: supplement, appraisal or council voting. */
  due: string | null;
  daysLeft: number | null;
  overdue: boolean;
}

export interface Inbox {
  today: string;
  tasks: InboxTask[];
  /** More tasks exist than were returned (the most urgent come first). */
  truncated: boolean;
}

/** The columns of a task, from its dossier_view row. */
const TASK_COLUMNS = 'v.id, v.title, v.task_kind, v.status, v.award_code, v.unit_code, v.deadline, v.overdue';
type TaskSqlRow = Pick<
  BoardSqlRow,
  'id' | 'title' | 'task_kind' | 'status' | 'award_code' | 'unit_code' | 'deadline' | 'overdue'
>;

/**
 * Which dossier_task rows are the actor's tasks (dossier-task.ts: the domain's inbox table applied to each dossier's
 * holder and task): its role's, scoped to its unit, the whole province, or its own seat on the council — there only
 * while its ballot is open and not yet cast (once the member votes, the task is gone). Undefined when the role has no
 * tasks (or a unit role has no unit).
 */
function inboxWhere(actor: Actor): Where | undefined {
  const inbox = actor.role === 'SYSTEM' ? undefined : INBOX[actor.role];
  if (!inbox) return undefined;
  const w = new Where().add('t.role = ?', actor.role);
  switch (inbox.scope) {
    case 'UNIT':
      return actor.unitCode ? w.add('t.scope_key = ?', actor.unitCode) : undefined;
    case 'BALLOT':
      return w.add(
        `t.scope_key = ? AND EXISTS (SELECT 1 FROM council_ballot b
           WHERE b.dossier_id = t.dossier_id AND b.member_id = ? AND b.voted_at IS NULL AND b.closed_at IS NULL)`,
        actor.userId,
        actor.userId,
      );
    case 'PROVINCE':
      return w.add(`t.scope_key = ''`);
  }
}

/** Each person's tasks (việc cần làm), from the maintained task rows (dossier_task) and their dossier_view rows. */
export class InboxQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The actor's tasks, most urgent first (running deadline, then oldest change, then id): the first rows of the
   * index dossier_task_inbox in that order (the limit applied there), then each one's dossier_view row by its key
   * (a lateral lookup, so the rows stay in order and dossier_view is neither scanned nor sorted), whatever the number
   * of dossiers.
   */
  async inbox(actor: Actor, today: string, limit = 500): Promise<Inbox> {
    const w = inboxWhere(actor);
    if (!w) return { today, tasks: [], truncated: false };
    const max = w.param(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${TASK_COLUMNS}
         FROM (SELECT t.dossier_id, t.deadline_key, t.updated_at FROM dossier_task t ${w.sql}
                ORDER BY t.deadline_key, t.updated_at, t.dossier_id LIMIT ${max}) t
        CROSS JOIN LATERAL (SELECT * FROM dossier_view v WHERE v.id = t.dossier_id LIMIT 1) v
        ORDER BY t.deadline_key, t.updated_at, t.dossier_id`,
      w.params,
    )) as TaskSqlRow[];
    const tasks = rows.slice(0, limit).map((r): InboxTask => {
      const daysLeft = workingDaysLeft(today, r.deadline);
      return {
        dossierId: r.id,
        title: r.title,
        kind: r.task_kind ?? 'SUBMIT',
        status: r.status,
        awardCode: r.award_code,
        unitCode: r.unit_code,
        due: r.deadline,
        daysLeft,
        overdue: r.overdue || (daysLeft !== null && daysLeft < 0),
      };
    });
    return { today, tasks, truncated: rows.length > limit };
  }
}
