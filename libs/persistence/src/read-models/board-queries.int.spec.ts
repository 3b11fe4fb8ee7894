/**
 * The secretariat's board and each person's task inbox, on a database of their own filled with simulated streams:
 * filters, both sorts paged without loss or repetition, counts, tasks per role, working days left across a holiday,
 * and the council ballot read model rebuilt from events.
 */
import type { Actor, DossierCommand, EventEnvelope } from '@tdkt/domain';
import { batchesOf, simulatedActor as who, simulateDossier } from '../../../../test/support/simulate';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { EventStore } from '../event-store/event-store';
import { BACKFILL_OPEN_BALLOTS } from '../migrations/1732800000000-inbox';
import { BoardQueries, workingDaysLeft, type BoardFilter, type BoardRow, type BoardSort } from './board-queries';
import { InboxQueries } from './inbox-queries';
import { InvalidCursorError } from './sql';
import type { DossierScope } from './dossier-queries';
import { rebuildReadModels } from './rebuild';

const ALL: DossierScope = { kind: 'ALL' };
/** Friday before the National Day break (Mon 1 and Tue 2 September 2025 are holidays). */
const TODAY = '2025-08-29';
/** Wednesday 27 August 2025, 10:00 in Hà Nội: when the hand-made dossiers below moved. */
const AUG_27 = Date.UTC(2025, 7, 27, 3);

const sec: Actor = who('SECRETARIAT_OFFICER', 'sec-1');
const system: Actor = { userId: 'system', role: 'SYSTEM' };
const cmd = (actor: Actor, command: DossierCommand): [Actor, DossierCommand] => [actor, command];

let db: Awaited<ReturnType<typeof scratchDatabase>>;
let store: EventStore;
let board: BoardQueries;
let inbox: InboxQueries;
const append = async (events: EventEnvelope[]) => {
  for (const batch of batchesOf(events)) await store.append(batch);
  return events[0].streamId;
};

/** The dossiers the assertions name; `fillers` only make the pages many and the ties frequent. */
const d: Record<string, string> = {};
let lastVoteOnVoting2: EventEnvelope[];

beforeAll(async () => {
  db = await scratchDatabase();
  store = new EventStore(db.ds);
  board = new BoardQueries(db.ds);
  inbox = new InboxQueries(db.ds);
  const at = { now: AUG_27 };
  d.draft = await append(simulateDossier({ ...at, steps: 1, unitCode: 'SGDDT', nominee: 'Bản nháp' }));
  d.draftCstd = await append(
    simulateDossier({ ...at, steps: 1, unitCode: 'SGDDT', awardCode: 'CSTD_TINH', nominee: 'Chiến sĩ' }),
  );
  d.review = await append(simulateDossier({ ...at, steps: 2, unitCode: 'SGDDT' }));
  d.appraisal = await append(simulateDossier({ ...at, steps: 3, unitCode: 'SGDDT' }));
  d.overdue = await append(
    simulateDossier({
      ...at,
      steps: 3,
      unitCode: 'SYT',
      then: [cmd(system, { type: 'EscalateOverdueAppraisal', data: {} })],
    }),
  );
  d.supplement = await append(
    simulateDossier({
      ...at,
      steps: 3,
      unitCode: 'SGDDT',
      then: [
        cmd(sec, {
          type: 'RequestSupplement',
          data: { missingParts: ['BIEN_BAN'], reason: 'Thiếu biên bản', deadlineWD: 5 },
        }),
      ],
    }),
  );
  d.returned = await append(
    simulateDossier({
      ...at,
      steps: 3,
      unitCode: 'SYT',
      then: [cmd(sec, { type: 'ReturnDossier', data: { reason: 'Không đủ điều kiện' } })],
    }),
  );
  d.voting = await append(simulateDossier({ ...at, steps: 4, unitCode: 'SGDDT' }));
  // m1 has voted on voting2; m2's vote is appended by the test that watches the task disappear.
  const voting2 = simulateDossier({ ...at, steps: 6, unitCode: 'SYT' });
  lastVoteOnVoting2 = voting2.slice(-1);
  d.voting2 = await append(voting2.slice(0, -1));
  d.awaiting = await append(simulateDossier({ ...at, steps: 7, unitCode: 'SYT' }));
  d.rejected = await append(simulateDossier({ ...at, steps: 7, unitCode: 'SGDDT', approve: false }));
  d.withdrawn = await append(
    simulateDossier({
      ...at,
      steps: 4,
      unitCode: 'SGDDT',
      then: [
        cmd(who('UNIT_CLERK', 'clerk-SGDDT', 'SGDDT'), { type: 'WithdrawDossier', data: { reason: 'Rút hồ sơ' } }),
      ],
    }),
  );
  // No quorum: back to appraisal, then a second round with m1 and m2 only, where m2 has voted.
  d.secondRound = await append(
    simulateDossier({
      ...at,
      steps: 4,
      unitCode: 'SYT',
      then: [
        cmd(system, { type: 'CloseCouncilVoting', data: {} }),
        cmd(sec, { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2'] } }),
        cmd(who('COUNCIL_MEMBER', 'm2'), { type: 'CastVote', data: { approve: true } }),
      ],
    }),
  );
  // Fillers: four units, every step of the route, five distinct clocks (so many rows share an updated_at).
  for (let i = 0; i < 45; i++)
    await append(
      simulateDossier({
        steps: 1 + (i % 7),
        unitCode: `F${i % 4}`,
        nominee: `Người ${i}`,
        councilMembers: ['f1', 'f2', 'f3'],
        now: Date.UTC(2025, 8, 15 + (i % 5), 3),
      }),
    );
}, 120_000);
afterAll(async () => db?.drop());

async function walk(
  scope: DossierScope,
  filter: BoardFilter,
  sort: BoardSort,
  limit: number,
): Promise<{ rows: BoardRow[]; pages: number }> {
  const rows: BoardRow[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await board.page(scope, filter, { sort, limit, today: TODAY, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { rows, pages };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ORDER: Record<BoardSort, (a: BoardRow, b: BoardRow) => number> = {
  updated: (a, b) => cmp(b.updatedAt, a.updatedAt) || cmp(b.id, a.id),
  deadline: (a, b) => cmp(a.deadline ?? '9999-12-31', b.deadline ?? '9999-12-31') || cmp(a.id, b.id),
};

describe('the board', () => {
  it.each<[BoardSort, BoardFilter, number]>([
    ['updated', {}, 7],
    ['deadline', {}, 7],
    ['updated', { unitCode: 'SGDDT' }, 2],
    ['deadline', { statuses: ['APPRAISAL', 'COUNCIL_VOTING', 'SUPPLEMENT_REQUESTED'] }, 3],
  ])(
    'pages through sort=%s %j (page size %i) with no row twice and none missing, in sort order',
    async (sort, filter, limit) => {
      const everything = await board.page(ALL, filter, { sort, limit: 1000, today: TODAY });
      const { rows, pages } = await walk(ALL, filter, sort, limit);
      expect(pages).toBeGreaterThan(2);
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      expect(rows.map((r) => r.id)).toEqual(everything.items.map((r) => r.id));
      expect([...rows].sort(ORDER[sort]).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    },
  );

  it('puts dossiers without a deadline after every dated one when sorting by deadline', async () => {
    const { rows } = await walk(ALL, {}, 'deadline', 5);
    const firstUndated = rows.findIndex((r) => r.deadline === null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(rows.slice(firstUndated).every((r) => r.deadline === null)).toBe(true);
  });

  it('refuses a cursor issued for the other sort, or not issued at all', async () => {
    const { nextCursor } = await board.page(ALL, {}, { sort: 'updated', limit: 2, today: TODAY });
    await expect(
      board.page(ALL, {}, { sort: 'deadline', cursor: nextCursor, limit: 2, today: TODAY }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(
      board.page(ALL, {}, { sort: 'updated', cursor: 'bm90LWEtY3Vyc29y', limit: 2, today: TODAY }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    const forged = Buffer.from(
      JSON.stringify(['updated', "2025-01-01'; DROP TABLE dossier_view; --", d.draft]),
    ).toString('base64url');
    await expect(
      board.page(ALL, {}, { sort: 'updated', cursor: forged, limit: 2, today: TODAY }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    const impossible = Buffer.from(JSON.stringify(['deadline', '2025-02-30', d.draft])).toString('base64url');
    await expect(
      board.page(ALL, {}, { sort: 'deadline', cursor: impossible, limit: 2, today: TODAY }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('filters by status, award, unit, holder, overdue and deadline range', async () => {
    const ids = async (filter: BoardFilter) => (await walk(ALL, filter, 'updated', 50)).rows;
    expect((await ids({ awardCode: 'CSTD_TINH' })).map((r) => r.id)).toEqual([d.draftCstd]);
    const syt = await ids({ unitCode: 'SYT' });
    expect(syt.map((r) => r.id).sort()).toEqual([d.overdue, d.returned, d.voting2, d.awaiting, d.secondRound].sort());
    const voting = await ids({ statuses: ['COUNCIL_VOTING'] });
    expect(voting.every((r) => r.status === 'COUNCIL_VOTING' && r.stage === 'COUNCIL')).toBe(true);
    expect(voting.map((r) => r.id)).toEqual(expect.arrayContaining([d.voting, d.voting2, d.secondRound]));
    const escalated = await ids({ heldBy: 'SECRETARIAT_HEAD' });
    expect(escalated.map((r) => r.id)).toEqual([d.overdue]);
    expect((await ids({ overdue: true })).map((r) => r.id)).toEqual([d.overdue]);
    const notOverdue = await ids({ overdue: false, unitCode: 'SYT' });
    expect(notOverdue.map((r) => r.id)).not.toContain(d.overdue);
    const window = await ids({ deadlineAfter: '2025-09-04', deadlineBefore: '2025-09-12' });
    expect(window.length).toBeGreaterThan(0);
    expect(window.every((r) => r.deadline !== null && r.deadline > '2025-09-04' && r.deadline < '2025-09-12')).toBe(
      true,
    );
    expect(window.map((r) => r.id)).toContain(d.supplement);
  });

  it('shows stage, holder, deadline and working days left on each row', async () => {
    const { rows } = await walk(ALL, { unitCode: 'SGDDT' }, 'updated', 50);
    const row = (id: string) => rows.find((r) => r.id === id);
    expect(row(d.supplement)).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      stage: 'APPRAISAL',
      heldBy: 'UNIT_CLERK',
      deadline: '2025-09-05',
      deadlineKind: 'SUPPLEMENT',
      daysLeft: 3,
    });
    expect(row(d.draft)).toMatchObject({
      status: 'DRAFT',
      stage: 'UNIT',
      heldBy: 'UNIT_CLERK',
      deadline: null,
      daysLeft: null,
    });
    expect(row(d.voting)).toMatchObject({ stage: 'COUNCIL', heldBy: 'COUNCIL', councilSize: 3, votesCast: 0 });
    expect(row(d.rejected)).toMatchObject({ stage: 'CLOSED', heldBy: null });
  });

  it('counts by status within the same scope and filters as the list', async () => {
    for (const [scope, filter] of [
      [ALL, {}],
      [ALL, { unitCode: 'SYT' }],
      [{ kind: 'UNIT', unitCode: 'SGDDT' }, {}],
      [ALL, { statuses: ['APPRAISAL', 'AWAITING_DECISION'], overdue: false }],
      [{ kind: 'COUNCIL_MEMBER', userId: 'm1' }, {}],
      [ALL, { heldBy: 'SECRETARIAT_OFFICER' }],
      [ALL, { awardCode: 'CSTD_TINH', commendationType: 'PERIODIC' }],
      [{ kind: 'UNIT', unitCode: 'SYT' }, { overdue: true }],
      [ALL, { deadlineBefore: '2025-12-31' }],
    ] as [DossierScope, BoardFilter][]) {
      const { rows } = await walk(scope, filter, 'deadline', 50);
      const tally: Record<string, number> = {};
      for (const r of rows) tally[r.status] = (tally[r.status] ?? 0) + 1;
      const counts = await board.counts(scope, filter);
      expect(counts.total).toBe(rows.length);
      expect(Object.fromEntries(Object.entries(counts.byStatus).filter(([, n]) => n > 0))).toEqual(tally);
    }
    const sgddt = await board.counts({ kind: 'UNIT', unitCode: 'SGDDT' }, {});
    expect(sgddt.byStatus).toMatchObject({
      DRAFT: 2,
      UNIT_REVIEW: 1,
      APPRAISAL: 1,
      SUPPLEMENT_REQUESTED: 1,
      COUNCIL_VOTING: 1,
      REJECTED: 1,
      WITHDRAWN: 1,
      AWARDED: 0,
      RETURNED: 0,
    });
  });
});

describe('working days left', () => {
  it('skips the National Day holidays and weekends between today and the due date', () => {
    // Fri 29/8 → Fri 5/9: Sat, Sun, Mon 1/9 and Tue 2/9 (Quốc khánh) do not count; Wed, Thu, Fri do.
    expect(workingDaysLeft('2025-08-29', '2025-09-05')).toBe(3);
    expect(workingDaysLeft('2025-09-05', '2025-09-05')).toBe(0);
    expect(workingDaysLeft('2025-09-09', '2025-09-05')).toBe(-2);
  });

  it('is null, not an error, outside the calendar or without a due date', () => {
    expect(workingDaysLeft('2031-01-02', '2025-09-05')).toBeNull();
    expect(workingDaysLeft(TODAY, null)).toBeNull();
  });
});

describe('the task inbox', () => {
  const tasksOf = async (actor: Actor, today = TODAY) => (await inbox.inbox(actor, today)).tasks;
  const kinds = async (actor: Actor) => Object.fromEntries((await tasksOf(actor)).map((t) => [t.dossierId, t.kind]));

  it("gives a unit clerk their unit's drafts, returned dossiers and supplement requests, with the supplement deadline", async () => {
    expect(await kinds(who('UNIT_CLERK', 'clerk-SGDDT', 'SGDDT'))).toEqual({
      [d.draft]: 'SUBMIT',
      [d.draftCstd]: 'SUBMIT',
      [d.supplement]: 'ANSWER_SUPPLEMENT',
    });
    expect(await kinds(who('UNIT_CLERK', 'clerk-SYT', 'SYT'))).toEqual({ [d.returned]: 'SUBMIT' });
    const [first] = await tasksOf(who('UNIT_CLERK', 'clerk-SGDDT', 'SGDDT'));
    expect(first).toMatchObject({ dossierId: d.supplement, due: '2025-09-05', daysLeft: 3, overdue: false });
    expect(await tasksOf(who('UNIT_CLERK', 'clerk-nowhere'))).toEqual([]);
  });

  it('counts days left from the given today, negative once the due date has passed', async () => {
    const late = (await tasksOf(who('UNIT_CLERK', 'clerk-SGDDT', 'SGDDT'), '2025-09-09')).find(
      (t) => t.dossierId === d.supplement,
    );
    expect(late).toMatchObject({ daysLeft: -2, overdue: true });
    const outside = (await tasksOf(who('UNIT_CLERK', 'clerk-SGDDT', 'SGDDT'), '2031-01-02')).find(
      (t) => t.dossierId === d.supplement,
    );
    expect(outside).toMatchObject({ due: '2025-09-05', daysLeft: null });
  });

  it("gives a unit head their unit's dossiers under review", async () => {
    expect(await kinds(who('UNIT_HEAD', 'head-SGDDT', 'SGDDT'))).toEqual({ [d.review]: 'REVIEW' });
  });

  it('gives the secretariat officer appraisals not overdue, and the head the overdue ones as well', async () => {
    const officer = await tasksOf(who('SECRETARIAT_OFFICER', 'sec-1'));
    expect(officer.map((t) => t.dossierId)).toContain(d.appraisal);
    expect(officer.map((t) => t.dossierId)).not.toContain(d.overdue);
    expect(officer.every((t) => t.kind === 'APPRAISE' && t.status === 'APPRAISAL' && !t.overdue)).toBe(true);
    const head = await kinds(who('SECRETARIAT_HEAD', 'sec-head'));
    expect(head[d.overdue]).toBe('HANDLE_OVERDUE');
    expect(head[d.appraisal]).toBe('APPRAISE');
    expect(Object.keys(head).sort()).toEqual([...officer.map((t) => t.dossierId), d.overdue].sort());
    const appraise = officer.find((t) => t.dossierId === d.appraisal);
    expect(appraise?.due).not.toBeNull();
    expect(appraise?.daysLeft).toBe(workingDaysLeft(TODAY, appraise?.due ?? null));
  });

  it('gives council members the open votes they have not cast, in councils they sit on', async () => {
    expect(await kinds(who('COUNCIL_MEMBER', 'm1'))).toEqual({ [d.voting]: 'VOTE', [d.secondRound]: 'VOTE' });
    expect(await kinds(who('COUNCIL_MEMBER', 'm2'))).toEqual({ [d.voting]: 'VOTE', [d.voting2]: 'VOTE' });
    // m3 sat on the first round of secondRound only, and voting2 waits for m2 before m3.
    expect(await kinds(who('COUNCIL_CHAIR', 'm3'))).toEqual({ [d.voting]: 'VOTE', [d.voting2]: 'VOTE' });
    const [task] = await tasksOf(who('COUNCIL_MEMBER', 'm1'));
    expect(task.due).not.toBeNull();
  });

  it('takes the vote task away from a member once they have voted', async () => {
    expect(Object.keys(await kinds(who('COUNCIL_MEMBER', 'm2')))).toContain(d.voting2);
    await append(lastVoteOnVoting2);
    expect(Object.keys(await kinds(who('COUNCIL_MEMBER', 'm2')))).not.toContain(d.voting2);
    expect(Object.keys(await kinds(who('COUNCIL_CHAIR', 'm3')))).toContain(d.voting2);
  });

  it('gives the provincial decider the dossiers awaiting a decision, and auditors nothing', async () => {
    const decider = await kinds(who('PROVINCIAL_DECIDER', 'chairman'));
    expect(decider[d.awaiting]).toBe('DECIDE');
    expect(Object.values(decider).every((k) => k === 'DECIDE')).toBe(true);
    expect(await tasksOf(who('AUDITOR', 'auditor'))).toEqual([]);
    expect(await tasksOf(who('ADMINISTRATOR', 'admin'))).toEqual([]);
  });
});

describe('the council ballot read model', () => {
  const ballots = async () =>
    (await db.ds.query(`SELECT * FROM council_ballot ORDER BY dossier_id, member_id`)) as Record<string, unknown>[];

  it('records that a member voted, never how', async () => {
    const columns = (await db.ds.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'council_ballot' ORDER BY ordinal_position`,
    )) as { column_name: string }[];
    expect(columns.map((c) => c.column_name)).toEqual([
      'dossier_id',
      'member_id',
      'opened_at',
      'voted_at',
      'closed_at',
    ]);
    const rows = await ballots();
    expect(rows.filter((r) => r.dossier_id === d.withdrawn)).toEqual([]);
    expect(rows.filter((r) => r.dossier_id === d.secondRound).map((r) => [r.member_id, r.voted_at !== null])).toEqual([
      ['m1', false],
      ['m2', true],
    ]);
  });

  it('is reproduced row for row by rebuildReadModels', async () => {
    const live = await ballots();
    expect(live.some((r) => r.closed_at !== null)).toBe(true);
    await rebuildReadModels(db.ds);
    expect(await ballots()).toEqual(live);
  });

  it('gives open votes, when the migration backfills them from events, the ballots the projection gives them', async () => {
    const open = `SELECT b.dossier_id, b.member_id, b.opened_at, b.voted_at, b.closed_at FROM council_ballot b
                    JOIN dossier_view d ON d.id = b.dossier_id WHERE d.status = 'COUNCIL_VOTING' ORDER BY 1, 2`;
    const projected = (await db.ds.query(open)) as unknown[];
    expect(projected.length).toBeGreaterThan(3);
    await db.ds.query(`TRUNCATE council_ballot`);
    // The migration ran before the event table's stream column was renamed (1735920000000): today's name for it.
    await db.ds.query(BACKFILL_OPEN_BALLOTS.replace(/\b([ev])\.dossier_id\b/g, '$1.stream_id'));
    expect(await db.ds.query(open)).toEqual(projected);
    await rebuildReadModels(db.ds);
  });
});
