import type { DataSource } from 'typeorm';

/** The jobs POST /api/admin/jobs starts; one of a kind runs at a time. */
export const ADMIN_TASK_KINDS = ['VERIFY_CHAIN', 'REBUILD_READ_MODELS', 'RECONCILE'] as const;
export type AdminTaskKind = (typeof ADMIN_TASK_KINDS)[number];
/** Every job kind: the tasks, and the directory import (started by its upload; several may run at once). */
export const ADMIN_JOB_KINDS = [...ADMIN_TASK_KINDS, 'DIRECTORY_IMPORT'] as const;
export type AdminJobKind = (typeof ADMIN_JOB_KINDS)[number];
/** Kinds of which several jobs may run at once (the partial unique index admin_job_one_running leaves them out). */
const CONCURRENT_KINDS: readonly AdminJobKind[] = ['DIRECTORY_IMPORT'];
export type AdminJobStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface AdminJob {
  id: string;
  kind: AdminJobKind;
  status: AdminJobStatus;
  params: Record<string, unknown>;
  /** What the job is doing now, e.g. "reading events", "replaying". */
  phase: string | null;
  done: number;
  /** Known once counted; null before. */
  total: number | null;
  result: unknown;
  error: string | null;
  createdBy: string;
  createdAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
  /** RUNNING without a heartbeat for STALE_AFTER_SECONDS: the process running it has probably stopped. */
  stale: boolean;
}

/** A RUNNING job whose heartbeat is older than this is reported stale (its process died) and no longer blocks its kind. */
export const STALE_AFTER_SECONDS = 120;

/** Another job of this kind is running. */
export class AdminJobRunningError extends Error {
  constructor(
    readonly kind: string,
    readonly runningId: string,
  ) {
    super(`A ${kind} job is already running (${runningId})`);
    this.name = 'AdminJobRunningError';
  }
}

/** A job ended for a reason a person acts on: its message (never a stored value) is the job's error as it is. */
export class AdminJobRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminJobRefusal';
  }
}

interface Row {
  id: string;
  kind: AdminJobKind;
  status: AdminJobStatus;
  params: Record<string, unknown>;
  phase: string | null;
  done: string;
  total: string | null;
  result: unknown;
  error: string | null;
  created_by: string;
  created_at: Date;
  heartbeat_at: Date;
  finished_at: Date | null;
  stale: boolean;
}

const toJob = (r: Row): AdminJob => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  params: r.params,
  phase: r.phase,
  done: Number(r.done),
  total: r.total === null ? null : Number(r.total),
  result: r.result,
  error: r.error,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  heartbeatAt: r.heartbeat_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
  stale: r.stale,
});

const SELECT = `SELECT *, status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS}) AS stale FROM admin_job`;

/** The admin_job table: background jobs, their progress and results. */
export class AdminJobs {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a new RUNNING job; a stale RUNNING job of the kind is marked FAILED first; a live one refuses (but for the
   * kinds that may run side by side).
   */
  async create(job: {
    id: string;
    kind: AdminJobKind;
    params: Record<string, unknown>;
    createdBy: string;
  }): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE admin_job SET status = 'FAILED', error = 'no heartbeat: the process running it stopped', finished_at = now()
         WHERE kind = $1 AND status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})`,
        [job.kind],
      );
      const [running] = CONCURRENT_KINDS.includes(job.kind)
        ? []
        : ((await m.query(`SELECT id FROM admin_job WHERE kind = $1 AND status = 'RUNNING'`, [job.kind])) as {
            id: string;
          }[]);
      if (running) throw new AdminJobRunningError(job.kind, running.id);
      const inserted = (await m.query(
        `INSERT INTO admin_job (id, kind, status, params, created_by) VALUES ($1, $2, 'RUNNING', $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
        [job.id, job.kind, JSON.stringify(job.params), job.createdBy],
      )) as unknown[];
      // Two starts at once: the partial unique index lets one in.
      if (inserted.length === 0) throw new AdminJobRunningError(job.kind, '?');
    });
  }

  async progress(id: string, p: { phase?: string; done?: number; total?: number }): Promise<void> {
    await this.dataSource.query(
      `UPDATE admin_job SET phase = COALESCE($2, phase), done = COALESCE($3, done), total = COALESCE($4, total), heartbeat_at = now() WHERE id = $1 AND status = 'RUNNING'`,
      [id, p.phase ?? null, p.done ?? null, p.total ?? null],
    );
  }

  async finish(
    id: string,
    outcome: { status: 'SUCCEEDED'; result: unknown } | { status: 'FAILED'; error: string },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE admin_job SET status = $2, result = $3, error = $4, phase = NULL, finished_at = now(), heartbeat_at = now() WHERE id = $1`,
      [
        id,
        outcome.status,
        outcome.status === 'SUCCEEDED' ? JSON.stringify(outcome.result ?? null) : null,
        outcome.status === 'FAILED' ? outcome.error : null,
      ],
    );
  }

  async find(id: string): Promise<AdminJob | undefined> {
    const [r] = (await this.dataSource.query(`${SELECT} WHERE id = $1`, [id])) as Row[];
    return r && toJob(r);
  }

  async recent(limit = 20): Promise<AdminJob[]> {
    return ((await this.dataSource.query(`${SELECT} ORDER BY created_at DESC LIMIT $1`, [limit])) as Row[]).map(toJob);
  }
}
