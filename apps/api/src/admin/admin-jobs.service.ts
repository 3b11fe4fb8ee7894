import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '@tdkt/config';
import type { Actor } from '@tdkt/domain';
import {
  AdminJobRefusal,
  AdminJobs,
  Anchors,
  ChainVerifier,
  ConcurrentAppendError,
  DecisionNumbers,
  DirectoryImporter,
  EventStore,
  rebuildReadModels,
  type AdminJob,
  type AdminJobKind,
  type AdminTaskKind,
  type ChainedEvent,
  type CheckedDirectoryImport,
  inlineReadModels,
} from '@tdkt/persistence';
import { adminJobsTotal, dataConverter, logger, reconcile } from '@tdkt/platform';
import { CONFIG } from '../platform/tokens';

/** The event store, reporting how many events a whole-table read has passed (at most once a second). */
class CountingEventStore extends EventStore {
  constructor(
    dataSource: DataSource,
    private readonly onCount: (n: number) => Promise<void>,
  ) {
    super(dataSource, inlineReadModels);
  }

  override async *readAll(pageSize = 1000, manager?: EntityManager): AsyncGenerator<ChainedEvent[]> {
    let n = 0;
    let reported = 0;
    for await (const page of super.readAll(pageSize, manager)) {
      n += page.length;
      if (Date.now() - reported > 1000) {
        reported = Date.now();
        await this.onCount(n);
      }
      yield page;
    }
    await this.onCount(n);
  }
}

const HEARTBEAT_MS = 20_000;

/** A job's work: its report, telling its progress on the way. */
type JobWork = (progress: (p: { phase?: string; done?: number; total?: number }) => Promise<void>) => Promise<unknown>;

/**
 * Long administration tasks as background jobs: the request answers 202 with the job at once, the work runs in this
 * process, and the admin_job row tells its phase, progress, heartbeat and result (GET /api/admin/jobs/:id). One job of
 * a kind at a time; a job whose process died shows as stale and no longer blocks its kind.
 */
@Injectable()
export class AdminJobsService implements OnApplicationShutdown {
  private readonly log = logger('admin-job');
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
    readonly jobs: AdminJobs,
    private readonly events: EventStore,
    private readonly anchors: Anchors,
    private readonly decisionNumbers: DecisionNumbers,
    private readonly directoryImporter: DirectoryImporter,
  ) {}

  /** A task of POST /api/admin/jobs (verify, rebuild, reconcile). */
  start(actor: Actor, kind: AdminTaskKind, params: Record<string, unknown>): Promise<AdminJob> {
    return this.launch(actor, kind, params, (progress) => this.work(kind, params, progress));
  }

  /**
   * The rows of a directory file its request checked, written as a job: done/total are the rows written so far in
   * the import's one transaction (nothing shows in the directory before it commits); the report is the import's.
   * The file itself is not kept: if the process dies, the transaction is rolled back and the job goes stale.
   */
  startDirectoryImport(actor: Actor, checked: CheckedDirectoryImport): Promise<AdminJob> {
    const { fileSha256, fileName, sheets } = checked.outcome;
    const params = { fileSha256, fileName, sheets: sheets.map((s) => s.sheet), rows: checked.writes.length };
    return this.launch(actor, 'DIRECTORY_IMPORT', params, async (progress) => {
      await progress({ phase: 'writing one event per row, all in one transaction', done: 0, total: params.rows });
      let reported = 0;
      try {
        return await this.directoryImporter.write(checked, actor, async (done, total) => {
          if (done < total && Date.now() - reported < 1000) return;
          reported = Date.now();
          await progress({ done, total });
        });
      } catch (e) {
        if (e instanceof ConcurrentAppendError)
          throw new AdminJobRefusal(
            'A unit or user of the file was changed by another request during the import; nothing was imported: check the file again and import it again',
          );
        throw e;
      }
    });
  }

  private async launch(
    actor: Actor,
    kind: AdminJobKind,
    params: Record<string, unknown>,
    work: JobWork,
  ): Promise<AdminJob> {
    const id = randomUUID();
    await this.jobs.create({ id, kind, params, createdBy: actor.userId });
    // The answer is the job as it starts (a small table may be verified before a re-read would see it running).
    const job = await this.jobs.find(id);
    if (!job) throw new Error(`job ${id} vanished`);
    const running = this.run(id, kind, work).finally(() => this.running.delete(id));
    this.running.set(id, running);
    return job;
  }

  private async run(id: string, kind: AdminJobKind, work: JobWork): Promise<void> {
    // Between progress reports (a rebuild's last page, a long history), the heartbeat says the process still works on it.
    const heartbeat = setInterval(() => void this.jobs.progress(id, {}).catch(() => undefined), HEARTBEAT_MS);
    const started = Date.now();
    try {
      const result = await work((p) => this.jobs.progress(id, p));
      await this.jobs.finish(id, { status: 'SUCCEEDED', result });
      adminJobsTotal.inc({ kind, status: 'SUCCEEDED' });
      this.log.info({ jobId: id, kind, ms: Date.now() - started }, 'admin job succeeded');
    } catch (e) {
      // The error's class only in the row and the log (a database message may quote a stored value), but for a refusal.
      await this.jobs
        .finish(id, {
          status: 'FAILED',
          error:
            e instanceof AdminJobRefusal
              ? e.message
              : `${e instanceof Error ? e.name : 'Error'}; the server log has the job id`,
        })
        .catch(() => undefined);
      adminJobsTotal.inc({ kind, status: 'FAILED' });
      this.log.error({ jobId: id, kind, err: e }, 'admin job failed');
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async work(
    kind: AdminTaskKind,
    params: Record<string, unknown>,
    progress: Parameters<JobWork>[0],
  ): Promise<unknown> {
    const events = this.events;
    switch (kind) {
      case 'VERIFY_CHAIN': {
        await progress({ phase: 'recomputing every hash chain', total: await events.count() });
        const counting = new CountingEventStore(this.dataSource, (done) => progress({ done }));
        return new ChainVerifier(counting, this.anchors).verifyAll();
      }
      case 'REBUILD_READ_MODELS': {
        const only = typeof params.only === 'string' ? params.only : undefined;
        await progress({ phase: 'creating the shadow tables' });
        // Progress per page, written by another connection than the rebuild's transaction (so the status shows it), at
        // most once a second; the total is the events to replay (of the read model's streams, with `only`).
        let reported = 0;
        const result = await rebuildReadModels(this.dataSource, {
          ...(only !== undefined ? { only } : {}),
          onPhase: (phase) =>
            progress({
              phase:
                phase === 'REPLAY'
                  ? 'replaying the event table into shadow tables (readers see the live rows, appends go on)'
                  : 'appends paused: catching up with the events appended meanwhile and swapping the tables in',
            }),
          onProgress: async (done, total) => {
            if (Date.now() - reported < 1000) return;
            reported = Date.now();
            await progress({ done, total });
          },
        });
        await progress({ done: result.events, total: result.events });
        return result;
      }
      case 'RECONCILE': {
        await progress({ phase: 'reading the running workflows' });
        return reconcile(
          {
            temporal: this.temporal,
            dataConverter: dataConverter(this.config.temporal),
            events,
            decisionNumbers: this.decisionNumbers,
          },
          {
            apply: params.apply === true,
            ...(typeof params.query === 'string' ? { query: params.query } : {}),
            onProgress: (done, total) => progress({ done, total }),
          },
        );
      }
    }
  }

  /** Jobs still running in this process (tests wait for them; shutdown does too, so no row is left RUNNING). */
  async settled(): Promise<void> {
    await Promise.all(this.running.values());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }
}
