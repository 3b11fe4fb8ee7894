/**
 * The engine scaled out as a province deploys it, as real OS processes: API and worker processes (`apps/api/src/main.ts`,
 * `apps/worker/src/main.ts`, the same entry points as production) against one Temporal server, one database and one
 * task queue, each on ports of its own. A process can be killed with SIGKILL and started again. Used by the scale-out
 * test (test/scale) and the scale bench (bench/src/scale.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, ROOT, spawnTracked, stopChild, waitFor } from '../../infra/src/runtime';

export interface ClusterOptions {
  temporalAddress: string;
  /** The runtime role's URL of the database every process shares. */
  databaseUrl: string;
  taskQueue: string;
  /** The prebuilt workflow bundle the workers load (no webpack per worker). */
  workflowBundle: string;
  /** Folder for the process logs and the local issuer's key file (shared, so a token of one API is valid on all). */
  dir: string;
  /** More environment for every process (PII_HASH_KEY and TEMPORAL_CODEC_KEYS come from this process's). */
  env?: Record<string, string>;
  /** Run the built output (`node dist/apps/…/main.js`, after `npm run build`) instead of the sources under ts-node. */
  built?: boolean;
}

export type ProcessKind = 'api' | 'worker';

export class AppProcess {
  private child?: ChildProcess;
  private port = 0;
  private ready = false;
  /** Times this process was started. */
  starts = 0;

  constructor(
    readonly name: string,
    readonly kind: ProcessKind,
    private readonly options: ClusterOptions,
  ) {}

  /** The API's base URL (`http://127.0.0.1:<port>/api`); for a worker, its health server. */
  get baseUrl(): string {
    return this.kind === 'api' ? `http://127.0.0.1:${this.port}/api` : `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Started, found ready, and not exited since: an API to send requests to. */
  get serving(): boolean {
    return this.ready && this.alive;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process (on a new free port each time) and waits until it is ready: the API's /health/ready, the worker's /ready. */
  async start(timeoutMs = 180_000): Promise<void> {
    if (this.alive) throw new Error(`${this.name} is already running`);
    this.ready = false;
    this.port = await freePort();
    const entry = `apps/${this.kind}/src/main.ts`;
    const log = openSync(join(this.options.dir, `${this.name}.log`), 'a');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...this.options.env,
      DATABASE_URL: this.options.databaseUrl,
      TEMPORAL_ADDRESS: this.options.temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: this.options.taskQueue,
      TDKT_WORKFLOW_BUNDLE: this.options.workflowBundle,
      AUTH_MODE: 'local',
      AUTH_LOCAL_KEY_FILE: join(this.options.dir, 'local-issuer.key'),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...(this.kind === 'api'
        ? { PORT: String(this.port) }
        : { WORKER_HEALTH_PORT: String(this.port), WORKER_HEALTH_HOST: '127.0.0.1' }),
    };
    const args = this.options.built
      ? [join('dist', entry.replace(/\.ts$/, '.js'))]
      : ['-r', 'ts-node/register/transpile-only', entry];
    this.child = spawnTracked(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', log, log],
    });
    this.starts++;
    const ready = this.kind === 'api' ? `${this.baseUrl}/health/ready` : `${this.baseUrl}/ready`;
    await waitFor(
      `${this.name} (log: ${join(this.options.dir, `${this.name}.log`)})`,
      async () => (await fetch(ready, { signal: AbortSignal.timeout(3000) })).ok,
      timeoutMs,
      this.child,
    );
    this.ready = true;
  }

  /** kill -9: no shutdown hook runs, in-flight requests and activities are cut off where they are. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive || !child.pid) return;
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    this.ready = false;
    process.kill(child.pid, 'SIGKILL');
    await exited;
  }

  /** A graceful stop (SIGTERM to its process group, SIGKILL after 15 s). */
  async stop(): Promise<void> {
    if (this.child) await stopChild(this.child, 15_000);
  }
}

export interface Cluster {
  apis: AppProcess[];
  workers: AppProcess[];
  /** Starts one more worker on the same task queue. */
  addWorker(): Promise<AppProcess>;
  stop(): Promise<void>;
}

/** Starts `apis` API and `workers` worker processes, all at once, and waits until every one is ready. */
export async function startCluster(
  options: ClusterOptions,
  counts: { apis: number; workers: number },
): Promise<Cluster> {
  const apis = Array.from({ length: counts.apis }, (_, i) => new AppProcess(`api-${i + 1}`, 'api', options));
  const workers = Array.from(
    { length: counts.workers },
    (_, i) => new AppProcess(`worker-${i + 1}`, 'worker', options),
  );
  const all = () => [...apis, ...workers];
  const stop = async () => {
    await Promise.all(all().map((p) => p.stop()));
  };
  try {
    // Workers first (the API's readiness asks Temporal, not the workers, but commands need a poller), then the APIs.
    await Promise.all(workers.map((w) => w.start()));
    await Promise.all(apis.map((a) => a.start()));
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    apis,
    workers,
    async addWorker() {
      const w = new AppProcess(`worker-${workers.length + 1}`, 'worker', options);
      workers.push(w);
      await w.start();
      return w;
    },
    stop,
  };
}
