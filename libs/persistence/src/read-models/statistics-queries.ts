import type { DataSource } from 'typeorm';
import { Where } from './sql';
import { percentileOf, TIMED_STAGES } from './statistics-aggregates';
import {
  AWARD_CODES,
  findAward,
  FIVE_YEAR_REPORT_CATEGORIES,
  type AwardLevel,
  type ReportCategory,
} from '@tdkt/domain';

const labelOf = (c: ReportCategory): string => c.label ?? findAward(c.awardCodes[0])?.nameVi ?? c.key;

const STAGE_LABELS: Record<(typeof TIMED_STAGES)[number]['stage'], string> = {
  UNIT_REVIEW: 'Xét duyệt tại đơn vị',
  APPRAISAL: 'Thẩm định (Ban Thi đua – Khen thưởng)',
  COUNCIL_VOTING: 'Hội đồng Thi đua – Khen thưởng bỏ phiếu',
  DECISION: 'Người có thẩm quyền quyết định',
  TOTAL: 'Toàn bộ (từ lần trình đầu tiên đến quyết định)',
};
/** The stages a dossier passes on the provincial route, as (from, to) columns of stage_timing, with their names. */
export const PROCESSING_STAGES = TIMED_STAGES.map((s) => ({ ...s, label: STAGE_LABELS[s.stage] }));
export type ProcessingStage = (typeof TIMED_STAGES)[number]['stage'];

export interface StatisticsFilter {
  provinceCode?: string;
  unitCode?: string;
  awardCode?: string;
  level?: AwardLevel;
  /** The movement (phong trào thi đua) the dossiers come from (a thematic dossier's round is its movement). */
  movementId?: string;
  /** Inclusive calendar years (Asia/Ho_Chi_Minh). */
  fromYear?: number;
  toYear?: number;
}

export interface AwardCountRow {
  year: number;
  awardCode: string;
  awardName: string;
  level: string;
  decider: string;
  unitCode: string;
  unitName: string | null;
  provinceCode: string | null;
  total: number;
  individuals: number;
  collectives: number;
  households: number;
  /** Individuals who work directly at the grassroots (người trực tiếp lao động, công tác). */
  directWorkers: number;
}

/** How the awards report names the dossiers that come from no movement. */
export const NO_MOVEMENT_LABEL = 'Không thuộc phong trào';

/** The awards of one movement (or of none: `movementId` null, named NO_MOVEMENT_LABEL), by level and subject. */
export interface MovementAwardCountRow {
  movementId: string | null;
  movementName: string;
  total: number;
  state: number;
  provincial: number;
  grassroots: number;
  individuals: number;
  collectives: number;
  households: number;
}

/** The share of awards to individuals that went to people who work directly at the grassroots. */
export interface DirectWorkerShare {
  individuals: number;
  directWorkers: number;
  /** directWorkers / individuals, 4 decimals; null when no individual was awarded. */
  share: number | null;
}

export interface StageTime {
  stage: ProcessingStage;
  label: string;
  /** Dossiers that completed the stage in the period (by the year the stage ended). */
  count: number;
  /**
   * Calendar days, 2 decimals (continuous percentiles over the maintained histogram: exact while no duration bucket
   * mixes two durations, else within the bucket, see statistics-aggregates.ts); null when count is 0.
   */
  medianDays: number | null;
  p90Days: number | null;
}

export interface FiveYearRow {
  no: number;
  key: string;
  label: string;
  level: string;
  awardCodes: string[];
  count: number;
  individuals: number;
  collectives: number;
  households: number;
}

export interface FiveYearReport {
  provinceCode: string;
  fromYear: number;
  toYear: number;
  movementId?: string;
  rows: FiveYearRow[];
  directWorkers: DirectWorkerShare;
}

/**
 * The filters common to every statistic, over a maintained aggregate (`award_count`, `stage_time_stat`: a movement-less
 * row's movement is ''); `yearSql` is the year the row counts in.
 */
function filtered(f: StatisticsFilter, yearSql: string, table: string, c = new Where()): Where {
  if (f.provinceCode !== undefined) c.add('o.province_code = ?', f.provinceCode);
  if (f.unitCode !== undefined) c.add(`${table}.unit_code = ?`, f.unitCode);
  if (f.awardCode !== undefined) c.add(`${table}.award_code = ?`, f.awardCode);
  if (f.level !== undefined)
    c.add(
      `${table}.award_code = ANY (?)`,
      AWARD_CODES.filter((code) => findAward(code)?.level === f.level),
    );
  if (f.movementId !== undefined) c.add(`${table}.movement_id = ?`, f.movementId);
  if (f.fromYear !== undefined) c.add(`${yearSql} >= ?`, f.fromYear);
  if (f.toYear !== undefined) c.add(`${yearSql} <= ?`, f.toYear);
  return c;
}

const round = (x: number | null, digits: number): number | null => (x === null ? null : Number(x.toFixed(digits)));
const DAY_MS = 86_400_000;
const shareOf = (individuals: number, directWorkers: number): DirectWorkerShare => ({
  individuals,
  directWorkers,
  share: individuals === 0 ? null : round(directWorkers / individuals, 4),
});

/**
 * Statistics over the aggregates the statistics read model maintains (award_count, stage_time_stat — never the rows
 * of award_fact or stage_timing, whose size follows the dossiers); the province of a unit comes from org_unit.
 */
export class StatisticsQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Awards counted by year, form, level and unit, in catalog order. */
  async awards(f: StatisticsFilter): Promise<AwardCountRow[]> {
    const c = filtered(f, 'f.year', 'f');
    const order = c.param(AWARD_CODES);
    const rows = (await this.dataSource.query(
      `SELECT f.year, f.award_code, f.level, f.decider, f.unit_code, o.name AS unit_name, o.province_code,
              sum(f.n)::int AS total,
              COALESCE(sum(f.n) FILTER (WHERE f.subject_kind = 'INDIVIDUAL'), 0)::int AS individuals,
              COALESCE(sum(f.n) FILTER (WHERE f.subject_kind = 'COLLECTIVE'), 0)::int AS collectives,
              COALESCE(sum(f.n) FILTER (WHERE f.subject_kind = 'HOUSEHOLD'), 0)::int AS households,
              COALESCE(sum(f.n) FILTER (WHERE f.subject_kind = 'INDIVIDUAL' AND f.direct_worker), 0)::int AS direct_workers
         FROM award_count f LEFT JOIN org_unit o ON o.code = f.unit_code
         ${c.sql}
        GROUP BY f.year, f.award_code, f.level, f.decider, f.unit_code, o.name, o.province_code
        ORDER BY f.year, array_position(${order}::text[], f.award_code), f.unit_code`,
      c.params,
    )) as {
      year: number;
      award_code: string;
      level: string;
      decider: string;
      unit_code: string;
      unit_name: string | null;
      province_code: string | null;
      total: number;
      individuals: number;
      collectives: number;
      households: number;
      direct_workers: number;
    }[];
    return rows.map((r) => ({
      year: r.year,
      awardCode: r.award_code,
      awardName: findAward(r.award_code)?.nameVi ?? r.award_code,
      level: r.level,
      decider: r.decider,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      provinceCode: r.province_code,
      total: r.total,
      individuals: r.individuals,
      collectives: r.collectives,
      households: r.households,
      directWorkers: r.direct_workers,
    }));
  }

  /**
   * Awards counted by the movement their dossiers come from, named movements first by name, then the awards of no
   * movement (NO_MOVEMENT_LABEL). A movement's name is the movement read model's (a thematic round's too).
   */
  async awardsByMovement(f: StatisticsFilter): Promise<MovementAwardCountRow[]> {
    const c = filtered(f, 'f.year', 'f');
    const rows = (await this.dataSource.query(
      `SELECT NULLIF(f.movement_id, '') AS movement_id, mv.name AS movement_name, sum(f.n)::int AS total,
              COALESCE(sum(f.n) FILTER (WHERE f.level = 'STATE'), 0)::int AS state,
              COALESCE(sum(f.n) FILTER (WHERE f.level = 'PROVINCIAL'), 0)::int AS provincial,
              COALESCE(sum(f.n) FILTER (WHERE f.level = 'GRASSROOTS'), 0)::int AS grassroots,
              COALESCE(sum(f.n) FILTER (WHERE f.subject_kind = 'INDIVIDUAL'), 0)::int AS individuals,
              COALESCE(sum(f.n) FILTER (WHERE f.subject_kind = 'COLLECTIVE'), 0)::int AS collectives,
              COALESCE(sum(f.n) FILTER (WHERE f.subject_kind = 'HOUSEHOLD'), 0)::int AS households
         FROM award_count f
         LEFT JOIN org_unit o ON o.code = f.unit_code
         LEFT JOIN movement_view mv ON mv.id::text = f.movement_id
         ${c.sql}
        GROUP BY f.movement_id, mv.name
        ORDER BY f.movement_id = '', mv.name, f.movement_id`,
      c.params,
    )) as {
      movement_id: string | null;
      movement_name: string | null;
      total: number;
      state: number;
      provincial: number;
      grassroots: number;
      individuals: number;
      collectives: number;
      households: number;
    }[];
    return rows.map((r) => ({
      movementId: r.movement_id,
      movementName: r.movement_id === null ? NO_MOVEMENT_LABEL : (r.movement_name ?? r.movement_id),
      total: r.total,
      state: r.state,
      provincial: r.provincial,
      grassroots: r.grassroots,
      individuals: r.individuals,
      collectives: r.collectives,
      households: r.households,
    }));
  }

  /** Of the awards to individuals, how many went to people who work directly at the grassroots. */
  async directWorkerShare(f: StatisticsFilter): Promise<DirectWorkerShare> {
    const c = filtered(f, 'f.year', 'f').add(`f.subject_kind = ?`, 'INDIVIDUAL');
    const [r] = (await this.dataSource.query(
      `SELECT COALESCE(sum(f.n), 0)::int AS individuals,
              COALESCE(sum(f.n) FILTER (WHERE f.direct_worker), 0)::int AS direct_workers
         FROM award_count f LEFT JOIN org_unit o ON o.code = f.unit_code ${c.sql}`,
      c.params,
    )) as { individuals: number; direct_workers: number }[];
    return shareOf(r.individuals, r.direct_workers);
  }

  /**
   * Median and 90th percentile of the days each stage took, counted in the year the stage ended, from the maintained
   * histograms, summed per stage and duration bucket: a unit's from stage_time_stat; every unit's from stage_time_all;
   * a province's from stage_time_all less the units with stage times outside it (stage_time_unit against org_unit).
   */
  async processingTimes(f: StatisticsFilter): Promise<StageTime[]> {
    const rows = (f.unitCode !== undefined ? await this.unitStageTimes(f) : await this.allStageTimes(f)) as {
      stage: ProcessingStage;
      bucket: number;
      n: number;
      ms: number;
    }[];
    return PROCESSING_STAGES.map(({ stage, label }) => {
      const buckets = rows
        .filter((r) => r.stage === stage)
        .map((r) => ({ bucket: r.bucket, n: r.n, sum: r.ms / DAY_MS }));
      return {
        stage,
        label,
        count: buckets.reduce((n, b) => n + b.n, 0),
        medianDays: round(percentileOf(buckets, 0.5), 2),
        p90Days: round(percentileOf(buckets, 0.9), 2),
      };
    });
  }

  private unitStageTimes(f: StatisticsFilter): Promise<unknown[]> {
    const c = filtered(f, 's.year', 's');
    return this.dataSource.query(
      `SELECT s.stage, s.bucket, sum(s.n)::int AS n, sum(s.ms)::float8 AS ms
         FROM stage_time_stat s LEFT JOIN org_unit o ON o.code = s.unit_code
         ${c.sql}
        GROUP BY s.stage, s.bucket`,
      c.params,
    ) as Promise<unknown[]>;
  }

  private allStageTimes(f: StatisticsFilter): Promise<unknown[]> {
    const w = new Where();
    const common = (t: string): string =>
      filtered({ ...f, provinceCode: undefined, unitCode: undefined }, `${t}.year`, t, w)
        .conditions.splice(0)
        .join(' AND ') || 'true';
    const everyUnit = `SELECT a.stage, a.bucket, a.n, a.ms FROM stage_time_all a WHERE ${common('a')}`;
    const outside =
      f.provinceCode === undefined
        ? ''
        : `UNION ALL SELECT s.stage, s.bucket, -s.n, -s.ms FROM stage_time_stat s
            WHERE s.unit_code IN (SELECT u.unit_code FROM stage_time_unit u LEFT JOIN org_unit o ON o.code = u.unit_code
                                   WHERE o.province_code IS DISTINCT FROM ${w.param(f.provinceCode)})
              AND ${common('s')}`;
    return this.dataSource.query(
      `SELECT x.stage, x.bucket, sum(x.n)::int AS n, sum(x.ms)::float8 AS ms FROM (${everyUnit} ${outside}) x
        GROUP BY x.stage, x.bucket HAVING sum(x.n) > 0`,
      w.params,
    ) as Promise<unknown[]>;
  }

  /** The seed article's five-year report for a province and an inclusive range of years. */
  async fiveYearReport(p: {
    provinceCode: string;
    fromYear: number;
    toYear: number;
    movementId?: string;
  }): Promise<FiveYearReport> {
    const filter: StatisticsFilter = {
      provinceCode: p.provinceCode,
      fromYear: p.fromYear,
      toYear: p.toYear,
      ...(p.movementId ? { movementId: p.movementId } : {}),
    };
    const c = filtered(filter, 'f.year', 'f');
    // One statement: the categories' counts and the direct-worker share come from the same counters.
    const counts = (await this.dataSource.query(
      `SELECT f.award_code, f.subject_kind, f.direct_worker, sum(f.n)::int AS n
         FROM award_count f LEFT JOIN org_unit o ON o.code = f.unit_code ${c.sql}
        GROUP BY f.award_code, f.subject_kind, f.direct_worker`,
      c.params,
    )) as { award_code: string; subject_kind: string; direct_worker: boolean; n: number }[];
    const rows = FIVE_YEAR_REPORT_CATEGORIES.map((category, i): FiveYearRow => {
      const mine = counts.filter((r) => category.awardCodes.includes(r.award_code));
      const of = (kind: string) => mine.filter((r) => r.subject_kind === kind).reduce((n, r) => n + r.n, 0);
      return {
        no: i + 1,
        key: category.key,
        label: labelOf(category),
        level: findAward(category.awardCodes[0])?.level ?? 'UNKNOWN',
        awardCodes: [...category.awardCodes],
        count: mine.reduce((n, r) => n + r.n, 0),
        individuals: of('INDIVIDUAL'),
        collectives: of('COLLECTIVE'),
        households: of('HOUSEHOLD'),
      };
    });
    const individuals = counts.filter((r) => r.subject_kind === 'INDIVIDUAL');
    const directWorkers = shareOf(
      individuals.reduce((n, r) => n + r.n, 0),
      individuals.filter((r) => r.direct_worker).reduce((n, r) => n + r.n, 0),
    );
    return { ...p, rows, directWorkers };
  }
}
