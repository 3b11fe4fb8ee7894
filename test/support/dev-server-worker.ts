import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { dataConverterFromEnv } from '@tdkt/platform';

/** A client and a worker on the run's Temporal dev server, on a task queue of their own. */
export interface DevServerWorker {
  client: Client;
  worker: Worker;
  taskQueue: string;
  /** Closes both connections (after the worker has stopped). */
  close: () => Promise<void>;
}

/**
 * Connects a client and creates a worker with `activities` and the run's workflow bundle (TDKT_WORKFLOW_BUNDLE), both
 * with the run's payload codec, on the task queue `<prefix>-<uuid>`.
 */
export async function devServerWorker(prefix: string, activities: object): Promise<DevServerWorker> {
  const address = process.env.TEMPORAL_ADDRESS;
  const connection = await Connection.connect({ address });
  const native = await NativeConnection.connect({ address });
  const taskQueue = `${prefix}-${randomUUID()}`;
  const worker = await Worker.create({
    connection: native,
    taskQueue,
    activities,
    workflowBundle: { codePath: process.env.TDKT_WORKFLOW_BUNDLE ?? '' },
    dataConverter: dataConverterFromEnv(),
  });
  return {
    client: new Client({ connection, dataConverter: dataConverterFromEnv() }),
    worker,
    taskQueue,
    close: async () => {
      await connection.close();
      await native.close();
    },
  };
}
