/**
 * The award fund ledger (Luật Điều 90) and the nominees' priority facts (Điều 5) on the real database and Temporal: a
 * Bằng khen tỉnh is decided; its line shows the amount due by rule 35 on the decision date; the secretariat pays it in
 * part (never more than due); the nominee's optional facts are recorded beside the dossier and the report gives their
 * shares by level and year; after a revocation nothing more is paid and the amount to recover is the amount paid.
 * Counts are read for this file's own province, never the whole shared database.
 */
import { driveDossier, http, seedCast, startSystem, tokensFor, type Cast, type TestSystem } from '../support/system';

let sys: TestSystem;
let cast: Cast;
let t: Record<string, string>;
let province: string;
let dossierId: string;
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

interface Entry {
  dossierId: string;
  dueVnd: number | null;
  multiplier: number | null;
  paidVnd: number;
  outstandingVnd: number | null;
  decisionNumber: string;
  decidedOn: string;
  level: string;
  revokedOn: string | null;
  toRecoverVnd: number | null;
  recoveredVnd: number | null;
  payments: { amountVnd: number; source: string; voucherRef: string; recordedBy: string }[];
}

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  t = await tokensFor(sys, cast);
  province = (await sys.directory.provinceOf(cast.unitCode)) ?? '';
  dossierId = await driveDossier(sys, t);
}, 180_000);
afterAll(async () => sys?.stop());

describe('nominee priority facts (optional, reports only)', () => {
  it('the unit records them beside the dossier; another unit may not; bad values are 400 per field', async () => {
    const empty = await http<Record<string, unknown>>(sys, 'GET', `/dossiers/${dossierId}/priority`, {
      token: t.clerk,
    });
    expect(empty.body).toEqual({ dossierId, recordedBy: null, recordedAt: null });
    const bad = await http<{ fields: Record<string, string[]> }>(sys, 'PUT', `/dossiers/${dossierId}/priority`, {
      token: t.clerk,
      body: { gender: 'X', areaClass: 'MOUNTAIN' },
    });
    expect([bad.status, Object.keys(bad.body.fields).sort()]).toEqual([400, ['areaClass', 'gender']]);
    expect(
      (await http(sys, 'PUT', `/dossiers/${dossierId}/priority`, { token: t.otherClerk, body: { gender: 'FEMALE' } }))
        .status,
    ).toBe(403);
    const recorded = await http<Record<string, unknown>>(sys, 'PUT', `/dossiers/${dossierId}/priority`, {
      token: t.clerk,
      body: { occupationGroup: 'TEACHER', gender: 'FEMALE', ethnicMinority: true, areaClass: 'BORDER' },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      dossierId,
      occupationGroup: 'TEACHER',
      gender: 'FEMALE',
      ethnicMinority: true,
      areaClass: 'BORDER',
      recordedBy: cast.users.clerk.id,
    });
    // The same facts again append nothing; the dossier's own stream is untouched.
    const before = await http<unknown[]>(sys, 'GET', `/dossiers/${dossierId}/history`, { token: t.auditor });
    await http(sys, 'PUT', `/dossiers/${dossierId}/priority`, {
      token: t.clerk,
      body: { areaClass: 'BORDER', gender: 'FEMALE', ethnicMinority: true, occupationGroup: 'TEACHER' },
    });
    const after = await http<unknown[]>(sys, 'GET', `/dossiers/${dossierId}/history`, { token: t.auditor });
    expect(after.body).toHaveLength(before.body.length);
  }, 60_000);

  it('the report gives the shares by award level and year, for the province asked', async () => {
    const report = await http<
      {
        year: number;
        level: string;
        awards: number;
        recorded: number;
        female: number;
        ethnicMinority: number;
        occupation: Record<string, number>;
        area: Record<string, number>;
        shares: { female: number; area: Record<string, number> };
      }[]
    >(sys, 'GET', `/reports/priority?fromYear=${year}&toYear=${year}&provinceCode=${province}`, {
      token: t.secretariat,
    });
    expect(report.status).toBe(200);
    expect(report.body).toEqual([
      expect.objectContaining({ year, level: 'PROVINCIAL', awards: 1, recorded: 1, female: 1, ethnicMinority: 1 }),
    ]);
    expect(report.body[0].occupation.TEACHER).toBe(1);
    expect(report.body[0].shares).toMatchObject({ female: 1, area: expect.objectContaining({ BORDER: 1, ISLAND: 0 }) });
    expect(
      (await http(sys, 'GET', `/reports/priority?fromYear=${year}&toYear=${year}`, { token: t.clerk })).status,
    ).toBe(403);
  });
});

describe('the award fund ledger', () => {
  const pay = (token: string, body: Record<string, unknown>) =>
    http<Entry & { rule?: string }>(sys, 'POST', `/award-fund/entries/${dossierId}/payments`, { token, body });
  const payment = { amountVnd: 2_000_000, paidOn: today, source: 'STATE_BUDGET', voucherRef: 'PC 15' };

  it('the decision’s line: 1.5 × the base salary on the decision date (rule 35), nothing paid yet', async () => {
    const entry = await http<Entry>(sys, 'GET', `/award-fund/entries/${dossierId}`, { token: t.secretariat });
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({
      dueVnd: 3_510_000,
      multiplier: 1.5,
      paidVnd: 0,
      outstandingVnd: 3_510_000,
      level: 'PROVINCIAL',
      revokedOn: null,
      toRecoverVnd: null,
      payments: [],
    });
    expect(entry.body.decisionNumber).toMatch(/\/QĐ-UBND$/);
    expect((await http(sys, 'GET', `/award-fund/entries/${dossierId}`, { token: t.otherClerk })).status).toBe(403);
    expect(
      (await http(sys, 'GET', '/award-fund/entries/00000000-0000-4000-8000-000000000000', { token: t.secretariat }))
        .status,
    ).toBe(404);
  });

  it('the secretariat records payments up to the amount due; the unit may not pay a provincial award; bad input changes nothing', async () => {
    expect((await pay(t.clerk, payment)).status).toBe(403);
    const bad = await http<{ fields: Record<string, string[]> }>(
      sys,
      'POST',
      `/award-fund/entries/${dossierId}/payments`,
      { token: t.secretariat, body: { ...payment, amountVnd: 1.5, source: 'LOTTERY' } },
    );
    expect([bad.status, Object.keys(bad.body.fields).sort()]).toEqual([400, ['amountVnd', 'source']]);
    const first = await pay(t.secretariat, payment);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      paidVnd: 2_000_000,
      outstandingVnd: 1_510_000,
      payments: [
        { amountVnd: 2_000_000, source: 'STATE_BUDGET', voucherRef: 'PC 15', recordedBy: cast.users.secretariat.id },
      ],
    });
    const over = await pay(t.secretariat, { ...payment, amountVnd: 1_510_001, voucherRef: 'PC 16' });
    expect([over.status, over.body.rule]).toEqual([422, 'fund.over-due']);
    const future = await pay(t.secretariat, { ...payment, paidOn: `${year + 1}-12-31` });
    expect([future.status, future.body.rule]).toEqual([400, 'fund.paid-on']);
    expect((await http<Entry>(sys, 'GET', `/award-fund/entries/${dossierId}`, { token: t.auditor })).body.paidVnd).toBe(
      2_000_000,
    );
  });

  it('totals per year and source for the province', async () => {
    const totals = await http<{
      byYear: { year: number; decisions: number; dueVnd: number; paidVnd: number }[];
      bySource: { year: number; source: string; payments: number; paidVnd: number }[];
    }>(sys, 'GET', `/award-fund/totals?fromYear=${year}&toYear=${year}&provinceCode=${province}`, { token: t.auditor });
    expect(totals.body.byYear).toEqual([
      expect.objectContaining({ year, decisions: 1, dueVnd: 3_510_000, paidVnd: 2_000_000 }),
    ]);
    expect(totals.body.bySource).toEqual([{ year, source: 'STATE_BUDGET', payments: 1, paidVnd: 2_000_000 }]);
  });

  it('after a revocation nothing more is paid, and the amount to recover is what was actually paid', async () => {
    const revoked = await http(sys, 'POST', `/dossiers/${dossierId}/revocation`, {
      token: t.chairman,
      body: {
        ground: 'FALSE_INFORMATION_OR_FORGERY',
        reason: 'Báo cáo thành tích có số liệu không đúng sự thật',
        decisionRef: '45/QĐ-UBND',
      },
    });
    expect(revoked.status).toBe(200);
    const refused = await pay(t.secretariat, { ...payment, amountVnd: 1_000, voucherRef: 'PC 17' });
    expect([refused.status, refused.body.rule]).toEqual([409, 'fund.revoked']);
    const entry = await http<Entry>(sys, 'GET', `/award-fund/entries/${dossierId}`, { token: t.secretariat });
    expect(entry.body).toMatchObject({ revokedOn: today, toRecoverVnd: 2_000_000, recoveredVnd: null });
    const tasks = await http<{ item: string; amountVnd: number | null; paidVnd: number | null }[]>(
      sys,
      'GET',
      `/dossiers/${dossierId}/recovery-tasks`,
      { token: t.secretariat },
    );
    expect(tasks.body.find((x) => x.item === 'BONUS')).toMatchObject({ amountVnd: 3_510_000, paidVnd: 2_000_000 });
    // More than the ledger says was paid is refused, naming both amounts.
    const over = await http<{ rule: string; details: unknown }>(sys, 'POST', `/dossiers/${dossierId}/recovery`, {
      token: t.secretariat,
      body: { item: 'BONUS', amountVnd: 3_510_000 },
    });
    expect([over.status, over.body.rule, over.body.details]).toEqual([
      422,
      'recovery.within-paid',
      { amountVnd: 3_510_000, paidVnd: 2_000_000 },
    ]);
    const recovered = await http(sys, 'POST', `/dossiers/${dossierId}/recovery`, {
      token: t.secretariat,
      body: { item: 'BONUS', amountVnd: 2_000_000, note: 'Nộp lại quỹ' },
    });
    expect(recovered.status).toBe(200);
    expect(
      (await http<Entry>(sys, 'GET', `/award-fund/entries/${dossierId}`, { token: t.secretariat })).body.recoveredVnd,
    ).toBe(2_000_000);
    // A revoked award leaves the priority report (award_fact), like every other statistic.
    const report = await http<unknown[]>(
      sys,
      'GET',
      `/reports/priority?fromYear=${year}&toYear=${year}&provinceCode=${province}`,
      { token: t.secretariat },
    );
    expect(report.body).toEqual([]);
  }, 60_000);
});
