import type { DataSource } from 'typeorm';
import { AREA_CLASSES, OCCUPATION_GROUPS, type NomineePriority } from '@tdkt/domain';
import { Where } from './sql';

export interface NomineePriorityRow extends NomineePriority {
  dossierId: string;
  recordedBy: string;
  recordedAt: string;
}

/** One year and award level: how many awards went to each priority group, and the shares. */
export interface PriorityShareRow {
  year: number;
  level: string;
  awards: number;
  individuals: number;
  /** Awards whose nominee has priority facts recorded: what the shares below can see. */
  recorded: number;
  directWorker: number;
  female: number;
  ethnicMinority: number;
  occupation: Record<string, number>;
  area: Record<string, number>;
  /** directWorker, occupation and area of all awards; female and ethnicMinority of the awards to individuals (0–1, 4 decimals). */
  shares: {
    directWorker: number;
    female: number;
    ethnicMinority: number;
    recorded: number;
    occupation: Record<string, number>;
    area: Record<string, number>;
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 10_000) / 10_000);

/** Priority facts of nominees, and the shares of the awards (award_fact, revoked awards excluded) that went to each group. */
export class NomineePriorityQueries {
  constructor(private readonly dataSource: DataSource) {}

  async forDossier(dossierId: string): Promise<NomineePriorityRow | undefined> {
    if (!UUID.test(dossierId)) return undefined;
    const [r] = (await this.dataSource.query(`SELECT * FROM nominee_priority WHERE dossier_id = $1`, [dossierId])) as {
      dossier_id: string;
      occupation_group: string | null;
      gender: string | null;
      ethnic_minority: boolean | null;
      area_class: string | null;
      recorded_by: string;
      recorded_at: Date;
    }[];
    if (!r) return undefined;
    return {
      dossierId: r.dossier_id,
      ...(r.occupation_group ? { occupationGroup: r.occupation_group as NomineePriority['occupationGroup'] } : {}),
      ...(r.gender ? { gender: r.gender as NomineePriority['gender'] } : {}),
      ...(r.ethnic_minority !== null ? { ethnicMinority: r.ethnic_minority } : {}),
      ...(r.area_class ? { areaClass: r.area_class as NomineePriority['areaClass'] } : {}),
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at.toISOString(),
    };
  }

  /** Per decision year and award level, oldest first; optionally one province's units, one movement's dossiers. */
  async shares(filter: {
    fromYear: number;
    toYear: number;
    provinceCode?: string;
    movementId?: string;
  }): Promise<PriorityShareRow[]> {
    const w = new Where().add('f.year BETWEEN ? AND ?', filter.fromYear, filter.toYear);
    if (filter.provinceCode)
      w.add('f.unit_code IN (SELECT code FROM org_unit WHERE province_code = ?)', filter.provinceCode);
    // A movement's review report: the awards of the dossiers that name it.
    if (filter.movementId)
      w.add('f.dossier_id IN (SELECT id FROM dossier_view WHERE movement_id = ?)', filter.movementId);
    const params = w.params;
    const from = `FROM award_fact f LEFT JOIN nominee_priority p ON p.dossier_id = f.dossier_id ${w.sql}`;
    const totals = (await this.dataSource.query(
      `SELECT f.year, f.level, count(*)::int AS awards, count(*) FILTER (WHERE f.subject_kind = 'INDIVIDUAL')::int AS individuals,
              count(p.dossier_id)::int AS recorded, count(*) FILTER (WHERE f.direct_worker)::int AS direct_worker,
              count(*) FILTER (WHERE p.gender = 'FEMALE')::int AS female, count(*) FILTER (WHERE p.ethnic_minority)::int AS ethnic_minority
       ${from} GROUP BY f.year, f.level ORDER BY f.year, f.level`,
      params,
    )) as {
      year: number;
      level: string;
      awards: number;
      individuals: number;
      recorded: number;
      direct_worker: number;
      female: number;
      ethnic_minority: number;
    }[];
    const groups = (await this.dataSource.query(
      `SELECT f.year, f.level, 'occupation' AS dim, p.occupation_group AS value, count(*)::int AS n ${from} AND p.occupation_group IS NOT NULL GROUP BY f.year, f.level, p.occupation_group
       UNION ALL
       SELECT f.year, f.level, 'area' AS dim, p.area_class AS value, count(*)::int AS n ${from} AND p.area_class IS NOT NULL GROUP BY f.year, f.level, p.area_class`,
      params,
    )) as { year: number; level: string; dim: 'occupation' | 'area'; value: string; n: number }[];
    return totals.map((t) => {
      const mine = groups.filter((g) => g.year === t.year && g.level === t.level);
      const occupation = Object.fromEntries(
        OCCUPATION_GROUPS.map((o) => [o, mine.find((g) => g.dim === 'occupation' && g.value === o)?.n ?? 0]),
      );
      const area = Object.fromEntries(
        AREA_CLASSES.map((a) => [a, mine.find((g) => g.dim === 'area' && g.value === a)?.n ?? 0]),
      );
      return {
        year: t.year,
        level: t.level,
        awards: t.awards,
        individuals: t.individuals,
        recorded: t.recorded,
        directWorker: t.direct_worker,
        female: t.female,
        ethnicMinority: t.ethnic_minority,
        occupation,
        area,
        shares: {
          directWorker: share(t.direct_worker, t.awards),
          female: share(t.female, t.individuals),
          ethnicMinority: share(t.ethnic_minority, t.individuals),
          recorded: share(t.recorded, t.awards),
          occupation: Object.fromEntries(Object.entries(occupation).map(([k, n]) => [k, share(n, t.awards)])),
          area: Object.fromEntries(Object.entries(area).map(([k, n]) => [k, share(n, t.awards)])),
        },
      };
    });
  }
}
