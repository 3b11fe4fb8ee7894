/** The province's reports come from the system's own decisions, as JSON and as CSV a spreadsheet opens correctly. */
import { vietnamDate } from '@tdkt/domain';
import { driveDossier, http, seedCast, startSystem, tokensFor, type TestSystem } from '../support/system';

let sys: TestSystem;
let provinceCode: string;
const year = Number(vietnamDate(Date.now()).slice(0, 4));
const tokens: Record<string, string> = {};

beforeAll(async () => {
  sys = await startSystem();
  const cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
  const [unit] = (await sys.db.query(`SELECT province_code FROM org_unit WHERE code = $1`, [cast.unitCode])) as {
    province_code: string;
  }[];
  provinceCode = unit.province_code;
  await driveDossier(sys, tokens);
  await driveDossier(sys, tokens);
}, 180_000);
afterAll(async () => sys?.stop());

/** The response as bytes and headers, for the CSV the JSON helper cannot read. */
async function download(path: string, token: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${sys.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

type FiveYear = {
  rows: { label: string; count: number; individuals: number; collectives: number; awardCodes: string[] }[];
  directWorkers: { individuals: number };
};

describe('the five-year report', () => {
  it("counts the province's awarded dossiers of the year under the provincial Certificate of Merit", async () => {
    const res = await http<FiveYear>(
      sys,
      'GET',
      `/reports/five-year?provinceCode=${provinceCode}&fromYear=${year}&toYear=${year}`,
      { token: tokens.secretariat },
    );
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(14);
    expect(res.body.rows.find((r) => r.label === 'Bằng khen của Chủ tịch UBND tỉnh')).toEqual({
      no: 13,
      key: 'BK_TINH',
      label: 'Bằng khen của Chủ tịch UBND tỉnh',
      level: 'PROVINCIAL',
      awardCodes: ['BK_TINH'],
      count: 2,
      individuals: 2,
      collectives: 0,
      households: 0,
    });
    expect(
      res.body.rows.filter((r) => r.label !== 'Bằng khen của Chủ tịch UBND tỉnh').every((r) => r.count === 0),
    ).toBe(true);
    expect(res.body.directWorkers.individuals).toBe(2);
  });

  it('downloads as CSV with a BOM, a header row and quoted Vietnamese text, by format=csv or Accept: text/csv', async () => {
    const query = `/reports/five-year?provinceCode=${provinceCode}&fromYear=${year - 4}&toYear=${year}`;
    for (const res of [
      await download(`${query}&format=csv`, tokens.auditor),
      await download(query, tokens.chairman, { accept: 'text/csv' }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="bao-cao-khen-thuong-${provinceCode}-${year - 4}-${year}.csv"; filename*=UTF-8''bao-cao-khen-thuong-${provinceCode}-${year - 4}-${year}.csv`,
      );
      expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = res.bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines[0]).toBe(
        '"STT","Hình thức khen thưởng","Cấp","Tổng số","Cá nhân","Tập thể","Hộ gia đình","Mã hình thức"',
      );
      expect(lines).toContain('13,"Bằng khen của Chủ tịch UBND tỉnh","Tỉnh",2,2,0,0,"BK_TINH"');
      expect(lines).toContain(
        '7,"Huân chương Lao động (các hạng)","Nhà nước",0,0,0,0,"HC_LAO_DONG_1; HC_LAO_DONG_2; HC_LAO_DONG_3"',
      );
      expect(lines).toHaveLength(16); // header, 14 categories, the empty string after the last CRLF
    }
  });
});

describe('statistics', () => {
  it('counts awards by year, form and unit, and times every stage of the two dossiers', async () => {
    const awards = await http<{ rows: { year: number; awardCode: string; total: number; individuals: number }[] }>(
      sys,
      'GET',
      `/reports/awards?provinceCode=${provinceCode}&fromYear=${year}&toYear=${year}`,
      { token: tokens.secretariat },
    );
    expect(awards.status).toBe(200);
    expect(awards.body.rows).toEqual([
      expect.objectContaining({ year, awardCode: 'BK_TINH', total: 2, individuals: 2 }),
    ]);
    const times = await http<{ stages: { stage: string; count: number; medianDays: number | null }[] }>(
      sys,
      'GET',
      `/reports/processing-times?provinceCode=${provinceCode}&fromYear=${year}&toYear=${year}`,
      { token: tokens.auditor },
    );
    expect(times.body.stages.map((s) => [s.stage, s.count])).toEqual([
      ['UNIT_REVIEW', 2],
      ['APPRAISAL', 2],
      ['COUNCIL_VOTING', 2],
      ['DECISION', 2],
      ['TOTAL', 2],
    ]);
    expect(times.body.stages.every((s) => s.medianDays !== null && s.medianDays >= 0)).toBe(true);
    const csv = await download(
      `/reports/processing-times?provinceCode=${provinceCode}&fromYear=${year}&toYear=${year}&format=csv`,
      tokens.auditor,
    );
    expect(csv.bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe(
      '"Mã giai đoạn","Giai đoạn","Số hồ sơ","Trung vị (ngày)","Phân vị 90 (ngày)"',
    );
  });
});

describe('who may read reports, and what they must ask', () => {
  it('a unit clerk and a council member get 403', async () => {
    for (const who of ['clerk', 'member1']) {
      for (const path of ['awards', 'processing-times', 'five-year'])
        expect(
          (
            await http(sys, 'GET', `/reports/${path}?provinceCode=${provinceCode}&fromYear=${year}&toYear=${year}`, {
              token: tokens[who],
            })
          ).status,
        ).toBe(403);
    }
  });

  it('fromYear after toYear, a period over ten years and a missing province are 400 with a message per field', async () => {
    type Err = { fields: Record<string, string[]> };
    const reversed = await http<Err>(
      sys,
      'GET',
      `/reports/five-year?provinceCode=${provinceCode}&fromYear=2025&toYear=2021`,
      { token: tokens.secretariat },
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields).toEqual({ fromYear: ['fromYear must not be after toYear'] });
    const long = await http<Err>(sys, 'GET', `/reports/awards?fromYear=2010&toYear=2025`, {
      token: tokens.secretariat,
    });
    expect(long.status).toBe(400);
    expect(long.body.fields).toEqual({ toYear: ['the period fromYear–toYear may cover at most 10 years'] });
    const missing = await http<Err>(sys, 'GET', `/reports/five-year?fromYear=x&toYear=2025&format=pdf`, {
      token: tokens.secretariat,
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.fields).sort()).toEqual(['format', 'fromYear', 'provinceCode']);
  });
});
