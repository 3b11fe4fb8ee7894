/** Read models are projections: dropping them and replaying the event table gives back exactly the live rows. */
import type { DataSource } from 'typeorm';
import { batchesOf, simulatedActor, simulateDossier } from '../../../../test/support/simulate';
import { scratchDatabase } from '../../../../test/support/scratch-db';

import { READ_MODEL_TABLES } from './projections';
import { rebuildReadModels, UnknownReadModelError } from './rebuild';
import { eventStoreWithReadModels } from './projections';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase();
}, 60_000);
afterAll(async () => db?.drop());

const snapshot = async (ds: DataSource) =>
  Promise.all(READ_MODEL_TABLES.map((t) => ds.query(`SELECT * FROM ${t} ORDER BY ${t}::text`) as Promise<unknown[]>));

it('rebuilding every read model from the event table reproduces the live tables row for row', async () => {
  const store = eventStoreWithReadModels(db.ds);
  const streams = [1, 2, 3, 4, 5, 6, 7].flatMap((steps) => [
    simulateDossier({ steps, unitCode: 'SGDDT', nominee: `Người ${steps}a` }),
    simulateDossier({ steps, unitCode: 'SYT', nominee: `Người ${steps}b`, approve: steps % 2 === 0 }),
  ]);
  for (const stream of streams) for (const batch of batchesOf(stream)) await store.append(batch);
  const live = await snapshot(db.ds);
  expect((live[0] as unknown[]).length).toBe(streams.length);

  const result = await rebuildReadModels(db.ds);
  expect(result.events).toBe(streams.reduce((n, s) => n + s.length, 0));
  expect(await snapshot(db.ds)).toEqual(live);
});

it('keeps the read models readable while it runs: another connection reads the old rows, unblocked, until the commit', async () => {
  const store = eventStoreWithReadModels(db.ds);
  for (const batch of batchesOf(
    simulateDossier({ steps: 4, unitCode: 'SGDDT', nominee: 'Người đọc trong lúc dựng lại' }),
  ))
    await store.append(batch);
  const [{ n: before }] = (await db.ds.query(`SELECT count(*)::int AS n FROM dossier_view`)) as { n: number }[];
  const seen: number[] = [];
  await rebuildReadModels(db.ds, {
    pageSize: 5,
    onProgress: async () => {
      if (seen.length) return;
      // Mid-rebuild, from another connection: a lock wait would fail at once instead of waiting for the commit.
      const reader = db.ds.createQueryRunner();
      try {
        await reader.query(`SET lock_timeout = '200ms'`);
        const [{ n }] = (await reader.query(`SELECT count(*)::int AS n FROM dossier_view`)) as { n: number }[];
        seen.push(n);
      } finally {
        await reader.release();
      }
    },
  });
  expect(seen).toEqual([before]);
});

it('is online: a dossier appended while the replay runs commits at once and is in the rebuilt tables, equal to its live rows', async () => {
  const store = eventStoreWithReadModels(db.ds);
  for (const batch of batchesOf(simulateDossier({ steps: 5, unitCode: 'SYT', nominee: 'Người trước khi dựng lại' })))
    await store.append(batch);
  const during = simulateDossier({ steps: 7, unitCode: 'SGDDT', nominee: 'Người nộp trong lúc dựng lại' });
  let live: unknown[][] | undefined;
  const result = await rebuildReadModels(db.ds, {
    pageSize: 5,
    onProgress: async () => {
      if (live) return;
      // Another connection appends mid-replay: it must not wait for the rebuild (a lock wait fails at once here).
      const appender = eventStoreWithReadModels(db.ds);
      await db.ds.transaction(async (m) => {
        await m.query(`SET LOCAL lock_timeout = '2s'`);
        for (const batch of batchesOf(during)) await appender.append(batch, m);
      });
      live = await snapshot(db.ds);
    },
  });
  expect(result.caughtUp).toBe(during.length);
  const [row] = (await db.ds.query(`SELECT last_seq FROM dossier_view WHERE id = $1`, [during[0].streamId])) as {
    last_seq: number;
  }[];
  expect(row).toEqual({ last_seq: during.length });
  expect(await snapshot(db.ds)).toEqual(live);
});

it('leaves the live tables as they were when it fails before the swap', async () => {
  const before = await snapshot(db.ds);
  await db.ds.query(`DELETE FROM stage_timing WHERE dossier_id IN (SELECT dossier_id FROM stage_timing LIMIT 1)`);
  const damaged = await snapshot(db.ds);
  expect(damaged).not.toEqual(before);
  await expect(
    rebuildReadModels(db.ds, {
      pageSize: 5,
      onProgress: (n) => {
        if (n >= 10) throw new Error('stopped mid-replay');
      },
    }),
  ).rejects.toThrow('stopped mid-replay');
  expect(await snapshot(db.ds)).toEqual(damaged);
  await rebuildReadModels(db.ds);
  expect(await snapshot(db.ds)).toEqual(before);
});

it('a revoked award rebuilds too: gone from award history and award facts, its recovery tasks stamped as live', async () => {
  const store = eventStoreWithReadModels(db.ds);
  const chairman = simulatedActor('PROVINCIAL_DECIDER', 'chairman');
  const officer = simulatedActor('SECRETARIAT_OFFICER', 'sec-1');
  const stream = simulateDossier({
    steps: 8,
    decision: { approve: true },
    nominee: 'Người bị hủy khen thưởng',
    then: [
      [
        chairman,
        {
          type: 'RevokeAward',
          data: { ground: 'FRAUDULENT_DECLARATION', reason: 'Kê khai thành tích gian dối', decisionRef: '45/QĐ-UBND' },
        },
      ],
      [officer, { type: 'RecordRecovery', data: { item: 'AWARD_OBJECT' } }],
    ],
  });
  for (const batch of batchesOf(stream)) await store.append(batch);
  const id = stream[0].streamId;
  const rows = async () => ({
    history: (await db.ds.query(`SELECT count(*)::int AS n FROM award_history WHERE dossier_id = $1`, [
      id,
    ])) as unknown[],
    facts: (await db.ds.query(`SELECT count(*)::int AS n FROM award_fact WHERE dossier_id = $1`, [id])) as unknown[],
    view: (await db.ds.query(`SELECT status, held_by FROM dossier_view WHERE id = $1`, [id])) as unknown[],
    tasks: (await db.ds.query(
      `SELECT item, recovered_on IS NOT NULL AS done, recorded_by FROM recovery_task WHERE dossier_id = $1 ORDER BY item`,
      [id],
    )) as unknown[],
  });
  const live = await rows();
  expect(live).toEqual({
    history: [{ n: 0 }],
    facts: [{ n: 0 }],
    view: [{ status: 'RECOVERY_PENDING', held_by: 'SECRETARIAT_OFFICER' }],
    tasks: [
      { item: 'AWARD_OBJECT', done: true, recorded_by: 'sec-1' },
      { item: 'BONUS', done: false, recorded_by: null },
    ],
  });
  await rebuildReadModels(db.ds);
  expect(await rows()).toEqual(live);
});

it('with little memory, writes folded dossiers out and reads them back when touched again: the same rows, the same counts', async () => {
  const before = await snapshot(db.ds);
  const counts = async () =>
    db.ds.query(`SELECT status, unit_code, award_code, commendation_type, held_by, overdue, n FROM dossier_count
                 ORDER BY dossier_count::text`) as Promise<unknown[]>;
  const countsBefore = await counts();
  const progress: [number, number][] = [];
  const result = await rebuildReadModels(db.ds, {
    pageSize: 5,
    residentOwners: 2,
    onProgress: (done, total) => void progress.push([done, total]),
  });
  expect(await snapshot(db.ds)).toEqual(before);
  expect(await counts()).toEqual(countsBefore);
  // Progress: events replayed out of the events to replay, page by page, up to all of them.
  const [{ n }] = (await db.ds.query(`SELECT count(*)::int AS n FROM dossier_event`)) as { n: number }[];
  expect(progress[0]).toEqual([5, n]);
  expect(progress[progress.length - 1]).toEqual([n, n]);
  expect(result.events).toBe(n);
});

it('rebuilds one read model alone (by its name or one of its tables), with those sharing its tables, and no other', async () => {
  const before = await snapshot(db.ds);
  const damage = async () => {
    await db.ds.query(`DELETE FROM stage_timing WHERE dossier_id IN (SELECT dossier_id FROM stage_timing LIMIT 1)`);
    await db.ds.query(`DELETE FROM award_subject WHERE dossier_id IN (SELECT dossier_id FROM award_subject LIMIT 1)`);
  };
  const count = async (table: string) =>
    ((await db.ds.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n;
  await damage();
  const [timings, subjects] = [await count('stage_timing'), await count('award_subject')];

  const history = await rebuildReadModels(db.ds, { only: 'award history' });
  // Imported awards land in award_history too: their read model is rebuilt with it.
  expect(history.models).toEqual(['award history', 'award imports (files; their awards in the award history)']);
  expect(history.tables).toEqual(['award_subject', 'award_history', 'initiative_use', 'award_import']);
  expect(await count('award_subject')).toBe(subjects + 1);
  expect(await count('stage_timing')).toBe(timings);

  const statistics = await rebuildReadModels(db.ds, { only: 'stage_timing' });
  expect(statistics.models).toEqual(['statistics (awards, stage times, and their report aggregates)']);
  expect(await snapshot(db.ds)).toEqual(before);
});

it('refuses a read model it does not know, changing nothing', async () => {
  const before = await snapshot(db.ds);
  await db.ds.query(`DELETE FROM stage_timing WHERE dossier_id IN (SELECT dossier_id FROM stage_timing LIMIT 1)`);
  const damaged = await snapshot(db.ds);
  await expect(rebuildReadModels(db.ds, { only: 'dossier_event' })).rejects.toThrow(UnknownReadModelError);
  expect(await snapshot(db.ds)).toEqual(damaged);
  await rebuildReadModels(db.ds);
  expect(await snapshot(db.ds)).toEqual(before);
});

it('folds on a dossier continued while the replay runs: its rows written out are read back in the catch-up', async () => {
  const store = eventStoreWithReadModels(db.ds);
  const stream = simulateDossier({
    steps: 8,
    decision: { approve: true },
    nominee: 'Người tiếp tục trong lúc dựng lại',
  });
  const batches = batchesOf(stream);
  const half = Math.floor(batches.length / 2);
  for (const batch of batches.slice(0, half)) await store.append(batch);
  let live: unknown[][] | undefined;
  const result = await rebuildReadModels(db.ds, {
    pageSize: 5,
    onProgress: async () => {
      if (live) return;
      for (const batch of batches.slice(half)) await store.append(batch);
      live = await snapshot(db.ds);
    },
  });
  expect(result.caughtUp).toBe(batches.slice(half).flat().length);
  const [row] = (await db.ds.query(`SELECT status, last_seq FROM dossier_view WHERE id = $1`, [
    stream[0].streamId,
  ])) as { status: string; last_seq: number }[];
  expect(row).toEqual({ status: 'AWARDED', last_seq: stream.length });
  expect(await snapshot(db.ds)).toEqual(live);
});

it('misses no event committed out of id order: an append that took the lower id and committed last is rebuilt', async () => {
  // Two appends in flight at once: the first takes its event id and is still open when the second, with the next id,
  // commits. The catch-up that runs while appends go on sees the second only; the first must still be replayed.
  const store = eventStoreWithReadModels(db.ds);
  const [first] = batchesOf(simulateDossier({ steps: 1, unitCode: 'SYT', nominee: 'Người lấy số trước' }));
  const [second] = batchesOf(simulateDossier({ steps: 1, unitCode: 'SGDDT', nominee: 'Người ghi xong trước' }));
  const open = db.ds.createQueryRunner();
  await open.connect();
  let live: unknown[][] | undefined;
  try {
    const result = await rebuildReadModels(db.ds, {
      onPhase: async (phase) => {
        if (phase === 'REPLAY') {
          await open.startTransaction();
          await store.append(first, open.manager);
          await store.append(second);
        } else {
          // After the catch-up that ran while appends went on, before the append lock is taken alone.
          await open.commitTransaction();
          live = await snapshot(db.ds);
        }
      },
    });
    expect(result.caughtUp).toBe(first.length + second.length);
  } finally {
    if (open.isTransactionActive) await open.rollbackTransaction();
    await open.release();
  }
  const ids = [first[0].streamId, second[0].streamId];
  const rows = (await db.ds.query(`SELECT id, last_seq FROM dossier_view WHERE id = ANY($1) ORDER BY id`, [ids])) as {
    id: string;
    last_seq: number;
  }[];
  expect(rows.map((r) => r.id)).toEqual([...ids].sort());
  expect(await snapshot(db.ds)).toEqual(live);
});
