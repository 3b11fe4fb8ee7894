/**
 * The test command: starts one Temporal dev server and one embedded Postgres on free ports, migrates, bundles the
 * workflows once, runs every Jest test against them, stops them, and ends with "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createDataSource, grantRuntimeRole, runMigrations } from '@tdkt/persistence';
import { CACHE, freePort, ROOT, startPostgres, startTemporal, timeSkippingServer } from './runtime';
import { provisionRoles } from './db-roles';
import { buildWebApp } from './web-build';

/** The scale-out test's folder (see the phases below). */
const SCALE_TESTS = 'test/scale/';

async function main(): Promise<number> {
  const started = Date.now();
  // A folder per run, so two runs in one checkout never share (or delete) each other's Postgres.
  const runDir = join(CACHE, `test-run-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const testServer = timeSkippingServer();
  const [pgPort, temporalPort] = [await freePort(), await freePort()];
  const pg = await startPostgres({ port: pgPort, dataDir: join(runDir, 'pg'), persistent: false });
  const stops = [() => pg.stop()];
  try {
    const temporal = await startTemporal({ port: temporalPort, logFile: join(runDir, 'temporal.log') });
    stops.unshift(() => temporal.stop());
    // Migrations as the schema's owner; the code under test connects as the runtime role, which owns nothing.
    const db = await provisionRoles(pg.url, join(runDir, 'pg'));
    const ds = await createDataSource(db.owner).initialize();
    await runMigrations(ds);
    await grantRuntimeRole(ds, process.env.TDKT_DB_RUNTIME_ROLE);
    await ds.destroy();
    // The request-context interceptors (a header the activities' log lines read); not OpenTelemetry's, whose spans
    // would need the `exporter` sink every spec's own Worker would have to register (the tracing test bundles its own).
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('@tdkt/workflows'),
      workflowInterceptorModules: [require.resolve('@tdkt/workflows/src/interceptors')],
      logger: quietLogger,
    });
    // The web app the API serves (the browser tests drive it): rebuilt only when apps/web or the OpenAPI changed.
    const web = await buildWebApp();
    const bundlePath = join(runDir, 'workflow-bundle.js');
    writeFileSync(bundlePath, code);
    console.log(
      `[test] Postgres ${pgPort}, Temporal ${temporal.address}, web app ${web.built ? `built in ${web.seconds.toFixed(1)}s` : 'up to date'}, ready in ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );

    /** One Jest run over `selection` (patterns and flags) with `workers` workers; its counts from its JSON results. */
    const runJest = async (
      name: string,
      selection: readonly string[],
      workers: number,
    ): Promise<{ exit: number; passed: number; failed: number }> => {
      const results = join(runDir, `jest-results-${name}.json`);
      const args = [
        // Jest (30.4+) loads ES-module-only packages (jose 6) from the CommonJS specs as Node's own require(esm) does,
        // on Node 24.9+ and only with the VM modules flag; Jest's workers inherit it.
        '--experimental-vm-modules',
        require.resolve('jest/bin/jest'),
        '--ci',
        `--maxWorkers=${workers}`,
        '--forceExit',
        '--json',
        `--outputFile=${results}`,
        ...selection,
      ];
      const exit = await new Promise<number>((ok) => {
        const child = spawn(process.execPath, args, {
          cwd: ROOT,
          stdio: 'inherit',
          env: {
            ...process.env,
            DATABASE_URL: db.runtime,
            DATABASE_MIGRATION_URL: db.owner,
            // Only for tests that act as an attacker or need their own database (scratch-db, tampering); never the app's.
            TDKT_TEST_SUPERUSER_URL: db.superuser,
            TEMPORAL_ADDRESS: temporal.address,
            TEMPORAL_NAMESPACE: 'default',
            TDKT_WORKFLOW_BUNDLE: bundlePath,
            TDKT_TEST_SERVER: testServer,
            PII_HASH_KEY: randomBytes(24).toString('hex'),
            // A payload-codec key per run; none when recording histories, which must replay in later runs (plain payloads).
            ...(process.env.TDKT_RECORD_HISTORIES
              ? {}
              : { TEMPORAL_CODEC_KEYS: `run${process.pid}:${randomBytes(32).toString('base64')}` }),
            AUTH_MODE: 'local',
            // JSON logs at warn and above: an access line per request of every spec would drown the run's output.
            LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
            // Browser tests: Debian's Chromium (infra/chromium.sh installs it) and a folder for their screenshots.
            TDKT_CHROMIUM: process.env.TDKT_CHROMIUM ?? '/usr/bin/chromium',
            TDKT_SCREENSHOTS: join(ROOT, 'test-results', 'screenshots'),
          },
        });
        child.on('exit', (c) => ok(c ?? 1));
      });
      try {
        const r = JSON.parse(readFileSync(results, 'utf8')) as {
          numPassedTests: number;
          numFailedTests: number;
          numRuntimeErrorTestSuites: number;
        };
        return { exit, passed: r.numPassedTests, failed: r.numFailedTests + r.numRuntimeErrorTestSuites };
      } catch {
        return { exit, passed: 0, failed: 1 };
      }
    };

    // The scale-out test drives a cluster of its own (2 APIs, 3 workers, a Temporal server) as hard as it can: beside
    // a browser test on two cores it starved the browser test's in-process API and worker (a status waited for 45 s).
    // A whole run takes it alone, after the others; a run of chosen specs runs them as asked.
    const chosen = process.argv.slice(2);
    const phases: [string, string[], number][] = chosen.length
      ? [['chosen', chosen, 2]]
      : [
          ['main', ['--testPathIgnorePatterns', '/node_modules/', SCALE_TESTS], 2],
          ['scale', [SCALE_TESTS], 1],
        ];
    let passed = 0;
    let failed = 0;
    let exit = 0;
    for (const [name, selection, workers] of phases) {
      const r = await runJest(name, selection, workers);
      passed += r.passed;
      failed += r.failed;
      if (r.exit !== 0) exit = r.exit;
    }
    console.log(`[test] finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    console.log(`${passed} passed, ${failed} failed`);
    return exit !== 0 && failed === 0 ? exit : failed > 0 ? 1 : 0;
  } finally {
    for (const stop of stops) await stop().catch((e: unknown) => console.error('[test] stop failed', e));
    rmSync(runDir, { recursive: true, force: true });
  }
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: console.warn,
  error: console.error,
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('[test] could not run the suite:', e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
