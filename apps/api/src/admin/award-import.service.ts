import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Actor, AwardImportField } from '@tdkt/domain';
import { AwardImporter, AwardImportJobs, sha256Of, UnreadableFile } from '@tdkt/persistence';

/**
 * Award-list imports as jobs: the upload is answered at once with a job id (a re-upload of a file already imported is
 * refused before any job starts), the file is read and checked, and the events appended, in the background; the job
 * row tells how far it got. Logs name the job and the file hash, never a cell of the file.
 */
@Injectable()
export class AwardImportService {
  private readonly log = new Logger('award-import');
  /** Jobs still running in this process (awaited at shutdown by tests through `settled`). */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly importer: AwardImporter,
    readonly jobs: AwardImportJobs,
  ) {}

  /** The earlier complete import of the same bytes, if any. */
  async previous(bytes: Buffer) {
    const prev = await this.importer.previousImport(sha256Of(bytes));
    return prev?.complete ? prev : undefined;
  }

  async start(
    actor: Actor,
    file: { bytes: Buffer; name: string },
    dryRun: boolean,
    mapping?: Partial<Record<AwardImportField, string>>,
  ): Promise<string> {
    const jobId = randomUUID();
    await this.jobs.create({
      jobId,
      dryRun,
      fileSha256: sha256Of(file.bytes),
      fileName: file.name.slice(0, 200),
      createdBy: actor.userId,
    });
    const work = this.run(jobId, actor, file, dryRun, mapping).finally(() => this.running.delete(jobId));
    this.running.set(jobId, work);
    return jobId;
  }

  private async run(
    jobId: string,
    actor: Actor,
    file: { bytes: Buffer; name: string },
    dryRun: boolean,
    mapping?: Partial<Record<AwardImportField, string>>,
  ): Promise<void> {
    try {
      const out = await this.importer.run(file, actor, {
        dryRun,
        ...(mapping ? { mapping } : {}),
        onProgress: (done, total) => this.jobs.progress(jobId, done, total),
      });
      const status = out.refusal
        ? out.refusal.code === 'WRONG_STATE'
          ? 'REFUSED'
          : 'FAILED'
        : dryRun
          ? 'VALIDATED'
          : 'SUCCEEDED';
      await this.jobs.finish(jobId, {
        status,
        total: out.rows + out.errors.length,
        done: out.imported,
        errors: out.errors,
        message: out.refusal?.message ?? null,
        importId: out.importId ?? null,
      });
      this.log.log(
        `job ${jobId} (${out.fileSha256.slice(0, 12)}…) ${status}: ${out.imported} imported, ${out.errors.length} row errors`,
      );
    } catch (e) {
      const message = e instanceof UnreadableFile ? e.message : 'The import failed; see the server log for the job id';
      if (!(e instanceof UnreadableFile))
        this.log.error(`job ${jobId} failed: ${e instanceof Error ? e.name : 'error'}`);
      await this.jobs.finish(jobId, { status: 'FAILED', total: 0, done: 0, errors: [], message, importId: null });
    }
  }

  async settled(): Promise<void> {
    await Promise.all(this.running.values());
  }
}
