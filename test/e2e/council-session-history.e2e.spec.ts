/**
 * GET /api/council-sessions/:id/history: the session's stream event by event, for the people who may see the session
 * (oversight roles, and the members who sit on it); a secret ballot shows who took part and the counted box, never who
 * chose what.
 */
import { randomUUID } from 'node:crypto';
import {
  aCstdTinhDossier,
  driveDossier,
  http,
  seedCast,
  startSystem,
  tokenFor,
  tokensFor,
  type Cast,
  type TestSystem,
} from '../support/system';

type HistoryEvent = {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  actor: { userId: string; role: string };
  occurredAt: string;
  hash: string;
};
type Session = { id: string; agenda: { dossierId: string; ballot: string }[] };

let sys: TestSystem;
let cast: Cast;
const tokens: Record<string, string> = {};
const year = new Date().getUTCFullYear() - 1;

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
  // A council member of another province's council: not seated on this cast's sessions.
  const outsider = `outsider-${randomUUID().slice(0, 8)}`;
  await sys.directory.upsertUser({
    id: outsider,
    username: outsider,
    fullName: 'Thành viên tỉnh khác',
    role: 'COUNCIL_MEMBER',
    unitCode: null,
  });
  tokens.outsider = await tokenFor(sys, outsider);
}, 120_000);
afterAll(async () => sys?.stop());

const post = <T = Session>(path: string, who: string, body: unknown) =>
  http<T>(sys, 'POST', path, { token: tokens[who], body });
const historyOf = (sessionId: string, who: string) =>
  http<HistoryEvent[]>(sys, 'GET', `/council-sessions/${sessionId}/history`, { token: tokens[who] });
const present = async (sessionId: string, ...who: (keyof Cast['users'])[]) => {
  for (const w of who)
    expect(
      (
        await post(`/council-sessions/${sessionId}/attendance`, 'secretariat', {
          memberId: cast.users[w].id,
          attendance: 'PRESENT',
        })
      ).status,
    ).toBe(200);
};

describe('an open-ballot session', () => {
  let sessionId: string;
  beforeAll(async () => {
    const dossierId = await driveDossier(sys, tokens, 2);
    const s = await post('/council-sessions', 'secretariat', {
      title: 'Phiên họp',
      deadline: `${year + 2}-12-31`,
      dossierIds: [dossierId],
    });
    expect(s.status).toBe(201);
    sessionId = s.body.id;
    await present(sessionId, 'member1', 'member2');
    expect((await post(`/council-sessions/${sessionId}/votes`, 'member1', { dossierId, approve: true })).status).toBe(
      200,
    );
  }, 60_000);

  it('gives the secretariat, the auditor and a seated member the events in order, each with its actor and chain hash', async () => {
    for (const who of ['secretariat', 'auditor', 'member2']) {
      const res = await historyOf(sessionId, who);
      expect(res.status).toBe(200);
      expect(res.body.map((e) => e.seq)).toEqual([...res.body.map((e) => e.seq)].sort((x, y) => x - y));
      expect(new Set(res.body.map((e) => e.seq)).size).toBe(res.body.length);
      expect(res.body.map((e) => e.type)).toEqual([
        'SessionConvened',
        'SessionAttendanceRecorded',
        'SessionAttendanceRecorded',
        'SessionOpenVoteCast',
      ]);
      expect(res.body[0].actor).toEqual({ userId: cast.users.secretariat.id, role: 'SECRETARIAT_OFFICER' });
      expect(res.body.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    }
  });

  it('refuses a member not seated on it (403), a unit clerk (403) and an unknown session (404)', async () => {
    expect((await historyOf(sessionId, 'outsider')).status).toBe(403);
    expect((await historyOf(sessionId, 'clerk')).status).toBe(403);
    expect((await historyOf(randomUUID(), 'secretariat')).status).toBe(404);
  });
});

describe('a secret ballot', () => {
  it('shows who took part and the counted box, never a member next to a choice', async () => {
    const created = await post<{ id: string }>('/dossiers', 'clerk', aCstdTinhDossier(year));
    expect(created.status).toBe(201);
    const dossierId = created.body.id;
    for (const [who, path] of [
      ['clerk', 'submit'],
      ['head', 'unit-approval'],
    ] as const)
      expect((await post(`/dossiers/${dossierId}/${path}`, who, {})).status).toBe(200);
    const s = await post('/council-sessions', 'secretariat', {
      title: 'Phiên bỏ phiếu kín',
      deadline: `${year + 2}-12-31`,
      dossierIds: [dossierId],
    });
    expect(s.body.agenda[0].ballot).toBe('SECRET');
    await present(s.body.id, 'member1', 'member2', 'member3');
    const choices: Record<string, boolean> = { member1: true, member2: false, member3: true };
    for (const [who, approve] of Object.entries(choices))
      expect((await post(`/council-sessions/${s.body.id}/votes`, who, { dossierId, approve })).status).toBe(200);
    expect((await post(`/council-sessions/${s.body.id}/close`, 'secretariat', {})).status).toBe(200);

    const history = (await historyOf(s.body.id, 'auditor')).body;
    const tookPart = history.filter((e) => e.type === 'SessionSecretBallotTakenPart');
    expect(tookPart.map((e) => e.data.memberId).sort()).toEqual(
      [cast.users.member1.id, cast.users.member2.id, cast.users.member3.id].sort(),
    );
    expect(tookPart.every((e) => !('approve' in e.data))).toBe(true);
    expect(history.some((e) => e.type === 'SessionOpenVoteCast')).toBe(false);
    expect(history.find((e) => e.type === 'SessionBallotsCounted')?.data).toMatchObject({ dossierId });
    // No event that carries a choice names a member.
    const memberIds = Object.keys(choices).map((w) => cast.users[w as keyof Cast['users']].id);
    const withChoice = history.filter((e) => JSON.stringify(e.data).includes('"approve"'));
    expect(withChoice.filter((e) => memberIds.some((id) => JSON.stringify(e.data).includes(id)))).toEqual([]);
  }, 60_000);
});
