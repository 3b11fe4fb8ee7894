import type { Actor } from '../shared/actor';
import {
  decideDirectoryImport,
  planDirectoryImport,
  roleOf,
  sheetOf,
  unitKindOf,
  type DirectoryImportFacts,
} from './directory-import';

/** Given the directory and a spreadsheet / when the import is planned / then the rows to record in order, or every row error. */
const admin: Actor = { userId: 'admin', role: 'ADMINISTRATOR' };
const today = '2026-01-15';
const facts = (over: Partial<DirectoryImportFacts> = {}): DirectoryImportFacts => ({
  units: new Map([['UBND', { provinceCode: 'HN', validFrom: '2020-01-01', validTo: null }]]),
  users: new Map(),
  usernames: new Map([['taken', 'someone']]),
  oidcSubs: new Map(),
  ...over,
});
const UNITS = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Loại đơn vị',
  'Mã đơn vị cấp trên',
  'Mã tỉnh',
  'Hiệu lực từ',
  'Hiệu lực đến',
];
const USERS = ['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Mã đơn vị', 'Hiệu lực từ'];

it('records units parents first, whatever the file order; kinds and roles by code or Vietnamese name; the province from the parent', () => {
  const plan = planDirectoryImport(
    {
      units: [
        UNITS,
        ['THPT-A', 'Trường THPT A', 'Trường học', 'SGDDT', '', '01/09/2021', ''],
        ['SGDDT', 'Sở Giáo dục và Đào tạo', 'DEPARTMENT', 'UBND', '', '2021-01-01', ''],
      ],
      users: [USERS, ['gv.lan', 'Nguyễn Thị Lan', 'Cán bộ TĐKT đơn vị', 'THPT-A', '']],
    },
    facts(),
    { today },
    admin,
  );
  expect(plan.errors).toEqual([]);
  expect(plan.rows.map((r) => [r.sheet, r.row, r.key, r.action])).toEqual([
    ['units', 3, 'SGDDT', 'CREATE'],
    ['units', 2, 'THPT-A', 'CREATE'],
    ['users', 2, 'gv.lan', 'CREATE'],
  ]);
  expect(plan.rows[1].event).toEqual({
    type: 'DirectoryUnitRecorded',
    data: {
      code: 'THPT-A',
      name: 'Trường THPT A',
      kind: 'SCHOOL',
      parentCode: 'SGDDT',
      provinceCode: 'HN',
      validFrom: '2021-09-01',
      validTo: null,
    },
  });
  expect(plan.rows[2].event).toMatchObject({
    type: 'DirectoryUserRecorded',
    data: { userId: 'gv.lan', role: 'UNIT_CLERK', unitCode: 'THPT-A', validFrom: today },
  });
  expect([
    unitKindOf('xa, phuong'),
    roleOf('Chủ tịch Hội đồng'),
    roleOf('unit head'),
    sheetOf('Người dùng', []),
    sheetOf('Sheet1', UNITS),
  ]).toEqual(['COMMUNE', 'COUNCIL_CHAIR', 'UNIT_HEAD', 'users', 'units']);
});

it('lists every row error: unknown parent, duplicate code, bad dates, unknown role, a user without a unit, overlapping validity', () => {
  const plan = planDirectoryImport(
    {
      units: [
        UNITS,
        ['X1', 'Đơn vị mồ côi', 'Sở', 'KHONG-CO', '', '2021-01-01', ''],
        ['S1', 'Sở Một', 'Sở', 'UBND', '', '2021-01-01', ''],
        ['S1', 'Sở Một (trùng)', 'Sở', 'UBND', '', '2021-01-01', ''],
        ['S2', 'Sở Hai', 'Sở', 'UBND', '', '31/02/2021', ''],
        ['S3', 'Sở Ba', 'Sở', 'UBND', '', '2021-01-01', ''],
        ['S3', 'Sở Ba mới', 'Sở', 'UBND', '', '2022-01-01', ''],
        ['S4', 'Sở Bốn', 'Hành tinh', 'UBND', '', '2021-01-01', ''],
      ],
      users: [
        USERS,
        ['a.b', 'A B', 'Phó thủ tướng', 'S1', ''],
        ['c.d', 'C D', 'UNIT_CLERK', '', ''],
        ['taken', 'E F', 'UNIT_CLERK', 'S1', ''],
        ['g.h', 'G H', 'UNIT_CLERK', 'UBND', '2019-05-01'],
      ],
    },
    facts(),
    { today },
    admin,
  );
  expect(plan.errors.map((e) => [e.sheet, e.row, e.column, e.rule])).toEqual([
    ['units', 2, 'parentCode', 'directory-import.unknown-parent'],
    ['units', 4, 'code', 'directory-import.duplicate'],
    ['units', 5, 'validFrom', 'directory-import.date'],
    ['units', 7, 'validFrom', 'directory-import.overlap'],
    ['units', 8, 'kind', 'directory-import.kind'],
    ['users', 2, 'role', 'directory-import.role'],
    ['users', 3, 'unitCode', 'user.unit'],
    ['users', 4, 'username', 'user.unique-username'],
    ['users', 5, 'validFrom', 'directory-import.before-unit'],
  ]);
  expect(decideDirectoryImport(plan, {}, admin)).toMatchObject({
    ok: false,
    rejection: { code: 'INVALID', rule: 'directory-import.row-errors' },
  });
});

it('successive versions of one unit are recorded in order of their start; a row for a known unit updates it', () => {
  const plan = planDirectoryImport(
    {
      units: [
        UNITS,
        ['UBND', 'UBND tỉnh Hà Nội (mới)', 'PROVINCE', '', 'HN', '2025-07-01', ''],
        ['S3', 'Sở Ba mới', 'Sở', 'UBND', '', '2022-01-01', ''],
        ['S3', 'Sở Ba', 'Sở', 'UBND', '', '2021-01-01', '2021-12-31'],
      ],
    },
    facts(),
    { today },
    admin,
  );
  expect(plan.errors).toEqual([]);
  expect(plan.rows.map((r) => [r.row, r.key, r.action])).toEqual([
    [2, 'UBND', 'UPDATE'],
    [4, 'S3', 'CREATE'],
    [3, 'S3', 'UPDATE'],
  ]);
});

it('only an administrator imports; the same file twice is refused; an empty file too', () => {
  const plan = planDirectoryImport(
    { users: [USERS, ['x.y', 'X Y', 'AUDITOR', 'UBND', '']] },
    facts(),
    { today },
    admin,
  );
  expect(decideDirectoryImport(plan, {}, admin)).toMatchObject({ ok: true });
  expect(decideDirectoryImport(plan, {}, { userId: 'c', role: 'UNIT_CLERK' })).toMatchObject({
    ok: false,
    rejection: { code: 'FORBIDDEN' },
  });
  expect(decideDirectoryImport(plan, { alreadyImported: { at: '2026-01-01', by: 'admin' } }, admin)).toMatchObject({
    ok: false,
    rejection: { code: 'WRONG_STATE', rule: 'directory-import.same-file' },
  });
  expect(decideDirectoryImport({ rows: [], errors: [] }, {}, admin)).toMatchObject({
    ok: false,
    rejection: { rule: 'directory-import.empty' },
  });
  expect(
    planDirectoryImport({ users: [['Họ và tên']] }, facts(), { today }, admin).errors.map((e) => e.column),
  ).toEqual(['username', 'role', 'unitCode']);
});
