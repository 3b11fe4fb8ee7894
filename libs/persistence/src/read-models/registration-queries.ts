import type { DataSource } from 'typeorm';
import { Where } from './sql';
import type { RegistrationEntry, RegistrationState } from '@tdkt/domain';

export interface RegistrationView {
  registrationId: string;
  unitCode: string;
  provinceCode: string;
  year: number;
  status: string;
  deadline: string;
  state: RegistrationState;
  updatedAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
interface Row {
  id: string;
  unit_code: string;
  province_code: string;
  year: number;
  status: string;
  deadline: string;
  state: RegistrationState;
  updated_at: Date;
}
const toView = (r: Row): RegistrationView => ({
  registrationId: r.id,
  unitCode: r.unit_code,
  provinceCode: r.province_code,
  year: r.year,
  status: r.status,
  deadline: r.deadline,
  state: r.state,
  updatedAt: r.updated_at.toISOString(),
});

/** Đăng ký thi đua: registrations per unit and year, and the registered subjects a dossier's submission reads. */
export class RegistrationQueries {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<RegistrationView | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM registration_view WHERE id = $1`, [id])) as Row[];
    return row && toView(row);
  }

  async list(filter: { unitCode?: string; year?: number }): Promise<RegistrationView[]> {
    const w = new Where();
    if (filter.unitCode) w.add('unit_code = ?', filter.unitCode);
    if (filter.year) w.add('year = ?', filter.year);
    const rows = (await this.dataSource.query(
      `SELECT * FROM registration_view ${w.sql} ORDER BY year DESC, unit_code`,
      w.params,
    )) as Row[];
    return rows.map(toView);
  }

  /** The unit's registered subjects for one award, every year (the domain picks the evaluation year's). */
  async entriesFor(unitCode: string, awardCode: string): Promise<RegistrationEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT year, award_code, kind, name, status FROM registered_subject WHERE unit_code = $1 AND award_code = $2`,
      [unitCode, awardCode],
    )) as {
      year: number;
      award_code: string;
      kind: RegistrationEntry['kind'];
      name: string;
      status: RegistrationEntry['status'];
    }[];
    return rows.map((r) => ({ year: r.year, awardCode: r.award_code, kind: r.kind, name: r.name, status: r.status }));
  }
}
