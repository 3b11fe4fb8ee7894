/**
 * OpenTelemetry traces (README "Observability"): with OTEL_EXPORTER_OTLP_ENDPOINT set, one command yields spans from
 * the API (HTTP server, Temporal client) and the worker (workflow, activity, Postgres) in ONE trace. The API and the
 * worker run as their own Node processes (as in production: the http and pg instrumentations patch modules as they
 * load), exporting by OTLP/HTTP to a small receiver this test starts; the worker bundles the workflows from the
 * sources with the OpenTelemetry workflow interceptors.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createDataSource, Directory } from '@tdkt/persistence';
import { aBkTinhDossier, http, seedCast, tokenFor, type Cast, type TestSystem } from '../support/system';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

const ROOT = join(__dirname, '..', '..');
const spans: ReceivedSpan[] = [];
const rawBodies: string[] = [];
let receiver: Server;
const children: ChildProcess[] = [];
let sys: TestSystem;
let cast: Cast;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', () => ok()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/** POST /v1/traces, OTLP/HTTP with JSON bodies (the exporter's default encoding). */
async function startReceiver(): Promise<number> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      rawBodies.push(text);
      const body = JSON.parse(text) as {
        resourceSpans?: {
          resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
          scopeSpans?: { spans?: Omit<ReceivedSpan, 'service'>[] }[];
        }[];
      };
      for (const rs of body.resourceSpans ?? []) {
        const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const ss of rs.scopeSpans ?? [])
          for (const s of ss.spans ?? [])
            spans.push({ service, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId, name: s.name });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', () => ok()));
  return (receiver.address() as AddressInfo).port;
}

function start(main: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', main], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function until(what: string, probe: () => Promise<boolean>, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} not within ${seconds} s`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

beforeAll(async () => {
  const otlpPort = await startReceiver();
  const [apiPort, workerHealthPort] = [await freePort(), await freePort()];
  const common = {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
    OTEL_BSP_SCHEDULE_DELAY: '100',
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
  };
  // The worker bundles the sources (with OpenTelemetry's workflow interceptors), not the run's shared bundle.
  start('apps/worker/src/main.ts', {
    ...common,
    TDKT_WORKFLOW_BUNDLE: '',
    WORKER_HEALTH_PORT: String(workerHealthPort),
    WORKER_HEALTH_HOST: '127.0.0.1',
  });
  start('apps/api/src/main.ts', { ...common, PORT: String(apiPort), HOST: '127.0.0.1' });
  await until('the API ready', async () => (await fetch(`http://127.0.0.1:${apiPort}/api/health/ready`)).ok, 150);
  await until('the worker ready', async () => (await fetch(`http://127.0.0.1:${workerHealthPort}/ready`)).ok, 150);
  const db = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
  sys = { baseUrl: `http://127.0.0.1:${apiPort}/api`, db, directory: new Directory(db), stop: async () => undefined };
  cast = await seedCast(sys);
}, 240_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((ok) => c.once('exit', ok)) : undefined)));
  await sys?.db.destroy();
  await new Promise((ok) => receiver?.close(ok));
});

/** The span of the append's statement (pg instrumentation names a span by the statement's first word). */
const APPEND_STATEMENT = /^pg\.query:WITH\b/;

describe('OpenTelemetry traces', () => {
  it('one command is one trace: the API (HTTP, Temporal client) and the worker (workflow, activity, Postgres)', async () => {
    const fullName = `Đặng Thị Vếttrace ${randomUUID().slice(0, 6)}`;
    const citizenId = String(randomInt(100_000_000, 999_999_999)).padStart(12, '0');
    const token = await tokenFor(sys, cast.users.clerk.username);
    const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
      token,
      body: aBkTinhDossier({
        nominee: { kind: 'INDIVIDUAL', fullName, position: 'Giáo viên', citizenId, birthDate: '1985-04-12' },
      }),
    });
    expect(created.status).toBe(201);

    let trace: ReceivedSpan[] = [];
    await until(
      'the spans of the command',
      async () => {
        // The trace whose root is the API's HTTP server span and that reached the worker's append.
        const roots = spans.filter((s) => s.service === 'tdkt-api' && /^POST\b/.test(s.name) && !s.parentSpanId);
        const root = roots.find((r) =>
          spans.some((s) => s.traceId === r.traceId && s.name === 'RunActivity:appendEvents'),
        );
        trace = root ? spans.filter((s) => s.traceId === root.traceId) : [];
        // The append inserts the events in one statement that begins with its CTEs (WITH … INSERT INTO dossier_event).
        return trace.some((s) => s.service === 'tdkt-worker' && APPEND_STATEMENT.test(s.name));
      },
      30,
    ).catch((e: Error) => {
      throw new Error(
        `${e.message}; received: ${spans.map((s) => `${s.service} ${s.name} ${s.traceId.slice(0, 8)}`).join(', ')}`,
      );
    });
    const names = (service: string) => trace.filter((s) => s.service === service).map((s) => s.name);
    expect(names('tdkt-api')).toEqual(
      // A create starts the workflow with its command in one call (update-with-start).
      expect.arrayContaining(['POST', 'UpdateWithStartWorkflow:dossierCommand']),
    );
    expect(names('tdkt-worker')).toEqual(
      expect.arrayContaining([
        'HandleUpdate:dossierCommand',
        'StartActivity:appendEvents',
        'RunActivity:appendEvents',
        expect.stringMatching(APPEND_STATEMENT),
      ]),
    );
    // Every span of the worker hangs under one of the trace (no orphan root in the worker).
    const ids = new Set(trace.map((s) => s.spanId));
    expect(trace.filter((s) => s.service === 'tdkt-worker' && !(s.parentSpanId && ids.has(s.parentSpanId)))).toEqual(
      [],
    );
    // No personal data in any exported span: no nominee name, no citizen id.
    for (const body of rawBodies) {
      expect(body).not.toContain(fullName);
      expect(body).not.toContain(citizenId);
    }
  });
});
