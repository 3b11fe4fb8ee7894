/**
 * Structured logs and metrics (README "Observability"): JSON lines whose request id follows a command from HTTP into
 * the workflow's activities (Temporal headers), with the actor id and never the nominee's personal data; /metrics on
 * the API and the worker (the app's metrics and the Temporal SDK's) moving with a command.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createDataSource, Directory } from '@tdkt/persistence';
import { setLogDestination } from '@tdkt/platform';
import { createApi } from '../../apps/api/src/api';
import { startWorker, type RunningWorker } from '../../apps/worker/src/worker';
import { aBkTinhDossier, http, seedCast, tokensFor, type Cast, type TestSystem } from '../support/system';

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer | string, _enc, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let sys: TestSystem;
let worker: RunningWorker;
let app: INestApplication;
let cast: Cast;
const tokens: Record<string, string> = {};
const saved = {
  WORKER_HEALTH_PORT: process.env.WORKER_HEALTH_PORT,
  TEMPORAL_TASK_QUEUE: process.env.TEMPORAL_TASK_QUEUE,
};

beforeAll(async () => {
  setLogDestination(capture, 'info');
  process.env.WORKER_HEALTH_PORT = '0';
  process.env.TEMPORAL_TASK_QUEUE = `test-${randomUUID()}`;
  worker = await startWorker();
  app = await createApi();
  await app.listen(0, '127.0.0.1');
  const db = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
  sys = {
    baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`,
    db,
    directory: new Directory(db),
    stop: async () => undefined,
  };
  cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
}, 120_000);

afterAll(async () => {
  await app?.close();
  await worker?.shutdown();
  await sys?.db.destroy();
  setLogDestination(process.stdout);
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('structured logs', () => {
  it("carry a command's request id and actor from HTTP into the workflow's activities, and never the nominee's name or citizen id", async () => {
    const fullName = `Hoàng Thị Riêngtư ${randomUUID().slice(0, 6)}`;
    const citizenId = String(randomInt(100_000_000, 999_999_999)).padStart(12, '0');
    const requestId = `obs-${randomUUID()}`;
    const body = aBkTinhDossier({
      title: `Đề nghị khen thưởng ${fullName}`,
      nominee: { kind: 'INDIVIDUAL', fullName, position: 'Giáo viên', citizenId, birthDate: '1985-04-12' },
    });
    const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
      token: tokens.clerk,
      body,
      headers: { 'x-request-id': requestId },
    });
    expect(created.status).toBe(201);
    // A refused request (400, the name and the citizen id in the body and the query) is logged without them too.
    const bad = await http(sys, 'POST', `/dossiers?citizenId=${citizenId}`, {
      token: tokens.clerk,
      body: { ...body, awardCode: 42 },
    });
    expect(bad.status).toBe(400);
    const search = await http(sys, 'GET', `/award-history/search?citizenId=${citizenId}`, {
      token: tokens.secretariat,
    });
    expect(search.status).toBeLessThan(500);

    const mine = parsed().filter((l) => l.requestId === requestId);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          component: 'http',
          service: 'tdkt-api',
          actorId: cast.users.clerk.id,
          method: 'POST',
          route: '/api/dossiers',
          status: 201,
        }),
        expect.objectContaining({
          component: 'activity',
          activity: 'appendEvents',
          actorId: cast.users.clerk.id,
          workflowId: `dossier-${created.body.id}`,
        }),
      ]),
    );
    for (const line of lines) {
      expect(line).not.toContain(fullName);
      expect(line).not.toContain(citizenId);
    }
  });

  it('redacts personal fields wherever a logged object holds them', async () => {
    const { logger } = await import('@tdkt/platform');
    const marker = `Lê Văn ${randomUUID().slice(0, 6)}`;
    logger('test').warn(
      {
        command: { data: { nominee: { fullName: marker } } },
        citizenId: marker,
        payload: { a: { b: { fullName: marker } } },
      },
      'probe',
    );
    const probe = parsed().find((l) => l.msg === 'probe' && l.component === 'test');
    expect(probe).toMatchObject({
      citizenId: '[redacted]',
      command: { data: { nominee: '[redacted]' } },
      payload: { a: { b: { fullName: '[redacted]' } } },
    });
    expect(JSON.stringify(probe)).not.toContain(marker);
  });
});

/** The value of one series in a Prometheus text exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const series = text.split('\n').filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  const hit = series.find((l) => Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return hit ? Number(hit.slice(hit.lastIndexOf(' ') + 1)) : 0;
}

describe('Prometheus metrics', () => {
  const scrapeApi = async () => (await fetch(`${sys.baseUrl.replace(/\/api$/, '')}/metrics`)).text();
  const scrapeWorker = async () => (await fetch(`http://127.0.0.1:${worker.healthPort}/metrics`)).text();

  it('count commands by type and outcome, refusals by rule, appends and projection lag, after a command', async () => {
    const [apiBefore, workerBefore] = [await scrapeApi(), await scrapeWorker()];
    const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
      token: tokens.clerk,
      body: aBkTinhDossier(),
    });
    expect(created.status).toBe(201);
    expect(
      (await http(sys, 'POST', `/dossiers/${created.body.id}/submit`, { token: tokens.clerk, body: {} })).status,
    ).toBe(200);
    // Submitting again is refused by the domain (wrong state), with its rule.
    const again = await http<{ rule: string }>(sys, 'POST', `/dossiers/${created.body.id}/submit`, {
      token: tokens.clerk,
      body: {},
    });
    expect(again.status).toBe(409);
    const [apiAfter, workerAfter] = [await scrapeApi(), await scrapeWorker()];

    const commands = (text: string, command: string, outcome: string) =>
      sample(text, 'tdkt_commands_total', { update: 'dossierCommand', command, outcome });
    expect(commands(apiAfter, 'CreateDossier', 'accepted') - commands(apiBefore, 'CreateDossier', 'accepted')).toBe(1);
    expect(commands(apiAfter, 'SubmitDossier', 'accepted') - commands(apiBefore, 'SubmitDossier', 'accepted')).toBe(1);
    expect(commands(apiAfter, 'SubmitDossier', 'refused') - commands(apiBefore, 'SubmitDossier', 'refused')).toBe(1);
    const refused = (text: string) =>
      sample(text, 'tdkt_commands_refused_total', { rule: again.body.rule, status: '409' });
    expect(refused(apiAfter) - refused(apiBefore)).toBe(1);
    const appends = (text: string) =>
      sample(text, 'tdkt_event_append_duration_seconds_count', { activity: 'appendEvents' });
    expect(appends(workerAfter) - appends(workerBefore)).toBeGreaterThanOrEqual(2);
    expect(
      sample(workerAfter, 'tdkt_projection_lag_seconds_count', {}) -
        sample(workerBefore, 'tdkt_projection_lag_seconds_count', {}),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sample(apiAfter, 'tdkt_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/dossiers/:id/submit',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    // No id in any label: the route is the template, the dossier id appears nowhere.
    expect(apiAfter).not.toContain(created.body.id);
    expect(workerAfter).not.toContain(created.body.id);
  });

  it("serve the Temporal SDK's own metrics on the worker's /metrics", async () => {
    const text = await scrapeWorker();
    expect(text).toMatch(/^temporal_\w+/m);
    expect(text).toContain('# TYPE tdkt_deadline_timers_fired_total counter');
  });

  it('serve every metric the Grafana dashboard reads that the app does not define (deploy/grafana/sdk-metrics.txt)', async () => {
    const served = `${await scrapeWorker()}\n${await scrapeApi()}`;
    const listed = readFileSync(join(__dirname, '..', '..', 'deploy', 'grafana', 'sdk-metrics.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(listed.length).toBeGreaterThan(5);
    expect(listed.filter((name) => !served.includes(`# TYPE ${name} `))).toEqual([]);
  });
});
