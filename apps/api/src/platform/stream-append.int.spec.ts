/** appendDecided on a real event table: after the stream's last event, or a 409 naming the rule when someone got there first. */
import { randomUUID } from 'node:crypto';
import { Refused, type Actor, type MovementEvent } from '@tdkt/domain';
import { eventStoreWithReadModels } from '@tdkt/persistence';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { appendDecided } from './stream-append';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase();
}, 60_000);
afterAll(async () => db?.drop());

const actor: Actor = { userId: 'sec-1', role: 'SECRETARIAT_OFFICER' };
const changed = (to: 'IN_PROGRESS' | 'REVIEWED'): MovementEvent => ({
  type: 'MovementStatusChanged',
  data: { from: 'LAUNCHED', to, on: '2026-03-01' },
});

it('appends after the last event it was shown, and refuses with a 409 and the rule when the stream moved meanwhile', async () => {
  const events = eventStoreWithReadModels(db.ds);
  const streamId = randomUUID();
  const conflict = {
    rule: 'movement.concurrent-change',
    message: 'The movement changed meanwhile; reload and try again',
  };
  await appendDecided(events, streamId, [], [changed('IN_PROGRESS')], actor, conflict);
  const first = await events.readStream(streamId);
  expect(first.map((e) => [e.seq, e.type, e.actorId])).toEqual([[1, 'MovementStatusChanged', 'sec-1']]);

  // A second writer decided on the same (now stale, empty) view of the stream.
  const refused = await appendDecided(events, streamId, [], [changed('REVIEWED')], actor, conflict).catch(
    (e: unknown) => e,
  );
  expect(refused).toBeInstanceOf(Refused);
  expect(refused).toMatchObject({ code: 'WRONG_STATE', rule: 'movement.concurrent-change' });
  expect(await events.readStream(streamId)).toHaveLength(1);

  await appendDecided(events, streamId, first, [changed('REVIEWED')], actor, conflict);
  expect((await events.readStream(streamId)).map((e) => e.seq)).toEqual([1, 2]);
});
