import type { DataSource } from 'typeorm';
import type { RoundSnapshot } from '@tdkt/domain';

export interface RoundView extends RoundSnapshot {
  createdBy: string;
  createdAt: string;
}

interface Row {
  id: string;
  name: string;
  opens_on: string;
  closes_on: string;
  award_codes: string[];
  created_by: string;
  created_at: Date;
}
const toView = (r: Row): RoundView => ({
  roundId: r.id,
  name: r.name,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  awardCodes: r.award_codes,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});

/** The rounds read model: what the API lists and passes into a thematic dossier's submission. */
export class RoundQueries {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<RoundView | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const rows = (await this.dataSource.query(`SELECT * FROM round_view WHERE id = $1`, [id])) as Row[];
    return rows[0] && toView(rows[0]);
  }

  /** Latest window first. */
  async list(): Promise<RoundView[]> {
    return ((await this.dataSource.query(`SELECT * FROM round_view ORDER BY opens_on DESC, id`)) as Row[]).map(toView);
  }
}
