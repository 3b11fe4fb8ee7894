/**
 * Health for the orchestrators: the API's liveness and readiness (database and Temporal), and the worker's own health
 * server (WORKER_HEALTH_PORT) reporting its polling state and the database, on the real system.
 */
import { randomUUID } from 'node:crypto';
import { startSystem, type TestSystem } from '../support/system';
import { startWorker, type RunningWorker } from '../../apps/worker/src/worker';

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown>; cache: string | null }> {
  const res = await fetch(url);
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    cache: res.headers.get('cache-control'),
  };
}

describe('API health', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem();
  });
  afterAll(async () => sys?.stop());

  it('is live without touching a dependency, and ready when Postgres and Temporal answer', async () => {
    expect(await getJson(`${sys.baseUrl}/health/live`)).toMatchObject({ status: 200, body: { status: 'alive' } });
    const ready = await getJson(`${sys.baseUrl}/health/ready`);
    expect(ready).toMatchObject({
      status: 200,
      cache: 'no-store',
      body: { status: 'ready', checks: { database: { ok: true }, temporal: { ok: true } } },
    });
  });
});

describe("the worker's health server", () => {
  let worker: RunningWorker | undefined;
  const saved = {
    port: process.env.WORKER_HEALTH_PORT,
    host: process.env.WORKER_HEALTH_HOST,
    queue: process.env.TEMPORAL_TASK_QUEUE,
  };
  afterAll(async () => {
    await worker?.shutdown();
    for (const [k, v] of [
      ['WORKER_HEALTH_PORT', saved.port],
      ['WORKER_HEALTH_HOST', saved.host],
      ['TEMPORAL_TASK_QUEUE', saved.queue],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('reports ready once both pollers poll and the database answers, and closes with the worker', async () => {
    process.env.WORKER_HEALTH_PORT = '0';
    process.env.WORKER_HEALTH_HOST = '127.0.0.1';
    process.env.TEMPORAL_TASK_QUEUE = `test-${randomUUID()}`;
    worker = await startWorker();
    const base = `http://127.0.0.1:${worker.healthPort}`;
    expect(worker.healthPort).toBeGreaterThan(0);
    expect(await getJson(`${base}/live`)).toMatchObject({ status: 200, body: { status: 'alive' } });
    // The pollers report POLLING as soon as run() has started them: wait for it (bounded) rather than sleep.
    let ready = await getJson(`${base}/ready`);
    for (let i = 0; i < 50 && ready.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await getJson(`${base}/ready`);
    }
    expect(ready).toMatchObject({
      status: 200,
      body: {
        status: 'ready',
        worker: { runState: 'RUNNING', workflowPollerState: 'POLLING', activityPollerState: 'POLLING' },
        checks: { database: { ok: true } },
      },
    });
    await worker.shutdown();
    worker = undefined;
    await expect(fetch(`${base}/live`)).rejects.toThrow();
  });
});
