/**
 * One dossier end to end, through HTTP only, on the real API, worker, Temporal dev server and Postgres:
 * a provincial Certificate of Merit (Bằng khen của Chủ tịch UBND tỉnh) from creation to AWARDED.
 */
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { aBkTinhDossier, http, seedCast, startSystem, tokensFor, type Cast, type TestSystem } from '../support/system';

type View = {
  id: string;
  status: string;
  decisionNumber: string | null;
  version: number;
  votesCast: number;
  ruleSetVersion: string | null;
  deadline: string | null;
  deadlineKind: string | null;
};

let sys: TestSystem;
let cast: Cast;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
}, 120_000);
afterAll(async () => sys?.stop());

const aDossier = aBkTinhDossier;

async function eventCount(dossierId: string): Promise<number> {
  const [row] = (await sys.db.query(`SELECT count(*)::int AS n FROM dossier_event WHERE stream_id = $1`, [
    dossierId,
  ])) as { n: number }[];
  return row.n;
}

/** After every step the read model already shows the step: the API answers only once the projection committed. */
async function step(who: string, path: string, body: unknown, expectStatus: string): Promise<View> {
  const res = await http<View>(sys, 'POST', path, { token: tokens[who], body });
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 200, body: { status: expectStatus } });
  const read = await http<View>(sys, 'GET', path.replace(/\/[a-z-]+$/, ''), { token: tokens.secretariat });
  expect(read.body.status).toBe(expectStatus);
  expect(read.body.version).toBe(res.body.version);
  return res.body;
}

describe('a provincial Certificate of Merit goes from the unit clerk to AWARDED', () => {
  it('walks every step over HTTP, each visible in GET /dossiers/:id when the call returns', async () => {
    const created = await http<View>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aDossier() });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('DRAFT');
    const id = created.body.id;
    const base = `/dossiers/${id}`;

    const submitted = await step('clerk', `${base}/submit`, {}, 'UNIT_REVIEW');
    expect(submitted.ruleSetVersion).toBe('LAW2022+ND152+TT15/2025');
    await step('head', `${base}/unit-approval`, { note: 'Đồng ý đề nghị' }, 'APPRAISAL');
    await step('secretariat', `${base}/appraisal-acceptance`, { note: 'Hồ sơ đầy đủ' }, 'COUNCIL_VOTING');
    await step('member1', `${base}/votes`, { approve: true }, 'COUNCIL_VOTING');
    await step('member2', `${base}/votes`, { approve: true }, 'COUNCIL_VOTING');
    const awaiting = await step('member3', `${base}/votes`, { approve: false }, 'AWAITING_DECISION');
    // The chairman's clock: the rule set's 10 decision working days from the council's result, in his task inbox.
    expect(awaiting).toMatchObject({ deadlineKind: 'DECISION' });
    const tasks = await http<{ tasks: { dossierId: string; kind: string; due: string | null }[] }>(
      sys,
      'GET',
      '/me/tasks',
      { token: tokens.chairman },
    );
    expect(tasks.body.tasks.find((t) => t.dossierId === id)).toMatchObject({ kind: 'DECIDE', due: awaiting.deadline });
    const awarded = await step('chairman', `${base}/decision`, { approve: true }, 'AWARDED');
    expect(awarded.decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);

    const history = await http<{ type: string; actor: { role: string }; ruleSetVersion: string | null }[]>(
      sys,
      'GET',
      `${base}/history`,
      { token: tokens.auditor },
    );
    expect(history.status).toBe(200);
    expect(history.body.map((e) => e.type)).toEqual([
      'DossierCreated',
      'DossierSubmitted',
      'UnitApproved',
      'AppraisalClockStarted',
      'AppraisalAccepted',
      'CouncilVotingOpened',
      'VoteCast',
      'VoteCast',
      'VoteCast',
      'CouncilVotingClosed',
      'DossierAwarded',
    ]);
    expect(history.body[history.body.length - 1].actor.role).toBe('PROVINCIAL_DECIDER');
    // The citizen id never reaches the event table in clear.
    const raw = (await sys.db.query(`SELECT data::text AS d FROM dossier_event WHERE stream_id = $1`, [id])) as {
      d: string;
    }[];
    expect(raw.map((r) => r.d).join('')).not.toContain('001190000123');
  });

  it('gives consecutive decision numbers to consecutive awards of the same authority and year', async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 2; i++) {
      const id = (await http<View>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aDossier() })).body.id;
      const base = `/dossiers/${id}`;
      for (const [who, path, body] of [
        ['clerk', 'submit', {}],
        ['head', 'unit-approval', {}],
        ['secretariat', 'appraisal-acceptance', {}],
        ['member1', 'votes', { approve: true }],
        ['member2', 'votes', { approve: true }],
        ['member3', 'votes', { approve: true }],
      ] as const)
        expect((await http(sys, 'POST', `${base}/${path}`, { token: tokens[who], body })).status).toBe(200);
      const decided = await http<View>(sys, 'POST', `${base}/decision`, {
        token: tokens.chairman,
        body: { approve: true },
      });
      numbers.push(Number(decided.body.decisionNumber?.split('/')[0]));
    }
    expect(numbers[1]).toBe(numbers[0] + 1);
  });

  it('applies a retried create with the same Idempotency-Key once', async () => {
    const headers = { 'Idempotency-Key': `create-${randomUUID()}` };
    const a = await http<View>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aDossier(), headers });
    const b = await http<View>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aDossier(), headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(await eventCount(a.body.id)).toBe(1);
  });
});

describe('bad input changes nothing', () => {
  let id: string;
  beforeAll(async () => {
    id = (await http<View>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aDossier() })).body.id;
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const res = await http(sys, 'POST', '/dossiers', { token: tokens.clerk, rawBody: '{"awardCode": "BK_TINH",' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'Malformed JSON body' });
  });

  it('answers unknown and wrongly typed fields with a message per field', async () => {
    const createdBy = async () =>
      (
        (await sys.db.query(`SELECT count(*)::int AS n FROM dossier_view WHERE created_by = $1`, [
          cast.users.clerk.id,
        ])) as { n: number }[]
      )[0].n;
    const before = await createdBy();
    const res = await http<{ fields: Record<string, string[]> }>(sys, 'POST', '/dossiers', {
      token: tokens.clerk,
      body: {
        ...aDossier(),
        awardCode: 'NO_SUCH_AWARD',
        nominee: { kind: 'ROBOT', fullName: 7, citizenId: '12' },
        color: 'red',
      },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      'awardCode',
      'color',
      'nominee.citizenId',
      'nominee.fullName',
      'nominee.kind',
    ]);
    const vote = await http<{ fields: Record<string, string[]> }>(sys, 'POST', `/dossiers/${id}/votes`, {
      token: tokens.member1,
      body: { approve: 'yes' },
    });
    expect(vote.status).toBe(400);
    expect(Object.keys(vote.body.fields)).toEqual(['approve']);
    expect(await createdBy()).toBe(before);
    expect(await eventCount(id)).toBe(1);
  });

  it('answers an unknown dossier with 404 and a malformed id with 400', async () => {
    expect((await http(sys, 'GET', `/dossiers/${randomUUID()}`, { token: tokens.secretariat })).status).toBe(404);
    expect(
      (await http(sys, 'POST', `/dossiers/${randomUUID()}/submit`, { token: tokens.clerk, body: {} })).status,
    ).toBe(404);
    expect((await http(sys, 'GET', '/dossiers/not-a-uuid', { token: tokens.secretariat })).status).toBe(400);
  });

  it('answers a step in the wrong state with 409 and appends nothing', async () => {
    const res = await http<{ rule: string }>(sys, 'POST', `/dossiers/${id}/decision`, {
      token: tokens.chairman,
      body: { approve: true },
    });
    expect(res.status).toBe(409);
    expect(res.body.rule).toBe('dossier.DecideDossier.state');
    expect(await eventCount(id)).toBe(1);
    const approve = await http(sys, 'POST', `/dossiers/${id}/unit-approval`, { token: tokens.head, body: {} });
    expect(approve.status).toBe(409);
    expect(await eventCount(id)).toBe(1);
  });

  it('answers the wrong role with 403 and appends nothing', async () => {
    expect((await http(sys, 'POST', `/dossiers/${id}/submit`, { token: tokens.head, body: {} })).status).toBe(403);
    expect(
      (await http(sys, 'POST', `/dossiers/${id}/votes`, { token: tokens.clerk, body: { approve: true } })).status,
    ).toBe(403);
    expect((await http(sys, 'POST', '/dossiers', { token: tokens.secretariat, body: aDossier() })).status).toBe(403);
    expect(await eventCount(id)).toBe(1);
  });

  it("keeps another unit's clerk out of the dossier, and logs the denial with the actor", async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    expect((await http(sys, 'GET', `/dossiers/${id}`, { token: tokens.otherClerk })).status).toBe(403);
    expect(
      warn.mock.calls.map((c) => String(c[0])).some((m) => m.includes(cast.users.otherClerk.id) && m.includes(id)),
    ).toBe(true);
    warn.mockRestore();
    expect((await http(sys, 'POST', `/dossiers/${id}/submit`, { token: tokens.otherClerk, body: {} })).status).toBe(
      403,
    );
    const list = await http<{ items: { id: string }[] }>(sys, 'GET', '/dossiers', { token: tokens.otherClerk });
    expect(list.body.items.map((d) => d.id)).not.toContain(id);
    expect(await eventCount(id)).toBe(1);
  });

  it('refuses requests without a valid token with 401', async () => {
    expect((await http(sys, 'GET', `/dossiers/${id}`)).status).toBe(401);
    expect((await http(sys, 'GET', `/dossiers/${id}`, { token: `${tokens.clerk}x` })).status).toBe(401);
  });
});
