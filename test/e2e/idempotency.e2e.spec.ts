/**
 * Idempotency-Key on the real system: a key is scoped to (caller, operation, target) and remembered with a hash of
 * the body. A retry answers the original result (the final decision's retry gets its number again, never a 409); the
 * same key on another dossier or with another body is refused (422) and nothing is appended; and across the whole
 * event table no decision number is carried by two decisions.
 */
import { randomUUID } from 'node:crypto';
import {
  aBkTinhDossier,
  driveDossier,
  http,
  PROVINCIAL_STEPS,
  seedCast,
  startSystem,
  tokensFor,
  type Cast,
  type TestSystem,
} from '../support/system';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
type Dossier = { id: string; status: string; decisionNumber: string | null; title: string };

const post = <T = Dossier>(path: string, who: string, body: unknown, key?: string) =>
  http<T>(sys, 'POST', path, { token: tokens[who], body, headers: key ? { 'idempotency-key': key } : {} });
const eventCount = async (id: string) =>
  Number(
    ((await sys.db.query(`SELECT count(*) AS n FROM dossier_event WHERE stream_id = $1`, [id])) as { n: string }[])[0]
      .n,
  );

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  tokens = await tokensFor(sys, cast);
}, 120_000);
afterAll(async () => sys?.stop());

describe('the final decision', () => {
  it('one key on two dossiers: the second is refused (422) and keeps waiting; the numbers stay distinct', async () => {
    const decideSteps = PROVINCIAL_STEPS.length - 1;
    const [a, b] = [await driveDossier(sys, tokens, decideSteps), await driveDossier(sys, tokens, decideSteps)];
    const key = `decide-${randomUUID()}`;
    const first = await post(`/dossiers/${a}/decision`, 'chairman', { approve: true }, key);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'AWARDED', decisionNumber: expect.stringMatching(/^\d+\/QĐ-/) });

    const before = await eventCount(b);
    const reused = await post<{ message: string; rule: string }>(
      `/dossiers/${b}/decision`,
      'chairman',
      { approve: true },
      key,
    );
    expect(reused.status).toBe(422);
    expect(reused.body.rule).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.message).toContain(`/dossiers/${a}/decision`);
    expect(await eventCount(b)).toBe(before);
    expect((await http<Dossier>(sys, 'GET', `/dossiers/${b}`, { token: tokens.auditor })).body.status).toBe(
      'AWAITING_DECISION',
    );

    // The retry of the accepted decision answers the original result: 200 with the same number, although AWARDED is final.
    const retried = await post(`/dossiers/${a}/decision`, 'chairman', { approve: true }, key);
    expect(retried.status).toBe(200);
    expect(retried.body.decisionNumber).toBe(first.body.decisionNumber);

    const second = await post(`/dossiers/${b}/decision`, 'chairman', { approve: true }, `decide-${randomUUID()}`);
    expect(second.status).toBe(200);
    expect(second.body.decisionNumber).not.toBe(first.body.decisionNumber);
  });

  it('a retry whose answer was lost (the stored answer gone) still answers the dossier as decided, not 409', async () => {
    const id = await driveDossier(sys, tokens, PROVINCIAL_STEPS.length - 1);
    const key = `lost-${randomUUID()}`;
    const first = await post(`/dossiers/${id}/decision`, 'chairman', { approve: true }, key);
    expect(first.status).toBe(200);
    await sys.db.query(`DELETE FROM idempotency_key WHERE key = $1`, [key]);
    const retried = await post(`/dossiers/${id}/decision`, 'chairman', { approve: true }, key);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'AWARDED', decisionNumber: first.body.decisionNumber });
  });
});

describe('creating a dossier', () => {
  it('a retry with the same key and body returns the same dossier; another body with that key is refused, not silently the first', async () => {
    const key = `create-${randomUUID()}`;
    const first = await post('/dossiers', 'clerk', aBkTinhDossier(), key);
    expect(first.status).toBe(201);
    const again = await post('/dossiers', 'clerk', aBkTinhDossier(), key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const other = await post<{ rule: string }>(
      '/dossiers',
      'clerk',
      aBkTinhDossier({ title: 'Một hồ sơ khác hẳn' }),
      key,
    );
    expect(other.status).toBe(422);
    expect(other.body.rule).toBe('IDEMPOTENCY_KEY_REUSED');
    // Keys are the caller's own: another user's identical key is a different key.
    const otherCaller = await post('/dossiers', 'otherClerk', aBkTinhDossier(), key);
    expect(otherCaller.status).toBe(201);
    expect(otherCaller.body.id).not.toBe(first.body.id);
  });

  it('a key whose first use was refused (400) is free for the corrected request', async () => {
    const key = `fix-${randomUUID()}`;
    expect((await post('/dossiers', 'clerk', { ...aBkTinhDossier(), awardCode: 'NO_SUCH_AWARD' }, key)).status).toBe(
      400,
    );
    expect((await post('/dossiers', 'clerk', aBkTinhDossier(), key)).status).toBe(201);
  });
});

it('across the event table, a decision number is printed on one decision only (a session decision: one number for its dossiers)', async () => {
  // Every way a number is allocated ends in an event carrying it: a provincial or unit decision, a session decision,
  // a tờ trình, a central decision. Group the carriers by number; several dossiers may share one only through one
  // session decision, recorded as a SessionDecisionIssued that lists them.
  await driveDossier(sys, tokens);
  const rows = (await sys.db.query(`
    SELECT coalesce(data->'decision'->>'authority', data->'proposal'->>'authority') AS authority,
           coalesce(data->'decision'->>'year', data->'proposal'->>'year') AS year,
           coalesce(data->'decision'->>'number', data->'proposal'->>'number') AS number,
           stream_id::text AS dossier
      FROM dossier_event
     WHERE coalesce(data->'decision'->>'number', data->'proposal'->>'number') IS NOT NULL
       AND type NOT LIKE 'Session%'`)) as { authority: string; year: string; number: string; dossier: string }[];
  expect(rows.length).toBeGreaterThan(0);
  const sessions = (await sys.db.query(`SELECT data FROM dossier_event WHERE type = 'SessionDecisionIssued'`)) as {
    data: { number: string; authority: string; year: number; dossierIds: string[] };
  }[];
  const carriers = new Map<string, Set<string>>();
  for (const r of rows)
    carriers.set(
      `${r.authority}|${r.year}|${r.number}`,
      (carriers.get(`${r.authority}|${r.year}|${r.number}`) ?? new Set()).add(r.dossier),
    );
  for (const [number, dossiers] of carriers) {
    if (dossiers.size === 1) continue;
    const [authority, year, formatted] = number.split('|');
    const shared = sessions.find(
      (s) => s.data.number === formatted && s.data.authority === authority && String(s.data.year) === year,
    );
    expect({ number, dossiers: [...dossiers].sort(), session: shared ? 'one session decision' : 'none' }).toEqual({
      number,
      dossiers: [...dossiers].sort(),
      session: 'one session decision',
    });
    for (const d of dossiers) expect(shared?.data.dossierIds).toContain(d);
  }
});
