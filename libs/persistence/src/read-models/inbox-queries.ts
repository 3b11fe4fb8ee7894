import type { DataSource } from 'typeorm';
import { INBOX, type Actor, type TaskKind } from '@tdkt/domain';
import { BOARD_COLUMNS, workingDaysLeft, type BoardSqlRow } from './board-queries';
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

/**
 * Which dossier_view rows are the actor's tasks, from the domain's inbox table: the holders the role stands in for and
 * the tasks it takes, scoped to its unit, or to the ballots it has still to cast. Undefined when the role has no tasks
 * (or a unit role has no unit).
 */
function inboxWhere(actor: Actor): Where | undefined {
  const inbox = actor.role === 'SYSTEM' ? undefined : INBOX[actor.role];
  if (!inbox) return undefined;
  const w = new Where().add(
    'held_by = ANY (?::text[]) AND task_kind = ANY (?::text[])',
    [...inbox.holders],
    [...inbox.tasks],
  );
  switch (inbox.scope) {
    case 'UNIT':
      return actor.unitCode ? w.add('unit_code = ?', actor.unitCode) : undefined;
    case 'BALLOT':
      // A ballot of the open round not yet cast: once the member votes, the task is gone.
      return w.add(
        `? = ANY (council_members) AND EXISTS (SELECT 1 FROM council_ballot b
           WHERE b.dossier_id = dossier_view.id AND b.member_id = ? AND b.voted_at IS NULL AND b.closed_at IS NULL)`,
        actor.userId,
        actor.userId,
      );
    case 'PROVINCE':
      return w;
  }
}

/** Each person's tasks (việc cần làm), from the holder and task the dossier_view rows store. */
export class InboxQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The actor's tasks, most urgent first (running deadline, then oldest change). */
  async inbox(actor: Actor, today: string, limit = 500): Promise<Inbox> {
    const w = inboxWhere(actor);
    if (!w) return { today, tasks: [], truncated: false };
    const max = w.param(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${BOARD_COLUMNS} FROM dossier_view ${w.sql} ORDER BY COALESCE(deadline, 'infinity'::date), updated_at, id LIMIT ${max}`,
      w.params,
    )) as BoardSqlRow[];
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
