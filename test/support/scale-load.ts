/**
 * Load and checks for the scaled-out engine (test/scale, bench/src/scale.ts): a database of its own, a province's cast,
 * dossiers pushed through the provincial route over HTTP across several API processes (each command with its own
 * Idempotency-Key, retried with the same key on another API when a process dies under it), and the invariants a
 * province relies on, read from that database.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  ChainVerifier,
  createDataSource,
  Directory,
  grantRuntimeRole,
  READ_MODEL_TABLES,
  rebuildReadModels,
  runMigrations,
  eventStoreWithReadModels,
} from '@tdkt/persistence';
import { aBkTinhDossier, PROVINCIAL_STEPS, seedCast, type Cast, type TestSystem } from './system';

export interface ScaleDatabase {
  /** The database's own superuser connection (migrations, seeding, checks, the rebuild). */
  ds: DataSource;
  /** What the API and worker processes connect with: the runtime role when the server has one, else the superuser. */
  appUrl: string;
  drop(): Promise<void>;
}

/** A database of its own on the given server, migrated, its runtime role granted (`runtimeUrl`'s user), dropped at the end. */
export async function scaleDatabase(superuserUrl: string, runtimeUrl?: string): Promise<ScaleDatabase> {
  const name = `scale_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const at = (base: string, db: string) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();
  const admin = new Client({ connectionString: at(superuserUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const ds = await createDataSource(at(superuserUrl, name)).initialize();
  await runMigrations(ds);
  const runtimeRole = runtimeUrl ? decodeURIComponent(new URL(runtimeUrl).username) : undefined;
  if (runtimeRole) await grantRuntimeRole(ds, runtimeRole);
  return {
    ds,
    appUrl: at(runtimeUrl ?? superuserUrl, name),
    async drop() {
      await ds.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A province (its own unit, council and chairman) in the database, and a token for each member from one API. */
export async function seedProvince(
  ds: DataSource,
  apiBaseUrl: string,
): Promise<{ cast: Cast; tokens: Record<string, string> }> {
  const sys = {
    baseUrl: apiBaseUrl,
    db: ds,
    directory: new Directory(ds),
    stop: async () => undefined,
  } satisfies TestSystem;
  const cast = await seedCast(sys);
  const tokens: Record<string, string> = {};
  for (const [key, u] of Object.entries(cast.users)) {
    const res = await fetch(`${apiBaseUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: u.username }),
    });
    if (res.status !== 200) throw new Error(`login ${u.username}: ${res.status} ${await res.text()}`);
    tokens[key] = ((await res.json()) as { accessToken: string }).accessToken;
  }
  return { cast, tokens };
}

/** Where requests go: the base URLs of the API processes that are up now (asked before every attempt). */
export type ApiPool = () => string[];

export interface LoadStats {
  ids: string[];
  /** Attempts that failed because a process was down or a backing service answered 502/503/504, then retried. */
  retries: number;
  /** Those attempts by cause: `network` (the process died under the request or was not there) or the status code. */
  retriedFor: Record<string, number>;
  /** Commands answered, per API base URL. */
  servedBy: Record<string, number>;
  /** Each command's time in ms, from its first attempt to its answer (retries included), in the order answered. */
  latencies: number[];
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RETRYABLE = new Set([502, 503, 504]);

/**
 * Drives `count` dossiers from creation to AWARDED along the provincial route, `concurrency` at a time, each request to
 * the next API of the pool in turn. `onAwarded` is told after each dossier (the test kills processes from there).
 */
export async function pushDossiers(
  pool: ApiPool,
  tokens: Record<string, string>,
  opts: {
    count: number;
    concurrency: number;
    onAwarded?: (done: number) => void;
    deadlineMs?: number;
    /** Told after each command answered: its step (`create`, `submit`, … `decision`) and its time in ms, retries included. */
    onCommand?: (step: string, ms: number) => void;
  },
): Promise<LoadStats> {
  const started = Date.now();
  const deadline = started + (opts.deadlineMs ?? 30 * 60_000);
  const stats: LoadStats = { ids: [], retries: 0, retriedFor: {}, servedBy: {}, latencies: [], ms: 0 };
  /** The commands of each dossier that needed a retry, for the message of a later refusal. */
  const retried = new Map<string, string[]>();
  const retry = async (path: string, cause: string, attempt: number) => {
    stats.retries++;
    stats.retriedFor[cause] = (stats.retriedFor[cause] ?? 0) + 1;
    const id = path.split('/')[2] ?? '';
    retried.set(id, [...(retried.get(id) ?? []), `${path.split('/')[3] ?? 'create'}: ${cause}`]);
    await sleep(Math.min(2000, 100 * 2 ** attempt));
  };
  let turn = 0;
  const send = async (path: string, token: string, body: unknown, expect: number): Promise<Record<string, unknown>> => {
    const key = randomUUID();
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > deadline) throw new Error(`${path}: no API answered before the deadline`);
      const apis = pool();
      if (!apis.length) {
        await sleep(200);
        continue;
      }
      const base = apis[turn++ % apis.length];
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(180_000),
        });
      } catch {
        // The process died under the request (connection refused or reset): the same key on the next API.
        await retry(path, 'network', attempt);
        continue;
      }
      const text = await res.text();
      if (RETRYABLE.has(res.status)) {
        await retry(path, String(res.status), attempt);
        continue;
      }
      if (res.status !== expect) {
        const earlier = retried.get(path.split('/')[2] ?? '');
        throw new Error(
          `POST ${path}: ${res.status} ${text.slice(0, 500)}${earlier ? `; earlier retries of this dossier: ${earlier.join(', ')}` : ''}`,
        );
      }
      stats.servedBy[base] = (stats.servedBy[base] ?? 0) + 1;
      return JSON.parse(text) as Record<string, unknown>;
    }
  };
  let next = 0;
  const lane = async () => {
    while (next < opts.count) {
      const i = next++;
      const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
        const t0 = performance.now();
        const result = await fn();
        const ms = performance.now() - t0;
        stats.latencies.push(ms);
        opts.onCommand?.(step, ms);
        return result;
      };
      const created = await timed('create', () => send('/dossiers', tokens.clerk, nominee(i), 201));
      const id = String(created.id);
      for (const [who, step, body] of PROVINCIAL_STEPS)
        await timed(step, () => send(`/dossiers/${id}/${step}`, tokens[who], body, 200));
      stats.ids.push(id);
      opts.onAwarded?.(stats.ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, opts.count) }, lane));
  stats.ms = Date.now() - started;
  return stats;
}

/** The i-th nominee: a person of their own (name, citizen id), so no dossier competes with another for one achievement. */
function nominee(i: number): Record<string, unknown> {
  const base = aBkTinhDossier();
  return {
    ...base,
    title: `Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh, hồ sơ ${i + 1}`,
    nominee: {
      ...(base.nominee as Record<string, unknown>),
      fullName: `Nguyễn Thị Lan ${i + 1}`,
      citizenId: `0011${String(900000 + i).padStart(8, '0')}`,
    },
  };
}

export interface ScaleFindings {
  /** Dossiers the load created that are not AWARDED in the read model (or missing from it). */
  notAwarded: string[];
  /** Streams whose seqs are not 1..n. */
  gaps: string[];
  /** Distinct event-type sequences of the dossiers' streams, with how many dossiers have each. */
  histories: Record<string, number>;
  /** Dossiers with other than one allocated decision number. */
  decisionsNotOne: string[];
  /** Per series (authority) and year: how many numbers, and whether they are exactly 1..n. */
  series: { authority: string; year: number; numbers: number; gapless: boolean }[];
  chainOk: boolean;
}

/** Reads what a province relies on for the dossiers `ids` from the database (own database: every row is this run's). */
export async function scaleFindings(ds: DataSource, ids: string[]): Promise<ScaleFindings> {
  const views = (await ds.query(`SELECT id, status FROM dossier_view WHERE id::text = ANY($1::text[])`, [ids])) as {
    id: string;
    status: string;
  }[];
  const awarded = new Set(views.filter((v) => v.status === 'AWARDED').map((v) => v.id));
  const streams = (await ds.query(
    `SELECT stream_id AS dossier_id, count(*)::int AS n, min(seq)::int AS lo, max(seq)::int AS hi, count(DISTINCT seq)::int AS distinct_seqs,
            string_agg(type, ' ' ORDER BY seq) AS types
       FROM dossier_event GROUP BY stream_id`,
  )) as { dossier_id: string; n: number; lo: number; hi: number; distinct_seqs: number; types: string }[];
  const mine = new Set(ids);
  const histories: Record<string, number> = {};
  for (const s of streams) if (mine.has(s.dossier_id)) histories[s.types] = (histories[s.types] ?? 0) + 1;
  const perDossier = (await ds.query(
    `SELECT dossier_id, count(*)::int AS n FROM decision_number WHERE dossier_id::text = ANY($1::text[]) GROUP BY dossier_id`,
    [ids],
  )) as { dossier_id: string; n: number }[];
  const decisions = new Map(perDossier.map((r) => [r.dossier_id, r.n]));
  const series = (await ds.query(
    `SELECT authority, year, count(*)::int AS numbers, (min(number) = 1 AND max(number) = count(*) AND count(DISTINCT number) = count(*)) AS gapless
       FROM decision_number GROUP BY authority, year ORDER BY authority, year`,
  )) as ScaleFindings['series'];
  const chain = await new ChainVerifier(eventStoreWithReadModels(ds)).verifyAll();
  return {
    notAwarded: ids.filter((id) => !awarded.has(id)),
    gaps: streams.filter((s) => s.lo !== 1 || s.hi !== s.n || s.distinct_seqs !== s.n).map((s) => s.dossier_id),
    histories,
    decisionsNotOne: ids.filter((id) => decisions.get(id) !== 1),
    series,
    chainOk: chain.ok,
  };
}

/** Every read model, row for row (as the rebuild spec compares them). */
export const readModelSnapshot = async (ds: DataSource): Promise<unknown[][]> =>
  Promise.all(READ_MODEL_TABLES.map((t) => ds.query(`SELECT * FROM ${t} ORDER BY ${t}::text`) as Promise<unknown[]>));

/** The live read models, then the same after dropping them and replaying the event table. Run with no process writing. */
export async function liveAndRebuilt(
  ds: DataSource,
): Promise<{ live: unknown[][]; rebuilt: unknown[][]; events: number }> {
  const live = await readModelSnapshot(ds);
  const { events } = await rebuildReadModels(ds);
  return { live, rebuilt: await readModelSnapshot(ds), events };
}
