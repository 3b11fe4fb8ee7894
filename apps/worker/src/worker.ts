import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { temporalConnectionOptions, type AppConfig } from '@tdkt/config';
import { dataConverter } from '@tdkt/platform';
import type { DossierActivities } from '@tdkt/workflows/src/messages';
import type { SessionActivities } from '@tdkt/workflows/src/council-messages';
import type { DataSource } from 'typeorm';
import { Anchors } from '@tdkt/persistence';
import { ACTIVITIES, CONFIG, DATA_SOURCE, WorkerModule } from './worker.module';
import { anchorIntervalSeconds, startAnchorJob } from './anchor-job';
import { startHealthServer, workerHealthAddress, type HealthServer, type PollingStatus } from './health-server';

export interface RunningWorker {
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
  shutdown(): Promise<void>;
  /** The port of the health server (GET /live, /ready) when WORKER_HEALTH_PORT is set. */
  healthPort?: number;
}

/**
 * Where the workflow code comes from: a prebuilt bundle (TDKT_WORKFLOW_BUNDLE), else the bundle `npm run build` wrote
 * beside the compiled code (dist/workflow-bundle.js, production: no bundling, no TypeScript at start), else the
 * sources, bundled at start (development and tests).
 */
function workflowSource(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const bundle = process.env.TDKT_WORKFLOW_BUNDLE;
  if (bundle) return { workflowBundle: { codePath: bundle } };
  const built = join(__dirname, '..', '..', '..', 'workflow-bundle.js');
  if (__filename.endsWith('.js') && existsSync(built)) return { workflowBundle: { codePath: built } };
  return { workflowsPath: require.resolve('@tdkt/workflows') };
}

const STARTING: PollingStatus = { runState: 'STARTING', workflowPollerState: 'NOT_STARTED', activityPollerState: 'NOT_STARTED' };

let runtimeInstalled = false;
/**
 * Quiet logs, and no signal handlers of the SDK's own: whoever hosts the worker decides when it stops. Call it before
 * anything else creates the SDK runtime (a TestWorkflowEnvironment does).
 */
export function installRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger((process.env.TDKT_WORKER_LOG_LEVEL as 'WARN' | undefined) ?? 'WARN'), shutdownSignals: [] });
}

/** Starts a Temporal worker hosted in a NestJS application context. */
export async function startWorker(): Promise<RunningWorker> {
  installRuntime();
  const intervalSeconds = anchorIntervalSeconds();
  // The health server comes first: while Postgres or Temporal is awaited (with retries) /live answers and /ready says why not.
  const probes: { worker?: Worker; dataSource?: DataSource } = {};
  const healthAddress = workerHealthAddress();
  const health: HealthServer | undefined = healthAddress
    ? await startHealthServer(
        {
          status: () => probes.worker?.getStatus() ?? STARTING,
          database: async () => {
            if (!probes.dataSource?.isInitialized) throw new Error('not connected yet');
            await probes.dataSource.query('SELECT 1');
          },
        },
        healthAddress,
      )
    : undefined;
  try {
    return await createAndRun(intervalSeconds, probes, health);
  } catch (e: unknown) {
    await health?.close();
    throw e;
  }
}

async function createAndRun(intervalSeconds: number, probes: { worker?: Worker; dataSource?: DataSource }, health: HealthServer | undefined): Promise<RunningWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  const config = app.get<AppConfig>(CONFIG);
  probes.dataSource = app.get<DataSource>(DATA_SOURCE);
  const activities = app.get<DossierActivities & SessionActivities>(ACTIVITIES);
  const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal));
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities,
    dataConverter: dataConverter(config.temporal),
    ...workflowSource(),
  });
  probes.worker = worker;
  // Anchoring is the worker's periodic chore (an interval, not a workflow: it is one SQL transaction, no orchestration).
  const anchorJob = startAnchorJob(new Anchors(app.get<DataSource>(DATA_SOURCE)), intervalSeconds);
  const done = worker.run().finally(async () => {
    await anchorJob.stop();
    await connection.close();
    await app.close();
    await health?.close();
  });
  return {
    done,
    healthPort: health?.port,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
