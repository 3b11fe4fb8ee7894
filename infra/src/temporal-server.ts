/**
 * The Temporal server as a province runs it: the `temporal-server` binary built from go.temporal.io/server
 * (infra/temporal-server.sh), Postgres persistence (the postgres12 plugin) in two databases of a Postgres we are given,
 * their schemas applied with the server's own `temporal-sql-tool`, one node running every service (frontend, history,
 * matching, worker) in one process, namespace `default` registered. Used by the scale-out test and the scale bench;
 * the dev server (runtime.ts) stays the default for everything else.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import {
  CACHE,
  freePort,
  ROOT,
  SEARCH_ATTRIBUTE_NAMES,
  spawnTracked,
  stopChild,
  temporalCli,
  waitFor,
  type Service,
} from './runtime';

const run = promisify(execFile);

/** Finds or builds temporal-server through infra/temporal-server.sh; the schema tool and the schemas sit beside it. */
export function temporalServerBinaries(): { server: string; sqlTool: string; schemaDir: string } {
  const server = execFileSync('bash', [join(ROOT, 'infra', 'temporal-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  return {
    server,
    sqlTool: join(dirname(server), 'temporal-sql-tool'),
    schemaDir: join(CACHE, 'temporal-server-schema', 'postgresql', 'v12'),
  };
}

export interface TemporalServerOptions {
  /** A superuser URL of the Postgres to put Temporal's two databases in (they are dropped and created afresh). */
  superuserUrl: string;
  /** Folder for the config, the dynamic config and the log. */
  dir: string;
  /** Database names: `<prefix>` (the persistence store) and `<prefix>_visibility`. */
  databasePrefix?: string;
  numHistoryShards?: number;
}

export interface TemporalServer extends Service {
  /** host:port of the frontend (gRPC). */
  address: string;
  namespace: string;
  logFile: string;
  /** The server process's id (the bench reads its CPU time). */
  pid?: number;
}

/** Creates the role and the two databases, and applies the schemas (setup-schema 0.0, then update-schema to the newest). */
async function prepareDatabases(
  superuserUrl: string,
  prefix: string,
  sqlTool: string,
  schemaDir: string,
): Promise<{ user: string; password: string; host: string; port: string }> {
  const url = new URL(superuserUrl);
  const user = `${prefix}_server`;
  const password = randomBytes(18).toString('base64url');
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const role = admin.escapeIdentifier(user);
    const exists = (await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [user])).rowCount;
    await admin.query(
      `${exists ? 'ALTER' : 'CREATE'} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${admin.escapeLiteral(password)}`,
    );
    for (const db of [prefix, `${prefix}_visibility`]) {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(db)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(db)} OWNER ${role}`);
    }
  } finally {
    await admin.end();
  }
  const conn = { user, password, host: url.hostname, port: url.port || '5432' };
  const tool = (db: string, ...args: string[]) =>
    run(
      sqlTool,
      [
        '--plugin',
        'postgres12',
        '--endpoint',
        conn.host,
        '--port',
        conn.port,
        '--user',
        user,
        '--password',
        password,
        '--database',
        db,
        ...args,
      ],
      { timeout: 120_000 },
    );
  for (const [db, schema] of [
    [prefix, 'temporal'],
    [`${prefix}_visibility`, 'visibility'],
  ]) {
    try {
      await tool(db, 'setup-schema', '--version', '0.0');
      await tool(db, 'update-schema', '--schema-dir', join(schemaDir, schema, 'versioned'));
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      throw new Error(`temporal-sql-tool on ${db} failed: ${err.stderr?.trim() || err.message}`);
    }
  }
  return conn;
}

/** The server's static configuration: one node, every service on its own free loopback ports, Postgres persistence. */
function serverConfig(o: {
  prefix: string;
  conn: { user: string; password: string; host: string; port: string };
  ports: Record<string, [number, number]>;
  httpPort: number;
  shards: number;
  dynamicConfig: string;
}): string {
  const store = (db: string, maxConns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${JSON.stringify(db)}
        connectAddr: ${JSON.stringify(`${o.conn.host}:${o.conn.port}`)}
        connectProtocol: tcp
        user: ${JSON.stringify(o.conn.user)}
        password: ${JSON.stringify(o.conn.password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`;
  const service = (name: string) => `
  ${name}:
    rpc:
      grpcPort: ${o.ports[name][0]}
      membershipPort: ${o.ports[name][1]}
      bindOnLocalHost: true${name === 'frontend' ? `\n      httpPort: ${o.httpPort}` : ''}`;
  const frontend = `127.0.0.1:${o.ports.frontend[0]}`;
  return `# Written by infra/src/temporal-server.ts: one node, every service in one process, Postgres persistence.
log:
  stdout: true
  level: warn
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${o.shards}
  datastores:
    postgres-default:${store(o.prefix, 20)}
    postgres-visibility:${store(`${o.prefix}_visibility`, 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  pprof:
    port: 0
services:${['frontend', 'history', 'matching', 'worker'].map(service).join('')}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: ${JSON.stringify(frontend)}
      httpAddress: ${JSON.stringify(`127.0.0.1:${o.httpPort}`)}
dcRedirectionPolicy:
  policy: noop
archival:
  history:
    state: disabled
  visibility:
    state: disabled
namespaceDefaults:
  archival:
    history:
      state: disabled
    visibility:
      state: disabled
publicClient:
  hostPort: ${JSON.stringify(frontend)}
dynamicConfigClient:
  filepath: ${JSON.stringify(o.dynamicConfig)}
  pollInterval: 10s
`;
}

/**
 * Dynamic config: a namespace registered at start is seen by every service within a second (instead of the default
 * ten), and search attributes right away (as the dev server does); the rest are the server's defaults.
 */
const DYNAMIC_CONFIG = `system.namespaceCacheRefreshInterval:
  - value: 1s
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
frontend.persistenceMaxQPS:
  - value: 10000
history.persistenceMaxQPS:
  - value: 45000
`;

/**
 * A free port for a service's membership (ringpop): Temporal's SQL schema stores it in `cluster_membership.rpc_port`,
 * a SMALLINT, so it must be below 32768 — where the kernel's ephemeral range (freePort) never is.
 */
async function membershipPort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((ok) => {
      const srv = createServer();
      srv.once('error', () => ok(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port between 20000 and 32000 for temporal-server membership');
}

export async function startTemporalServer(opts: TemporalServerOptions): Promise<TemporalServer> {
  const { server, sqlTool, schemaDir } = temporalServerBinaries();
  const prefix = opts.databasePrefix ?? 'temporal';
  const conn = await prepareDatabases(opts.superuserUrl, prefix, sqlTool, schemaDir);
  const configDir = join(opts.dir, 'config');
  mkdirSync(configDir, { recursive: true });
  const ports: Record<string, [number, number]> = {};
  for (const name of ['frontend', 'history', 'matching', 'worker'])
    ports[name] = [await freePort(), await membershipPort()];
  const dynamicConfig = join(opts.dir, 'dynamicconfig.yaml');
  writeFileSync(dynamicConfig, DYNAMIC_CONFIG);
  writeFileSync(
    join(configDir, 'production.yaml'),
    serverConfig({
      prefix,
      conn,
      ports,
      httpPort: await freePort(),
      shards: opts.numHistoryShards ?? 4,
      dynamicConfig,
    }),
    { mode: 0o600 },
  );
  const logFile = join(opts.dir, 'temporal-server.log');
  const out = openSync(logFile, 'a');
  const child = spawnTracked(
    server,
    ['--root', opts.dir, '--config', 'config', '--env', 'production', '--allow-no-auth', 'start'],
    { stdio: ['ignore', out, out] },
  );
  const address = `127.0.0.1:${ports.frontend[0]}`;
  const cli = temporalCli();
  const temporal = (...args: string[]) => run(cli, [...args, '--address', address], { timeout: 15_000 });
  try {
    await waitFor(
      `temporal-server (log: ${logFile})`,
      async () => (await temporal('operator', 'cluster', 'health')).stdout.includes('SERVING'),
      90_000,
      child,
    );
    await temporal('operator', 'namespace', 'create', '--namespace', 'default', '--retention', '72h');
    for (const name of SEARCH_ATTRIBUTE_NAMES)
      await temporal(
        'operator',
        'search-attribute',
        'create',
        '--namespace',
        'default',
        '--name',
        name,
        '--type',
        'Keyword',
      );
    // Through the frontend's namespace registry (what starting a workflow uses), not only the persistence read.
    await waitFor(
      'namespace default on temporal-server',
      async () => (await temporal('workflow', 'count', '--namespace', 'default')).stdout.includes('Total'),
      30_000,
      child,
    );
  } catch (e) {
    await stopChild(child);
    throw e;
  }
  return { address, url: address, namespace: 'default', logFile, pid: child.pid, stop: () => stopChild(child, 15_000) };
}
