import type { DataSource } from 'typeorm';
import type { Role } from '@tdkt/domain';

export interface OrgUnit {
  code: string;
  name: string;
  level: 'PROVINCE' | 'COMMUNE' | 'AGENCY' | 'ENTERPRISE';
  provinceCode: string;
}

export interface AppUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  /** For council members: the unit whose emulation council they sit on (a PROVINCE unit for the provincial council); their own unit when absent. */
  councilOf?: string | null;
}

const COUNCIL_ROLES: readonly Role[] = ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'];

/** Units and the people who act in them, with their role. */
export class Directory {
  constructor(private readonly dataSource: DataSource) {}

  async upsertUnit(u: OrgUnit): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO org_unit (code, name, level, province_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, province_code = EXCLUDED.province_code`,
      [u.code, u.name, u.level, u.provinceCode],
    );
  }

  async upsertUser(u: AppUser): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO app_user (id, username, full_name, role, unit_code, council_of) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, full_name = EXCLUDED.full_name, role = EXCLUDED.role, unit_code = EXCLUDED.unit_code,
         council_of = EXCLUDED.council_of`,
      [u.id, u.username, u.fullName, u.role, u.unitCode, COUNCIL_ROLES.includes(u.role) ? (u.councilOf ?? u.unitCode) : null],
    );
  }

  async findUserByUsername(username: string): Promise<AppUser | undefined> {
    const rows = (await this.dataSource.query(`SELECT id, username, full_name, role, unit_code FROM app_user WHERE username = $1 AND active`, [username])) as {
      id: string; username: string; full_name: string; role: Role; unit_code: string | null;
    }[];
    return rows[0] && { id: rows[0].id, username: rows[0].username, fullName: rows[0].full_name, role: rows[0].role, unitCode: rows[0].unit_code };
  }

  /** The province a unit belongs to, if the unit is known. */
  async provinceOf(unitCode: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT province_code FROM org_unit WHERE code = $1`, [unitCode])) as { province_code: string }[];
    return row?.province_code;
  }

  /**
   * The provincial council (Hội đồng TĐKT tỉnh) of a unit's province: members who sit on a PROVINCE-level unit's
   * council, with each member's own unit (for recusals).
   */
  async councilRosterFor(unitCode: string): Promise<{ provinceCode: string; members: { userId: string; fullName: string; unitCode: string | null }[] }> {
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.full_name, u.unit_code FROM app_user u JOIN org_unit seat ON seat.code = u.council_of
        WHERE u.active AND u.role IN ('COUNCIL_MEMBER', 'COUNCIL_CHAIR') AND seat.level = 'PROVINCE'
          AND seat.province_code = (SELECT province_code FROM org_unit WHERE code = $1)
        ORDER BY u.id`,
      [unitCode],
    )) as { id: string; full_name: string; unit_code: string | null }[];
    const [province] = (await this.dataSource.query(`SELECT province_code FROM org_unit WHERE code = $1`, [unitCode])) as { province_code: string }[];
    return { provinceCode: province?.province_code ?? '', members: rows.map((r) => ({ userId: r.id, fullName: r.full_name, unitCode: r.unit_code })) };
  }

  /** The members, chair included, of the provincial council of the province a unit belongs to. */
  async councilMembersFor(unitCode: string): Promise<string[]> {
    return (await this.councilRosterFor(unitCode)).members.map((m) => m.userId);
  }

  /** The members, chair included, of a unit's own emulation council (Hội đồng TĐKT cơ sở): the grassroots route's voters. */
  async unitCouncilMembersFor(unitCode: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM app_user WHERE active AND role IN ('COUNCIL_MEMBER', 'COUNCIL_CHAIR') AND council_of = $1 ORDER BY id`,
      [unitCode],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
