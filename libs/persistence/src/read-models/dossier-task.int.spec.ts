/**
 * The inboxes' task rows (dossier_task) are what the domain's INBOX table derives from dossier_view, whatever wrote
 * them: appends of many dossiers at once, returns, votes, decisions, a rebuild. And each inbox read off them answers
 * what the query over dossier_view it replaced answered: the same tasks in the same order, the same `truncated`.
 */
import { INBOX, type Actor, type Role } from '@tdkt/domain';
import { batchesOf, simulatedActor as who, simulateDossier } from '../../../../test/support/simulate';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { taskRowsFromView } from './dossier-task';
import { InboxQueries } from './inbox-queries';
import { eventStoreWithReadModels } from './projections';
import { rebuildReadModels } from './rebuild';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase();
}, 60_000);
afterAll(async () => db?.drop());

const ORDER = 'ORDER BY dossier_id, role, scope_key';
const maintained = () =>
  db.ds.query(
    `SELECT dossier_id, role, scope_key, deadline_key::text, updated_at FROM dossier_task ${ORDER}`,
  ) as Promise<unknown[]>;
const derived = () =>
  db.ds.query(
    `SELECT dossier_id, role, scope_key, deadline_key::text, updated_at FROM (${taskRowsFromView()}) d ${ORDER}`,
  ) as Promise<unknown[]>;

/** The inbox as it was read before dossier_task: every matching dossier_view row sorted, then the limit. */
async function inboxBefore(actor: Actor, limit: number): Promise<{ ids: string[]; truncated: boolean }> {
  const inbox = INBOX[actor.role as Exclude<Role, 'SYSTEM'>]!;
  const params: unknown[] = [[...inbox.holders], [...inbox.tasks], limit + 1];
  let scope = '';
  if (inbox.scope === 'UNIT') scope = `AND unit_code = $4`;
  if (inbox.scope === 'BALLOT')
    scope = `AND $4 = ANY (council_members) AND EXISTS (SELECT 1 FROM council_ballot b WHERE b.dossier_id = dossier_view.id
      AND b.member_id = $4 AND b.voted_at IS NULL AND b.closed_at IS NULL)`;
  if (inbox.scope !== 'PROVINCE') params.push(inbox.scope === 'UNIT' ? actor.unitCode : actor.userId);
  const rows = (await db.ds.query(
    `SELECT id FROM dossier_view WHERE held_by = ANY ($1::text[]) AND task_kind = ANY ($2::text[]) ${scope}
      ORDER BY COALESCE(deadline, 'infinity'::date), updated_at, id LIMIT $3`,
    params,
  )) as { id: string }[];
  return { ids: rows.slice(0, limit).map((r) => r.id), truncated: rows.length > limit };
}

const ACTORS: Actor[] = [
  { userId: 'sec-1', role: 'SECRETARIAT_OFFICER' },
  { userId: 'head-1', role: 'SECRETARIAT_HEAD' },
  { userId: 'clerk-SYT', role: 'UNIT_CLERK', unitCode: 'SYT' },
  { userId: 'clerk-SGDDT', role: 'UNIT_CLERK', unitCode: 'SGDDT' },
  { userId: 'head-SYT', role: 'UNIT_HEAD', unitCode: 'SYT' },
  { userId: 'm1', role: 'COUNCIL_MEMBER' },
  { userId: 'm3', role: 'COUNCIL_CHAIR' },
  { userId: 'chairman', role: 'PROVINCIAL_DECIDER' },
];

async function inboxesAnswerAsBefore(): Promise<number> {
  const inbox = new InboxQueries(db.ds);
  let tasks = 0;
  for (const actor of ACTORS)
    for (const limit of [3, 500]) {
      const now = await inbox.inbox(actor, '2025-09-20', limit);
      expect({ actor: actor.role, ids: now.tasks.map((t) => t.dossierId), truncated: now.truncated }).toEqual({
        actor: actor.role,
        ...(await inboxBefore(actor, limit)),
      });
      if (limit === 500) tasks += now.tasks.length;
    }
  return tasks;
}

it('equal what INBOX derives from dossier_view after 40 dossiers move at once, and after a rebuild; the inboxes answer as before', async () => {
  const store = eventStoreWithReadModels(db.ds);
  const sec = who('SECRETARIAT_OFFICER', 'sec-1');
  const streams = Array.from({ length: 40 }, (_, i) =>
    simulateDossier({
      steps: 1 + (i % 8),
      unitCode: i % 3 ? 'SGDDT' : 'SYT',
      nominee: `Người ${i}`,
      awardCode: i % 5 === 4 ? 'CO_TD_TINH' : 'BK_TINH',
      nomineeKind: i % 5 === 4 ? 'COLLECTIVE' : 'INDIVIDUAL',
      // Same-instant dossiers tie on the deadline and the change: the id decides.
      now: Date.UTC(2025, 8, 1 + (i % 4), 3),
      ...(i % 8 === 7 ? { decision: { approve: i % 16 === 7 } as const } : {}),
      ...(i % 16 === 2 ? { then: [[sec, { type: 'ReturnDossier', data: { reason: 'Thiếu hồ sơ' } }]] } : {}),
    } as Parameters<typeof simulateDossier>[0]),
  );
  await Promise.all(
    streams.map(async (s) => {
      for (const batch of batchesOf(s)) await store.append(batch);
    }),
  );
  const live = await maintained();
  const roles = new Set((live as { role: string }[]).map((r) => r.role));
  // Every kind of scope is there: a unit's, the province's, a council seat's.
  for (const role of ['UNIT_CLERK', 'UNIT_HEAD', 'SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'COUNCIL_MEMBER'])
    expect(roles).toContain(role);
  expect(live).toEqual(await derived());
  expect(await inboxesAnswerAsBefore()).toBeGreaterThan(20);

  await rebuildReadModels(db.ds, { pageSize: 37 });
  expect(await maintained()).toEqual(live);
  expect(await inboxesAnswerAsBefore()).toBeGreaterThan(20);
});
