/**
 * A worker with every activity on Temporal's Java time-skipping test server and the run's real Postgres: for
 * workflow tests of deadlines, where the test skips weeks instead of waiting for them.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { Actor } from '@tdkt/domain';
import {
  createDataSource,
  DecisionNumbers,
  DossierQueries,
  SecretBallotBox,
  eventStoreWithReadModels,
} from '@tdkt/persistence';
import { createDossierActivities } from '../../apps/worker/src/activities';
import { createCentralActivities, InProcessCentralGateway } from '../../apps/worker/src/central-gateway';
import { createSessionActivities } from '../../apps/worker/src/session-activities';
import { WorkflowGateway } from '../../libs/platform/src/workflow-gateway';
import { createEmulationActivities } from '../../apps/worker/src/emulation-activities';
import { timeSkippingEnvironment } from './time-skipping-server';
import { dataConverterFromEnv, requestContextActivityInterceptor } from '@tdkt/platform';

export interface TimeSkippingWorld {
  env: TestWorkflowEnvironment;
  ds: DataSource;
  taskQueue: string;
  /** Skips the server's clock to an instant given in Hà Nội time, e.g. '2027-02-13T09:00:00'. */
  skipTo(isoLocal: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startTimeSkipping(prefix: string): Promise<TimeSkippingWorld> {
  const ds = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
  const env = await timeSkippingEnvironment();
  const eventStore = eventStoreWithReadModels(ds);
  const taskQueue = `${prefix}-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    activities: {
      ...createDossierActivities({ eventStore, decisionNumbers: new DecisionNumbers(ds) }),
      ...createSessionActivities({
        eventStore,
        dossiers: new DossierQueries(ds),
        workflows: new WorkflowGateway(env.client, { taskQueue }),
        ballotBox: new SecretBallotBox(ds, process.env.PII_HASH_KEY ?? randomUUID()),
      }),
      ...createCentralActivities(new InProcessCentralGateway()),
      ...createEmulationActivities({ eventStore }),
    },
    workflowBundle: { codePath: process.env.TDKT_WORKFLOW_BUNDLE ?? '' },
    dataConverter: dataConverterFromEnv(),
    // The worker's own activity interceptor (request context, the app's metrics), so a deadline test sees its timer counted.
    interceptors: { activity: [requestContextActivityInterceptor] },
  });
  const running = worker.run();
  return {
    env,
    ds,
    taskQueue,
    async skipTo(isoLocal) {
      const target = Date.parse(`${isoLocal}+07:00`);
      const now = await env.currentTimeMs();
      if (target > now) await env.sleep(target - now);
    },
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await ds.destroy();
    },
  };
}

export const actorOf = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});
