/**
 * The baseline's worker process (spawned by bench/src/writes.ts, as the product's worker is a process of its own):
 * BARE_DATABASE_URL, TEMPORAL_ADDRESS, BARE_TASK_QUEUE, BARE_WORKFLOW_BUNDLE. Prints "ready" once polling.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import type { BareActivities } from './workflows';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 10 });
  const activities: BareActivities = {
    async insertEvents({ streamId, seq, events }) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        for (const [i, e] of events.entries())
          await c.query(`INSERT INTO bare_event (stream_id, seq, type, data) VALUES ($1, $2, $3, $4)`, [
            streamId,
            seq + i + 1,
            e.type,
            JSON.stringify(e.data),
          ]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
    },
  };
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.BARE_TASK_QUEUE ?? '',
    workflowBundle: { codePath: process.env.BARE_WORKFLOW_BUNDLE ?? '' },
    activities,
  });
  process.on('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  console.log('ready');
  await running;
  await connection.close();
  await pool.end();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
