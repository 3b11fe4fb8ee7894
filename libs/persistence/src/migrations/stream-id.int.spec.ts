/** The stream_id migration on a table that already holds events of several kinds: renamed, kinds backfilled, chain intact. */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ChainVerifier } from '../audit/verifier';
import { chainHash, GENESIS_HASH } from '../audit/chain';
import { createDataSource, runMigrations } from '../data-source';

import { scratchDatabase } from '../../../../test/support/scratch-db';
import { eventStoreWithReadModels } from '../read-models/projections';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase({ migrate: false });
}, 60_000);
afterAll(async () => db?.drop());

it('renames dossier_id to stream_id, gives every existing row its kind, and old hashes still verify', async () => {
  const all = createDataSource(db.url).options;
  // The schema as it stood before this migration (the later ones need its column, and run after it below).
  const stampOf = (m: unknown) => Number(/\d{13}$/.exec((m as { name: string }).name)?.[0]);
  const later = (all.migrations as unknown[]).filter((m) => stampOf(m) >= 1735920000000);
  const before = new DataSource({
    ...all,
    migrations: (all.migrations as unknown[]).filter((m) => stampOf(m) < 1735920000000),
  } as typeof all);
  await before.initialize();
  await runMigrations(before);
  // Rows as the table held them before the migration: a dossier's and a council session's.
  const dossier = randomUUID();
  const session = randomUUID();
  const rows = [
    { stream: dossier, seq: 1, type: 'DossierCreated', data: { awardCode: 'BK_TINH' } },
    { stream: dossier, seq: 2, type: 'DossierSubmitted', data: {} },
    { stream: session, seq: 1, type: 'SessionConvened', data: {} },
  ];
  const heads = new Map<string, string>();
  for (const r of rows) {
    const e = {
      streamId: r.stream,
      seq: r.seq,
      type: r.type,
      data: r.data,
      actorId: 'sec-1',
      actorRole: 'SECRETARIAT_OFFICER',
      occurredAt: '2026-01-05T02:00:00.000Z',
      ruleSetVersion: null,
      requestId: `req-${r.stream}-${r.seq}`,
    };
    const prev = heads.get(r.stream) ?? GENESIS_HASH;
    const hash = chainHash(prev, e as never);
    await before.query(
      `INSERT INTO dossier_event (dossier_id, seq, type, data, actor_id, actor_role, occurred_at, rule_set_version, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        e.streamId,
        e.seq,
        e.type,
        JSON.stringify(e.data),
        e.actorId,
        e.actorRole,
        e.occurredAt,
        null,
        e.requestId,
        prev,
        hash,
      ],
    );
    heads.set(r.stream, hash);
  }
  await before.destroy();

  expect(await runMigrations(db.ds)).toEqual(
    later.map((m) => (m as { name: string }).name).sort((a, b) => stampOf({ name: a }) - stampOf({ name: b })),
  );
  expect(later.map((m) => (m as { name: string }).name)).toContain('StreamId1735920000000');
  const kinds = (await db.ds.query(
    `SELECT stream_id, seq, stream_kind FROM dossier_event ORDER BY stream_id, seq`,
  )) as {
    stream_id: string;
    seq: number;
    stream_kind: string;
  }[];
  expect(kinds).toEqual(
    expect.arrayContaining([
      { stream_id: dossier, seq: 1, stream_kind: 'DOSSIER' },
      { stream_id: dossier, seq: 2, stream_kind: 'DOSSIER' },
      { stream_id: session, seq: 1, stream_kind: 'SESSION' },
    ]),
  );
  expect(kinds).toHaveLength(3);
  const columns = (await db.ds.query(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'dossier_event' AND column_name IN ('dossier_id', 'stream_id', 'stream_kind') ORDER BY 1`,
  )) as { column_name: string }[];
  expect(columns.map((c) => c.column_name)).toEqual(['stream_id', 'stream_kind']);
  // The chain written before verifies after; the append-only trigger is back.
  expect((await new ChainVerifier(eventStoreWithReadModels(db.ds)).verifyAll()).ok).toBe(true);
  await expect(db.ds.query(`UPDATE dossier_event SET actor_id = 'x' WHERE stream_id = $1`, [dossier])).rejects.toThrow(
    /append-only/,
  );
});
