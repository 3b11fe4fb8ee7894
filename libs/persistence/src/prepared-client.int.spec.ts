/**
 * The pool's connection sends statements with parameters as named prepared statements: prepared once per connection,
 * recovering when a migration changes a table under them, and never planned on a table a rebuild's shadow hides.
 */
import type { DataSource } from 'typeorm';
import { batchesOf, simulateDossier } from '../../../test/support/simulate';
import { scratchDatabase } from '../../../test/support/scratch-db';
import { createDataSource } from './data-source';
import { eventStoreWithReadModels, READ_MODEL_TABLES } from './read-models/projections';
import { rebuildReadModels } from './read-models/rebuild';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
/** One connection: every statement below meets the plans the ones before it prepared. */
let one: DataSource;
beforeAll(async () => {
  db = await scratchDatabase();
  one = await createDataSource(db.url, { poolSize: 1 }).initialize();
}, 60_000);
afterAll(async () => {
  await one?.destroy();
  await db?.drop();
});

const prepared = async (text: string) =>
  (
    (await one.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1`, [text])) as {
      n: number;
    }[]
  )[0].n;

it('prepares a statement with parameters once on its connection and runs it by name after that', async () => {
  const text = `SELECT $1::int + 1 AS v`;
  expect(await one.query(text, [1])).toEqual([{ v: 2 }]);
  expect(await one.query(text, [41])).toEqual([{ v: 42 }]);
  expect(await prepared(text)).toBe(1);
  // Without parameters: sent as it is, nothing prepared (several statements in one string stay possible).
  await one.query(`SELECT 1 AS a; SELECT 2 AS b`);
  expect(await prepared(`SELECT 1 AS a; SELECT 2 AS b`)).toBe(0);
});

it('answers again, unnamed, when a migration changed the table under a prepared SELECT * (outside a transaction)', async () => {
  await one.query(`CREATE TABLE migrated (id int PRIMARY KEY, a text)`);
  await one.query(`INSERT INTO migrated VALUES (1, 'x')`);
  const text = `SELECT * FROM migrated WHERE id = $1`;
  expect(await one.query(text, [1])).toEqual([{ id: 1, a: 'x' }]);
  await one.query(`ALTER TABLE migrated ADD COLUMN b int DEFAULT 7`);
  // Postgres refuses the prepared plan (0A000, "cached plan must not change result type"); the client asks again.
  expect(await one.query(text, [1])).toEqual([{ id: 1, a: 'x', b: 7 }]);
  expect(await one.query(text, [1])).toEqual([{ id: 1, a: 'x', b: 7 }]);
});

it('inside a transaction, fails that statement once (the transaction is the caller’s to retry), then runs unnamed', async () => {
  await one.query(`CREATE TABLE migrated_tx (id int PRIMARY KEY, a text)`);
  await one.query(`INSERT INTO migrated_tx VALUES (1, 'x')`);
  const text = `SELECT * FROM migrated_tx WHERE id = $1`;
  await one.query(text, [1]);
  await one.query(`ALTER TABLE migrated_tx ADD COLUMN b int DEFAULT 7`);
  await expect(one.transaction((m) => m.query(text, [1]))).rejects.toMatchObject({ driverError: { code: '0A000' } });
  expect(await one.transaction((m) => m.query(text, [1]))).toEqual([{ id: 1, a: 'x', b: 7 }]);
});

it('a rebuild on a connection that prepared the append’s statements on the live tables writes its shadows, not them', async () => {
  const store = eventStoreWithReadModels(one);
  for (const steps of [3, 5])
    for (const batch of batchesOf(simulateDossier({ steps, unitCode: 'SYT', nominee: `Người ${steps}` })))
      await store.append(batch);
  // A temporary table made and dropped first: the session's temporary schema exists, so creating the shadows does not
  // change the search path, and Postgres would keep the plans made on the live tables.
  await one.transaction((m) => m.query(`CREATE TEMPORARY TABLE warm (a int) ON COMMIT DROP`));
  const counts = async () =>
    Promise.all(
      READ_MODEL_TABLES.map(
        async (t) => ((await one.query(`SELECT count(*)::int AS n FROM ${t}`)) as { n: number }[])[0].n,
      ),
    );
  expect((await counts()).some((n) => n > 0)).toBe(true);
  await one.query(READ_MODEL_TABLES.map((t) => `DELETE FROM ${t}`).join(';\n'));
  // Stopped before the swap: nothing it replayed may have reached the live tables, which stay empty.
  await expect(
    rebuildReadModels(one, {
      onPhase: (phase) => {
        if (phase === 'CATCH_UP_AND_SWAP') throw new Error('stopped before the swap');
      },
    }),
  ).rejects.toThrow('stopped before the swap');
  expect((await counts()).every((n) => n === 0)).toBe(true);
  // Run whole, it fills them again.
  await rebuildReadModels(one);
  expect((await counts()).some((n) => n > 0)).toBe(true);
});
