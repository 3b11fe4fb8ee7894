/**
 * The fuzzing run (`npm run fuzz`; not part of `npm test`, it takes minutes): a system of its own (Temporal dev server,
 * embedded Postgres, worker, API, the demo data), then schemathesis against the served OpenAPI once per role.
 * Between schemathesis and the API sits a recording proxy that counts the event table around every request. The run
 * fails when any response is ≥ 500, or when a refused request (any status but 2xx) appended an event.
 *
 * Options (environment): FUZZ_EXAMPLES (test cases per operation and role, default 20), FUZZ_SEED (default 1),
 * FUZZ_ROLES (comma-separated demo usernames), FUZZ_CHECKS (schemathesis checks; default: no 5xx, and status code, content type and body as documented).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createDataSource, Directory, runMigrations } from '@tdkt/persistence';
import type { DataSource } from 'typeorm';
import { CACHE, freePort, startPostgres, startTemporal } from './runtime';
import { seedDirectory, seedDossiers } from './demo-data';

const ROLES = (
  process.env.FUZZ_ROLES ??
  'clerk.sgddt,head.sgddt,secretariat.officer,council.member1,chairman,central.appraiser,auditor,admin'
).split(',');
const EXAMPLES = process.env.FUZZ_EXAMPLES ?? '20';
const SEED = process.env.FUZZ_SEED ?? '1';
const CHECKS =
  process.env.FUZZ_CHECKS ??
  'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance';

interface Finding {
  method: string;
  path: string;
  status: number;
  appended: number;
}

/** Forwards every request to the API, one at a time, and notes the status and how many events it appended. */
async function recordingProxy(
  target: number,
  db: DataSource,
): Promise<{
  port: number;
  findings: Finding[];
  counts: { requests: number; serverErrors: number; refusedAppends: number };
  close(): Promise<void>;
}> {
  const findings: Finding[] = [];
  const counts = { requests: 0, serverErrors: 0, refusedAppends: 0 };
  const events = async () =>
    Number(((await db.query(`SELECT count(*) AS n FROM dossier_event`)) as { n: string }[])[0].n);
  let queue = Promise.resolve();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      queue = queue.then(async () => {
        const before = await events();
        const { status, headers, body } = await new Promise<{
          status: number;
          headers: Record<string, string | string[] | undefined>;
          body: Buffer;
        }>((ok, fail) => {
          const out = httpRequest(
            { host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers },
            (r) => {
              const parts: Buffer[] = [];
              r.on('data', (c: Buffer) => parts.push(c));
              r.on('end', () => ok({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(parts) }));
            },
          );
          out.on('error', fail);
          out.end(Buffer.concat(chunks));
        }).catch((e: unknown) => ({ status: 599, headers: {}, body: Buffer.from(String(e)) }));
        const appended = (await events()) - before;
        counts.requests++;
        const path = (req.url ?? '').split('?')[0];
        if (status >= 500) counts.serverErrors++;
        if (appended > 0 && (status < 200 || status > 299)) counts.refusedAppends++;
        if (status >= 500 || (appended > 0 && (status < 200 || status > 299)))
          findings.push({ method: req.method ?? '', path, status, appended });
        res.writeHead(status, headers);
        res.end(body);
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    findings,
    counts,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

async function main(): Promise<number> {
  const runDir = join(CACHE, `fuzz-run-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const pg = await startPostgres({ port: await freePort(), dataDir: join(runDir, 'pg'), persistent: false });
    stops.unshift(() => pg.stop());
    const temporal = await startTemporal({ port: await freePort(), logFile: join(runDir, 'temporal.log') });
    stops.unshift(() => temporal.stop());
    const db = await createDataSource(pg.url).initialize();
    stops.unshift(() => db.destroy());
    await runMigrations(db);
    await seedDirectory(new Directory(db));
    Object.assign(process.env, {
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `fuzz-${process.pid}`,
      PII_HASH_KEY: randomBytes(24).toString('hex'),
      AUTH_MODE: 'local',
    });
    const { startWorker } = await import('../../apps/worker/src/worker');
    const { createApi } = await import('../../apps/api/src/api');
    const worker = await startWorker();
    stops.unshift(() => worker.shutdown());
    const api = await createApi();
    await api.listen(0, '127.0.0.1');
    stops.unshift(() => api.close());
    const apiPort = (api.getHttpServer().address() as AddressInfo).port;
    const apiBase = `http://127.0.0.1:${apiPort}/api`;
    console.log(`[fuzz] system up; demo data: ${await seedDossiers(apiBase)} dossiers`);

    const proxy = await recordingProxy(apiPort, db);
    stops.unshift(() => proxy.close());
    const base = `http://127.0.0.1:${proxy.port}/api`;
    let schemathesisFailed = 0;
    for (const username of ROLES) {
      const res = await fetch(`${apiBase}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      const { accessToken } = (await res.json()) as { accessToken: string };
      console.log(`\n[fuzz] as ${username}`);
      const code = await new Promise<number>((ok) => {
        const child = spawn(
          process.env.TDKT_SCHEMATHESIS ?? 'schemathesis',
          [
            'run',
            `${base}/docs-json`,
            '--url',
            `http://127.0.0.1:${proxy.port}`,
            '-H',
            `Authorization: Bearer ${accessToken}`,
            '--checks',
            CHECKS,
            '--max-examples',
            EXAMPLES,
            '--seed',
            SEED,
            '--workers',
            '1',
            '--phases',
            'examples,coverage,fuzzing',
            '--generation-allow-x00',
            'true',
            '--no-color',
            '--report',
            'junit',
            '--report-dir',
            join(CACHE, 'fuzz-report', username),
            '--suppress-health-check',
            'all',
            '--request-timeout',
            '60',
            '--generation-database',
            ':memory:',
          ],
          { stdio: 'inherit', env: { ...process.env, SCHEMATHESIS_HOOKS: '' } },
        );
        child.on('exit', (c) => ok(c ?? 1));
      });
      if (code !== 0) schemathesisFailed++;
    }
    const summary = {
      roles: ROLES.length,
      ...proxy.counts,
      schemathesisRunsFailed: schemathesisFailed,
      findings: proxy.findings.slice(0, 50),
    };
    writeFileSync(join(CACHE, 'fuzz-summary.json'), JSON.stringify(summary, null, 2));
    console.log(
      `\n[fuzz] ${proxy.counts.requests} requests as ${ROLES.length} roles: ${proxy.counts.serverErrors} responses ≥ 500, ${proxy.counts.refusedAppends} refused requests that appended events`,
    );
    for (const f of proxy.findings.slice(0, 20))
      console.log(`  ${f.status} ${f.method} ${f.path} (${f.appended} events appended)`);
    console.log(`[fuzz] summary in ${join(CACHE, 'fuzz-summary.json')}`);
    const failed = proxy.counts.serverErrors + proxy.counts.refusedAppends + schemathesisFailed;
    console.log(`${failed === 0 ? 1 : 0} passed, ${failed === 0 ? 0 : 1} failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    for (const stop of stops) await stop().catch((e: unknown) => console.error('[fuzz] stop failed', e));
    rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('[fuzz] could not run:', e);
    process.exit(1);
  },
);
