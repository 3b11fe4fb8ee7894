/**
 * The anchor commands an auditor uses, against a database of their own: anchor, anchor-export to a file kept outside
 * the database, and verify-chain --anchor-file, which catches a rewrite of everything (hashes and anchors recomputed).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Anchors, chainHash, EventStore, GENESIS_HASH } from '@tdkt/persistence';
import { batchesOf, simulateDossier } from '../../../test/support/simulate';
import { scratchDatabase } from '../../../test/support/scratch-db';
import { main } from './main';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
let dir: string;
let out: string[];
let err: string[];
const savedUrl = process.env.DATABASE_URL;
beforeAll(async () => {
  db = await scratchDatabase();
  process.env.DATABASE_URL = db.url;
  dir = mkdtempSync(join(tmpdir(), 'tdkt-anchor-'));
}, 60_000);
afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});
beforeEach(() => {
  out = [];
  err = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => jest.restoreAllMocks());

/** The forger: superuser, triggers off; edits one event, recomputes every later hash, then rewrites every anchor. */
async function rewriteEverything(streamId: string, seq: number): Promise<void> {
  const events = await new EventStore(db.ds).readStream(streamId);
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query('SET session_replication_role = replica');
    let prev = seq > 1 ? events[seq - 2].hash : GENESIS_HASH;
    for (const e of events.filter((x) => x.seq >= seq)) {
      const edited = e.seq === seq ? { ...e, actorId: 'someone-else' } : e;
      const hash = chainHash(prev, edited);
      await c.query(
        `UPDATE dossier_event SET actor_id = $3, prev_hash = $4, hash = $5 WHERE stream_id = $1 AND seq = $2`,
        [streamId, e.seq, edited.actorId, prev, hash],
      );
      prev = hash;
    }
    await c.query('DELETE FROM audit_anchor_head');
    await c.query('DELETE FROM audit_anchor');
  } finally {
    await c.end();
  }
  await new Anchors(db.ds).anchor();
}

it('anchor, anchor-export and verify-chain --anchor-file: a rewrite of everything is caught by the kept anchor file', async () => {
  const streams = [simulateDossier({ steps: 4 }), simulateDossier({ steps: 2 })];
  for (const events of streams) for (const batch of batchesOf(events)) await new EventStore(db.ds).append(batch);

  expect(await main(['anchor'])).toBe(0);
  expect(out.join('')).toMatch(/anchor 1: [0-9a-f]{64} at .*, 2 streams \(2 heads moved\)/);
  expect(await main(['anchor'])).toBe(0);
  expect(out.join('')).toContain('no stream moved since anchor 1');

  const file = join(dir, 'anchor.json');
  expect(await main(['anchor-export', file])).toBe(0);
  const kept = JSON.parse(readFileSync(file, 'utf8')) as {
    format: string;
    seq: number;
    hash: string;
    anchoredAt: string;
    streams: number;
  };
  expect(kept).toMatchObject({ format: 'tdkt-anchor/1', seq: 1, streams: 2 });
  expect(kept.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(Number.isNaN(Date.parse(kept.anchoredAt))).toBe(false);
  expect(await main(['verify-chain', '--anchor-file', file])).toBe(0);
  expect(out.join('')).toContain('the kept anchor 1 is in the anchor chain');

  await rewriteEverything(streams[0][0].streamId, 2);
  out = [];
  expect(await main(['verify-chain'])).toBe(0);
  expect(await main(['verify-chain', '--anchor-file', file])).toBe(1);
  expect(err.join('')).toMatch(
    new RegExp(`PUBLISHED_ANCHOR_MISMATCH anchor 1 \\(expected ${kept.hash}, found [0-9a-f]{64}\\)`),
  );
});

it('verify-chain refuses an anchor file that is not one', async () => {
  const bogus = join(dir, 'bogus.json');
  writeFileSync(bogus, '{"seq": 1}');
  expect(await main(['verify-chain', '--anchor-file', bogus])).toBe(2);
  expect(err.join('')).toContain('is not an anchor file');
});
