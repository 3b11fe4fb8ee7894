import type { DataSource } from 'typeorm';
import type { RowError } from '@tdkt/domain';

export type AwardImportJobStatus = 'RUNNING' | 'SUCCEEDED' | 'VALIDATED' | 'FAILED' | 'REFUSED';

export interface AwardImportJob {
  jobId: string;
  status: AwardImportJobStatus;
  dryRun: boolean;
  fileSha256: string;
  fileName: string;
  totalRows: number;
  doneRows: number;
  errors: RowError[];
  message: string | null;
  importId: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
}

interface Row {
  id: string;
  status: AwardImportJobStatus;
  dry_run: boolean;
  file_sha256: string;
  file_name: string;
  total_rows: number;
  done_rows: number;
  errors: RowError[];
  message: string | null;
  import_id: string | null;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
}

/** The status of award-import jobs run by the API (operational state: who started which file, how far it got). */
export class AwardImportJobs {
  constructor(private readonly dataSource: DataSource) {}

  async create(job: {
    jobId: string;
    dryRun: boolean;
    fileSha256: string;
    fileName: string;
    createdBy: string;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO award_import_job (id, status, dry_run, file_sha256, file_name, created_by, created_at) VALUES ($1, 'RUNNING', $2, $3, $4, $5, now())`,
      [job.jobId, job.dryRun, job.fileSha256, job.fileName, job.createdBy],
    );
  }

  async progress(jobId: string, done: number, total: number): Promise<void> {
    await this.dataSource.query(`UPDATE award_import_job SET done_rows = $2, total_rows = $3 WHERE id = $1`, [
      jobId,
      done,
      total,
    ]);
  }

  async finish(
    jobId: string,
    r: {
      status: AwardImportJobStatus;
      total: number;
      done: number;
      errors: RowError[];
      message: string | null;
      importId: string | null;
    },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE award_import_job SET status = $2, total_rows = $3, done_rows = $4, errors = $5, message = $6, import_id = $7, finished_at = now() WHERE id = $1`,
      [jobId, r.status, r.total, r.done, JSON.stringify(r.errors), r.message, r.importId],
    );
  }

  async find(jobId: string): Promise<AwardImportJob | undefined> {
    const [r] = (await this.dataSource.query(`SELECT * FROM award_import_job WHERE id = $1`, [jobId])) as Row[];
    return (
      r && {
        jobId: r.id,
        status: r.status,
        dryRun: r.dry_run,
        fileSha256: r.file_sha256,
        fileName: r.file_name,
        totalRows: r.total_rows,
        doneRows: r.done_rows,
        errors: r.errors,
        message: r.message,
        importId: r.import_id,
        createdBy: r.created_by,
        createdAt: r.created_at.toISOString(),
        finishedAt: r.finished_at?.toISOString() ?? null,
      }
    );
  }
}
