/** Read models are projections: dropping them and replaying the event table gives back exactly the live rows. */
import type { DataSource } from 'typeorm';
import { batchesOf, simulateDossier } from '../../../../test/support/simulate';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { EventStore } from '../event-store/event-store';
import { READ_MODEL_TABLES } from './projections';
import { rebuildReadModels } from './rebuild';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase();
}, 60_000);
afterAll(async () => db?.drop());

const snapshot = async (ds: DataSource) =>
  Promise.all(READ_MODEL_TABLES.map((t) => ds.query(`SELECT * FROM ${t} ORDER BY ${t}::text`) as Promise<unknown[]>));

it('rebuilding every read model from the event table reproduces the live tables row for row', async () => {
  const store = new EventStore(db.ds);
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
