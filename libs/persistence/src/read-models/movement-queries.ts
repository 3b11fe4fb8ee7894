import type { DataSource } from 'typeorm';
import { Where } from './sql';
import { QUOTA_HOLDING_EXCLUDED, type MovementState } from '@tdkt/domain';

export interface MovementView {
  movementId: string;
  name: string;
  kind: string;
  scopeLevel: string | null;
  scopeCode: string | null;
  periodFrom: string;
  periodTo: string;
  status: string;
  /** MOVEMENT: launched as a movement; ROUND: a thematic round (rule 32), read as a THEMATIC movement. */
  source: string;
  state: MovementState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A decision issued on one of a movement's awarded dossiers. */
export interface MovementDecisionRow {
  dossierId: string;
  awardCode: string;
  title: string;
  unitCode: string;
  number: string;
  /** ISO date it was signed. */
  date: string;
}

/** Dossiers naming a movement, per award and status: the movement's statistics. */
/** A movement's quota for one award and the places its dossiers hold (QUOTA_HOLDING_EXCLUDED statuses hold none). */
export interface MovementQuotaUse {
  awardCode: string;
  max: number;
  taken: number;
}

export interface MovementDossierCount {
  awardCode: string;
  status: string;
  count: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
interface Row {
  id: string;
  name: string;
  kind: string;
  scope_level: string | null;
  scope_code: string | null;
  period_from: string;
  period_to: string;
  status: string;
  source: string;
  state: MovementState;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}
const toView = (r: Row): MovementView => ({
  movementId: r.id,
  name: r.name,
  kind: r.kind,
  scopeLevel: r.scope_level,
  scopeCode: r.scope_code,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  status: r.status,
  source: r.source,
  state: r.state,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** The movements read model (rounds included, as thematic movements). */
export class MovementQueries {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<MovementView | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM movement_view WHERE id = $1`, [id])) as Row[];
    return row && toView(row);
  }

  /** Latest period first; optionally one kind or one status. */
  async list(filter: { kind?: string; status?: string } = {}): Promise<MovementView[]> {
    const w = new Where();
    if (filter.kind) w.add('kind = ?', filter.kind);
    if (filter.status) w.add('status = ?', filter.status);
    const rows = (await this.dataSource.query(
      `SELECT * FROM movement_view ${w.sql} ORDER BY period_from DESC, id`,
      w.params,
    )) as Row[];
    return rows.map(toView);
  }

  /** The dossiers that name the movement, counted per award and status. */
  async dossierCounts(id: string): Promise<MovementDossierCount[]> {
    const rows = (await this.dataSource.query(
      `SELECT award_code, status, count(*)::int AS n FROM dossier_view WHERE movement_id = $1 GROUP BY award_code, status ORDER BY award_code, status`,
      [id],
    )) as { award_code: string; status: string; n: number }[];
    return rows.map((r) => ({ awardCode: r.award_code, status: r.status, count: r.n }));
  }

  /**
   * The places each award's dossiers hold in the movement's quota: submitted and in progress, or awarded (a draft, a
   * returned, withdrawn or rejected dossier and a revoked award hold none). `exceptDossierId`: the dossier being
   * submitted, which asks for a place of its own.
   */
  async quotaTaken(id: string, exceptDossierId?: string): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(
      `SELECT award_code, count(*)::int AS n FROM dossier_view
        WHERE movement_id = $1 AND status <> ALL($2::text[]) AND id::text <> $3 GROUP BY award_code`,
      [id, [...QUOTA_HOLDING_EXCLUDED], exceptDossierId ?? ''],
    )) as { award_code: string; n: number }[];
    return new Map(rows.map((r) => [r.award_code, r.n]));
  }

  /** The movement's quotas (the launcher's caps) with the places taken; none when it sets none. */
  async quotaUse(movement: MovementView): Promise<MovementQuotaUse[]> {
    const quotas = movement.state.definition?.quotas ?? [];
    if (quotas.length === 0) return [];
    const taken = await this.quotaTaken(movement.movementId);
    return quotas.map((q) => ({ awardCode: q.awardCode, max: q.max, taken: taken.get(q.awardCode) ?? 0 }));
  }

  /** The decisions issued on the movement's awarded dossiers (a revoked award is no longer one), by date. */
  async decisions(id: string): Promise<MovementDecisionRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, award_code, title, unit_code, decision_number, decided_on::text AS decided_on FROM dossier_view
        WHERE movement_id = $1 AND status = 'AWARDED' AND decision_number IS NOT NULL AND decided_on IS NOT NULL
        ORDER BY decided_on, decision_number, id`,
      [id],
    )) as {
      id: string;
      award_code: string;
      title: string;
      unit_code: string;
      decision_number: string;
      decided_on: string;
    }[];
    return rows.map((r) => ({
      dossierId: r.id,
      awardCode: r.award_code,
      title: r.title,
      unitCode: r.unit_code,
      number: r.decision_number,
      date: r.decided_on,
    }));
  }
}
