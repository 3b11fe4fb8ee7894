/**
 * The grassroots route and revocation after the award, end to end through HTTP only, on the real API, worker, Temporal
 * dev server and Postgres: a Chiến sĩ thi đua cơ sở goes from the unit clerk through the unit's council to the unit
 * head's numbered decision; a provincial award is revoked on a Law Ch. VII ground, its award objects and bonus are
 * recovered and the dossier closes, its history still one verified hash chain.
 */
import {
  aCstdCoSoDossier,
  driveDossier,
  http,
  seedCast,
  seedUnitCouncil,
  startSystem,
  tokenFor,
  type Cast,
  type TestSystem,
} from '../support/system';
import { vietnamDate } from '@tdkt/domain';

type View = {
  id: string;
  status: string;
  heldBy: string | null;
  decisionNumber: string | null;
  councilMembers: string[];
  reason: string | null;
  version: number;
};
type Task = {
  item: string;
  amountVnd: number | null;
  multiplier: number | null;
  recoveredOn: string | null;
  recordedBy: string | null;
  recoveredAmountVnd: number | null;
};
type HistoryEvent = {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  actor: { userId: string; role: string };
  hash: string;
};

let sys: TestSystem;
/** A unit with its own council (grassroots) and, apart, a province's cast for provincial awards. */
let unit: Cast;
let province: Cast;
let unitCouncil: { id: string; username: string }[];
const t: Record<string, string> = {};
const p: Record<string, string> = {};
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  sys = await startSystem();
  unit = await seedCast(sys);
  unitCouncil = await seedUnitCouncil(sys, unit);
  province = await seedCast(sys);
  for (const [key, u] of Object.entries(unit.users)) t[key] = await tokenFor(sys, u.username);
  for (const [i, u] of unitCouncil.entries()) t[`unitMember${i + 1}`] = await tokenFor(sys, u.username);
  for (const [key, u] of Object.entries(province.users)) p[key] = await tokenFor(sys, u.username);
}, 120_000);
afterAll(async () => sys?.stop());

async function post<T = View>(token: string, path: string, body: unknown = {}) {
  return http<T>(sys, 'POST', path, { token, body });
}
const ok = (res: { status: number; body: unknown }) =>
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });

describe('a Chiến sĩ thi đua cơ sở on the grassroots route: unit council → unit head decides', () => {
  let id: string;

  it('goes DRAFT → UNIT_REVIEW → unit council → AWARDED with a number in the unit series', async () => {
    const created = await post(t.clerk, '/dossiers', aCstdCoSoDossier());
    expect(created).toMatchObject({ status: 201, body: { status: 'DRAFT' } });
    id = created.body.id;
    const base = `/dossiers/${id}`;

    expect((await post(t.clerk, `${base}/submit`)).body).toMatchObject({ status: 'UNIT_REVIEW', heldBy: 'UNIT_HEAD' });
    // A grassroots award never goes up to the secretariat.
    expect(await post(t.head, `${base}/unit-approval`)).toMatchObject({
      status: 422,
      body: { rule: 'route.ApproveAtUnit' },
    });

    // The unit's council members see their unit's grassroots dossier; the province's council does not.
    expect((await http(sys, 'GET', base, { token: t.unitMember1 })).status).toBe(200);
    expect((await http(sys, 'GET', base, { token: t.member1 })).status).toBe(403);

    const opened = await post(t.head, `${base}/unit-council`);
    ok(opened);
    expect(opened.body).toMatchObject({ status: 'COUNCIL_VOTING', heldBy: 'COUNCIL' });
    expect([...opened.body.councilMembers].sort()).toEqual(unitCouncil.map((m) => m.id).sort());
    expect((await post(t.member1, `${base}/votes`, { approve: true })).status).toBe(403);

    ok(await post(t.unitMember1, `${base}/votes`, { approve: true }));
    expect((await post(t.unitMember2, `${base}/votes`, { approve: true })).body).toMatchObject({
      status: 'AWAITING_DECISION',
      heldBy: 'UNIT_HEAD',
    });
    const inbox = await http<{ tasks: { dossierId: string; kind: string }[] }>(sys, 'GET', '/me/tasks', {
      token: t.head,
    });
    expect(inbox.body.tasks).toContainEqual(expect.objectContaining({ dossierId: id, kind: 'DECIDE' }));

    // The provincial chairman does not sign a grassroots award; the unit head does, in the unit's own series.
    expect(await post(t.chairman, `${base}/decision`, { approve: true })).toMatchObject({
      status: 403,
      body: { rule: 'decision.decider' },
    });
    const awarded = await post(t.head, `${base}/unit-decision`, { approve: true });
    ok(awarded);
    expect(awarded.body).toMatchObject({ status: 'AWARDED', decisionNumber: `1/QĐ-${unit.unitCode}` });

    const history = await http<HistoryEvent[]>(sys, 'GET', `${base}/history`, { token: t.auditor });
    expect(history.body.map((e) => e.type)).toEqual([
      'DossierCreated',
      'DossierSubmitted',
      'CouncilVotingOpened',
      'VoteCast',
      'VoteCast',
      'CouncilVotingClosed',
      'DossierAwarded',
    ]);
    expect(history.body[6]).toMatchObject({
      actor: { role: 'UNIT_HEAD' },
      data: { decision: { authority: unit.unitCode } },
    });
  });

  it('the unit head revokes it; the bonus to recover is 1 × the base salary; the unit clerk records the recovery', async () => {
    const base = `/dossiers/${id}`;
    // The deciding unit paid the bonus (the award fund ledger); recovery is what was actually paid.
    const paid = await post(t.head, `/award-fund/entries/${id}/payments`, {
      amountVnd: 2_340_000,
      paidOn: vietnamDate(Date.now()),
      source: 'STATE_BUDGET',
      voucherRef: 'PC 3',
    });
    expect(paid.status).toBe(201);
    const revoked = await post(t.head, `${base}/revocation`, {
      ground: 'FRAUDULENT_DECLARATION',
      reason: 'Sáng kiến kê khai không đúng thực tế',
      decisionRef: `2/QĐ-${unit.unitCode}`,
    });
    ok(revoked);
    expect(revoked.body).toMatchObject({ status: 'RECOVERY_PENDING', heldBy: 'UNIT_CLERK' });
    const tasks = await http<Task[]>(sys, 'GET', `${base}/recovery-tasks`, { token: t.clerk });
    expect(tasks.body.find((x) => x.item === 'BONUS')).toMatchObject({ amountVnd: 2_340_000, multiplier: 1 });
    const over = await post<{ rule: string }>(t.clerk, `${base}/recovery`, { item: 'BONUS', amountVnd: 2_340_001 });
    expect([over.status, over.body.rule]).toEqual([422, 'recovery.within-paid']);
    ok(await post(t.clerk, `${base}/recovery`, { item: 'BONUS', amountVnd: 2_340_000 }));
    expect(
      (await post(t.clerk, `${base}/recovery`, { item: 'AWARD_OBJECT', note: 'Đã thu hồi giấy chứng nhận' })).body,
    ).toMatchObject({ status: 'CLOSED', heldBy: null });
  });
});

describe('a provincial award is revoked and its award objects and bonus are recovered', () => {
  let id: string;
  let base: string;
  const search = async () =>
    (await post<{ dossierId: string }[]>(p.chairman, '/award-history/search', { citizenId: '001190000123' })).body.map(
      (r) => r.dossierId,
    );
  const awardsOfUnit = async () =>
    (
      await http<{ rows: { total: number }[] }>(
        sys,
        'GET',
        `/reports/awards?fromYear=${year}&toYear=${year}&unitCode=${province.unitCode}`,
        { token: p.chairman },
      )
    ).body.rows.reduce((n, r) => n + r.total, 0);

  beforeAll(async () => {
    id = await driveDossier(sys, p);
    base = `/dossiers/${id}`;
    // The secretariat paid part of the bonus; the recovery below is within it.
    const paid = await post(p.secretariat, `/award-fund/entries/${id}/payments`, {
      amountVnd: 1_000_000,
      paidOn: vietnamDate(Date.now()),
      source: 'STATE_BUDGET',
      voucherRef: 'PC 4',
    });
    expect(paid.status).toBe(201);
  }, 60_000);

  it('refuses a revocation without a Law Ch. VII ground or written reason, and by the wrong people', async () => {
    const body = {
      ground: 'FALSE_INFORMATION_OR_FORGERY',
      reason: 'Báo cáo thành tích có số liệu không đúng sự thật',
      decisionRef: '45/QĐ-UBND',
    };
    expect(
      (
        await post<{ fields: Record<string, string[]> }>(p.chairman, `${base}/revocation`, {
          ...body,
          ground: 'DISLIKED',
          reason: 'x',
        })
      ).body.fields,
    ).toHaveProperty('ground');
    expect(
      (await post<{ fields: Record<string, string[]> }>(p.chairman, `${base}/revocation`, { ...body, reason: 'x' }))
        .body.fields,
    ).toHaveProperty('reason');
    expect((await post(p.secretariat, `${base}/revocation`, body)).status).toBe(403);
    // A unit head revokes grassroots awards only: the domain refuses, nothing is written.
    expect(await post(p.head, `${base}/revocation`, body)).toMatchObject({
      status: 403,
      body: { rule: 'revocation.revoke-role' },
    });
    expect((await post(p.secretariat, `${base}/recovery`, { item: 'BONUS' })).status).toBe(409);
    expect((await http<View>(sys, 'GET', base, { token: p.auditor })).body).toMatchObject({
      status: 'AWARDED',
      version: 11,
    });
  });

  it('the chairman revokes it: AwardRevoked and RecoveryTasksOpened continue the stream; the award leaves the award history', async () => {
    expect(await search()).toContain(id);
    const awardsBefore = await awardsOfUnit();
    const revoked = await post(p.chairman, `${base}/revocation`, {
      ground: 'FALSE_INFORMATION_OR_FORGERY',
      reason: 'Báo cáo thành tích có số liệu không đúng sự thật',
      decisionRef: '45/QĐ-UBND',
    });
    ok(revoked);
    expect(revoked.body).toMatchObject({
      status: 'RECOVERY_PENDING',
      heldBy: 'SECRETARIAT_OFFICER',
      decisionNumber: expect.stringMatching(/\/QĐ-UBND$/),
      version: 13,
    });
    expect(await search()).not.toContain(id);
    expect(await awardsOfUnit()).toBe(awardsBefore - 1);
    // No dossier command applies any more, and the award is revoked once.
    expect((await post(p.clerk, `${base}/withdrawal`, { reason: 'Rút hồ sơ' })).status).toBe(409);
    expect(
      (
        await post(p.chairman, `${base}/revocation`, {
          ground: 'UNLAWFUL_PROCEDURE',
          reason: 'Một lần nữa cho chắc chắn',
          decisionRef: '46/QĐ-UBND',
        })
      ).status,
    ).toBe(409);
  });

  it('shows the two recovery tasks in the secretariat officer inbox and on the dossier', async () => {
    const tasks = await http<Task[]>(sys, 'GET', `${base}/recovery-tasks`, { token: p.secretariat });
    expect(tasks.body.map((x) => [x.item, x.recoveredOn])).toEqual([
      ['AWARD_OBJECT', null],
      ['BONUS', null],
    ]);
    // Bằng khen tỉnh: 1.5 × the base salary on the decision date (NĐ 152/2025 Điều 54). Corrected by the legal review
    // (issue 8): this used to assert "no sourced multiplier".
    expect(tasks.body[1]).toMatchObject({ amountVnd: 3_510_000, multiplier: 1.5 });
    const inbox = await http<{ tasks: { dossierId: string; kind: string }[] }>(sys, 'GET', '/me/tasks', {
      token: p.secretariat,
    });
    expect(inbox.body.tasks).toContainEqual(expect.objectContaining({ dossierId: id, kind: 'RECOVER' }));
  });

  it('records both recoveries; the dossier ends CLOSED', async () => {
    const first = await post(p.secretariat, `${base}/recovery`, { item: 'AWARD_OBJECT', note: 'Đã thu hồi bằng khen' });
    expect(first.body).toMatchObject({ status: 'RECOVERY_PENDING' });
    expect(await post(p.secretariat, `${base}/recovery`, { item: 'AWARD_OBJECT' })).toMatchObject({
      status: 409,
      body: { rule: 'recovery.item-once' },
    });
    expect((await post(p.clerk, `${base}/recovery`, { item: 'BONUS' })).status).toBe(403);
    const last = await post(p.secretariat, `${base}/recovery`, {
      item: 'BONUS',
      amountVnd: 1_000_000,
      note: 'Nộp lại quỹ thi đua, khen thưởng',
    });
    ok(last);
    expect(last.body).toMatchObject({ status: 'CLOSED', heldBy: null, version: 16 });
    const tasks = await http<Task[]>(sys, 'GET', `${base}/recovery-tasks`, { token: p.auditor });
    expect(tasks.body.every((x) => x.recoveredOn !== null && x.recordedBy === province.users.secretariat.id)).toBe(
      true,
    );
    expect(tasks.body[1].recoveredAmountVnd).toBe(1_000_000);
    expect((await post(p.secretariat, `${base}/recovery`, { item: 'BONUS' })).status).toBe(409);
  });

  it('the history shows the revocation events on the same hash chain, which still verifies', async () => {
    const history = await http<HistoryEvent[]>(sys, 'GET', `${base}/history`, { token: p.auditor });
    expect(history.body.map((e) => e.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(history.body.slice(11).map((e) => [e.type, e.actor.role])).toEqual([
      ['AwardRevoked', 'PROVINCIAL_DECIDER'],
      ['RecoveryTasksOpened', 'PROVINCIAL_DECIDER'],
      ['RecoveryRecorded', 'SECRETARIAT_OFFICER'],
      ['RecoveryRecorded', 'SECRETARIAT_OFFICER'],
      ['RecoveryCompleted', 'SECRETARIAT_OFFICER'],
    ]);
    expect(history.body[11].data).toMatchObject({
      ground: 'FALSE_INFORMATION_OR_FORGERY',
      clause: 'b',
      decisionRef: '45/QĐ-UBND',
    });
    const verify = await http<{ ok: boolean; events: number; head: string; anchor?: unknown }>(
      sys,
      'GET',
      `${base}/verify`,
      { token: p.auditor },
    );
    // `anchor` appears once the worker's anchor job (or another test) has anchored the run's database: not this test's.
    const { anchor: _anchor, ...report } = verify.body;
    expect(report).toEqual({ ok: true, dossiers: 1, events: 16, head: history.body[15].hash });
  });
});
