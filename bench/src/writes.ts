/**
 * `npm run bench -- writes [--profile]`: the write path against a bare Temporal workflow of the same shape, on one
 * Temporal dev server and the bench's Postgres, rounds interleaved (product, bare, product, bare…), medians printed.
 * - product: one API and one worker process (as production starts them: test/support/scale-cluster.ts; search
 *   attributes on, payloads encrypted), dossiers pushed through the provincial route over HTTP (8 commands each);
 * - bare: bench/src/bare — a workflow per dossier taking the same 8 updates, each one activity inserting one row per
 *   event (the events the product stored for a warm-up dossier, grouped by command), driven by the Temporal client.
 * Both at the same concurrency. Printed: dossiers/s, command and decision-step p50/p99, Temporal history events and
 * bytes per dossier (from the histories, by event type), SQL statements per dossier (pg_stat_statements when the
 * server has it loaded — infra/bench.sh starts Postgres so — else transactions from pg_stat_database), CPU per dossier
 * from /proc, and each ratio product ÷ bare. `--profile` then runs one more product round with OpenTelemetry on
 * (the app's own spans, exported by OTLP to a receiver in this process) and prints where a command's time goes.
 * BENCH_WRITES_DOSSIERS (40 per round), BENCH_WRITES_CONCURRENCY (8), BENCH_WRITES_REPEAT (3), BENCH_WRITES_TOP (0: the
 * n statements the product sent most per dossier, by text, with their calls per dossier).
 */
import { execSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode } from '@temporalio/worker';
import { Client } from 'pg';
import { dossierWorkflowId } from '@tdkt/workflows/src/messages';
import { CACHE, freePort, ROOT, spawnTracked, startTemporal, stopChild } from '../../infra/src/runtime';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../../apps/worker/src/workflow-modules';
import { startCluster, type Cluster } from '../../test/support/scale-cluster';
import { pushDossiers, scaleDatabase, seedProvince } from '../../test/support/scale-load';
import { PROVINCIAL_STEPS } from '../../test/support/system';
import { cpuSeconds, postgresCpuSeconds } from './proc-cpu';
import { BARE_TASK_QUEUE_PREFIX, bareCommand, bareDossierWorkflow, type BareEvent } from './bare/workflows';

const DOSSIERS = Number(process.env.BENCH_WRITES_DOSSIERS ?? 40);
const CONCURRENCY = Number(process.env.BENCH_WRITES_CONCURRENCY ?? 8);
const REPEAT = Number(process.env.BENCH_WRITES_REPEAT ?? 3);
const PROFILE = process.argv.includes('--profile');
/** `--built`: both sides as production runs them — the product's `node dist/…` (after `npm run build`), the bare worker
 * transpiled to JavaScript — so the memory and CPU figures carry no ts-node. */
const BUILT = process.argv.includes('--built');
/** BENCH_WRITES_TOP=n: print the n statements the product sent most per dossier (over its rounds), by text. */
const TOP = Number(process.env.BENCH_WRITES_TOP ?? 0);
const WARM_UP = 4;
const STEPS = ['create', ...PROVINCIAL_STEPS.map(([, step]) => step)];

const commit = (): string => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const silent = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined };
const logger = { ...silent, warn: console.warn, error: console.error };

/** What one round measured. */
interface Round {
  rate: number;
  commandMs: number[];
  decisionMs: number[];
  historyEvents: number;
  historyBytes: number;
  byType: Record<string, number>;
  bytesByType: Record<string, number>;
  statements: number;
  cpu: Record<string, number>;
}

/** Events and encoded bytes of each closed workflow's history (waits for it to close: the last task completes after the last update's answer). */
async function histories(
  client: TemporalClient,
  workflowIds: string[],
): Promise<{ events: number; bytes: number; byType: Record<string, number>; bytesByType: Record<string, number> }> {
  let events = 0;
  let bytes = 0;
  const byType: Record<string, number> = {};
  const bytesByType: Record<string, number> = {};
  for (const id of workflowIds) {
    const handle = client.workflow.getHandle(id);
    for (let i = 0; (await handle.describe()).status.name === 'RUNNING'; i++) {
      if (i > 100) throw new Error(`workflow ${id} still running 10 s after its last command`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const history = await handle.fetchHistory();
    events += history.events?.length ?? 0;
    bytes += temporal.api.history.v1.History.encode(history).finish().length;
    for (const e of history.events ?? []) {
      const t = temporal.api.enums.v1.EventType[e.eventType ?? 0].replace(/^EVENT_TYPE_/, '');
      byType[t] = (byType[t] ?? 0) + 1;
      bytesByType[t] = (bytesByType[t] ?? 0) + temporal.api.history.v1.HistoryEvent.encode(e).finish().length;
    }
  }
  for (const t of Object.keys(byType)) {
    byType[t] /= workflowIds.length;
    bytesByType[t] /= workflowIds.length;
  }
  return { events: events / workflowIds.length, bytes: bytes / workflowIds.length, byType, bytesByType };
}

/** A statement's calls and time in the server (ms). */
interface Cost {
  n: number;
  plan: number;
  exec: number;
}

/** SQL statements by database: pg_stat_statements' calls when loaded, else committed + rolled-back transactions. */
class StatementCounter {
  private constructor(
    private readonly admin: Client,
    readonly kind: 'pg_stat_statements' | 'pg_stat_database transactions',
  ) {}

  static async open(superuserUrl: string): Promise<StatementCounter> {
    const admin = new Client({
      connectionString: Object.assign(new URL(superuserUrl), { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    try {
      await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await admin.query('SELECT pg_stat_statements_reset()');
      return new StatementCounter(admin, 'pg_stat_statements');
    } catch {
      return new StatementCounter(admin, 'pg_stat_database transactions');
    }
  }

  async count(database: string): Promise<number> {
    // pg_stat_database is refreshed by the backends at most every PGSTAT_MIN_INTERVAL: ask for a fresh snapshot.
    await this.admin.query('SELECT pg_stat_clear_snapshot()');
    const sql =
      this.kind === 'pg_stat_statements'
        ? `SELECT coalesce(sum(calls), 0)::bigint AS n FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1`
        : `SELECT (xact_commit + xact_rollback)::bigint AS n FROM pg_stat_database WHERE datname = $1`;
    return Number(((await this.admin.query(sql, [database])).rows[0] as { n: string }).n);
  }

  /** Calls and time in the server (planning + execution, ms) per statement text (pg_stat_statements only). */
  async byStatement(database: string): Promise<Map<string, Cost>> {
    if (this.kind !== 'pg_stat_statements') return new Map();
    const rows = (
      await this.admin.query(
        `SELECT s.query, sum(s.calls)::bigint AS n, sum(s.total_plan_time) AS plan, sum(s.total_exec_time) AS exec
           FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
          WHERE d.datname = $1 GROUP BY s.query`,
        [database],
      )
    ).rows as { query: string; n: string; plan: number; exec: number }[];
    return new Map(rows.map((r) => [r.query, { n: Number(r.n), plan: Number(r.plan), exec: Number(r.exec) }]));
  }

  close(): Promise<void> {
    return this.admin.end();
  }
}

/** The baseline's database: one table of events, unique per stream and seq like the product's. */
async function bareDatabase(superuserUrl: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `bare_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const at = (db: string) => Object.assign(new URL(superuserUrl), { pathname: `/${db}` }).toString();
  const admin = new Client({ connectionString: at('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const c = new Client({ connectionString: at(name) });
  await c.connect();
  await c.query(`CREATE TABLE bare_event (id bigserial PRIMARY KEY, stream_id uuid NOT NULL, seq int NOT NULL,
    type text NOT NULL, data jsonb NOT NULL, occurred_at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, seq))`);
  await c.end();
  return {
    name,
    url: at(name),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The baseline's worker as a process of its own (the product's worker is one too); resolves once it polls. */
async function startBareWorker(env: Record<string, string>): Promise<ChildProcess> {
  const source = join(ROOT, 'bench/src/bare/worker.ts');
  let args = ['-r', 'ts-node/register/transpile-only', source];
  if (BUILT) {
    // Its one import of its own is types only: the transpiled file stands alone, and resolves its packages from ROOT.
    const out = join(CACHE, 'bench-bare-worker.js');
    const { transpileModule, ModuleKind, ScriptTarget } = await import('typescript');
    const js = transpileModule(readFileSync(source, 'utf8'), {
      compilerOptions: { module: ModuleKind.CommonJS, target: ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(out, js);
    args = [out];
  }
  const child = spawnTracked(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((ok, fail) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && ok());
    child.once('exit', (code) => fail(new Error(`bare worker exited (${code}): ${err.slice(-2000)}`)));
  });
  child.stdout?.resume();
  return child;
}

/** Drives `count` bare dossiers, `concurrency` at a time: start + first update, then the other 7 updates. */
async function pushBare(
  client: TemporalClient,
  taskQueue: string,
  commands: BareEvent[][],
  opts: { count: number; concurrency: number; onCommand?: (step: string, ms: number) => void },
): Promise<{ ids: string[]; ms: number }> {
  const started = performance.now();
  const ids: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < opts.count) {
      next++;
      const streamId = randomUUID();
      const workflowId = `bare-${streamId}`;
      let t0 = performance.now();
      const handle = await client.workflow.start(bareDossierWorkflow, {
        workflowId,
        taskQueue,
        args: [{ streamId, commands: commands.length }],
      });
      for (const [k, events] of commands.entries()) {
        if (k > 0) t0 = performance.now();
        await handle.executeUpdate(bareCommand, { args: [events], updateId: randomUUID() });
        opts.onCommand?.(STEPS[k], performance.now() - t0);
      }
      ids.push(workflowId);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, opts.count) }, lane));
  return { ids, ms: performance.now() - started };
}

const rss = (pid: number | undefined): number => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

async function main(): Promise<void> {
  if (BUILT && !existsSync(join(ROOT, 'dist/apps/api/src/main.js')))
    throw new Error('--built runs node dist/…: run `npm run build` first (on this commit)');
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(
    `write path: ${DOSSIERS} dossiers a round at concurrency ${CONCURRENCY}, ${REPEAT} rounds each (product, bare, … interleaved; ` +
      `${WARM_UP} untimed first); commit ${commit()}; load average before the run ${load}`,
  );
  const superuserUrl = process.env.DATABASE_URL ?? '';
  const pgPort = new URL(superuserUrl).port;
  const dir = join(CACHE, `bench-writes-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const temporalServer = await startTemporal({ port: await freePort(), logFile: join(dir, 'temporal.log') });
  const db = await scaleDatabase(superuserUrl);
  const bare = await bareDatabase(superuserUrl);
  const counter = await StatementCounter.open(superuserUrl);
  const productDb = new URL(db.appUrl).pathname.slice(1);
  const connection = await Connection.connect({ address: temporalServer.address });
  const client = new TemporalClient({ connection });
  const bundle = async (workflowsPath: string, interceptors: readonly string[], file: string) => {
    const { code } = await bundleWorkflowCode({
      workflowsPath,
      workflowInterceptorModules: [...interceptors],
      logger,
    });
    writeFileSync(join(dir, file), code);
    return join(dir, file);
  };
  // The product's bundle as production builds it (the request-context and OpenTelemetry interceptors).
  const workflowBundle = await bundle(require.resolve('@tdkt/workflows'), WORKFLOW_INTERCEPTOR_MODULES, 'product.js');
  const bareBundle = await bundle(require.resolve('./bare/workflows'), [], 'bare.js');
  const bareQueue = `${BARE_TASK_QUEUE_PREFIX}-${randomUUID().slice(0, 8)}`;
  const env = {
    PII_HASH_KEY: randomBytes(24).toString('hex'),
    TEMPORAL_CODEC_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    TEMPORAL_SEARCH_ATTRIBUTES: 'true',
    RATE_LIMIT_COMMANDS_PER_MINUTE: '1000000',
    TDKT_SIGNER: 'none',
  };
  const options = (extra: Record<string, string> = {}) => ({
    temporalAddress: temporalServer.address,
    databaseUrl: db.appUrl,
    taskQueue: `bench-${randomUUID().slice(0, 8)}`,
    workflowBundle,
    dir,
    env: { ...env, ...extra },
    built: BUILT,
  });
  let cluster: Cluster | undefined = await startCluster(options(), { apis: 1, workers: 1 });
  let bareWorker: ChildProcess | undefined;
  try {
    bareWorker = await startBareWorker({
      BARE_DATABASE_URL: bare.url,
      TEMPORAL_ADDRESS: temporalServer.address,
      BARE_TASK_QUEUE: bareQueue,
      BARE_WORKFLOW_BUNDLE: bareBundle,
    });
    const api = cluster.apis[0];
    const { tokens } = await seedProvince(db.ds, api.baseUrl);
    const pool = () => [api.baseUrl];
    // Warm-up, and the baseline's commands: the events the product stored for its first dossier, by command.
    const warm = await pushDossiers(pool, tokens, { count: WARM_UP, concurrency: WARM_UP });
    const stored = (await db.ds.query(
      `SELECT request_id, type, data FROM dossier_event WHERE stream_id = $1 ORDER BY seq`,
      [warm.ids[0]],
    )) as { request_id: string; type: string; data: unknown }[];
    const commands: BareEvent[][] = [];
    for (const [i, e] of stored.entries())
      if (i > 0 && e.request_id === stored[i - 1].request_id) commands[commands.length - 1].push(e);
      else commands.push([{ type: e.type, data: e.data }]);
    if (commands.length !== STEPS.length)
      throw new Error(`expected ${STEPS.length} commands in the warm-up dossier, found ${commands.length}`);
    await pushBare(client, bareQueue, commands, { count: WARM_UP, concurrency: WARM_UP });

    const pids = () => ({
      app: (cluster?.apis ?? []).concat(cluster?.workers ?? []).reduce((n, p) => n + cpuSeconds(p.pid), 0),
      bare: cpuSeconds(bareWorker?.pid),
      temporal: cpuSeconds(temporalServer.pid),
      postgres: postgresCpuSeconds(pgPort),
    });
    const rounds: Record<'product' | 'bare', Round[]> = { product: [], bare: [] };
    const topCalls = new Map<string, Cost>();
    for (let r = 0; r < REPEAT; r++)
      for (const side of ['product', 'bare'] as const) {
        const commandMs: number[] = [];
        const decisionMs: number[] = [];
        const onCommand = (step: string, ms: number) => {
          commandMs.push(ms);
          if (step === 'decision') decisionMs.push(ms);
        };
        const database = side === 'product' ? productDb : bare.name;
        const statementsBefore = await counter.count(database);
        const byStatementBefore = side === 'product' && TOP > 0 ? await counter.byStatement(database) : undefined;
        const cpuBefore = pids();
        let ids: string[];
        let ms: number;
        if (side === 'product') {
          const run = await pushDossiers(pool, tokens, { count: DOSSIERS, concurrency: CONCURRENCY, onCommand });
          ({ ms } = run);
          ids = run.ids.map(dossierWorkflowId);
        } else
          ({ ids, ms } = await pushBare(client, bareQueue, commands, {
            count: DOSSIERS,
            concurrency: CONCURRENCY,
            onCommand,
          }));
        const cpuAfter = pids();
        const statements = ((await counter.count(database)) - statementsBefore) / DOSSIERS;
        if (byStatementBefore)
          for (const [query, now] of await counter.byStatement(database)) {
            const was = byStatementBefore.get(query) ?? { n: 0, plan: 0, exec: 0 };
            const sum = topCalls.get(query) ?? { n: 0, plan: 0, exec: 0 };
            topCalls.set(query, {
              n: sum.n + now.n - was.n,
              plan: sum.plan + now.plan - was.plan,
              exec: sum.exec + now.exec - was.exec,
            });
          }
        const h = await histories(client, ids);
        const perDossier = (k: keyof typeof cpuAfter) => ((cpuAfter[k] - cpuBefore[k]) * 1000) / DOSSIERS;
        rounds[side].push({
          rate: (DOSSIERS * 1000) / ms,
          commandMs,
          decisionMs,
          historyEvents: h.events,
          historyBytes: h.bytes,
          byType: h.byType,
          bytesByType: h.bytesByType,
          statements,
          cpu: {
            app: perDossier(side === 'product' ? 'app' : 'bare'),
            temporal: perDossier('temporal'),
            postgres: perDossier('postgres'),
          },
        });
        console.log(
          `  round ${r + 1} ${side.padEnd(7)} ${rounds[side][r].rate.toFixed(2)} dossiers/s, command p50 ${pct(commandMs, 50).toFixed(0)} ms`,
        );
      }

    const row = (label: string, of: (x: Round) => number, digits = 1, unit = '') => {
      const p = median(rounds.product.map(of));
      const b = median(rounds.bare.map(of));
      const paired = median(rounds.product.map((x, i) => of(x) / of(rounds.bare[i])));
      console.log(
        `${label.padEnd(44)} product ${p.toFixed(digits).padStart(8)}${unit}   bare ${b.toFixed(digits).padStart(8)}${unit}   ×${paired.toFixed(2)}`,
      );
    };
    console.log(`medians of ${REPEAT} rounds; × = product ÷ bare (median of the ratios paired per round)`);
    row('dossiers/s', (x) => x.rate, 2);
    row('command p50', (x) => pct(x.commandMs, 50), 0, ' ms');
    row('command p99', (x) => pct(x.commandMs, 99), 0, ' ms');
    row('decision step p50', (x) => pct(x.decisionMs, 50), 0, ' ms');
    row('decision step p99', (x) => pct(x.decisionMs, 99), 0, ' ms');
    row('Temporal history events per dossier', (x) => x.historyEvents, 1);
    row('Temporal history KB per dossier', (x) => x.historyBytes / 1024, 1);
    row(`SQL per dossier (${counter.kind})`, (x) => x.statements, 1);
    row('CPU ms per dossier: API + worker / bare worker', (x) => x.cpu.app, 0);
    row('CPU ms per dossier: Temporal dev server', (x) => x.cpu.temporal, 0);
    row('CPU ms per dossier: Postgres', (x) => x.cpu.postgres, 0);
    const types = (x: Round) =>
      Object.entries(x.byType)
        .filter(([, n]) => n > 0)
        .map(([t, n]) => `${t} ${+n.toFixed(1)} (${(x.bytesByType[t] / 1024).toFixed(1)} KB)`)
        .join(', ');
    console.log(
      `history per dossier by type (events, KB), product: ${types(rounds.product[rounds.product.length - 1])}`,
    );
    console.log(`history per dossier by type (events, KB), bare:    ${types(rounds.bare[rounds.bare.length - 1])}`);
    if (TOP > 0) {
      const per = DOSSIERS * REPEAT;
      const f = (x: number) => (x / per).toFixed(2).padStart(6);
      const line = ([query, { n, plan, exec }]: [string, Cost]) =>
        `  ${f(n)} calls, ms: ${f(plan)} plan ${f(exec)} exec  ${query.replace(/\s+/g, ' ').slice(0, 180)}`;
      const top = (by: (c: Cost) => number) =>
        [...topCalls]
          .filter(([, c]) => c.n > 0)
          .sort((a, b) => by(b[1]) - by(a[1]))
          .slice(0, TOP)
          .map(line);
      const all = [...topCalls.values()].reduce((t, c) => ({ plan: t.plan + c.plan, exec: t.exec + c.exec }), {
        plan: 0,
        exec: 0,
      });
      console.log(
        `server time of the product's statements per dossier: planning ${f(all.plan)} ms, execution ${f(all.exec)} ms`,
      );
      console.log(`top ${TOP} statements of the product by calls per dossier (over its ${REPEAT} rounds):`);
      for (const l of top((c) => c.n)) console.log(l);
      console.log(`top ${TOP} statements of the product by server time (planning + execution) per dossier:`);
      for (const l of top((c) => c.plan + c.exec)) console.log(l);
    }
    const appRss = [...cluster.apis, ...cluster.workers].reduce((n, p) => n + rss(p.pid), 0);
    console.log(
      `RSS after the run (${BUILT ? 'built: node dist/…, bare worker transpiled' : 'ts-node, not a built runtime: --built for that'}): ` +
        `API ${rss(cluster.apis[0].pid).toFixed(0)} MB, worker ${rss(cluster.workers[0].pid).toFixed(0)} MB, ` +
        `together ${appRss.toFixed(0)} MB; bare worker ${rss(bareWorker.pid).toFixed(0)} MB; ` +
        `worker ÷ bare ×${(rss(cluster.workers[0].pid) / rss(bareWorker.pid)).toFixed(2)}, API ÷ bare ×${(rss(cluster.apis[0].pid) / rss(bareWorker.pid)).toFixed(2)}`,
    );

    if (PROFILE) {
      await cluster.stop();
      cluster = undefined;
      await profile(options, tokens);
    }
  } finally {
    await cluster?.stop();
    if (bareWorker) await stopChild(bareWorker);
    await connection.close();
    await counter.close();
    await temporalServer.stop();
    await db.drop();
    await bare.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Span {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startMs: number;
  endMs: number;
  path?: string;
}

/** POST /v1/traces with OTLP/JSON bodies: the spans the API and the worker export. */
async function otlpReceiver(spans: Span[]): Promise<{ server: Server; endpoint: string }> {
  const ms = (ns: string) => Number(BigInt(ns) / 1000n) / 1000;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      type Attr = { key: string; value: { stringValue?: string } };
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans?: {
          resource?: { attributes?: Attr[] };
          scopeSpans?: {
            spans?: {
              traceId: string;
              spanId: string;
              parentSpanId?: string;
              name: string;
              startTimeUnixNano: string;
              endTimeUnixNano: string;
              attributes?: Attr[];
            }[];
          }[];
        }[];
      };
      for (const rs of body.resourceSpans ?? []) {
        const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const ss of rs.scopeSpans ?? [])
          for (const s of ss.spans ?? [])
            spans.push({
              service,
              traceId: s.traceId,
              spanId: s.spanId,
              ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
              name: s.name,
              startMs: ms(s.startTimeUnixNano),
              endMs: ms(s.endTimeUnixNano),
              path: s.attributes?.find((a) => a.key === 'url.path' || a.key === 'http.target')?.value.stringValue,
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * One more product round with the app's OpenTelemetry spans on (they cost time themselves: this round is not
 * compared with the others), then per command step the medians of: the HTTP request as the API served it, the
 * Temporal client calls in it (start + update round trip), the activities the workflow ran, and the SQL the API and the
 * activities sent. What is left is the API's own work (HTTP − Temporal − API SQL) and Temporal's (round trip −
 * activities: the server, the workflow task, the scheduling of the activity).
 */
async function profile(
  options: (extra?: Record<string, string>) => Parameters<typeof startCluster>[0],
  tokens: Record<string, string>,
): Promise<void> {
  const spans: Span[] = [];
  const { server, endpoint } = await otlpReceiver(spans);
  const cluster = await startCluster(
    options({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' }),
    {
      apis: 1,
      workers: 1,
    },
  );
  try {
    const pool = () => [cluster.apis[0].baseUrl];
    await pushDossiers(pool, tokens, { count: WARM_UP, concurrency: WARM_UP });
    const from = Date.now();
    await pushDossiers(pool, tokens, { count: DOSSIERS, concurrency: CONCURRENCY });
    await new Promise((r) => setTimeout(r, 3000));
    const byTrace = new Map<string, Span[]>();
    for (const s of spans) byTrace.set(s.traceId, [...(byTrace.get(s.traceId) ?? []), s]);
    const dur = (xs: Span[]) => xs.reduce((n, s) => n + (s.endMs - s.startMs), 0);
    const parts = [
      'HTTP',
      'Temporal calls',
      'activities',
      'SQL in API',
      'SQL in activities',
      'API own',
      'Temporal own',
      'activity own',
    ] as const;
    const perStep = new Map<string, Record<(typeof parts)[number], number[]>>();
    for (const trace of byTrace.values()) {
      const root = trace.find((s) => s.service === 'tdkt-api' && !s.parentSpanId && /^POST\b/.test(s.name));
      if (!root || root.startMs < from || !root.path) continue;
      const m = /^\/api\/dossiers(?:\/[^/]+\/([a-z-]+))?$/.exec(root.path);
      if (!m) continue;
      const step = m[1] ?? 'create';
      const api = trace.filter((s) => s.service === 'tdkt-api');
      const worker = trace.filter((s) => s.service !== 'tdkt-api');
      const http = root.endMs - root.startMs;
      // Starts, updates (with or without start) and queries: every call of the API to Temporal.
      const calls = dur(
        api.filter((s) => /^(StartWorkflow|StartWorkflowUpdate|UpdateWithStart|QueryWorkflow)/.test(s.name)),
      );
      const activities = dur(worker.filter((s) => s.name.startsWith('RunActivity:')));
      const sqlApi = dur(api.filter((s) => s.name.startsWith('pg.query')));
      const sqlWorker = dur(worker.filter((s) => s.name.startsWith('pg.query')));
      const values = [
        http,
        calls,
        activities,
        sqlApi,
        sqlWorker,
        http - calls - sqlApi,
        calls - activities,
        activities - sqlWorker,
      ];
      const entry =
        perStep.get(step) ??
        (Object.fromEntries(parts.map((p) => [p, []])) as unknown as Record<(typeof parts)[number], number[]>);
      parts.forEach((p, i) => entry[p].push(values[i]));
      perStep.set(step, entry);
    }
    console.log(
      `profile (one more product round with OpenTelemetry on, ${DOSSIERS} dossiers; medians per command in ms; ` +
        `own = what is left after the parts inside it):`,
    );
    console.log(`  ${'step'.padEnd(22)}${parts.map((p) => p.padStart(18)).join('')}`);
    const all = Object.fromEntries(parts.map((p) => [p, [] as number[]])) as Record<(typeof parts)[number], number[]>;
    for (const step of [...new Set(STEPS)]) {
      const e = perStep.get(step);
      if (!e) continue;
      parts.forEach((p) => all[p].push(...e[p]));
      console.log(
        `  ${`${step} (${e.HTTP.length})`.padEnd(22)}${parts.map((p) => median(e[p]).toFixed(1).padStart(18)).join('')}`,
      );
    }
    console.log(
      `  ${`every command (${all.HTTP.length})`.padEnd(22)}${parts.map((p) => median(all[p]).toFixed(1).padStart(18)).join('')}`,
    );
  } finally {
    await cluster.stop();
    await new Promise((ok) => server.close(ok));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
