/**
 * Decisions through HTTP on the real system: one decision (one number) for the passed dossiers of a council session,
 * each dossier awarded through its own workflow; the register per authority and year; voiding an unused number is an
 * event (the number stays used, the next allocation takes the following one); an awarded dossier's number is not voided.
 */
import { randomUUID } from 'node:crypto';
import { DecisionNumbers } from '@tdkt/persistence';
import {
  driveDossier,
  http,
  seedCast,
  startSystem,
  tokenFor,
  tokensFor,
  type Cast,
  type TestSystem,
} from '../support/system';

interface Decision {
  sessionId: string;
  number: string;
  authority: string;
  year: number;
  signerId: string;
  signedOn: string;
  legalBasis: string[];
  dossierIds: string[];
  refused: { dossierId: string; reason: string }[];
}
interface Register {
  authority: string;
  year: number;
  streamId: string;
  lastNumber: number;
  entries: {
    number: number;
    formatted: string;
    dossiers: { dossierId: string; status: string }[];
    voided: { reason: string; voidedBy: string } | null;
  }[];
}
type Dossier = { status: string; decisionNumber: string | null };

let sys: TestSystem;
let cast: Cast;
const tokens: Record<string, string> = {};
const year = new Date().getUTCFullYear() - 1;
const passed: string[] = [];
let failed: string;
let sessionId: string;
let standalone: string;
let decision: Decision;

const post = <T>(path: string, who: string, body: unknown) => http<T>(sys, 'POST', path, { token: tokens[who], body });
const get = <T>(path: string, who = 'auditor') => http<T>(sys, 'GET', path, { token: tokens[who] });
const register = async () =>
  (await get<Register>(`/decisions?authority=${encodeURIComponent(decision.authority)}&year=${decision.year}`)).body;
const seq = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
  const admin = `admin-${randomUUID().slice(0, 8)}`;
  await sys.directory.upsertUser({
    id: admin,
    username: admin,
    fullName: 'Quản trị',
    role: 'ADMINISTRATOR',
    unitCode: cast.provinceUnitCode,
  });
  tokens.admin = await tokenFor(sys, admin);
  // A dossier decided on its own first: the session's number must follow its number with nothing skipped.
  standalone = await driveDossier(sys, tokens);
  passed.push(await driveDossier(sys, tokens, 2), await driveDossier(sys, tokens, 2));
  failed = await driveDossier(sys, tokens, 2);
  const convened = await post<{ id: string }>('/council-sessions', 'secretariat', {
    title: 'Phiên họp xét khen thưởng',
    deadline: `${year + 2}-12-31`,
    dossierIds: [...passed, failed],
  });
  expect(convened.status).toBe(201);
  sessionId = convened.body.id;
  for (const who of ['member1', 'member2', 'member3'] as const)
    expect(
      (
        await post(`/council-sessions/${sessionId}/attendance`, 'secretariat', {
          memberId: cast.users[who].id,
          attendance: 'PRESENT',
        })
      ).status,
    ).toBe(200);
  for (const who of ['member1', 'member2', 'member3']) {
    for (const id of passed)
      expect((await post(`/council-sessions/${sessionId}/votes`, who, { dossierId: id, approve: true })).status).toBe(
        200,
      );
    expect(
      (await post(`/council-sessions/${sessionId}/votes`, who, { dossierId: failed, approve: false })).status,
    ).toBe(200);
  }
  expect((await post(`/council-sessions/${sessionId}/close`, 'member3', {})).status).toBe(200);
}, 180_000);
afterAll(async () => sys?.stop());

describe('one decision for the passed dossiers of a closed session', () => {
  it('is refused before anyone but the provincial decider', async () => {
    expect((await post(`/council-sessions/${sessionId}/decision`, 'secretariat', {})).status).toBe(403);
  });

  it('allocates one number, awards both passed dossiers with it through their own workflows, and reports the one that cannot take it', async () => {
    const res = await post<Decision>(`/council-sessions/${sessionId}/decision`, 'chairman', {
      legalBasis: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP'],
    });
    expect(res.status).toBe(201);
    decision = res.body;
    expect(decision).toMatchObject({
      sessionId,
      signerId: cast.users.chairman.id,
      legalBasis: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP'],
    });
    expect(decision.number).toMatch(/^\d+\/QĐ-/);
    expect([...decision.dossierIds].sort()).toEqual([...passed].sort());
    expect(decision.refused).toEqual([
      { dossierId: failed, reason: expect.stringMatching(/REJECTED|AWAITING_DECISION/) },
    ]);

    for (const id of passed) {
      expect((await get<Dossier>(`/dossiers/${id}`)).body).toMatchObject({
        status: 'AWARDED',
        decisionNumber: decision.number,
      });
    }
    expect((await get<Dossier>(`/dossiers/${failed}`)).body).toMatchObject({
      status: 'REJECTED',
      decisionNumber: null,
    });
    // Each stream records the award: signer, date, basis and its own chain head at signing.
    const heads = new Set<string>();
    for (const id of passed) {
      const history = (
        await get<
          {
            type: string;
            data: {
              decision?: {
                number: string;
                signerId: string;
                signedOn: string;
                legalBasis: string[];
                chainHeadAtSigning?: string;
              };
            };
          }[]
        >(`/dossiers/${id}/history`)
      ).body;
      const awarded = history.find((e) => e.type === 'DossierAwarded')?.data.decision;
      expect(awarded).toMatchObject({
        number: decision.number,
        signerId: cast.users.chairman.id,
        signedOn: decision.signedOn,
        legalBasis: decision.legalBasis,
      });
      expect(awarded?.chainHeadAtSigning).toMatch(/^[0-9a-f]{64}$/);
      heads.add(awarded?.chainHeadAtSigning ?? '');
    }
    expect(heads.size).toBe(2);

    const session = (
      await get<{ decisionNumber: string | null; decision: { dossierIds: string[] } | null }>(
        `/council-sessions/${sessionId}`,
      )
    ).body;
    expect(session.decisionNumber).toBe(decision.number);
    expect([...(session.decision?.dossierIds ?? [])].sort()).toEqual([...passed].sort());
  }, 60_000);

  it('is one number in the register, right after the previous decision, nothing skipped; a second decision is refused', async () => {
    const standaloneNumber = (await get<Dossier>(`/dossiers/${standalone}`)).body.decisionNumber;
    const r = await register();
    expect(r.entries.map((e) => e.number)).toEqual(seq(r.lastNumber));
    const own = r.entries.find((e) => e.formatted === decision.number);
    const previous = r.entries.find((e) => e.formatted === standaloneNumber);
    expect(own?.number).toBe((previous?.number ?? 0) + 1);
    expect(own?.dossiers.map((d) => d.dossierId).sort()).toEqual([...passed].sort());
    expect(r.entries.filter((e) => e.dossiers.some((d) => passed.includes(d.dossierId)))).toHaveLength(1);
    const again = await post<{ message: string }>(`/council-sessions/${sessionId}/decision`, 'chairman', {});
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already issued/);
  });
});

describe('voiding a number', () => {
  it('voids an allocated number no decision carries: an event in the register, the number stays used, the next allocation follows it', async () => {
    // A number allocated for a decision that was then never issued (the signing was abandoned).
    const unused = await new DecisionNumbers(sys.db).allocate({
      authority: 'PROVINCIAL_CHAIRMAN',
      issuerCode: 'UBND',
      year: decision.year,
      dossierId: failed,
      requestId: randomUUID(),
    });
    expect(unused.authority).toBe(decision.authority);
    const number = Number(unused.number.split('/')[0]);
    const voided = await post<Register>('/decisions/void', 'chairman', {
      authority: decision.authority,
      year: decision.year,
      number,
      reason: 'Quyết định không ban hành',
    });
    expect(voided.status).toBe(200);
    const entry = voided.body.entries.find((e) => e.number === number);
    expect(entry).toMatchObject({
      formatted: unused.number,
      dossiers: [],
      voided: { reason: 'Quyết định không ban hành', voidedBy: cast.users.chairman.id },
    });

    const twice = await post<{ message: string }>('/decisions/void', 'admin', {
      authority: decision.authority,
      year: decision.year,
      number,
      reason: 'Lần nữa',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/already voided/);
    const never = await post<{ message: string }>('/decisions/void', 'chairman', {
      authority: decision.authority,
      year: decision.year,
      number: number + 50,
      reason: 'Chưa cấp',
    });
    expect(never.status).toBe(422);
    expect(never.body.message).toMatch(/never allocated/);

    const next = await driveDossier(sys, tokens);
    expect((await get<Dossier>(`/dossiers/${next}`)).body.decisionNumber).toBe(
      `${number + 1}/${unused.number.split('/')[1]}`,
    );
    const r = await register();
    expect(r.entries.map((e) => e.number)).toEqual(seq(r.lastNumber));
    expect(r.entries.find((e) => e.number === number)?.voided?.reason).toBe('Quyết định không ban hành');
    // The voiding is an event of the register's own stream in the event table, never a deletion.
    const events = (await sys.db.query(`SELECT type, actor_id FROM dossier_event WHERE stream_id = $1 ORDER BY seq`, [
      r.streamId,
    ])) as { type: string; actor_id: string }[];
    expect(events).toEqual([{ type: 'DecisionNumberVoided', actor_id: cast.users.chairman.id }]);
  }, 60_000);

  it("refuses to void the number of awarded dossiers (revocation is the path) and a decider's void outside the provincial series", async () => {
    const number = Number(decision.number.split('/')[0]);
    const res = await post<{ message: string; rule: string }>('/decisions/void', 'chairman', {
      authority: decision.authority,
      year: decision.year,
      number,
      reason: 'Nhầm',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ rule: 'register.void-unused' });
    expect(res.body.message).toMatch(/revoked/);
    expect((await get<Dossier>(`/dossiers/${passed[0]}`)).body.status).toBe('AWARDED');
    expect(
      (
        await post('/decisions/void', 'chairman', {
          authority: cast.unitCode,
          year: decision.year,
          number: 1,
          reason: 'Nhầm',
        })
      ).status,
    ).toBe(403);
  });

  it("refuses a chairman's void in another province's series", async () => {
    const other = `OTHER-${randomUUID().slice(0, 8)}`;
    await sys.directory.upsertUnit({ code: other, name: 'UBND tỉnh khác', level: 'PROVINCE', provinceCode: other });
    await sys.directory.upsertUser({
      id: `chair-${other}`,
      username: `chair.${other}`,
      fullName: 'Chủ tịch tỉnh khác',
      role: 'PROVINCIAL_DECIDER',
      unitCode: other,
    });
    tokens.otherChairman = await tokenFor(sys, `chair.${other}`);
    const res = await post('/decisions/void', 'otherChairman', {
      authority: decision.authority,
      year: decision.year,
      number: 1,
      reason: 'Nhầm',
    });
    expect(res.status).toBe(403);
  });

  it("keeps another province's chairman out of this province's session: not listed, not readable, no decision", async () => {
    const other = `OTHER-${randomUUID().slice(0, 8)}`;
    await sys.directory.upsertUnit({ code: other, name: 'UBND tỉnh khác', level: 'PROVINCE', provinceCode: other });
    await sys.directory.upsertUser({
      id: `chair-${other}`,
      username: `chair.${other}`,
      fullName: 'Chủ tịch tỉnh khác',
      role: 'PROVINCIAL_DECIDER',
      unitCode: other,
    });
    tokens.outsider = await tokenFor(sys, `chair.${other}`);
    const listed = await get<{ id: string }[]>('/council-sessions', 'outsider');
    expect(listed.status).toBe(200);
    expect(listed.body.map((s) => s.id)).not.toContain(sessionId);
    expect((await get<{ id: string }[]>('/council-sessions', 'chairman')).body.map((s) => s.id)).toContain(sessionId);
    expect((await get(`/council-sessions/${sessionId}`, 'outsider')).status).toBe(403);
    expect((await post(`/council-sessions/${sessionId}/decision`, 'outsider', {})).status).toBe(403);
  });
});
