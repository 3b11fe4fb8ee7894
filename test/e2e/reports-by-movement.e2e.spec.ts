/**
 * The reports by movement (issue 12): dossiers of two movements and one of none are awarded; the awards report groups
 * them by movement (JSON, CSV, .xlsx) and every report filters by movement; a movement that does not exist is a 400.
 */
import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import { vietnamDate } from '@tdkt/domain';
import {
  aMovement,
  aBkTinhDossier,
  driveDossier,
  http,
  seedCast,
  startSystem,
  tokensFor,
  type TestSystem,
} from '../support/system';

let sys: TestSystem;
let province: string;
const year = Number(vietnamDate(Date.now()).slice(0, 4));
const tokens: Record<string, string> = {};
const movements: Record<'teaching' | 'roads', { id: string; name: string }> = {
  teaching: { id: '', name: `Phong trào "Dạy tốt, học tốt" ${randomUUID().slice(0, 6)}` },
  roads: { id: '', name: `Phong trào "Chung sức xây dựng nông thôn mới" ${randomUUID().slice(0, 6)}` },
};

async function launch(name: string): Promise<string> {
  const res = await http<{ movementId: string }>(sys, 'POST', '/movements', {
    token: tokens.secretariat,
    body: aMovement(year, province, { name, launchDecision: { number: '5/QĐ-UBND', date: `${year}-01-02` } }),
  });
  if (res.status !== 201) throw new Error(`launch failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.movementId;
}

beforeAll(async () => {
  sys = await startSystem();
  const cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
  const [unit] = (await sys.db.query(`SELECT province_code FROM org_unit WHERE code = $1`, [cast.unitCode])) as {
    province_code: string;
  }[];
  province = unit.province_code;
  for (const m of Object.values(movements)) m.id = await launch(m.name);
  // Two awards of the teaching movement, one of the roads movement, one of none.
  await driveDossier(sys, tokens, undefined, aBkTinhDossier({ movementId: movements.teaching.id }));
  await driveDossier(sys, tokens, undefined, aBkTinhDossier({ movementId: movements.teaching.id }));
  await driveDossier(sys, tokens, undefined, aBkTinhDossier({ movementId: movements.roads.id }));
  await driveDossier(sys, tokens);
}, 300_000);
afterAll(async () => sys?.stop());

const query = (extra = '') => `provinceCode=${province}&fromYear=${year}&toYear=${year}${extra}`;

async function download(path: string) {
  const res = await fetch(`${sys.baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens.secretariat}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

type ByMovement = {
  movementId: string | null;
  movementName: string;
  total: number;
  provincial: number;
  individuals: number;
};
type Awards = {
  filter: Record<string, unknown>;
  rows: { awardCode: string; total: number }[];
  byMovement: ByMovement[];
};

describe('the awards report by movement', () => {
  it('counts the awards of each movement with its name, and those of none as "Không thuộc phong trào"', async () => {
    const res = await http<Awards>(sys, 'GET', `/reports/awards?${query()}`, { token: tokens.secretariat });
    expect(res.status).toBe(200);
    const counts = res.body.byMovement.map((r) => [r.movementId, r.movementName, r.total, r.provincial, r.individuals]);
    // Named movements first, by name ("Chung sức…" before "Dạy tốt…"); then the awards of no movement.
    expect(counts).toEqual([
      [movements.roads.id, movements.roads.name, 1, 1, 1],
      [movements.teaching.id, movements.teaching.name, 2, 2, 2],
      [null, 'Không thuộc phong trào', 1, 1, 1],
    ]);
    expect(res.body.rows).toEqual([expect.objectContaining({ awardCode: 'BK_TINH', total: 4 })]);
  });

  it('filters every report to one movement', async () => {
    const awards = await http<Awards>(sys, 'GET', `/reports/awards?${query(`&movementId=${movements.teaching.id}`)}`, {
      token: tokens.auditor,
    });
    expect(awards.status).toBe(200);
    expect(awards.body.filter).toMatchObject({ movementId: movements.teaching.id });
    expect(awards.body.rows).toEqual([expect.objectContaining({ awardCode: 'BK_TINH', total: 2 })]);
    expect(awards.body.byMovement.map((r) => [r.movementName, r.total])).toEqual([[movements.teaching.name, 2]]);

    const times = await http<{ stages: { stage: string; count: number }[] }>(
      sys,
      'GET',
      `/reports/processing-times?${query(`&movementId=${movements.roads.id}`)}`,
      { token: tokens.auditor },
    );
    expect(times.body.stages.find((s) => s.stage === 'TOTAL')?.count).toBe(1);

    const fiveYear = await http<{ movementId: string; rows: { key: string; count: number }[] }>(
      sys,
      'GET',
      `/reports/five-year?${query(`&movementId=${movements.roads.id}`)}`,
      { token: tokens.chairman },
    );
    expect(fiveYear.body.movementId).toBe(movements.roads.id);
    const priority = await http<{ year: number; level: string; awards: number }[]>(
      sys,
      'GET',
      `/reports/priority?${query(`&movementId=${movements.teaching.id}`)}`,
      { token: tokens.secretariat },
    );
    expect(priority.body.map((r) => [r.year, r.level, r.awards])).toEqual([[year, 'PROVINCIAL', 2]]);
    expect(fiveYear.body.rows.find((r) => r.key === 'BK_TINH')?.count).toBe(1);
  });

  it('downloads the grouping as CSV and as .xlsx with groupBy=movement', async () => {
    const csv = await download(`/reports/awards?${query('&groupBy=movement&format=csv')}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(`khen-thuong-theo-phong-trao-${year}-${year}.csv`);
    const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      '"Mã phong trào","Phong trào thi đua","Tổng số","Cấp Nhà nước","Cấp tỉnh","Cấp cơ sở","Cá nhân","Tập thể","Hộ gia đình"',
    );
    expect(lines.slice(1, -1)).toEqual([
      `"${movements.roads.id}","${movements.roads.name.replace(/"/g, '""')}",1,0,1,0,1,0,0`,
      `"${movements.teaching.id}","${movements.teaching.name.replace(/"/g, '""')}",2,0,2,0,2,0,0`,
      ',"Không thuộc phong trào",1,0,1,0,1,0,0',
    ]);

    const xlsx = await download(`/reports/awards?${query('&groupBy=movement&format=xlsx')}`);
    expect(xlsx.status).toBe(200);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Theo phong trào');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.slice(1).map((r) => [r[1], r[2]])).toEqual([
      [movements.roads.name, 1],
      [movements.teaching.name, 2],
      ['Không thuộc phong trào', 1],
    ]);
  });

  it('refuses a movement that does not exist with a 400 on movementId, and a malformed one too', async () => {
    type Err = { fields: Record<string, string[]> };
    for (const path of ['awards', 'processing-times', 'five-year', 'priority']) {
      const unknown = await http<Err>(sys, 'GET', `/reports/${path}?${query(`&movementId=${randomUUID()}`)}`, {
        token: tokens.secretariat,
      });
      expect(unknown.status).toBe(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['movementId']);
    }
    const malformed = await http<Err>(sys, 'GET', `/reports/awards?${query('&movementId=abc&groupBy=year')}`, {
      token: tokens.secretariat,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields).toEqual({
      movementId: ['movementId must be a UUID'],
      groupBy: [expect.stringContaining('groupBy')],
    });
  });
});
