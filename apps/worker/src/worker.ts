import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import {
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  type LogLevel,
  type WorkerOptions,
} from '@temporalio/worker';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { temporalConnectionOptions, type AppConfig } from '@tdkt/config';
import {
  collectProcessMetrics,
  dataConverter,
  logger,
  metricsText,
  NestPinoLogger,
  requestContextActivityInterceptor,
  setServiceName,
} from '@tdkt/platform';
import { tracing } from '@tdkt/platform/src/observability/tracing';
import type { DossierActivities } from '@tdkt/workflows/src/messages';
import type { SessionActivities } from '@tdkt/workflows/src/council-messages';
import { DataSource } from 'typeorm';
import { Anchors, databaseAnswers } from '@tdkt/persistence';
import { ACTIVITIES, CONFIG, WorkerModule } from './worker.module';
import { WORKFLOW_INTERCEPTOR_MODULES } from './workflow-modules';
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

/** Interceptors and sinks: the request context and app metrics on every activity; traces when tracing is on. */
function observability(source: ReturnType<typeof workflowSource>): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  const t = tracing();
  return {
    interceptors: {
      activity: [
        requestContextActivityInterceptor,
        ...(t
          ? [
              (ctx: Parameters<typeof requestContextActivityInterceptor>[0]) => ({
                inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
                outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
              }),
            ]
          : []),
      ],
      ...('workflowsPath' in source ? { workflowModules: [...WORKFLOW_INTERCEPTOR_MODULES] } : {}),
    },
    // A bundle with OpenTelemetry's workflow interceptors exports its spans through this sink (dropped when tracing is off).
    sinks: { exporter: t ? makeWorkflowExporter(t.spanProcessor, t.resource) : { export: { fn: () => undefined } } },
  };
}

/** TEMPORAL_METRICS_ADDRESS (host:port) for the SDK's Prometheus endpoint; with the health server on, a free local port. */
async function sdkMetricsAddress(healthOn: boolean): Promise<string | undefined> {
  const configured = process.env.TEMPORAL_METRICS_ADDRESS?.trim();
  if (configured) return configured;
  if (!healthOn) return undefined;
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(`127.0.0.1:${port}`));
    });
  });
}

let sdkMetrics: string | undefined;
/** The Temporal SDK's own metrics (Core's Prometheus text: polls, task latencies, slots, sticky cache…), when on. */
async function temporalSdkMetrics(): Promise<string | undefined> {
  if (!sdkMetrics) return undefined;
  const res = await fetch(`http://${sdkMetrics.replace(/^0\.0\.0\.0:/, '127.0.0.1:')}/metrics`, {
    signal: AbortSignal.timeout(2000),
  });
  return res.ok ? res.text() : undefined;
}

const STARTING: PollingStatus = {
  runState: 'STARTING',
  workflowPollerState: 'NOT_STARTED',
  activityPollerState: 'NOT_STARTED',
};

let runtimeInstalled = false;
/**
 * The SDK's logs (TDKT_WORKER_LOG_LEVEL, default WARN) as JSON lines through pino, its metrics on a Prometheus
 * endpoint when an address is given (served again by the worker's /metrics), and no signal handlers of the SDK's
 * own: whoever hosts the worker decides when it stops. Call it before anything else creates the SDK runtime (a
 * TestWorkflowEnvironment does).
 */
export function installRuntime(metricsAddress?: string): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const log = logger('temporal');
  const level = (process.env.TDKT_WORKER_LOG_LEVEL as LogLevel | undefined) ?? 'WARN';
  const toPino = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;
  sdkMetrics = metricsAddress;
  Runtime.install({
    logger: new DefaultLogger(level, (entry) => log[toPino[entry.level]]({ ...(entry.meta ?? {}) }, entry.message)),
    shutdownSignals: [],
    ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } } : {}),
  });
}

/** Starts a Temporal worker hosted in a NestJS application context. */
export async function startWorker(): Promise<RunningWorker> {
  setServiceName('tdkt-worker');
  collectProcessMetrics('tdkt-worker');
  const healthAddress = workerHealthAddress();
  installRuntime(await sdkMetricsAddress(healthAddress !== undefined));
  const intervalSeconds = anchorIntervalSeconds();
  // The health server comes first: while Postgres or Temporal is awaited (with retries) /live answers and /ready says why not.
  const probes: { worker?: Worker; dataSource?: DataSource } = {};
  const health: HealthServer | undefined = healthAddress
    ? await startHealthServer(
        {
          status: () => probes.worker?.getStatus() ?? STARTING,
          database: async () => {
            if (!probes.dataSource) throw new Error('not connected yet');
            await databaseAnswers(probes.dataSource);
          },
          metrics: () => metricsText(temporalSdkMetrics),
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

async function createAndRun(
  intervalSeconds: number,
  probes: { worker?: Worker; dataSource?: DataSource },
  health: HealthServer | undefined,
): Promise<RunningWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: new NestPinoLogger() });
  const config = app.get<AppConfig>(CONFIG);
  probes.dataSource = app.get(DataSource);
  const activities = app.get<DossierActivities & SessionActivities>(ACTIVITIES);
  const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal));
  const source = workflowSource();
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities,
    dataConverter: dataConverter(config.temporal),
    ...source,
    ...observability(source),
  });
  probes.worker = worker;
  // Anchoring is the worker's periodic chore (an interval, not a workflow: it is one SQL transaction, no orchestration).
  const anchorJob = startAnchorJob(new Anchors(app.get(DataSource)), intervalSeconds);
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
