import { ConfigError } from '@tdkt/config';
import { startHealthServer, workerHealthAddress, type HealthServer, type PollingStatus } from './health-server';

const RUNNING: PollingStatus = { runState: 'RUNNING', workflowPollerState: 'POLLING', activityPollerState: 'POLLING' };

describe("the worker's health server", () => {
  let server: HealthServer | undefined;
  let status: PollingStatus;
  let database: () => Promise<unknown>;
  const get = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${server?.port}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeEach(async () => {
    status = RUNNING;
    database = async () => 1;
    server = await startHealthServer(
      { status: () => status, database: () => database() },
      { port: 0, host: '127.0.0.1' },
    );
  });
  afterEach(async () => server?.close());

  it('is ready when the worker runs, both pollers poll and the database answers', async () => {
    expect(await get('/ready')).toMatchObject({
      status: 200,
      body: { status: 'ready', worker: RUNNING, checks: { database: { ok: true } } },
    });
    expect(await get('/live')).toMatchObject({ status: 200, body: { status: 'alive' } });
  });

  it('is not ready while starting, but alive (a slow Postgres does not get it restarted)', async () => {
    status = { runState: 'STARTING', workflowPollerState: 'NOT_STARTED', activityPollerState: 'NOT_STARTED' };
    database = () => Promise.reject(new Error('not connected yet'));
    expect(await get('/ready')).toMatchObject({
      status: 503,
      body: { status: 'not-ready', checks: { database: { ok: false, error: 'not connected yet' } } },
    });
    expect((await get('/live')).status).toBe(200);
  });

  it('is not ready when a poller has failed, or the database does not answer', async () => {
    status = { ...RUNNING, activityPollerState: 'FAILED' };
    expect((await get('/ready')).status).toBe(503);
    status = RUNNING;
    database = () => Promise.reject(new Error('ECONNREFUSED postgres://tdkt_app:pw@db/tdkt'));
    expect(await get('/ready')).toMatchObject({
      status: 503,
      body: { checks: { database: { error: 'ECONNREFUSED postgres://tdkt_app:***@db/tdkt' } } },
    });
  });

  it('is dead when the Temporal worker failed or stopped: the orchestrator restarts it', async () => {
    for (const runState of ['FAILED', 'STOPPED']) {
      status = { ...RUNNING, runState };
      expect(await get('/live')).toMatchObject({ status: 503, body: { status: 'dead' } });
    }
  });

  it('serves nothing else', async () => {
    expect((await get('/')).status).toBe(404);
  });
});

describe('WORKER_HEALTH_PORT', () => {
  it('is off when unset; binds every interface by default', () => {
    expect(workerHealthAddress({})).toBeUndefined();
    expect(workerHealthAddress({ WORKER_HEALTH_PORT: '8081' })).toEqual({ port: 8081, host: '0.0.0.0' });
    expect(workerHealthAddress({ WORKER_HEALTH_PORT: '8081', WORKER_HEALTH_HOST: '127.0.0.1' })).toEqual({
      port: 8081,
      host: '127.0.0.1',
    });
  });

  it('refuses what is not a port, naming the variable', () => {
    expect(() => workerHealthAddress({ WORKER_HEALTH_PORT: 'http' })).toThrow(ConfigError);
    expect(() => workerHealthAddress({ WORKER_HEALTH_PORT: '70000' })).toThrow(
      /WORKER_HEALTH_PORT must be a port number/,
    );
  });
});
