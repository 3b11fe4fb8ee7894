import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '@tdkt/config';
import type { Actor } from '@tdkt/domain';
import {
  AdminJobs,
  Anchors,
  ChainVerifier,
  DecisionNumbers,
  EventStore,
  rebuildReadModels,
  type AdminJob,
  type AdminJobKind,
  type ChainedEvent,
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
  ) {}

  async start(actor: Actor, kind: AdminJobKind, params: Record<string, unknown>): Promise<AdminJob> {
    const id = randomUUID();
    await this.jobs.create({ id, kind, params, createdBy: actor.userId });
    // The answer is the job as it starts (a small table may be verified before a re-read would see it running).
    const job = await this.jobs.find(id);
    if (!job) throw new Error(`job ${id} vanished`);
    const work = this.run(id, kind, params).finally(() => this.running.delete(id));
    this.running.set(id, work);
    return job;
  }

  private async run(id: string, kind: AdminJobKind, params: Record<string, unknown>): Promise<void> {
    // Between progress reports (a rebuild's last page, a long history), the heartbeat says the process still works on it.
    const heartbeat = setInterval(() => void this.jobs.progress(id, {}).catch(() => undefined), HEARTBEAT_MS);
    const started = Date.now();
    try {
      const result = await this.work(id, kind, params);
      await this.jobs.finish(id, { status: 'SUCCEEDED', result });
      adminJobsTotal.inc({ kind, status: 'SUCCEEDED' });
      this.log.info({ jobId: id, kind, ms: Date.now() - started }, 'admin job succeeded');
    } catch (e) {
      // The error's class only in the row and the log: a database message may quote a stored value.
      await this.jobs
        .finish(id, {
          status: 'FAILED',
          error: `${e instanceof Error ? e.name : 'Error'}; the server log has the job id`,
        })
        .catch(() => undefined);
      adminJobsTotal.inc({ kind, status: 'FAILED' });
      this.log.error({ jobId: id, kind, err: e }, 'admin job failed');
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async work(id: string, kind: AdminJobKind, params: Record<string, unknown>): Promise<unknown> {
    const events = this.events;
    switch (kind) {
      case 'VERIFY_CHAIN': {
        await this.jobs.progress(id, { phase: 'recomputing every hash chain', total: await events.count() });
        const counting = new CountingEventStore(this.dataSource, (done) => this.jobs.progress(id, { done }));
        return new ChainVerifier(counting, this.anchors).verifyAll();
      }
      case 'REBUILD_READ_MODELS': {
        const only = typeof params.only === 'string' ? params.only : undefined;
        await this.jobs.progress(id, { phase: 'creating the shadow tables' });
        // Progress per page, written by another connection than the rebuild's transaction (so the status shows it), at
        // most once a second; the total is the events to replay (of the read model's streams, with `only`).
        let reported = 0;
        const result = await rebuildReadModels(this.dataSource, {
          ...(only !== undefined ? { only } : {}),
          onPhase: (phase) =>
            this.jobs.progress(id, {
              phase:
                phase === 'REPLAY'
                  ? 'replaying the event table into shadow tables (readers see the live rows, appends go on)'
                  : 'appends paused: catching up with the events appended meanwhile and swapping the tables in',
            }),
          onProgress: async (done, total) => {
            if (Date.now() - reported < 1000) return;
            reported = Date.now();
            await this.jobs.progress(id, { done, total });
          },
        });
        await this.jobs.progress(id, { done: result.events, total: result.events });
        return result;
      }
      case 'RECONCILE': {
        await this.jobs.progress(id, { phase: 'reading the running workflows' });
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
            onProgress: (done, total) => this.jobs.progress(id, { done, total }),
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
