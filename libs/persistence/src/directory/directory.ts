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

const TODAY = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
/**
 * Opens "EXISTS (… the council unit \`seat\` the user u sits on, on day $2 (today when null)": a seat of a council term
 * covering the day when the user has any seat (a session takes the composition on its convening day), else the
 * council_of column of users seeded before terms existed. The caller adds conditions on seat and closes the paren.
 */
const SEATED_ON = `EXISTS (SELECT 1 FROM org_unit seat WHERE (
    (NOT EXISTS (SELECT 1 FROM council_seat cs WHERE cs.user_id = u.id) AND seat.code = u.council_of)
    OR EXISTS (SELECT 1 FROM council_seat cs WHERE cs.user_id = u.id AND cs.council_unit_code = seat.code
                AND COALESCE($2::date, ${TODAY}) BETWEEN cs.seat_from AND cs.seat_to))`;

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
      [
        u.id,
        u.username,
        u.fullName,
        u.role,
        u.unitCode,
        COUNCIL_ROLES.includes(u.role) ? (u.councilOf ?? u.unitCode) : null,
      ],
    );
  }

  async findUserByUsername(username: string): Promise<AppUser | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT id, username, full_name, role, unit_code FROM app_user WHERE username = $1 AND active`,
      [username],
    )) as {
      id: string;
      username: string;
      full_name: string;
      role: Role;
      unit_code: string | null;
    }[];
    return (
      rows[0] && {
        id: rows[0].id,
        username: rows[0].username,
        fullName: rows[0].full_name,
        role: rows[0].role,
        unitCode: rows[0].unit_code,
      }
    );
  }

  /** The province a unit belongs to, if the unit is known. */
  async provinceOf(unitCode: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT province_code FROM org_unit WHERE code = $1`, [unitCode])) as {
      province_code: string;
    }[];
    return row?.province_code;
  }

  /**
   * The provincial council (Hội đồng TĐKT tỉnh) of a unit's province: members who sit on a PROVINCE-level unit's
   * council, with each member's own unit (for recusals).
   */
  async councilRosterFor(
    unitCode: string,
    on?: string,
  ): Promise<{ provinceCode: string; members: { userId: string; fullName: string; unitCode: string | null }[] }> {
    const rows = await this.councilSeatedFor(unitCode, on);
    const [province] = (await this.dataSource.query(`SELECT province_code FROM org_unit WHERE code = $1`, [
      unitCode,
    ])) as { province_code: string }[];
    return {
      provinceCode: province?.province_code ?? '',
      members: rows.map((r) => ({ userId: r.id, fullName: r.full_name, unitCode: r.unit_code })),
    };
  }

  /** The members, chair included, of the provincial council of the province a unit belongs to. */
  async councilMembersFor(unitCode: string, on?: string): Promise<string[]> {
    return (await this.councilSeatedFor(unitCode, on)).map((m) => m.id);
  }

  /** The provincial council's members of a unit's province (one statement; the roster adds the province's code). */
  private async councilSeatedFor(
    unitCode: string,
    on?: string,
  ): Promise<{ id: string; full_name: string; unit_code: string | null }[]> {
    return (await this.dataSource.query(
      `SELECT u.id, u.full_name, u.unit_code FROM app_user u
        WHERE u.active AND u.role IN ('COUNCIL_MEMBER', 'COUNCIL_CHAIR') AND ${SEATED_ON} AND seat.level = 'PROVINCE'
          AND seat.province_code = (SELECT province_code FROM org_unit WHERE code = $1))
        ORDER BY u.id`,
      [unitCode, on ?? null],
    )) as { id: string; full_name: string; unit_code: string | null }[];
  }

  /** The members, chair included, of a unit's own emulation council (Hội đồng TĐKT cơ sở): the grassroots route's voters. */
  async unitCouncilMembersFor(unitCode: string, on?: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT u.id FROM app_user u WHERE u.active AND u.role IN ('COUNCIL_MEMBER', 'COUNCIL_CHAIR') AND ${SEATED_ON} AND seat.code = $1) ORDER BY u.id`,
      [unitCode, on ?? null],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * The person a token names, by user id (local issuer) or OIDC subject, with whether the directory still lets them
   * act (active and within their validity, Asia/Ho_Chi_Minh). Undefined when the directory does not know them.
   */
  async tokenHolder(subject: string): Promise<{ userId: string; mayAct: boolean } | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT id, active AND (valid_from IS NULL OR valid_from <= ${TODAY}) AND (valid_to IS NULL OR valid_to >= ${TODAY}) AS may_act
         FROM app_user WHERE oidc_sub = $1 OR id = $1 ORDER BY (oidc_sub = $1) DESC NULLS LAST LIMIT 1`,
      [subject],
    )) as { id: string; may_act: boolean }[];
    return row && { userId: row.id, mayAct: row.may_act };
  }

  /** A person's full name (documents print the signer's), if the directory knows them. */
  async fullNameOf(userId: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT full_name FROM app_user WHERE id = $1`, [userId])) as {
      full_name: string;
    }[];
    return row?.full_name;
  }

  /** The name of a province's PROVINCE-level unit (its UBND), as it was on a day: the issuing body of its chairman's documents. */
  async provinceSeatNameAt(provinceCode: string, on: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT code FROM org_unit WHERE province_code = $1 AND level = 'PROVINCE' ORDER BY code LIMIT 1`,
      [provinceCode],
    )) as { code: string }[];
    return row ? this.unitNameAt(row.code, on) : undefined;
  }

  /** A unit's name as it was on a day (the directory keeps every recorded version); its current name otherwise. */
  async unitNameAt(unitCode: string, on: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT name FROM (
         SELECT name, 0 AS pref, valid_from, seq FROM org_unit_version WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
         UNION ALL SELECT name, 1, NULL, NULL FROM org_unit WHERE code = $1) v
       ORDER BY pref, valid_from DESC, seq DESC LIMIT 1`,
      [unitCode, on],
    )) as { name: string }[];
    return row?.name;
  }
}
