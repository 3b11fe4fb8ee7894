/** The event store against real Postgres (the run's embedded server): atomic, idempotent, append-only, chained. */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@tdkt/domain';
import { ChainVerifier } from '../audit/verifier';
import { createDataSource } from '../data-source';
import { DossierQueries } from '../read-models/dossier-queries';
import { AllocationKeyConflictError, DecisionNumbers } from '../decisions/decision-numbers';
import { ConcurrentAppendError, EventStore } from './event-store';
import { eventStoreWithReadModels } from '../read-models/projections';

let ds: DataSource;
let store: EventStore;
beforeAll(async () => {
  ds = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
  store = eventStoreWithReadModels(ds);
});
afterAll(async () => ds?.destroy());

/** A fresh dossier's first events, as the workflow would build them. */
function aStream(dossierId: string = randomUUID(), requestId: string = randomUUID()): EventEnvelope[] {
  const base = {
    streamId: dossierId,
    actorId: 'clerk-1',
    actorRole: 'UNIT_CLERK',
    occurredAt: '2025-07-02T03:00:00.000Z',
    requestId,
  };
  return [
    {
      ...base,
      seq: 1,
      type: 'DossierCreated',
      ruleSetVersion: null,
      data: {
        awardCode: 'BK_TINH',
        unitCode: 'SGDDT',
        title: 'Bằng khen',
        nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
        achievements: 'Xuất sắc',
      },
    },
    {
      ...base,
      seq: 2,
      type: 'DossierSubmitted',
      ruleSetVersion: 'LAW2022+ND152+TT15/2025',
      data: { ruleSetVersion: 'LAW2022+ND152+TT15/2025' },
    },
  ];
}

/** A superuser session that bypasses the append-only trigger, as an attacker with database access would. */
async function asSuperuser(sql: string, params: unknown[]): Promise<void> {
  const c = new Client({ connectionString: process.env.TDKT_TEST_SUPERUSER_URL ?? process.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query(`SET session_replication_role = replica`);
    await c.query(sql, params);
  } finally {
    await c.end();
  }
}

describe('appending', () => {
  it('stores the events and updates the read model in the same transaction', async () => {
    const events = aStream();
    const result = await store.append(events);
    expect(result).toMatchObject({ appended: 2, duplicate: false });
    const view = await new DossierQueries(ds).findById(events[0].streamId);
    expect(view).toMatchObject({ status: 'UNIT_REVIEW', ruleSetVersion: 'LAW2022+ND152+TT15/2025', version: 2 });
  });

  it('a retried append of the same request inserts and projects nothing', async () => {
    const events = aStream();
    const first = await store.append(events);
    const again = await store.append(events);
    expect(again).toEqual({ appended: 0, duplicate: true, headHash: first.headHash });
    expect(await store.count(events[0].streamId)).toBe(2);
    expect((await new DossierQueries(ds).findById(events[0].streamId))?.version).toBe(2);
  });

  it('another request writing the same seq is refused', async () => {
    const events = aStream();
    await store.append(events.slice(0, 1));
    await expect(store.append(aStream(events[0].streamId).slice(0, 1))).rejects.toBeInstanceOf(ConcurrentAppendError);
  });

  it('a gap in seq is refused and nothing is written', async () => {
    const events = aStream();
    await expect(store.append(events.slice(1))).rejects.toThrow(/gap/);
    expect(await store.count(events[0].streamId)).toBe(0);
  });

  it('a failing projection rolls the events back with it', async () => {
    const [created] = aStream();
    const broken = { ...created, data: { ...created.data, nominee: null } } as unknown as EventEnvelope;
    await expect(store.append([broken])).rejects.toThrow();
    expect(await store.count(created.streamId)).toBe(0);
  });
});

/** The schema's owner (the app's runtime role may not even try: see database-roles.spec.ts); the trigger stops it too. */
async function asOwner(sql: string, params: unknown[] = []): Promise<unknown> {
  const c = new Client({ connectionString: process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

describe('streams of every kind', () => {
  it("stores each event's stream kind, and readAll reads only the kinds asked for", async () => {
    const events = aStream();
    await store.append(events);
    const rows = (await ds.query(`SELECT stream_kind FROM dossier_event WHERE stream_id = $1 ORDER BY seq`, [
      events[0].streamId,
    ])) as { stream_kind: string }[];
    expect(rows.map((r) => r.stream_kind)).toEqual(['DOSSIER', 'DOSSIER']);
    const sessions: string[] = [];
    for await (const page of store.readAll(5000, undefined, { kinds: ['SESSION'] }))
      for (const e of page) if (e.streamId === events[0].streamId) sessions.push(e.type);
    expect(sessions).toEqual([]);
    const dossiers: string[] = [];
    for await (const page of store.readAll(5000, undefined, { kinds: ['DOSSIER'] }))
      for (const e of page) if (e.streamId === events[0].streamId) dossiers.push(e.type);
    expect(dossiers).toEqual(['DossierCreated', 'DossierSubmitted']);
  });

  it('appends an envelope recorded under the old field name (an activity scheduled before the rename) unchanged', async () => {
    const today = aStream();
    const id = randomUUID();
    const recorded = aStream(id, today[0].requestId).map(({ streamId, ...rest }) => ({ ...rest, dossierId: streamId }));
    const { headHash } = await store.append(recorded);
    const stored = await store.readStream(id);
    expect(stored.map((e) => [e.streamId, e.seq])).toEqual([
      [id, 1],
      [id, 2],
    ]);
    expect(stored[1].hash).toBe(headHash);
    // The same events in today's shape chain to the same head: the canonical form never depended on the name.
    const again = await store.append(aStream(id, today[0].requestId));
    expect(again).toEqual({ appended: 0, duplicate: true, headHash });
  });
});

describe('the event table is append-only, for its owner too', () => {
  it.each([
    ['UPDATE', `UPDATE dossier_event SET actor_id = 'mallory' WHERE stream_id = $1`],
    ['DELETE', `DELETE FROM dossier_event WHERE stream_id = $1`],
  ])('%s is refused by the database', async (_op, sql) => {
    const events = aStream();
    await store.append(events);
    await expect(asOwner(sql, [events[0].streamId])).rejects.toThrow(/append-only/);
    expect(await store.count(events[0].streamId)).toBe(2);
  });

  it('TRUNCATE is refused by the database', async () => {
    await expect(asOwner(`TRUNCATE dossier_event`)).rejects.toThrow(/append-only/);
  });
});

describe('the hash chain', () => {
  it('verifies an untouched dossier and reports its head', async () => {
    const events = aStream();
    const { headHash } = await store.append(events);
    expect(await new ChainVerifier(store).verifyDossier(events[0].streamId)).toEqual({
      ok: true,
      dossiers: 1,
      events: 2,
      head: headHash,
    });
  });

  it('names the edited event when a superuser changes a row directly in Postgres', async () => {
    const events = aStream();
    await store.append(events);
    await asSuperuser(
      `UPDATE dossier_event SET data = jsonb_set(data, '{ruleSetVersion}', '"LAW2022+ND98+TT01/2024"') WHERE stream_id = $1 AND seq = 2`,
      [events[0].streamId],
    );
    const report = await new ChainVerifier(store).verifyDossier(events[0].streamId);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ dossierId: events[0].streamId, seq: 2, problem: 'HASH_MISMATCH' });
    const all = await new ChainVerifier(store).verifyAll();
    expect(all.ok).toBe(false);
    // Tampered rows from this test stay in the shared table, so the whole-table check must find one of them.
    expect(all.firstBreak?.problem).toBe('HASH_MISMATCH');
  });

  it('detects a deleted event in the middle of a chain', async () => {
    const events = aStream();
    const third = { ...events[1], seq: 3, type: 'UnitApproved' as const, data: {} };
    await store.append([...events, third]);
    await asSuperuser(`DELETE FROM dossier_event WHERE stream_id = $1 AND seq = 2`, [events[0].streamId]);
    expect((await new ChainVerifier(store).verifyDossier(events[0].streamId)).firstBreak).toMatchObject({
      seq: 3,
      problem: 'SEQ_GAP',
    });
  });
});

describe('the chain under concurrency and retries (continued by the database from the stored head)', () => {
  /** The next event of a stream, from a writer who believes its head is `seq`. */
  const next = (streamId: string, seq: number, requestId: string): EventEnvelope => ({
    streamId,
    seq: seq + 1,
    type: 'DossierContentUpdated',
    ruleSetVersion: null,
    actorId: 'clerk-1',
    actorRole: 'UNIT_CLERK',
    occurredAt: '2025-07-03T03:00:00.000Z',
    requestId,
    data: { title: `Bằng khen — bản ${seq + 1} 🏅 "Ngô Văn Ổn" \\ ${requestId.slice(0, 4)}` },
  });

  it('hashes as chainHash does: a batch of events with Vietnamese, emoji and escapes verifies from the genesis', async () => {
    const [created, submitted] = aStream();
    const updates = [2, 3, 4].map((seq) => next(created.streamId, seq, created.requestId));
    const { headHash } = await store.append([created, { ...submitted, requestId: created.requestId }, ...updates]);
    expect(await new ChainVerifier(store).verifyDossier(created.streamId)).toEqual({
      ok: true,
      dossiers: 1,
      events: 5,
      head: headHash,
    });
    const stored = await store.readStream(created.streamId);
    expect(stored.map((e) => e.prevHash)).toEqual(['0'.repeat(64), ...stored.slice(0, -1).map((e) => e.hash)]);
  });

  it('writers racing for the same seq: one wins each seq, the others are refused, the chain stays gapless and unforked', async () => {
    const [created] = aStream();
    await store.append([created]);
    const writers = Array.from({ length: 6 }, () => randomUUID());
    const won = new Map<string, number>();
    // Each writer appends 3 events, each time at the head it last saw, racing the others and retrying when refused.
    await Promise.all(
      writers.map(async (writer) => {
        for (let mine = 0; mine < 3;) {
          const head = await store.count(created.streamId);
          const requestId = `${writer}:${mine}`;
          try {
            const result = await store.append([next(created.streamId, head, requestId)]);
            expect(result).toMatchObject({ appended: 1, duplicate: false });
            won.set(requestId, head + 1);
            mine++;
          } catch (e) {
            if (!(e instanceof ConcurrentAppendError)) throw e;
          }
        }
      }),
    );
    const stored = await store.readStream(created.streamId);
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(new Set(stored.map((e) => e.requestId)).size).toBe(19);
    for (const [requestId, seq] of won) expect(stored[seq - 1].requestId).toBe(requestId);
    expect((await new ChainVerifier(store).verifyDossier(created.streamId)).ok).toBe(true);
    // The read model followed every winner, once.
    expect(await new DossierQueries(ds).findById(created.streamId)).toMatchObject({ version: 19 });
  });

  it('a batch whose first seq another request took stores none of its events, not even the free ones', async () => {
    const [created] = aStream();
    await store.append([created, next(created.streamId, 1, created.requestId)]);
    const late = randomUUID();
    await expect(
      store.append([next(created.streamId, 1, late), next(created.streamId, 2, late), next(created.streamId, 3, late)]),
    ).rejects.toBeInstanceOf(ConcurrentAppendError);
    expect(await store.count(created.streamId)).toBe(2);
    expect((await new ChainVerifier(store).verifyDossier(created.streamId)).ok).toBe(true);
  });

  it('an append racing a retry of itself: both return the same head, the events are stored and projected once', async () => {
    const events = aStream();
    const results = await Promise.all([store.append(events), store.append(events), store.append(events)]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.headHash)).size).toBe(1);
    expect(await store.count(events[0].streamId)).toBe(2);
    expect(await new DossierQueries(ds).findById(events[0].streamId)).toMatchObject({ version: 2 });
  });
});

describe('decision numbers', () => {
  it('are gapless per authority and year under concurrent allocation, and a retry gets its number back', async () => {
    const numbers = new DecisionNumbers(ds);
    const authority = `TEST-${randomUUID()}`;
    const requests = Array.from({ length: 12 }, () => ({ requestId: randomUUID(), dossierId: randomUUID() }));
    const got = await Promise.all(
      requests.map((r) => numbers.allocate({ authority, issuerCode: 'UBND', year: 2025, ...r })),
    );
    expect(got.map((g) => Number(g.number.split('/')[0])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const retried = await numbers.allocate({ authority, issuerCode: 'UBND', year: 2025, ...requests[3] });
    expect(retried.number).toBe(got[3].number);
    // The same key for another dossier never hands it the number printed on the first one's decision.
    await expect(
      numbers.allocate({
        authority,
        issuerCode: 'UBND',
        year: 2025,
        dossierId: randomUUID(),
        requestId: requests[3].requestId,
      }),
    ).rejects.toThrow(AllocationKeyConflictError);
    // A council session's decision is the one shared key: each of its dossiers takes the same number.
    const sessionKey = `session:${randomUUID()}:decision`;
    const first = await numbers.allocate({
      authority,
      issuerCode: 'UBND',
      year: 2025,
      dossierId: randomUUID(),
      requestId: sessionKey,
    });
    expect(
      (
        await numbers.allocate({
          authority,
          issuerCode: 'UBND',
          year: 2025,
          dossierId: randomUUID(),
          requestId: sessionKey,
        })
      ).number,
    ).toBe(first.number);
    const nextYear = await numbers.allocate({
      authority,
      issuerCode: 'UBND',
      year: 2026,
      dossierId: randomUUID(),
      requestId: randomUUID(),
    });
    expect(nextYear.number).toBe('1/QĐ-UBND');
  });
});
