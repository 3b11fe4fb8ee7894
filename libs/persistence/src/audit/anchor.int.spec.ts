/**
 * Tamper evidence to the last row, on real Postgres (a scratch database each, so the anchors cover only these
 * streams): anchors hold every stream's head, so deleting the newest event, deleting a whole stream, or rewriting a
 * stream with every later hash recomputed is reported; an anchor kept outside the database catches a rewrite of
 * everything, anchors included; a decision's chain head at signing is held to its stream.
 */
import { Client } from 'pg';
import type { EventEnvelope } from '@tdkt/domain';
import { batchesOf, simulateDossier } from '../../../../test/support/simulate';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { EventStore } from '../event-store/event-store';
import { Anchors, publish } from './anchor';
import { chainHash, GENESIS_HASH } from './chain';
import { ChainVerifier } from './verifier';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeEach(async () => {
  db = await scratchDatabase();
}, 60_000);
afterEach(async () => db?.drop());

const verifier = () => new ChainVerifier(new EventStore(db.ds), new Anchors(db.ds));

async function stored(events: EventEnvelope[]): Promise<string> {
  for (const batch of batchesOf(events)) await new EventStore(db.ds).append(batch);
  return events[0].streamId;
}

/** A superuser session with the append-only triggers off, as an attacker with full database access would have. */
async function asSuperuser(work: (c: Client) => Promise<unknown>): Promise<void> {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query('SET session_replication_role = replica');
    await work(c);
  } finally {
    await c.end();
  }
}

/** Edits one event's data and recomputes its hash and every hash after it, so the stream's own chain verifies again. */
async function rewrite(
  streamId: string,
  seq: number,
  edit: (data: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const events = await new EventStore(db.ds).readStream(streamId);
  await asSuperuser(async (c) => {
    let prev = seq > 1 ? events[seq - 2].hash : GENESIS_HASH;
    for (const e of events.filter((x) => x.seq >= seq)) {
      const data = e.seq === seq ? edit(e.data as Record<string, unknown>) : e.data;
      const hash = chainHash(prev, { ...e, data } as typeof e);
      await c.query(`UPDATE dossier_event SET data = $3, prev_hash = $4, hash = $5 WHERE stream_id = $1 AND seq = $2`, [
        streamId,
        e.seq,
        JSON.stringify(data),
        prev,
        hash,
      ]);
      prev = hash;
    }
  });
}

describe('anchors', () => {
  it('record every stream head, chained; an untouched table verifies against them; no change writes no anchor', async () => {
    const [sa, sb] = [simulateDossier({ steps: 3 }), simulateDossier({ steps: 5 })];
    const [a, b] = [await stored(sa), await stored(sb)];
    const first = await new Anchors(db.ds).anchor();
    expect(first).toMatchObject({
      created: true,
      changed: 2,
      refused: [],
      anchor: { seq: 1, streams: 2, prevHash: GENESIS_HASH },
    });
    expect(await new Anchors(db.ds).anchor()).toMatchObject({ created: false, changed: 0, anchor: { seq: 1 } });
    const sc = simulateDossier({ steps: 2 });
    await stored(sc);
    const second = await new Anchors(db.ds).anchor();
    expect(second).toMatchObject({
      created: true,
      changed: 1,
      anchor: { seq: 2, streams: 3, prevHash: first.anchor?.hash },
    });
    const heads = await new Anchors(db.ds).anchoredHeads();
    expect([heads.get(a)?.seq, heads.get(b)?.seq]).toEqual([sa.length, sb.length]);
    expect(await verifier().verifyAll()).toMatchObject({
      ok: true,
      dossiers: 3,
      events: sa.length + sb.length + sc.length,
      anchor: { seq: 2, hash: second.anchor?.hash, streams: 3 },
    });
    expect(await verifier().verifyDossier(a)).toMatchObject({ ok: true, anchor: { seq: 2 } });
  });

  it('replicas running the job at the same moment write one anchor (advisory lock, no waiting)', async () => {
    await stored(simulateDossier({ steps: 2 }));
    const results = await Promise.all([1, 2, 3, 4].map(() => new Anchors(db.ds).anchor({ wait: false })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [{ n }] = (await db.ds.query(`SELECT count(*)::int AS n FROM audit_anchor`)) as { n: number }[];
    expect(n).toBe(1);
  });

  it('the anchor tables are append-only like the event table', async () => {
    await stored(simulateDossier({ steps: 1 }));
    await new Anchors(db.ds).anchor();
    await expect(db.ds.query(`UPDATE audit_anchor SET streams = 0`)).rejects.toThrow(/audit_anchor is append-only/);
    await expect(db.ds.query(`DELETE FROM audit_anchor_head`)).rejects.toThrow(/audit_anchor_head is append-only/);
    await expect(db.ds.query(`TRUNCATE audit_anchor_head, audit_anchor`)).rejects.toThrow(/append-only/);
  });
});

describe('what the chains alone cannot show is reported against the latest anchor', () => {
  it('deleting the last event of a stream: its head is behind the anchor (and a later anchor does not absolve it)', async () => {
    const events = simulateDossier({ steps: 4 });
    const id = await stored(events);
    const last = events.length;
    await new Anchors(db.ds).anchor();
    await asSuperuser((c) => c.query(`DELETE FROM dossier_event WHERE stream_id = $1 AND seq = $2`, [id, last]));
    // The chain that is left is a valid prefix: only the anchor shows the loss.
    expect((await new ChainVerifier(new EventStore(db.ds)).verifyDossier(id)).ok).toBe(true);
    const all = await verifier().verifyAll();
    expect(all.ok).toBe(false);
    expect(all.firstBreak).toBeUndefined();
    expect(all.problems).toEqual([
      expect.objectContaining({ problem: 'HEAD_BEHIND_ANCHOR', streamId: id, seq: last, found: String(last - 1) }),
    ]);
    expect((await verifier().verifyDossier(id)).problems).toEqual([
      expect.objectContaining({ problem: 'HEAD_BEHIND_ANCHOR' }),
    ]);

    const next = await new Anchors(db.ds).anchor();
    expect(next.created).toBe(false);
    expect(next.refused).toEqual([expect.objectContaining({ streamId: id, seq: last })]);
    expect((await verifier().verifyAll()).problems?.[0]).toMatchObject({ problem: 'HEAD_BEHIND_ANCHOR', streamId: id });
  });

  it('deleting a whole stream: the anchored stream is missing', async () => {
    const keptEvents = simulateDossier({ steps: 2 });
    const goneEvents = simulateDossier({ steps: 3 });
    const [kept, gone] = [await stored(keptEvents), await stored(goneEvents)];
    await new Anchors(db.ds).anchor();
    await asSuperuser((c) => c.query(`DELETE FROM dossier_event WHERE stream_id = $1`, [gone]));
    const all = await verifier().verifyAll();
    expect(all).toMatchObject({ ok: false, dossiers: 1, events: keptEvents.length });
    expect(all.problems).toEqual([
      expect.objectContaining({ problem: 'STREAM_MISSING', streamId: gone, seq: goneEvents.length }),
    ]);
    expect(all.problems?.some((p) => p.streamId === kept)).toBe(false);
    expect((await verifier().verifyDossier(gone)).problems).toEqual([
      expect.objectContaining({ problem: 'STREAM_MISSING' }),
    ]);
  });

  it('editing a row and recomputing every hash after it: the chain verifies, the anchored hash does not', async () => {
    const events = simulateDossier({ steps: 5 });
    const id = await stored(events);
    await new Anchors(db.ds).anchor();
    await rewrite(id, 2, (data) => ({ ...data, ruleSetVersion: 'LAW2022+ND98+TT01/2024' }));
    expect((await new ChainVerifier(new EventStore(db.ds)).verifyAll()).ok).toBe(true);
    const all = await verifier().verifyAll();
    expect(all).toMatchObject({ ok: false });
    expect(all.firstBreak).toBeUndefined();
    expect(all.problems).toEqual([
      expect.objectContaining({ problem: 'ANCHORED_HASH_MISMATCH', streamId: id, seq: events.length, anchorSeq: 1 }),
    ]);
    expect((await verifier().verifyDossier(id)).problems).toEqual([
      expect.objectContaining({ problem: 'ANCHORED_HASH_MISMATCH', seq: events.length }),
    ]);
  });

  it('a rewrite of everything, anchors recomputed too, passes online but not against an anchor kept outside the database', async () => {
    const id = await stored(simulateDossier({ steps: 5 }));
    await stored(simulateDossier({ steps: 3 }));
    const kept = publish((await new Anchors(db.ds).anchor()).anchor!);
    expect((await verifier().verifyAll(kept)).ok).toBe(true);

    await rewrite(id, 3, (data) => ({ ...data, note: 'ghi chú chèn thêm' }));
    await asSuperuser(async (c) => {
      await c.query(`DELETE FROM audit_anchor_head`);
      await c.query(`DELETE FROM audit_anchor`);
    });
    await new Anchors(db.ds).anchor();
    // The forger's database is consistent with itself…
    expect((await verifier().verifyAll()).ok).toBe(true);
    // …but not with the anchor the auditor kept.
    const report = await verifier().verifyAll(kept);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ problem: 'PUBLISHED_ANCHOR_MISMATCH', anchorSeq: kept.seq, expected: kept.hash }),
    ]);
  });

  it('an edited anchor breaks the anchor chain', async () => {
    await stored(simulateDossier({ steps: 2 }));
    await new Anchors(db.ds).anchor();
    await stored(simulateDossier({ steps: 2 }));
    await new Anchors(db.ds).anchor();
    await asSuperuser((c) => c.query(`UPDATE audit_anchor_head SET seq = 1 WHERE anchor_seq = 1`));
    expect((await verifier().verifyAll()).problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ problem: 'ANCHOR_BROKEN', anchorSeq: 1 })]),
    );
  });
});

describe("a decision's chain head at signing", () => {
  it('is held to the hash before the decision: recomputing the chain after an edit no longer matches it', async () => {
    const events = simulateDossier({ steps: 8, decision: { approve: true } });
    const batches = batchesOf(events);
    const store = new EventStore(db.ds);
    let head = GENESIS_HASH;
    for (const batch of batches.slice(0, -1)) head = (await store.append(batch)).headHash;
    // The workflow passes the head before the decision into it (runCommand's chainHead); so does this test.
    const signed = (e: EventEnvelope): EventEnvelope => {
      if (e.type !== 'DossierAwarded') return e;
      const { decision } = e.data as { decision: Record<string, unknown> };
      return { ...e, data: { decision: { ...decision, chainHeadAtSigning: head } } } as EventEnvelope;
    };
    const decided = batches[batches.length - 1].map(signed);
    await store.append(decided);
    const id = events[0].streamId;
    const awarded = decided.find((e) => e.type === 'DossierAwarded')!;
    expect(await new ChainVerifier(store).verifyDossier(id)).toMatchObject({ ok: true });

    await rewrite(id, 2, (data) => ({ ...data, ruleSetVersion: 'LAW2022+ND98+TT01/2024' }));
    const report = await new ChainVerifier(store).verifyDossier(id);
    expect(report.firstBreak).toBeUndefined();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ problem: 'SIGNING_HEAD_MISMATCH', streamId: id, seq: awarded.seq, found: head }),
    ]);
    expect((await new ChainVerifier(store).verifyAll()).problems).toEqual([
      expect.objectContaining({ problem: 'SIGNING_HEAD_MISMATCH', seq: awarded.seq }),
    ]);
  });
});
