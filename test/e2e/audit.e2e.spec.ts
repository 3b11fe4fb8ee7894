/** Auditors can trust the history: every event is chained, edits are caught online and offline. */
import { Client } from 'pg';
import { Anchors } from '@tdkt/persistence';
import { http, seedCast, startSystem, tokensFor, driveDossier, type TestSystem } from '../support/system';

// The offline verifier is plain JavaScript on purpose (infra/audit/README.md); the test uses it exactly as an auditor would.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { verify } = require('../../infra/audit/verify-record.js') as {
  verify: (record: unknown, head?: string) => { ok: boolean; seq?: number; reason?: string; head?: string };
};

let sys: TestSystem;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  sys = await startSystem();
  const cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
}, 120_000);
afterAll(async () => sys?.stop());

type Exported = {
  chain: { head: string; verifiedAtExport: boolean };
  decision: { number: string; signerId: string; chainHeadAtSigning: string };
  events: { seq: number; hash: string; type: string }[];
};

async function superuserEdit(sql: string, params: unknown[]): Promise<void> {
  const c = new Client({ connectionString: process.env.TDKT_TEST_SUPERUSER_URL ?? process.env.DATABASE_URL });
  await c.connect();
  await c.query('SET session_replication_role = replica');
  await c.query(sql, params);
  await c.end();
}

describe('the audit trail of an awarded dossier', () => {
  let id: string;
  beforeAll(async () => {
    id = await driveDossier(sys, tokens);
  }, 60_000);

  it('history lists every event with actor, role, time and rule-set version', async () => {
    const res = await http<
      { seq: number; actor: { userId: string; role: string }; occurredAt: string; ruleSetVersion: string | null }[]
    >(sys, 'GET', `/dossiers/${id}/history`, { token: tokens.auditor });
    expect(res.body.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const e of res.body) {
      expect(e.actor.userId).toBeTruthy();
      expect(e.actor.role).toBeTruthy();
      expect(Number.isNaN(Date.parse(e.occurredAt))).toBe(false);
    }
    expect(res.body.slice(1).every((e) => e.ruleSetVersion === 'LAW2022+ND152+TT15/2025')).toBe(true);
  });

  it('exports a record the offline verifier accepts, with the decision signed on the chain head before it', async () => {
    const res = await http<Exported>(sys, 'GET', `/dossiers/${id}/export`, { token: tokens.auditor });
    expect(res.status).toBe(200);
    expect(res.body.chain.verifiedAtExport).toBe(true);
    expect(res.body.decision.chainHeadAtSigning).toBe(res.body.events[9].hash);
    expect(verify(res.body, res.body.chain.head)).toEqual({ ok: true, events: 11, head: res.body.chain.head });
    // Dropping the newest event is caught against a head recorded elsewhere.
    const truncated = {
      ...res.body,
      events: res.body.events.slice(0, -1),
      chain: { ...res.body.chain, head: res.body.events[9].hash },
    };
    expect(verify(truncated, res.body.chain.head).ok).toBe(false);
  });

  it('a superuser edit in Postgres is named online and offline', async () => {
    const before = await http<Exported>(sys, 'GET', `/dossiers/${id}/export`, { token: tokens.auditor });
    await superuserEdit(`UPDATE dossier_event SET actor_id = 'someone-else' WHERE stream_id = $1 AND seq = 6`, [id]);
    const online = await http<{ ok: boolean; firstBreak: { seq: number; problem: string } }>(
      sys,
      'GET',
      `/dossiers/${id}/verify`,
      { token: tokens.auditor },
    );
    expect(online.body).toMatchObject({ ok: false, firstBreak: { seq: 6, problem: 'HASH_MISMATCH' } });
    const after = await http<Exported>(sys, 'GET', `/dossiers/${id}/export`, { token: tokens.auditor });
    expect(after.body.chain.verifiedAtExport).toBe(false);
    expect(verify(after.body)).toMatchObject({ ok: false, seq: 6 });
    expect(verify(before.body).ok).toBe(true);
  });
});

describe('anchors: deleting the newest events of a dossier is named online', () => {
  it('after an anchor, the dossier whose last event was deleted is behind it, in /verify and /audit/verify', async () => {
    const id = await driveDossier(sys, tokens, 3);
    const { anchor } = await new Anchors(sys.db).anchor();
    const published = await http<{ format: string; seq: number; hash: string; streams: number }>(
      sys,
      'GET',
      '/audit/anchor',
      { token: tokens.auditor },
    );
    expect(published.body).toMatchObject({ format: 'tdkt-anchor/1', seq: anchor?.seq, hash: anchor?.hash });
    expect(
      (await http<{ ok: boolean }>(sys, 'GET', `/dossiers/${id}/verify`, { token: tokens.auditor })).body,
    ).toMatchObject({ ok: true, anchor: { hash: anchor?.hash } });

    const [{ last }] = (await sys.db.query(`SELECT max(seq)::int AS last FROM dossier_event WHERE stream_id = $1`, [
      id,
    ])) as { last: number }[];
    await superuserEdit(`DELETE FROM dossier_event WHERE stream_id = $1 AND seq = $2`, [id, last]);
    const one = await http<{ ok: boolean; problems: { problem: string; seq: number }[] }>(
      sys,
      'GET',
      `/dossiers/${id}/verify`,
      { token: tokens.auditor },
    );
    expect(one.body).toMatchObject({ ok: false, problems: [{ problem: 'HEAD_BEHIND_ANCHOR', seq: last }] });
    const all = await http<{ ok: boolean; problems: { problem: string; streamId: string }[] }>(
      sys,
      'GET',
      '/audit/verify',
      { token: tokens.auditor },
    );
    expect(all.body.ok).toBe(false);
    expect(all.body.problems).toContainEqual(expect.objectContaining({ problem: 'HEAD_BEHIND_ANCHOR', streamId: id }));
  });
});

describe('the system under test connects as the runtime role', () => {
  it("the API's and the worker's database sessions are the runtime role's, which may not change an event", async () => {
    await driveDossier(sys, tokens, 1);
    const users = (await sys.db.query(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name IN ('tdkt-api', 'tdkt-worker')`,
    )) as { usename: string }[];
    expect(users.map((u) => u.usename)).toEqual([process.env.TDKT_DB_RUNTIME_ROLE ?? 'tdkt_app']);
    await expect(sys.db.query(`UPDATE dossier_event SET actor_id = 'x' WHERE false`)).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe('auditors read everything and change nothing', () => {
  it('an auditor cannot issue commands', async () => {
    const id = await driveDossier(sys, tokens, 2);
    for (const path of ['submit', 'unit-approval', 'appraisal-acceptance', 'votes', 'decision', 'withdrawal', 'return'])
      expect((await http(sys, 'POST', `/dossiers/${id}/${path}`, { token: tokens.auditor, body: {} })).status).toBe(
        403,
      );
    expect((await http(sys, 'POST', '/admin/read-models/rebuild', { token: tokens.auditor })).status).toBe(403);
  });

  it('whole-table verification is for auditors, the secretariat head and administrators only', async () => {
    expect((await http(sys, 'GET', '/audit/verify', { token: tokens.clerk })).status).toBe(403);
    const res = await http<{ dossiers: number; events: number }>(sys, 'GET', '/audit/verify', {
      token: tokens.auditor,
    });
    expect(res.status).toBe(200);
    expect(res.body.events).toBeGreaterThan(0);
  });
});
