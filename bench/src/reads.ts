/**
 * `npm run bench -- reads [--scale N]`: what people open every morning, as the dossiers grow — p95 of the board's
 * counts, each role's inbox, the awards / five-year / processing-times reports and the award lookup, at 1,000
 * dossiers, then 100,000 (the default `--scale`), then N when it is larger (`--scale 1000000`), each printed with its
 * ratio p95(size) ÷ p95(1,000 dossiers) measured in the same run (the issue's aim: ≤ 1.5, and p95 ≤ 50 ms). Not a
 * test: it reports, it asserts nothing. BENCH_READS_RUNS (60) timed runs of each read per size, after 5 warm-ups.
 *
 * The dossiers are simulated with the pure domain (test/support/simulate.ts: 1–8 commands along the provincial route,
 * three award forms, 60 units, 2024–2026, stage durations in fractional days from a seeded generator) and projected
 * by the read models' own code (`projectAll`, the batched folds the append and the rebuild run) in pages of whole
 * dossiers, straight into the read models: the event table is not written (nothing here reads it), which is what
 * lets a million dossiers load in minutes. The reads are the repositories' methods with the filters the API passes.
 */
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import type { DataSource } from 'typeorm';
import {
  AwardHistoryQueries,
  BoardQueries,
  Directory,
  InboxQueries,
  projectAll,
  runMigrations,
  StatisticsQueries,
} from '@tdkt/persistence';
import { vietnamDate, type Actor, type EventEnvelope, type StoredEnvelope } from '@tdkt/domain';
import { simulateDossier, type RouteOptions } from '../../test/support/simulate';
import { benchDatabase, runBench } from './scratch';

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SCALE = Number(flag('scale') ?? 100_000);
const SIZES = [...new Set([1_000, Math.min(100_000, SCALE), SCALE])].filter((n) => n >= 1_000);
const RUNS = Number(process.env.BENCH_READS_RUNS ?? 60);
const WARMUP = 5;
const UNITS = Array.from({ length: 60 }, (_, i) => `U${String(i).padStart(2, '0')}`);
const PROVINCE = 'BENCH';
const COMMON_NAME = 'Nguyễn Văn Hùng';
/** The page GET /api/me/tasks returns unless asked for another limit (inbox.controller.ts). */
const INBOX_LIMIT = 200;

const commit = (): string => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

/** A seeded generator (mulberry32): the same dossiers on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMS: { awardCode: string; nomineeKind: RouteOptions['nomineeKind'] }[] = [
  { awardCode: 'BK_TINH', nomineeKind: 'INDIVIDUAL' },
  { awardCode: 'BK_TINH', nomineeKind: 'INDIVIDUAL' },
  { awardCode: 'TT_LD_XUAT_SAC', nomineeKind: 'COLLECTIVE' },
  { awardCode: 'CO_TD_TINH', nomineeKind: 'COLLECTIVE' },
];
const START = Date.UTC(2024, 0, 8, 2);
const SPAN_DAYS = 2.5 * 365;

/** Dossier `i`'s events: `1 + i % 8` commands along the route (8: decided, mostly awarded), at seeded times. */
function dossier(i: number, random: () => number): EventEnvelope[] {
  const form = FORMS[i % FORMS.length];
  const steps = 1 + (i % 8);
  const offsets = [0];
  for (let k = 1; k < 8; k++) offsets.push(offsets[k - 1] + (k === 1 ? random() * 3 : 0.05 + random() * 12));
  return simulateDossier({
    steps,
    awardCode: form.awardCode,
    nomineeKind: form.nomineeKind,
    directWorker: i % 3 === 0,
    unitCode: UNITS[i % UNITS.length],
    nominee: i % 10 === 0 ? COMMON_NAME : `Người ${i}`,
    now: START + Math.floor(random() * SPAN_DAYS * 86_400_000),
    dayOffsets: offsets,
    ...(steps === 8 ? { decision: i % 16 === 7 ? { approve: false } : { approve: true } } : {}),
  });
}

/** Projects dossiers `from`…`to` − 1 into the read models, a page of whole dossiers per transaction. */
async function load(ds: DataSource, from: number, to: number, random: () => number): Promise<number> {
  let events = 0;
  const PAGE = 400;
  for (let start = from; start < to; start += PAGE) {
    const page: StoredEnvelope[] = [];
    for (let i = start; i < Math.min(to, start + PAGE); i++) page.push(...dossier(i, random));
    await ds.transaction((m) => projectAll(m, page));
    events += page.length;
    if ((start - from) % 20_000 === 0 && start > from)
      process.stdout.write(`  … ${start.toLocaleString('en')} dossiers\r`);
  }
  return events;
}

const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1];

async function timed(read: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await read();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await read();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return p95(ms);
}

function reads(ds: DataSource): [string, () => Promise<unknown>][] {
  const board = new BoardQueries(ds);
  const inbox = new InboxQueries(ds);
  const stats = new StatisticsQueries(ds);
  const history = new AwardHistoryQueries(ds);
  const today = vietnamDate(Date.UTC(2026, 5, 30, 3));
  const period = { provinceCode: PROVINCE, fromYear: 2024, toYear: 2026 };
  const actors: Actor[] = [
    { userId: 'sec-1', role: 'SECRETARIAT_OFFICER' },
    { userId: 'head-1', role: 'SECRETARIAT_HEAD' },
    { userId: 'clerk-U07', role: 'UNIT_CLERK', unitCode: 'U07' },
    { userId: 'head-U07', role: 'UNIT_HEAD', unitCode: 'U07' },
    { userId: 'm1', role: 'COUNCIL_MEMBER' },
    { userId: 'chairman', role: 'PROVINCIAL_DECIDER' },
  ];
  return [
    ['board counts (all)', () => board.counts({ kind: 'ALL' }, {})],
    ['board counts (a unit)', () => board.counts({ kind: 'UNIT', unitCode: 'U07' }, {})],
    ...actors.map((a): [string, () => Promise<unknown>] => [
      `inbox ${a.role}`,
      () => inbox.inbox(a, today, INBOX_LIMIT),
    ]),
    // What GET /api/reports/awards runs for JSON: the rows by form, by movement, and the direct-worker share.
    [
      'awards report',
      async () => {
        await stats.awards(period);
        await stats.awardsByMovement(period);
        await stats.directWorkerShare(period);
      },
    ],
    ['five-year report', () => stats.fiveYearReport(period)],
    ['processing-times report', () => stats.processingTimes(period)],
    [
      'processing-times report (a unit, a form)',
      () => stats.processingTimes({ ...period, unitCode: 'U07', awardCode: 'BK_TINH' }),
    ],
    ['award lookup (a common name)', () => history.find({ name: COMMON_NAME, limit: 50 })],
    ['award lookup (a name in a unit)', () => history.find({ name: COMMON_NAME, unitCode: 'U10', limit: 50 })],
  ];
}

/** The rows of the maintained report aggregates (none before they existed: the bench also runs on older commits). */
async function aggregateSizes(ds: DataSource): Promise<string> {
  const tables = ['stage_time_stat', 'stage_time_all', 'award_count'];
  const rows = (await ds.query(
    `SELECT c.relname AS t, c.reltuples::bigint AS n FROM pg_class c WHERE c.relname = ANY ($1) ORDER BY c.relname`,
    [tables],
  )) as { t: string; n: string }[];
  return rows.length
    ? `aggregates: ${rows.map((r) => `${Number(r.n).toLocaleString('en')} ${r.t}`).join(', ')} rows`
    : 'no report aggregates (before them)';
}

async function main(): Promise<void> {
  const { ds, drop } = await benchDatabase('bench_reads', { poolSize: 2 });
  const load0 = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  console.log(
    `reads: board counts, inboxes, reports, award lookup at ${SIZES.map((n) => n.toLocaleString('en')).join(' / ')} ` +
      `dossiers; commit ${commit()}; load average ${load0}; p95 of ${RUNS} runs each; baseline: the same read at 1,000`,
  );
  try {
    await runMigrations(ds);
    const directory = new Directory(ds);
    await directory.upsertUnit({
      code: 'UBND-BENCH',
      name: 'UBND tỉnh (bench)',
      level: 'PROVINCE',
      provinceCode: PROVINCE,
    });
    for (const u of UNITS)
      await directory.upsertUnit({ code: u, name: `Đơn vị ${u}`, level: 'AGENCY', provinceCode: PROVINCE });
    const random = seeded(14);
    const results = new Map<string, number[]>();
    let loaded = 0;
    for (const size of SIZES) {
      const t0 = Date.now();
      const events = await load(ds, loaded, size, random);
      loaded = size;
      await ds.query(`VACUUM ANALYZE`);
      console.log(
        `\n${size.toLocaleString('en')} dossiers: ${events.toLocaleString('en')} events projected in ${((Date.now() - t0) / 1000).toFixed(1)} s ` +
          `(load average ${loadavg()[0].toFixed(2)}); ${await aggregateSizes(ds)}`,
      );
      for (const [label, read] of reads(ds)) {
        const ms = await timed(read);
        const all = results.get(label) ?? results.set(label, []).get(label)!;
        all.push(ms);
        const ratio = ms / all[0];
        console.log(
          `  ${label.padEnd(44)} p95 ${ms.toFixed(2).padStart(8)} ms   ×${ratio.toFixed(2)} of 1,000 (N=${size.toLocaleString('en')})` +
            (all.length > 1 ? `   ${ratio <= 1.5 && ms <= 50 ? 'meets' : 'misses'} the aim (×1.5, 50 ms)` : ''),
        );
      }
    }
  } finally {
    await drop();
  }
}

runBench(main);
