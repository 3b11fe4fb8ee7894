/**
 * Health for the orchestrators: the API's liveness and readiness (database and Temporal, on @nestjs/terminus), and the
 * worker's own health server (WORKER_HEALTH_PORT) reporting its polling state and the database, on the real system.
 */
import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createApi } from '../../apps/api/src/api';
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
    // Terminus's health-check result: every indicator up, under `info` and `details`, nothing under `error`.
    expect(ready).toMatchObject({
      status: 200,
      cache: 'no-cache, no-store, must-revalidate',
      body: {
        status: 'ok',
        info: { database: { status: 'up' }, temporal: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' }, temporal: { status: 'up' } },
      },
    });
  });
});

/** A TCP relay to the run's Temporal frontend that the test can cut, for a real outage of Temporal. */
async function relayTo(target: string): Promise<{ address: string; cut: () => Promise<void> }> {
  const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  const sockets = new Set<Socket>();
  const server: Server = createServer((inbound) => {
    const outbound = connect(port, host);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        for (const s of sockets) s.destroy();
      }),
  };
}

describe('API readiness when Temporal goes away', () => {
  let app: INestApplication | undefined;
  let relay: Awaited<ReturnType<typeof relayTo>> | undefined;
  const savedAddress = process.env.TEMPORAL_ADDRESS;
  afterAll(async () => {
    await app?.close();
    await relay?.cut();
  });

  it('answers 503 naming temporal (the database still up) with the request id, while /live stays 200', async () => {
    relay = await relayTo(savedAddress ?? '127.0.0.1:7233');
    process.env.TEMPORAL_ADDRESS = relay.address;
    try {
      app = await createApi();
    } finally {
      process.env.TEMPORAL_ADDRESS = savedAddress;
    }
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
    expect((await getJson(`${base}/health/ready`)).status).toBe(200);

    await relay.cut();
    const res = await fetch(`${base}/health/ready`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expect(body).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { temporal: { status: 'down', message: expect.any(String) } },
      details: { database: { status: 'up' }, temporal: { status: 'down' } },
      requestId: res.headers.get('x-request-id'),
    });
    expect(body.requestId).toEqual(expect.any(String));
    // Liveness does no I/O: a dependency outage never restarts the API.
    expect(await getJson(`${base}/health/live`)).toMatchObject({ status: 200, body: { status: 'alive' } });
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
