/**
 * The board's maintained counts (dossier_count) are the rows of dossier_view counted, whatever moved them: appends of
 * many dossiers at once on the same counters, a return, a decision, a rebuild.
 */
import { batchesOf, simulatedActor as who, simulateDossier } from '../../../../test/support/simulate';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { EventStore } from '../event-store/event-store';
import { countsQuery } from './board-queries';
import { rebuildReadModels } from './rebuild';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase();
}, 60_000);
afterAll(async () => db?.drop());

const KEY = 'status, unit_code, award_code, commendation_type, held_by, overdue';
const maintained = () => db.ds.query(`SELECT ${KEY}, n FROM dossier_count ORDER BY ${KEY}`) as Promise<unknown[]>;
const counted = () =>
  db.ds.query(
    `SELECT status, unit_code, award_code, commendation_type, COALESCE(held_by, '') AS held_by, overdue, count(*)::int AS n
       FROM dossier_view GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
  ) as Promise<unknown[]>;

it('equal the rows counted after 24 dossiers move through the route at once, and after a rebuild', async () => {
  const store = new EventStore(db.ds);
  const sec = who('SECRETARIAT_OFFICER', 'sec-1');
  const streams = Array.from({ length: 24 }, (_, i) =>
    simulateDossier({
      steps: 1 + (i % 8),
      unitCode: i % 3 ? 'SGDDT' : 'SYT',
      nominee: `Người ${i}`,
      ...(i % 8 === 7 ? { decision: { approve: i % 16 === 7 } as const } : {}),
      ...(i % 8 === 2 ? { then: [[sec, { type: 'ReturnDossier', data: { reason: 'Thiếu hồ sơ' } }]] } : {}),
    } as Parameters<typeof simulateDossier>[0]),
  );
  // Every dossier's commands in order, the dossiers side by side: appends contend on the same counters.
  await Promise.all(
    streams.map(async (s) => {
      for (const batch of batchesOf(s)) await store.append(batch);
    }),
  );
  const live = await maintained();
  expect(live.length).toBeGreaterThan(5);
  expect(live).toEqual(await counted());
  expect((live as { n: number }[]).every((r) => r.n > 0)).toBe(true);
  await rebuildReadModels(db.ds);
  expect(await maintained()).toEqual(live);
});

it('are what the board counts from unless a council member asks or a deadline filters', () => {
  expect(countsQuery({ kind: 'UNIT', unitCode: 'SYT' }, { statuses: ['APPRAISAL'], overdue: true }).sql).toMatch(
    /FROM dossier_count/,
  );
  expect(countsQuery({ kind: 'COUNCIL_MEMBER', userId: 'm1' }, {}).sql).toMatch(/FROM dossier_view/);
  expect(countsQuery({ kind: 'ALL' }, { deadlineAfter: '2025-01-01' }).sql).toMatch(/FROM dossier_view/);
});
