/**
 * Bulk import of the directory (units and users) from a spreadsheet: every row is checked against the directory and
 * the rest of the file (unknown parent unit, duplicate code, bad dates, unknown role, a user without a unit,
 * overlapping validity), and every error is listed (sheet, row, column, rule). A file with any error imports nothing;
 * otherwise each row becomes the one event its single-entity command would record (DirectoryUnitRecorded,
 * DirectoryUserRecorded), decided by the same functions, in an order where a parent comes before its children.
 * Pure: the caller reads the tables and the directory's facts.
 */
import { foldText, parseDate } from '../award-import/award-import';
import { ROLES, type Actor, type Role } from '../shared/actor';
import { accept, refuse, reject, type Decision, type Rejection } from '../shared/errors';
import {
  DIRECTORY_ADMINS,
  decideRecordUnit,
  decideRecordUser,
  UNIT_KINDS,
  type DirectoryEvent,
  type UnitKind,
  type UnitRecord,
  type UserRecord,
} from './directory';

export const DIRECTORY_IMPORT_SHEETS = ['units', 'users'] as const;
export type DirectoryImportSheet = (typeof DIRECTORY_IMPORT_SHEETS)[number];

export const UNIT_IMPORT_FIELDS = [
  'code',
  'name',
  'kind',
  'parentCode',
  'provinceCode',
  'validFrom',
  'validTo',
] as const;
export const USER_IMPORT_FIELDS = [
  'userId',
  'username',
  'fullName',
  'role',
  'unitCode',
  'oidcSub',
  'validFrom',
  'validTo',
] as const;
export type UnitImportField = (typeof UNIT_IMPORT_FIELDS)[number];
export type UserImportField = (typeof USER_IMPORT_FIELDS)[number];

/** The column titles read by default, Vietnamese first; compared without case, accents or extra spaces. */
export const DIRECTORY_IMPORT_HEADERS: {
  units: Record<UnitImportField, readonly string[]>;
  users: Record<UserImportField, readonly string[]>;
} = {
  units: {
    code: ['Mã đơn vị', 'Code', 'Unit code'],
    name: ['Tên đơn vị', 'Name', 'Unit name'],
    kind: ['Loại đơn vị', 'Loại', 'Kind'],
    parentCode: ['Mã đơn vị cấp trên', 'Đơn vị cấp trên', 'Parent code', 'Parent'],
    provinceCode: ['Mã tỉnh', 'Province code', 'Province'],
    validFrom: ['Hiệu lực từ', 'Từ ngày', 'Valid from'],
    validTo: ['Hiệu lực đến', 'Đến ngày', 'Valid to'],
  },
  users: {
    userId: ['Mã người dùng', 'User id'],
    username: ['Tên đăng nhập', 'Username'],
    fullName: ['Họ và tên', 'Họ tên', 'Full name'],
    role: ['Vai trò', 'Role'],
    unitCode: ['Mã đơn vị', 'Đơn vị', 'Unit code', 'Unit'],
    oidcSub: ['Định danh OIDC', 'OIDC sub', 'sub'],
    validFrom: ['Hiệu lực từ', 'Từ ngày', 'Valid from'],
    validTo: ['Hiệu lực đến', 'Đến ngày', 'Valid to'],
  },
};

const REQUIRED: { units: readonly UnitImportField[]; users: readonly UserImportField[] } = {
  units: ['code', 'name', 'kind'],
  users: ['username', 'fullName', 'role', 'unitCode'],
};

/** A unit kind as written in a province's spreadsheet (the code works too). */
export const UNIT_KIND_NAMES: Record<UnitKind, readonly string[]> = {
  PROVINCE: ['Tỉnh', 'Tỉnh, thành phố', 'Thành phố trực thuộc trung ương', 'UBND tỉnh', 'Province'],
  DEPARTMENT: ['Sở, ban, ngành', 'Sở', 'Ban', 'Ngành', 'Department'],
  DISTRICT: ['Huyện', 'Quận', 'Thị xã', 'Huyện, quận', 'District'],
  COMMUNE: ['Xã', 'Phường', 'Thị trấn', 'Xã, phường', 'Commune'],
  SCHOOL: ['Trường', 'Trường học', 'School'],
  ENTERPRISE: ['Doanh nghiệp', 'Enterprise'],
  MASS_ORGANISATION: [
    'Tổ chức đoàn thể',
    'Đoàn thể',
    'Tổ chức chính trị - xã hội',
    'Mass organisation',
    'Mass organization',
  ],
};

/** A role as written in a spreadsheet: its code, or the name the web app shows (Vietnamese or English). */
export const ROLE_NAMES: Record<Role, readonly string[]> = {
  UNIT_CLERK: ['Cán bộ TĐKT đơn vị', 'Cán bộ thi đua khen thưởng', 'Unit clerk'],
  UNIT_HEAD: ['Thủ trưởng đơn vị', 'Unit head'],
  SECRETARIAT_OFFICER: ['Chuyên viên Ban TĐKT', 'Secretariat officer'],
  SECRETARIAT_HEAD: ['Trưởng ban TĐKT', 'Secretariat head'],
  COUNCIL_MEMBER: ['Thành viên Hội đồng', 'Council member'],
  COUNCIL_CHAIR: ['Chủ tịch Hội đồng', 'Council chair'],
  PROVINCIAL_DECIDER: ['Chủ tịch UBND tỉnh', 'Provincial decider'],
  CENTRAL_APPRAISER: ['Bộ Nội vụ', 'Central appraiser'],
  CENTRAL_DECIDER: ['Trung ương', 'Central decider'],
  AUDITOR: ['Thanh tra, kiểm tra', 'Auditor'],
  ADMINISTRATOR: ['Quản trị', 'Quản trị viên', 'Administrator'],
};

function codeOrName<C extends string>(text: string, names: Record<C, readonly string[]>): C | undefined {
  const code = text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  if (code in names) return code as C;
  const f = foldText(text);
  return (Object.keys(names) as C[]).find((c) => names[c].some((n) => foldText(n) === f));
}
export const unitKindOf = (text: string): UnitKind | undefined => codeOrName<UnitKind>(text, UNIT_KIND_NAMES);
export const roleOf = (text: string): Role | undefined => codeOrName<Role>(text, ROLE_NAMES);

/** Which table a worksheet holds: by its name (Đơn vị / Người dùng, Units / Users), else by its columns. */
export function sheetOf(name: string, header: readonly string[]): DirectoryImportSheet | undefined {
  const n = foldText(name);
  if (['don vi', 'units', 'unit'].includes(n)) return 'units';
  if (['nguoi dung', 'users', 'user', 'can bo'].includes(n)) return 'users';
  const h = header.map(foldText);
  const has = (names: readonly string[]) => names.some((x) => h.includes(foldText(x)));
  if (has(DIRECTORY_IMPORT_HEADERS.users.username)) return 'users';
  if (has(DIRECTORY_IMPORT_HEADERS.units.name) || has(DIRECTORY_IMPORT_HEADERS.units.kind)) return 'units';
  return undefined;
}

export interface DirectoryRowError {
  sheet: DirectoryImportSheet;
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  column: string;
  /** The rule broken (a directory rule such as user.unit, or directory-import.*), for a message in the reader's language. */
  rule: string;
  message: string;
}

/** One row to record: the stream it goes to (a unit code or a user id) and the event its command decided. */
export interface DirectoryImportRow {
  sheet: DirectoryImportSheet;
  row: number;
  /** The unit code or user id. */
  key: string;
  /** CREATE: not in the directory yet; UPDATE: a new version of a unit or user already there. */
  action: 'CREATE' | 'UPDATE';
  event: DirectoryEvent;
}

/** What the directory holds about the codes, ids, usernames and OIDC subjects the file names. */
export interface DirectoryImportFacts {
  /** Units by code: province, first day of the earliest version, last day of the current one. */
  units: ReadonlyMap<string, { provinceCode: string; validFrom: string | null; validTo: string | null }>;
  users: ReadonlyMap<string, { username: string; active: boolean }>;
  /** Active users by username and by OIDC subject: the user id holding it. */
  usernames: ReadonlyMap<string, string>;
  oidcSubs: ReadonlyMap<string, string>;
}

export interface DirectoryImportOptions {
  /** Column titles per field that override the defaults. */
  mapping?: { units?: Partial<Record<UnitImportField, string>>; users?: Partial<Record<UserImportField, string>> };
  /** The first day of validity when a row gives none (the importer passes today, Asia/Ho_Chi_Minh). */
  today: string;
}

type Cells<F extends string> = (f: F) => string;

function columns<F extends string>(
  sheet: DirectoryImportSheet,
  header: readonly string[],
  fields: readonly F[],
  defaults: Record<F, readonly string[]>,
  mapping: Partial<Record<F, string>> | undefined,
  errors: DirectoryRowError[],
) {
  const folded = header.map(foldText);
  const at = {} as Record<F, number>;
  for (const f of fields) {
    const names = mapping?.[f] ? [mapping[f]] : defaults[f];
    at[f] = folded.findIndex((h) => names.some((n) => foldText(n) === h));
    if (at[f] < 0 && (REQUIRED[sheet] as readonly string[]).includes(f))
      errors.push({
        sheet,
        row: 1,
        column: f,
        rule: 'directory-import.column',
        message: `No column for ${f}; expected one of: ${names.join(', ')}`,
      });
  }
  return at;
}

/** Rows of a table with their number, blank lines skipped. */
function dataRows<F extends string>(
  table: readonly (readonly string[])[],
  at: Record<F, number>,
): { row: number; cell: Cells<F> }[] {
  return table
    .slice(1)
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim()))
    .map(({ cells, row }) => ({ row, cell: (f: F) => (at[f] >= 0 ? (cells[at[f]] ?? '').trim() : '') }));
}

const fromRejection = (
  sheet: DirectoryImportSheet,
  row: number,
  r: Rejection,
  fallback: string,
): DirectoryRowError => ({
  sheet,
  row,
  column: typeof r.details?.field === 'string' ? r.details.field : fallback,
  rule: r.rule,
  message: r.message,
});

/** Dates: dd/MM/yyyy or yyyy-MM-dd; an empty cell is `fallback`. */
function dateCell(
  text: string,
  fallback: string | null,
  column: string,
  push: (column: string, rule: string, message: string) => void,
): string | null | undefined {
  if (!text) return fallback;
  const d = parseDate(text);
  if (!d) push(column, 'directory-import.date', `"${text}" is not a date (dd/MM/yyyy or yyyy-MM-dd)`);
  return d;
}

/** Several rows of one entity are successive versions: distinct starts, each ending before the next starts. */
function checkVersions<T extends { row: number; validFrom: string; validTo: string | null }>(
  sheet: DirectoryImportSheet,
  byKey: Map<string, T[]>,
  what: string,
  errors: DirectoryRowError[],
): Set<number> {
  const bad = new Set<number>();
  for (const [key, rows] of byKey) {
    const sorted = [...rows].sort((a, b) =>
      a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.row - b.row,
    );
    for (let i = 1; i < sorted.length; i++) {
      const [prev, next] = [sorted[i - 1], sorted[i]];
      if (prev.validFrom === next.validFrom) {
        errors.push({
          sheet,
          row: next.row,
          column: sheet === 'units' ? 'code' : 'userId',
          rule: 'directory-import.duplicate',
          message: `Duplicate ${what} ${key}: row ${prev.row} has the same one from the same day`,
        });
        bad.add(next.row);
      } else if (prev.validTo === null || prev.validTo >= next.validFrom) {
        errors.push({
          sheet,
          row: next.row,
          column: 'validFrom',
          rule: 'directory-import.overlap',
          message: `Overlapping validity: row ${prev.row} (${what} ${key}) is still valid on ${next.validFrom}; end it the day before`,
        });
        bad.add(next.row);
      }
    }
  }
  return bad;
}

/**
 * Reads the units and users tables (first row the headers, cells as text) against the directory's facts: the rows to
 * record, parents first, and every row error. An entity may appear on several rows as successive versions.
 */
export function planDirectoryImport(
  tables: { units?: readonly (readonly string[])[]; users?: readonly (readonly string[])[] },
  facts: DirectoryImportFacts,
  options: DirectoryImportOptions,
  actor: Actor,
): { rows: DirectoryImportRow[]; errors: DirectoryRowError[] } {
  const errors: DirectoryRowError[] = [];
  const rows: DirectoryImportRow[] = [];

  // Units: parse every row, then resolve parents (in the directory or earlier resolved in the file) until nothing moves.
  const fileUnits: (UnitRecord & { row: number })[] = [];
  if (tables.units) {
    const at = columns(
      'units',
      tables.units[0] ?? [],
      UNIT_IMPORT_FIELDS,
      DIRECTORY_IMPORT_HEADERS.units,
      options.mapping?.units,
      errors,
    );
    if (!errors.some((e) => e.sheet === 'units' && e.row === 1))
      for (const { row, cell } of dataRows(tables.units, at)) {
        const before = errors.length;
        const push = (column: string, rule: string, message: string) =>
          errors.push({ sheet: 'units', row, column, rule, message });
        for (const f of REQUIRED.units) if (!cell(f)) push(f, 'directory-import.required', `${f} is empty`);
        const kind = cell('kind') ? unitKindOf(cell('kind')) : undefined;
        if (cell('kind') && !kind)
          push(
            'kind',
            'directory-import.kind',
            `Unknown unit kind "${cell('kind')}"; one of ${UNIT_KINDS.join(', ')} or its Vietnamese name`,
          );
        const validFrom = dateCell(cell('validFrom'), options.today, 'validFrom', push);
        const validTo = dateCell(cell('validTo'), null, 'validTo', push);
        if (errors.length > before || !kind || !validFrom || validTo === undefined) continue;
        fileUnits.push({
          row,
          code: cell('code'),
          name: cell('name'),
          kind,
          parentCode: cell('parentCode') || null,
          provinceCode: cell('provinceCode'),
          validFrom,
          validTo,
        });
      }
  }
  const unitVersions = new Map<string, (UnitRecord & { row: number })[]>();
  for (const u of fileUnits) unitVersions.set(u.code, [...(unitVersions.get(u.code) ?? []), u]);
  const badUnitRows = checkVersions('units', unitVersions, 'unit code', errors);
  /** A unit's province, start and end as the file (its latest version) or the directory knows it. */
  const resolved = new Map<
    string,
    { provinceCode: string; validFrom: string | null; validTo: string | null; latestFrom?: string }
  >();
  const known = (code: string) => resolved.get(code) ?? facts.units.get(code);
  const pending = fileUnits.filter((u) => !badUnitRows.has(u.row));
  for (let moved = true; moved && pending.length;) {
    moved = false;
    for (let i = 0; i < pending.length; i++) {
      const u = pending[i];
      if (u.parentCode && u.parentCode !== u.code && !known(u.parentCode)) continue;
      pending.splice(i--, 1);
      moved = true;
      const parent = u.parentCode && u.parentCode !== u.code ? known(u.parentCode) : undefined;
      const unit: UnitRecord = {
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentCode: u.parentCode,
        provinceCode: u.provinceCode || parent?.provinceCode || '',
        validFrom: u.validFrom,
        validTo: u.validTo,
      };
      if (!unit.provinceCode) {
        errors.push({
          sheet: 'units',
          row: u.row,
          column: 'provinceCode',
          rule: 'directory-import.required',
          message: 'provinceCode is empty (a province names its own province code)',
        });
        continue;
      }
      if (parent?.validFrom && unit.validFrom < parent.validFrom) {
        errors.push({
          sheet: 'units',
          row: u.row,
          column: 'validFrom',
          rule: 'directory-import.before-parent',
          message: `The unit starts (${unit.validFrom}) before its parent ${u.parentCode} (${parent.validFrom})`,
        });
        continue;
      }
      const decision = decideRecordUnit(
        unit,
        parent && u.parentCode
          ? { parent: { code: u.parentCode, provinceCode: parent.provinceCode, validTo: parent.validTo } }
          : {},
        actor,
      );
      if (!decision.ok) {
        errors.push(fromRejection('units', u.row, decision.rejection, 'code'));
        continue;
      }
      // The file's entity: its first start, and the end and province of its latest version.
      const inDirectory = facts.units.get(u.code);
      const seen =
        resolved.get(u.code) ?? (inDirectory && { ...inDirectory, latestFrom: inDirectory.validFrom ?? undefined });
      const latest = !seen || !seen.latestFrom || seen.latestFrom <= unit.validFrom;
      resolved.set(u.code, {
        provinceCode: latest ? unit.provinceCode : seen.provinceCode,
        validFrom: seen?.validFrom && seen.validFrom < unit.validFrom ? seen.validFrom : unit.validFrom,
        validTo: latest ? unit.validTo : seen.validTo,
        latestFrom: latest ? unit.validFrom : seen.latestFrom,
      });
      rows.push({
        sheet: 'units',
        row: u.row,
        key: unit.code.trim(),
        action: facts.units.has(unit.code.trim()) ? 'UPDATE' : 'CREATE',
        event: decision.value[0],
      });
    }
  }
  for (const u of pending)
    errors.push({
      sheet: 'units',
      row: u.row,
      column: 'parentCode',
      rule: 'directory-import.unknown-parent',
      message: `The parent unit ${u.parentCode} is neither in the directory nor a valid row of the file`,
    });

  if (tables.users) {
    const at = columns(
      'users',
      tables.users[0] ?? [],
      USER_IMPORT_FIELDS,
      DIRECTORY_IMPORT_HEADERS.users,
      options.mapping?.users,
      errors,
    );
    const parsed: (Omit<UserRecord, 'unitCode'> & { unitCode: string | null; row: number })[] = [];
    if (!errors.some((e) => e.sheet === 'users' && e.row === 1))
      for (const { row, cell } of dataRows(tables.users, at)) {
        const before = errors.length;
        const push = (column: string, rule: string, message: string) =>
          errors.push({ sheet: 'users', row, column, rule, message });
        for (const f of REQUIRED.users)
          if (!cell(f) && f !== 'unitCode') push(f, 'directory-import.required', `${f} is empty`);
        const role = cell('role') ? roleOf(cell('role')) : undefined;
        if (cell('role') && !role)
          push(
            'role',
            'directory-import.role',
            `Unknown role "${cell('role')}"; one of ${ROLES.join(', ')} or its Vietnamese name`,
          );
        const validFrom = dateCell(cell('validFrom'), options.today, 'validFrom', push);
        const validTo = dateCell(cell('validTo'), null, 'validTo', push);
        if (errors.length > before || !role || !validFrom || validTo === undefined) continue;
        const username = cell('username');
        parsed.push({
          row,
          userId: cell('userId') || username,
          username,
          fullName: cell('fullName'),
          role,
          unitCode: cell('unitCode') || null,
          oidcSub: cell('oidcSub') || null,
          validFrom,
          validTo,
        });
      }
    const versions = new Map<string, typeof parsed>();
    for (const u of parsed) versions.set(u.userId, [...(versions.get(u.userId) ?? []), u]);
    const bad = checkVersions('users', versions, 'user', errors);
    const holderOf = new Map<string, { userId: string; row: number }>();
    for (const u of parsed) {
      if (bad.has(u.row)) continue;
      if (!/^[A-Za-z0-9._@-]{2,128}$/.test(u.userId)) {
        errors.push({
          sheet: 'users',
          row: u.row,
          column: 'userId',
          rule: 'directory-import.user-id',
          message: 'A user id is 2–128 letters, digits, dot, dash, underscore or @',
        });
        continue;
      }
      const unique: ['username' | 'oidcSub', string | null][] = [
        ['username', u.username],
        ['oidcSub', u.oidcSub],
      ];
      const clashRow = unique.find(([field, value]) => {
        if (!value) return false;
        const holder = holderOf.get(`${field}:${value}`);
        if (holder && holder.userId !== u.userId) {
          errors.push({
            sheet: 'users',
            row: u.row,
            column: field,
            rule: 'directory-import.duplicate',
            message: `Duplicate ${field}: row ${holder.row} gives it to ${holder.userId}`,
          });
          return true;
        }
        holderOf.set(`${field}:${value}`, { userId: u.userId, row: u.row });
        return false;
      });
      if (clashRow) continue;
      const unit = u.unitCode ? known(u.unitCode) : undefined;
      if (unit?.validFrom && u.validFrom < unit.validFrom) {
        errors.push({
          sheet: 'users',
          row: u.row,
          column: 'validFrom',
          rule: 'directory-import.before-unit',
          message: `The user starts (${u.validFrom}) before the unit ${u.unitCode} exists (${unit.validFrom})`,
        });
        continue;
      }
      const current = facts.users.get(u.userId);
      const byName = facts.usernames.get(u.username);
      const bySub = u.oidcSub ? facts.oidcSubs.get(u.oidcSub) : undefined;
      const clash = byName && byName !== u.userId ? 'username' : bySub && bySub !== u.userId ? 'oidcSub' : undefined;
      const decision = decideRecordUser(
        u,
        {
          ...(unit && u.unitCode ? { unit: { code: u.unitCode, validTo: unit.validTo } } : {}),
          ...(current ? { current } : {}),
          ...(clash ? { clash } : {}),
        },
        actor,
      );
      if (!decision.ok) {
        errors.push(fromRejection('users', u.row, decision.rejection, 'userId'));
        continue;
      }
      rows.push({
        sheet: 'users',
        row: u.row,
        key: u.userId,
        action: current ? 'UPDATE' : 'CREATE',
        event: decision.value[0],
      });
    }
  }
  errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === 'units' ? -1 : 1));
  return { rows: inVersionOrder(rows), errors };
}

/** Rows grouped by entity in the order each first appears (parents before children), each entity's versions by start (a later version updates). */
function inVersionOrder(rows: readonly DirectoryImportRow[]): DirectoryImportRow[] {
  const start = (r: DirectoryImportRow) =>
    r.event.type === 'DirectoryUnitRecorded' || r.event.type === 'DirectoryUserRecorded' ? r.event.data.validFrom : '';
  const groups = new Map<string, DirectoryImportRow[]>();
  for (const r of rows) groups.set(`${r.sheet}:${r.key}`, [...(groups.get(`${r.sheet}:${r.key}`) ?? []), r]);
  return [...groups.values()].flatMap((g) =>
    g
      .sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : a.row - b.row))
      .map((r, i): DirectoryImportRow => (i > 0 ? { ...r, action: 'UPDATE' } : r)),
  );
}

/** The import's rows to record, or why nothing is: a role that may not, the same file imported before, any row error. */
export function decideDirectoryImport(
  plan: { rows: readonly DirectoryImportRow[]; errors: readonly DirectoryRowError[] },
  facts: { alreadyImported?: { at: string; by: string } },
  actor: Actor,
): Decision<readonly DirectoryImportRow[]> {
  if (!DIRECTORY_ADMINS.includes(actor.role))
    return refuse(
      reject(
        'FORBIDDEN',
        'directory-import.administrator',
        `${actor.role} may not import the directory; allowed: ${DIRECTORY_ADMINS.join(', ')}`,
      ),
    );
  if (facts.alreadyImported)
    return refuse(
      reject(
        'WRONG_STATE',
        'directory-import.same-file',
        `This file was already imported on ${facts.alreadyImported.at} by ${facts.alreadyImported.by}; nothing was imported again`,
      ),
    );
  if (plan.errors.length)
    return refuse(
      reject(
        'INVALID',
        'directory-import.row-errors',
        `The file has ${plan.errors.length} row error(s); nothing was imported`,
        { errors: plan.errors },
      ),
    );
  if (plan.rows.length === 0)
    return refuse(reject('INVALID', 'directory-import.empty', 'The file has no unit or user rows'));
  return accept(plan.rows);
}
