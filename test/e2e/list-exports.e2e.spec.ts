/**
 * Lists out as Excel workbooks (issue 11, "Award lists in and out"), on the real API, worker, Temporal and Postgres:
 * the board, the awardees of a decision, the award-history search and a report, each opened with exceljs and checked
 * for its Vietnamese header row and a row of this file's own awarded dossier.
 */
import { Workbook, type Worksheet } from 'exceljs';
import { vietnamDate } from '@tdkt/domain';
import { driveDossier, http, seedCast, startSystem, tokensFor, type Cast, type TestSystem } from '../support/system';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let dossierId: string;
let decision: { number: string; decidedOn: string };
let provinceCode: string;

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  tokens = await tokensFor(sys, cast);
  dossierId = await driveDossier(sys, tokens);
  const view = await http<{ decisionNumber: string; decidedOn: string }>(sys, 'GET', `/dossiers/${dossierId}`, {
    token: tokens.secretariat,
  });
  decision = { number: view.body.decisionNumber, decidedOn: view.body.decidedOn };
  provinceCode = (
    (await sys.db.query(`SELECT province_code FROM org_unit WHERE code = $1`, [cast.unitCode])) as {
      province_code: string;
    }[]
  )[0].province_code;
}, 180_000);
afterAll(async () => sys?.stop());

/** Downloads a file and opens it as a workbook; its first worksheet, the header row and the rows as arrays of values. */
async function workbook(path: string, token: string, init: RequestInit = {}) {
  const res = await fetch(`${sys.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  const wb = new Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  const ws: Worksheet = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { disposition: res.headers.get('content-disposition') ?? '', header: rows[0], rows: rows.slice(1) };
}

it('the board as .xlsx: Vietnamese headers and the awarded dossier with its award name and Có/Không', async () => {
  const { header, rows, disposition } = await workbook(
    `/board/export.xlsx?unitCode=${cast.unitCode}&status=AWARDED`,
    tokens.secretariat,
  );
  expect(disposition).toMatch(/^attachment; filename="bang-theo-doi-ho-so-\d{4}-\d{2}-\d{2}\.xlsx"/);
  expect(header).toEqual([
    'Mã hồ sơ',
    'Trích yếu',
    'Người, tập thể được đề nghị',
    'Mã hình thức',
    'Hình thức khen thưởng',
    'Mã đơn vị',
    'Giai đoạn',
    'Trạng thái',
    'Đang xử lý',
    'Hạn xử lý',
    'Loại hạn',
    'Số ngày làm việc còn lại',
    'Quá hạn',
    'Số quyết định',
    'Cập nhật lúc',
  ]);
  // The signed decision's number is on the board too.
  expect(String(rows[0][13])).toMatch(/^\d+\/QĐ-/);
  expect(rows).toHaveLength(1);
  expect(rows[0].slice(0, 8)).toEqual([
    dossierId,
    expect.stringContaining('Nguyễn Thị Lan'),
    'Nguyễn Thị Lan',
    'BK_TINH',
    'Bằng khen của Chủ tịch UBND tỉnh',
    cast.unitCode,
    'CLOSED',
    'AWARDED',
  ]);
  expect(rows[0][12]).toBe('Không');
  expect(rows[0][14]).toBeInstanceOf(Date);
  const clerk = await fetch(`${sys.baseUrl}/board/export.xlsx`, {
    headers: { authorization: `Bearer ${tokens.clerk}` },
  });
  expect(clerk.status).toBe(403);
  expect((await http(sys, 'GET', '/board/export.xlsx?status=NOPE', { token: tokens.secretariat })).status).toBe(400);
});

it("the decision's awardees as .xlsx (format=xlsx or Accept), and as JSON", async () => {
  const authority = `PROVINCIAL_CHAIRMAN:${provinceCode}`;
  const year = Number(decision.decidedOn.slice(0, 4));
  const number = Number(decision.number.split('/')[0]);
  const json = await http<{
    formatted: string;
    awardees: { dossierId: string; nomineeName: string; unitName: string }[];
  }>(sys, 'GET', `/decisions/awardees?authority=${encodeURIComponent(authority)}&year=${year}&number=${number}`, {
    token: tokens.chairman,
  });
  expect(json.body).toMatchObject({
    formatted: decision.number,
    awardees: [{ dossierId, nomineeName: 'Nguyễn Thị Lan', unitName: expect.stringContaining('Trường THPT') }],
  });
  for (const [query, headers] of [
    [`&format=xlsx`, {}],
    ['', { accept: XLSX }],
  ] as const) {
    const { header, rows } = await workbook(
      `/decisions/awardees?authority=${encodeURIComponent(authority)}&year=${year}&number=${number}${query}`,
      tokens.auditor,
      { headers },
    );
    expect(header).toEqual([
      'Số quyết định',
      'Ngày ký',
      'Họ và tên / Tên tập thể',
      'Đối tượng',
      'Hình thức khen thưởng',
      'Đơn vị',
      'Mã đơn vị',
      'Mã hồ sơ',
      'Trạng thái hồ sơ',
    ]);
    expect(rows).toEqual([
      [
        decision.number,
        new Date(`${decision.decidedOn}T00:00:00Z`),
        'Nguyễn Thị Lan',
        'Cá nhân',
        'Bằng khen của Chủ tịch UBND tỉnh',
        expect.stringContaining('Trường THPT'),
        cast.unitCode,
        dossierId,
        'AWARDED',
      ],
    ]);
  }
  expect(
    (
      await http(
        sys,
        'GET',
        `/decisions/awardees?authority=${encodeURIComponent(authority)}&year=${year}&number=99999`,
        { token: tokens.auditor },
      )
    ).status,
  ).toBe(404);
});

it('the award-history search as .xlsx', async () => {
  const { header, rows } = await workbook('/award-history/search?format=xlsx', tokens.secretariat, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Nguyễn Thị Lan', unitCode: cast.unitCode }),
  });
  expect(header).toEqual([
    'Họ và tên / Tên tập thể',
    'Đối tượng',
    'Mã đơn vị',
    'Mã hình thức',
    'Hình thức khen thưởng',
    'Năm',
    'Số quyết định',
    'Ngày quyết định',
    'Mã hồ sơ',
  ]);
  expect(rows).toContainEqual([
    'Nguyễn Thị Lan',
    'Cá nhân',
    cast.unitCode,
    'BK_TINH',
    'Bằng khen của Chủ tịch UBND tỉnh',
    expect.any(Number),
    decision.number,
    new Date(`${decision.decidedOn}T00:00:00Z`),
    dossierId,
  ]);
});

it('a report as .xlsx by format=xlsx', async () => {
  const year = Number(vietnamDate(Date.now()).slice(0, 4));
  const { header, rows, disposition } = await workbook(
    `/reports/five-year?provinceCode=${provinceCode}&fromYear=${year}&toYear=${year}&format=xlsx`,
    tokens.auditor,
  );
  expect(disposition).toContain(`filename="bao-cao-khen-thuong-${provinceCode}-${year}-${year}.xlsx"`);
  expect(header).toEqual([
    'STT',
    'Hình thức khen thưởng',
    'Cấp',
    'Tổng số',
    'Cá nhân',
    'Tập thể',
    'Hộ gia đình',
    'Mã hình thức',
  ]);
  expect(rows).toContainEqual([13, 'Bằng khen của Chủ tịch UBND tỉnh', 'Tỉnh', 1, 1, 0, 0, 'BK_TINH']);
  expect(rows).toHaveLength(14);
});
