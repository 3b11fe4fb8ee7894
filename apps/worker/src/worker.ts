import 'reflect-metadata';
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

export interface RunningWorker {
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

/** Where the workflow code comes from: a prebuilt bundle (TDKT_WORKFLOW_BUNDLE) or the sources, bundled at start. */
function workflowSource(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const bundle = process.env.TDKT_WORKFLOW_BUNDLE;
  return bundle ? { workflowBundle: { codePath: bundle } } : { workflowsPath: require.resolve('@tdkt/workflows') };
}

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
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  const config = app.get<AppConfig>(CONFIG);
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
  // Anchoring is the worker's periodic chore (an interval, not a workflow: it is one SQL transaction, no orchestration).
  const anchorJob = startAnchorJob(new Anchors(app.get<DataSource>(DATA_SOURCE)), intervalSeconds);
  const done = worker.run().finally(async () => {
    await anchorJob.stop();
    await connection.close();
    await app.close();
  });
  return {
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
