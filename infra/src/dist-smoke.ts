/**
 * The CI step after `npm run build` (infra/test.sh): runs the built output as production does — `node dist/…`, no
 * ts-node — against a Postgres and a Temporal dev server of its own: the built migration, then the API and the worker
 * (the prebuilt workflow bundle), and waits for both readiness endpoints and /metrics; then the demo dossiers go
 * through the built API and worker (one to a numbered decision, a council session). Every process runs under
 * dist/infra/src/dev-package-guard.js, which refuses the lockfile's dev-only packages (ts-node and TypeScript among
 * them): a single attempt to load one fails the smoke. Exit 1 on any failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, freePort, ROOT, startPostgres, startTemporal, type Service } from './runtime';
import { provisionRoles } from './db-roles';
import { createDataSource, Directory } from '@tdkt/persistence';
import { seedDirectory, seedDossiers } from './demo-data';

const ok = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(3000) })).ok;

async function waitFor(what: string, probe: () => Promise<boolean>, child: ChildProcess, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what}: the process exited with ${child.exitCode}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SIGTERM (the processes' own graceful stop), SIGKILL after 10 s. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const main of [
    'infra/src/dev-package-guard.js',
    'infra/src/migrate.js',
    'apps/api/src/main.js',
    'apps/worker/src/main.js',
    'workflow-bundle.js',
  ])
    if (!existsSync(join(ROOT, 'dist', main))) throw new Error(`dist/${main} is missing: run npm run build first`);
  const dir = join(CACHE, `dist-smoke-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const services: Service[] = [];
  const guardReport = join(dir, 'dev-packages-loaded.txt');
  const devPackagesLoaded = () => (existsSync(guardReport) ? readFileSync(guardReport, 'utf8').trim() : '');
  try {
    const pg = await startPostgres({ port: await freePort(), dataDir: join(dir, 'pg'), persistent: false });
    services.push(pg);
    const temporal = await startTemporal({ port: await freePort(), logFile: join(dir, 'temporal.log') });
    services.unshift(temporal);
    const db = await provisionRoles(pg.url, join(dir, 'pg'));
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: db.runtime,
      DATABASE_MIGRATION_URL: db.owner,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      PII_HASH_KEY: randomBytes(24).toString('hex'),
      TEMPORAL_CODEC_KEYS: `smoke:${randomBytes(32).toString('base64')}`,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      WORKER_HEALTH_PORT: String(workerPort),
      WORKER_HEALTH_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TDKT_DEV_GUARD_ROOT: ROOT,
      TDKT_DEV_GUARD_REPORT: guardReport,
    };
    const run = (script: string) =>
      spawn(process.execPath, ['--require', join(ROOT, 'dist/infra/src/dev-package-guard.js'), join('dist', script)], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
    const migrate = run('infra/src/migrate.js');
    const code = await new Promise<number | null>((done) => migrate.once('exit', done));
    if (code !== 0) throw new Error(`node dist/infra/src/migrate.js exited with ${code}`);
    const api = run('apps/api/src/main.js');
    const worker = run('apps/worker/src/main.js');
    try {
      await waitFor(
        'the built API (GET /api/health/ready)',
        () => ok(`http://127.0.0.1:${apiPort}/api/health/ready`),
        api,
      );
      await waitFor(
        'the built worker (GET /ready: running, polling, Postgres)',
        () => ok(`http://127.0.0.1:${workerPort}/ready`),
        worker,
      );
      const metrics = await (await fetch(`http://127.0.0.1:${workerPort}/metrics`)).text();
      if (!/^temporal_\w+/m.test(metrics) || !metrics.includes('tdkt_commands_total'))
        throw new Error("the built worker's /metrics lacks the SDK's or the app's metrics");
      const apiMetrics = await (await fetch(`http://127.0.0.1:${apiPort}/metrics`)).text();
      if (!apiMetrics.includes('tdkt_http_request_duration_seconds'))
        throw new Error("the built API's /metrics lacks the app's metrics");
      const rss = (text: string) =>
        Math.round(Number(/^process_resident_memory_bytes\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0) / 1024 / 1024);
      console.log(`[dist-smoke] resident memory at rest: API ${rss(apiMetrics)} MB, worker ${rss(metrics)} MB`);
      if (!(await ok(`http://127.0.0.1:${apiPort}/`))) throw new Error('the built API does not serve the web app at /');
      // Commands through the built API, the built worker and its prebuilt bundle (any refusal or 5xx throws).
      const ds = await createDataSource(db.owner).initialize();
      try {
        await seedDirectory(new Directory(ds));
      } finally {
        await ds.destroy();
      }
      const seeded = Date.now();
      const dossiers = await seedDossiers(`http://127.0.0.1:${apiPort}/api`);
      console.log(
        `[dist-smoke] ${dossiers} demo dossiers through the built API and worker (${Date.now() - seeded} ms)`,
      );
    } finally {
      await Promise.all([stop(api), stop(worker)]);
    }
    if (devPackagesLoaded())
      throw new Error(`the built processes tried to load dev-only packages:\n${devPackagesLoaded()}`);
    console.log(
      `[dist-smoke] node dist/…: migrated, API and worker ready, /metrics served, web app at /, demo data driven, no dev-only package loaded (${((Date.now() - started) / 1000).toFixed(1)}s)`,
    );
  } finally {
    for (const s of services) await s.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error('[dist-smoke] failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
