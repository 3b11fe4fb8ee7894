/**
 * The worker's health endpoints, for container HEALTHCHECKs and Kubernetes probes (the worker has no HTTP API of its
 * own): a plain node:http server on WORKER_HEALTH_PORT (off when unset), WORKER_HEALTH_HOST (default 0.0.0.0, so a
 * probe from outside the container reaches it).
 *   GET /live   200 while the Temporal worker has not failed or stopped (a failed worker is restarted, not waited for)
 *   GET /ready  200 when the worker is RUNNING, its workflow and activity pollers are POLLING and Postgres answers
 * Both answer JSON with the states; 503 otherwise.
 *   GET /metrics  Prometheus text: the app's metrics and the Temporal SDK's (when the source gives them)
 * Nothing else is served (404).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '@tdkt/config';
import { readiness } from '@tdkt/platform';

/** The parts of the Temporal worker's status the probes read (`Worker.getStatus()`). */
export interface PollingStatus {
  runState: string;
  workflowPollerState: string;
  activityPollerState: string;
}

export interface WorkerHealthSource {
  status(): PollingStatus;
  /** Resolves when the database answers (SELECT 1). */
  database(): Promise<unknown>;
  /** Prometheus text exposition of the worker's metrics. */
  metrics?(): Promise<string>;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** WORKER_HEALTH_PORT and WORKER_HEALTH_HOST, validated; undefined when no port is set (no server). */
export function workerHealthAddress(
  env: Record<string, string | undefined> = process.env,
): { port: number; host: string } | undefined {
  const raw = env.WORKER_HEALTH_PORT?.trim();
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new ConfigError([`WORKER_HEALTH_PORT must be a port number (0–65535), got "${raw}"`]);
  return { port, host: env.WORKER_HEALTH_HOST?.trim() || '0.0.0.0' };
}

const DEAD = new Set(['FAILED', 'STOPPED']);

export async function startHealthServer(
  source: WorkerHealthSource,
  address: { port: number; host: string },
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, { error: 'GET only' });
    if (path === '/live') {
      const worker = source.status();
      return reply(DEAD.has(worker.runState) ? 503 : 200, {
        status: DEAD.has(worker.runState) ? 'dead' : 'alive',
        worker,
      });
    }
    if (path === '/ready') {
      const worker = source.status();
      const polling =
        worker.runState === 'RUNNING' &&
        worker.workflowPollerState === 'POLLING' &&
        worker.activityPollerState === 'POLLING';
      void readiness({ database: () => source.database() }).then(
        (r) => {
          const ready = polling && r.ready;
          reply(ready ? 200 : 503, { status: ready ? 'ready' : 'not-ready', worker, checks: r.checks });
        },
        () => reply(503, { status: 'not-ready', worker }),
      );
      return;
    }
    if (path === '/metrics' && source.metrics) {
      void source.metrics().then(
        (text) => {
          res.writeHead(200, {
            'content-type': 'text/plain; version=0.0.4; charset=utf-8',
            'cache-control': 'no-store',
          });
          res.end(text);
        },
        () => reply(500, { error: 'metrics unavailable' }),
      );
      return;
    }
    reply(404, { error: 'not found: GET /live, /ready or /metrics' });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(address.port, address.host, () => ok());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
