import { vietnamDate } from '@tdkt/domain';
import type { RebuildTotals } from './rebuild-fold';
import { insertRows, WriteStatement, type FollowUp } from './row-batch';
import type { AwardFactRow, DossierStatistics, StageTimingRow } from './statistics-rows';

/**
 * The statistics the reports read, maintained: the reports never scan stage_timing or award_fact, whose size follows
 * the dossiers, but these tables, whose size follows the combinations in use.
 *
 * - `stage_time_stat`: for each (year the stage ended, unit, award form, movement, stage) a fixed histogram of how long
 *   the stage took — per duration bucket, how many stages (`n`) and their total in milliseconds (`ms`). The
 *   processing-times report reads its percentiles from it (`percentileOf`): the value at a rank is the mean of the
 *   bucket holding that rank, interpolated between ranks as `percentile_cont` does. Exact while no bucket mixes two
 *   durations (whole days up to 100 days, whole hours below a day); otherwise within the bucket's width
 *   (`bucketOf`), usually far closer (the bucket's mean, not its edge). Counts are exact.
 * - `stage_time_all`: the same without the unit, and `stage_time_unit`: the units that have stage times. A report over
 *   every unit reads stage_time_all alone; a province's, stage_time_all less the units outside the province (exact:
 *   counts and millisecond sums are integers), so its size follows neither the dossiers nor the province's units.
 * - `award_count`: for each (year, unit, form, level, decider, movement, subject kind, direct worker) how many awards
 *   stand: the awards report, the awards by movement, the five-year report and the direct-worker share sum it.
 *
 * The batched statistics fold moves them: what a dossier's rows contributed before the batch is taken out, what they
 * contribute after is put in (net deltas in key order, so two appends lock shared rows in the same order), one
 * statement for all four tables, a second only when a row reaches zero. Live and rebuilt rows are equal by construction.
 */

/** A movement-less row's movement in the aggregates ('' rather than NULL: part of the key). */
const NONE = '';
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * The duration buckets (milliseconds → bucket number): below 0 (never on the route) one bucket; below one day, whole
 * hours (0–23); then 2 significant digits: 0.1 day up to 10 days (24–113), 1 day up to 100 (114–203), 10 days up to
 * 1,000 (204–293), 100 days beyond (294–393, the last open-ended). At most 395 buckets per key.
 */
export function bucketOf(ms: number): number {
  if (ms < 0) return -1;
  if (ms < DAY) return Math.floor(ms / HOUR);
  if (ms < 10 * DAY) return 24 + Math.floor((ms - DAY) / (DAY / 10));
  if (ms < 100 * DAY) return 114 + Math.floor((ms - 10 * DAY) / DAY);
  if (ms < 1000 * DAY) return 204 + Math.floor((ms - 100 * DAY) / (10 * DAY));
  return 294 + Math.min(Math.floor((ms - 1000 * DAY) / (100 * DAY)), 99);
}

/** `bucketOf` in SQL, over an integer number of milliseconds (for filling the table from existing rows). */
export const bucketSql = (ms: string): string => `CASE
    WHEN ${ms} < 0 THEN -1
    WHEN ${ms} < ${DAY} THEN ${ms} / ${HOUR}
    WHEN ${ms} < ${10 * DAY} THEN 24 + (${ms} - ${DAY}) / ${DAY / 10}
    WHEN ${ms} < ${100 * DAY} THEN 114 + (${ms} - ${10 * DAY}) / ${DAY}
    WHEN ${ms} < ${1000 * DAY} THEN 204 + (${ms} - ${100 * DAY}) / ${10 * DAY}
    ELSE 294 + least((${ms} - ${1000 * DAY}) / ${100 * DAY}, 99) END`;

/** The stages of the processing-times report as (from, to) columns of stage_timing. */
export const TIMED_STAGES = [
  { stage: 'UNIT_REVIEW', from: 'submitted_at', to: 'unit_approved_at' },
  { stage: 'APPRAISAL', from: 'unit_approved_at', to: 'appraisal_accepted_at' },
  { stage: 'COUNCIL_VOTING', from: 'appraisal_accepted_at', to: 'voting_closed_at' },
  { stage: 'DECISION', from: 'voting_closed_at', to: 'decided_at' },
  { stage: 'TOTAL', from: 'first_submitted_at', to: 'decided_at' },
] as const satisfies readonly { stage: string; from: keyof StageTimingRow; to: keyof StageTimingRow }[];

interface StageKey {
  year: number;
  unit_code: string;
  award_code: string;
  movement_id: string;
  stage: string;
  bucket: number;
}
interface AwardKey {
  year: number;
  unit_code: string;
  award_code: string;
  level: string;
  decider: string;
  movement_id: string;
  subject_kind: string;
  direct_worker: boolean;
}

/** What one stage_timing row puts in stage_time_stat: one (key, duration) per stage both ends of which are known. */
export function stageContributions(t: StageTimingRow | undefined): (StageKey & { ms: number })[] {
  if (!t) return [];
  const out: (StageKey & { ms: number })[] = [];
  for (const { stage, from, to } of TIMED_STAGES) {
    const started = t[from];
    const ended = t[to];
    if (typeof started !== 'string' || typeof ended !== 'string') continue;
    const end = Date.parse(ended);
    const ms = end - Date.parse(started);
    out.push({
      year: Number(vietnamDate(end).slice(0, 4)),
      unit_code: t.unit_code,
      award_code: t.award_code,
      movement_id: t.movement_id ?? NONE,
      stage,
      bucket: bucketOf(ms),
      ms,
    });
  }
  return out;
}

const awardKeyOf = (f: AwardFactRow): AwardKey => ({
  year: f.year,
  unit_code: f.unit_code,
  award_code: f.award_code,
  level: f.level,
  decider: f.decider,
  movement_id: f.movement_id ?? NONE,
  subject_kind: f.subject_kind,
  direct_worker: f.direct_worker,
});

/** Net deltas by key, zeros dropped, in key order (the order the statement locks the rows in). */
class Deltas {
  private readonly byKey = new Map<string, Record<string, unknown>>();
  constructor(
    private readonly key: readonly string[],
    private readonly values: readonly string[],
  ) {}
  add(row: Record<string, unknown>, sign: 1 | -1): void {
    const id = JSON.stringify(this.key.map((c) => row[c]));
    const d =
      this.byKey.get(id) ??
      this.byKey
        .set(id, Object.fromEntries([...this.key.map((c) => [c, row[c]]), ...this.values.map((c) => [c, 0])]))
        .get(id)!;
    for (const c of this.values) d[c] = (d[c] as number) + sign * (row[c] as number);
  }
  rows(): Record<string, unknown>[] {
    return [...this.byKey.entries()]
      .filter(([, d]) => this.values.some((c) => d[c] !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, d]) => d);
  }
}

/**
 * The maintained aggregates: their key, the values a delta adds, and the SQL types of their columns. stage_time_all is
 * stage_time_stat without the unit (what a report over every unit, or all but a few, reads: its size does not follow
 * the units), stage_time_unit the units that have stage times (how many), so a province's report can take away the
 * units outside it.
 */
const AGGREGATES = {
  stage_time_stat: { key: ['year', 'unit_code', 'award_code', 'movement_id', 'stage', 'bucket'], values: ['n', 'ms'] },
  stage_time_all: { key: ['year', 'award_code', 'movement_id', 'stage', 'bucket'], values: ['n', 'ms'] },
  stage_time_unit: { key: ['unit_code'], values: ['n'] },
  award_count: {
    key: ['year', 'unit_code', 'award_code', 'level', 'decider', 'movement_id', 'subject_kind', 'direct_worker'],
    values: ['n'],
  },
} as const satisfies Record<string, { key: readonly string[]; values: readonly string[] }>;
type Aggregate = keyof typeof AGGREGATES;
const AGGREGATE_NAMES = Object.keys(AGGREGATES) as Aggregate[];
const SQL_TYPES: Record<string, string> = {
  year: 'integer',
  bucket: 'integer',
  n: 'integer',
  ms: 'bigint',
  direct_worker: 'boolean',
};
const columnsOf = (t: Aggregate): string[] => [...AGGREGATES[t].key, ...AGGREGATES[t].values];

export type AggregateDeltas = Record<Aggregate, Record<string, unknown>[]>;

const newDeltas = () =>
  Object.fromEntries(AGGREGATE_NAMES.map((t) => [t, new Deltas(AGGREGATES[t].key, AGGREGATES[t].values)])) as Record<
    Aggregate,
    Deltas
  >;

/** A stage timing row's contributions to the stage-time aggregates, added (sign 1) or taken away (-1). */
function addStage(deltas: Record<Aggregate, Deltas>, t: StageTimingRow | undefined, sign: 1 | -1): void {
  for (const c of stageContributions(t)) {
    const row = { ...c, n: 1 };
    deltas.stage_time_stat.add(row, sign);
    deltas.stage_time_all.add(row, sign);
    deltas.stage_time_unit.add(row, sign);
  }
}

/** An award fact's contribution to the award counters, added or taken away. */
function addFact(deltas: Record<Aggregate, Deltas>, f: AwardFactRow | undefined, sign: 1 | -1): void {
  if (f) deltas.award_count.add({ ...awardKeyOf(f), n: 1 }, sign);
}

/** What a batch moves in the aggregates: each changed dossier's contributions before, taken out; after, put in. */
export function aggregateDeltas(
  loaded: ReadonlyMap<string, DossierStatistics>,
  changed: ReadonlyMap<string, DossierStatistics>,
): AggregateDeltas {
  const deltas = newDeltas();
  for (const [id, after] of changed) {
    const before = loaded.get(id) ?? {};
    if (before.timing !== after.timing) {
      addStage(deltas, before.timing, -1);
      addStage(deltas, after.timing, 1);
    }
    if (before.fact !== after.fact) {
      addFact(deltas, before.fact, -1);
      addFact(deltas, after.fact, 1);
    }
  }
  return Object.fromEntries(AGGREGATE_NAMES.map((t) => [t, deltas[t].rows()])) as AggregateDeltas;
}

/**
 * The aggregates as a rebuild sums them: each dossier's contributions, added as its state is written out (taken away
 * when it is read back), written once at the end — the same contributions as the live deltas, so the same rows.
 */
export function aggregateTotals(): RebuildTotals<DossierStatistics> {
  const deltas = newDeltas();
  return {
    tables: AGGREGATE_NAMES,
    add: (state, sign) => {
      addStage(deltas, state.timing, sign);
      addFact(deltas, state.fact, sign);
    },
    write: async (m) => {
      const s = new WriteStatement();
      for (const t of AGGREGATE_NAMES)
        insertRows(
          s,
          { name: t, columns: columnsOf(t), key: AGGREGATES[t].key, owner: AGGREGATES[t].key[0] },
          deltas[t].rows(),
        );
      await s.run(m);
    },
  };
}

/** The deltas of aggregate `t` as rows, from the statement's parameter `param`. */
const deltasIn = (t: Aggregate, param: string) =>
  `jsonb_to_recordset(${param}::jsonb) AS d(${columnsOf(t)
    .map((c) => `${c} ${SQL_TYPES[c] ?? 'text'}`)
    .join(', ')})`;

/**
 * Moves the aggregates by a batch's deltas in the command's write statement (upserts adding the deltas, in key order,
 * so two appends lock shared rows in the same order), and after it, only when a row reached zero, deletes the rows at
 * zero (a rebuild never writes them).
 */
export function writeAggregateDeltas(s: WriteStatement, deltas: AggregateDeltas): FollowUp | undefined {
  const touched = AGGREGATE_NAMES.filter((t) => deltas[t].length > 0);
  if (touched.length === 0) return undefined;
  const params = touched.map((t) => JSON.stringify(deltas[t]));
  const moved = touched.map((t, i) => {
    const key = AGGREGATES[t].key.join(', ');
    const all = columnsOf(t).join(', ');
    const add = AGGREGATES[t].values.map((c) => `${c} = ${t}.${c} + EXCLUDED.${c}`).join(', ');
    return s.cte(`INSERT INTO ${t} (${all}) SELECT ${all} FROM ${deltasIn(t, s.param(params[i]))} ORDER BY ${key}
       ON CONFLICT (${key}) DO UPDATE SET ${add} RETURNING n`);
  });
  const emptied = s.flag(moved.map((c) => `EXISTS (SELECT 1 FROM ${c} WHERE n = 0)`).join(' OR '));
  return async (m, flags) => {
    if (!flags[emptied]) return;
    const deletes = touched.map((t, i) => {
      const key = AGGREGATES[t].key.join(', ');
      return `DELETE FROM ${t} WHERE n = 0 AND (${key}) IN (SELECT ${key} FROM ${deltasIn(t, `$${i + 1}`)})`;
    });
    await m.query(
      deletes.length === 1
        ? deletes[0]
        : `WITH ${deletes
            .slice(0, -1)
            .map((d, i) => `d${i} AS (${d})`)
            .join(', ')} ${deletes[deletes.length - 1]}`,
      params,
    );
  };
}

/**
 * The aggregates as they follow from the rows of stage_timing and award_fact, in SQL: what the migration fills them
 * with, and what the specs hold the maintained tables to.
 */
export const STAGE_TIME_STAT_FROM_ROWS = `
  SELECT EXTRACT(YEAR FROM s.ended AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year, t.unit_code, t.award_code,
         COALESCE(t.movement_id, '') AS movement_id, s.stage, (${bucketSql('s.ms')})::int AS bucket,
         count(*)::int AS n, sum(s.ms)::bigint AS ms
    FROM stage_timing t
   CROSS JOIN LATERAL (VALUES ${TIMED_STAGES.map(
     (s) => `('${s.stage}', t.${s.to}, round(EXTRACT(EPOCH FROM t.${s.to} - t.${s.from}) * 1000)::bigint)`,
   ).join(', ')}) AS s(stage, ended, ms)
   WHERE s.ms IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6`;
export const STAGE_TIME_ALL_FROM_ROWS = `
  SELECT year, award_code, movement_id, stage, bucket, sum(n)::int AS n, sum(ms)::bigint AS ms
    FROM (${STAGE_TIME_STAT_FROM_ROWS}) s GROUP BY 1, 2, 3, 4, 5`;
export const STAGE_TIME_UNIT_FROM_ROWS = `
  SELECT unit_code, sum(n)::int AS n FROM (${STAGE_TIME_STAT_FROM_ROWS}) s GROUP BY 1`;
export const AWARD_COUNT_FROM_ROWS = `
  SELECT year, unit_code, award_code, level, decider, COALESCE(movement_id, '') AS movement_id, subject_kind,
         direct_worker, count(*)::int AS n
    FROM award_fact GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

/** One bucket of a histogram: how many values fell in it and their sum (a bucket's value is their mean). */
export interface Bucket {
  bucket: number;
  n: number;
  sum: number;
}

/**
 * The continuous percentile `p` (0–1) of a histogram, as percentile_cont over its values taken as their bucket's mean:
 * the rank p·(n−1), interpolated between the values at the ranks either side. Null when it is empty.
 */
export function percentileOf(buckets: readonly Bucket[], p: number): number | null {
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((n, b) => n + b.n, 0);
  if (total === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (rank < seen) return b.sum / b.n;
    }
    const last = sorted[sorted.length - 1];
    return last.sum / last.n;
  };
  const pos = p * (total - 1);
  const lo = Math.floor(pos);
  const low = at(lo);
  return lo === pos ? low : low + (pos - lo) * (at(lo + 1) - low);
}
