/**
 * The batched folds (read the touched rows once, fold the events in memory, write each table in one statement) leave
 * exactly the rows the event-by-event SQL projections left, whatever the batches: one event, one command, a page of
 * the event table cutting streams in two, or everything at once. The event-by-event projections are kept as the
 * specification in test/support/event-by-event-projections.ts.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  exampleCstdCoSoContent,
  type DossierCommand,
  type DossierEvent,
  type EventEnvelope,
  type StoredEnvelope,
} from '@tdkt/domain';
import {
  projectAwardFundByEvent,
  projectAwardHistoryByEvent,
  projectCouncilBallotByEvent,
  projectStatisticsByEvent,
} from '../../../../test/support/event-by-event-projections';
import { batchesOf, simulatedActor as who, simulateDossier } from '../../../../test/support/simulate';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { awardFundInMemory, projectAwardFund } from './award-fund-projection';
import { awardHistoryInMemory, projectAwardHistory } from './award-history-projection';
import { projectCouncilBallot } from './council-ballot-projection';
import { startInMemoryRebuild, type InMemoryRebuild } from './rebuild-fold';
import { projectStatistics, statisticsInMemory } from './statistics-projection';
import {
  AWARD_COUNT_FROM_ROWS,
  STAGE_TIME_ALL_FROM_ROWS,
  STAGE_TIME_STAT_FROM_ROWS,
  STAGE_TIME_UNIT_FROM_ROWS,
} from './statistics-aggregates';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase();
}, 60_000);
afterAll(async () => db?.drop());

const chairman = who('PROVINCIAL_DECIDER', 'chairman');
const officer = who('SECRETARIAT_OFFICER', 'sec-1');
const clerk = who('UNIT_CLERK', 'clerk-SGDDT', 'SGDDT');
const award = (number: string): [ReturnType<typeof who>, DossierCommand] => [
  chairman,
  {
    type: 'DecideDossier',
    data: { approve: true, allocated: { number, authority: 'PROVINCIAL_CHAIRMAN', year: 0 } },
  },
];
const revokeThenRecover: [ReturnType<typeof who>, DossierCommand][] = [
  [
    chairman,
    {
      type: 'RevokeAward',
      data: { ground: 'FRAUDULENT_DECLARATION', reason: 'Kê khai thành tích gian dối', decisionRef: '45/QĐ-UBND' },
    },
  ],
  [officer, { type: 'RecordRecovery', data: { item: 'BONUS', amountVnd: 1_250_000 } }],
  [officer, { type: 'RecordRecovery', data: { item: 'AWARD_OBJECT' } }],
];

/** Two movements some dossiers come from (phong trào thi đua), and a thematic round (a movement too). */
const MOVEMENT_A = randomUUID();
const MOVEMENT_B = randomUUID();
const ROUND = randomUUID();

/** Dossiers along every stretch of the route, approved and not, returned, supplemented, withdrawn, awarded, revoked. */
function routeStreams(): EventEnvelope[][] {
  const streams: EventEnvelope[][] = [];
  for (const steps of [1, 2, 3, 4, 5, 6, 7])
    for (const approve of [true, false])
      streams.push(
        simulateDossier({
          steps,
          approve,
          unitCode: steps % 2 ? 'SGDDT' : 'SYT',
          nominee: `Người ${steps}`,
          ...(approve ? {} : { movementId: MOVEMENT_B }),
        }),
      );
  streams.push(
    simulateDossier({
      steps: 8,
      decision: { approve: true, number: '1/QĐ-UBND' },
      nominee: 'Được khen',
      movementId: MOVEMENT_A,
    }),
  );
  streams.push(simulateDossier({ steps: 8, decision: { approve: false }, nominee: 'Không được khen' }));
  streams.push(
    simulateDossier({
      steps: 8,
      decision: { approve: true },
      nomineeKind: 'COLLECTIVE',
      nominee: 'Tập thể',
      movementId: MOVEMENT_B,
    }),
  );
  streams.push(
    simulateDossier({
      steps: 8,
      decision: { approve: true },
      nominee: 'Bị hủy',
      movementId: MOVEMENT_A,
      then: revokeThenRecover,
    }),
  );
  streams.push(
    simulateDossier({
      steps: 3,
      nominee: 'Trả lại rồi khen',
      directWorker: true,
      then: [
        [officer, { type: 'ReturnDossier', data: { reason: 'Thiếu biên bản họp' } }],
        [clerk, { type: 'SubmitDossier', data: {} }],
        [who('UNIT_HEAD', 'head-SGDDT', 'SGDDT'), { type: 'ApproveAtUnit', data: {} }],
        [officer, { type: 'RequestSupplement', data: { missingParts: ['MINUTES'], reason: 'Thiếu' } }],
        [clerk, { type: 'ProvideSupplement', data: {} }],
        [officer, { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2'] } }],
        [who('COUNCIL_MEMBER', 'm1'), { type: 'CastVote', data: { approve: true } }],
        [who('COUNCIL_MEMBER', 'm2'), { type: 'CastVote', data: { approve: true } }],
        award('9/QĐ-UBND'),
      ],
      dayOffsets: [0, 0, 1, 3, 5, 6, 8, 9, 10, 11, 12, 12],
    }),
  );
  streams.push(
    simulateDossier({
      steps: 2,
      nominee: 'Rút',
      then: [[clerk, { type: 'WithdrawDossier', data: { reason: 'Rút hồ sơ' } }]],
    }),
  );
  return streams;
}

const envelopes = (dossierId: string, events: DossierEvent[]): StoredEnvelope[] =>
  events.map(
    (e, i) =>
      ({
        streamId: dossierId,
        seq: i + 1,
        type: e.type,
        data: e.data,
        actorId: 'clerk',
        actorRole: 'UNIT_CLERK',
        occurredAt: new Date(Date.UTC(2025, 6, 1, 3) + i * 3_600_000).toISOString(),
        ruleSetVersion: 'LAW2022+ND152+TT15/2025',
        requestId: randomUUID(),
      }) as StoredEnvelope,
  );

/** Dossiers citing initiatives (one twice under two spellings), re-citing them, then used, freed or awarded. */
function initiativeStreams(): StoredEnvelope[][] {
  const base = exampleCstdCoSoContent(2024);
  const initiative = (id: string) => ({
    id,
    kind: 'INITIATIVE' as const,
    level: 'CO_SO' as const,
    year: 2024,
    recognition: { decision: '15/QĐ-SGDĐT', level: 'CO_SO' as const, date: '2024-11-20' },
  });
  const record = (ids: string[], achievementId?: string) => ({
    ...base.record,
    initiatives: ids.map(initiative),
    initiativeIds: [...ids, 'không có trong danh sách'],
    ...(achievementId ? { achievementId } : {}),
  });
  const created = (ids: string[], roundId?: string): DossierEvent => ({
    type: 'DossierCreated',
    data: {
      ...(roundId ? { commendationType: 'THEMATIC' as const, roundId } : {}),
      awardCode: 'CSTD_CO_SO',
      unitCode: 'SGDDT',
      title: 'CSTĐ cơ sở',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Người có sáng kiến' },
      achievements: 'Sáng kiến',
      parts: base.parts,
      record: record(ids),
    },
  });
  const updated = (ids: string[], achievementId?: string): DossierEvent =>
    ({ type: 'DossierContentUpdated', data: { record: record(ids, achievementId) } }) as DossierEvent;
  const submitted: DossierEvent = {
    type: 'DossierSubmitted',
    data: { ruleSetVersion: 'LAW2022+ND152+TT15/2025', eligibility: { evaluationYear: 2024, criteria: [] } },
  };
  const closed = (passed: boolean): DossierEvent =>
    ({ type: 'CouncilVotingClosed', data: { quorumMet: true, passed } }) as DossierEvent;
  const awarded: DossierEvent = {
    type: 'DossierAwarded',
    data: {
      decision: {
        number: '3/QĐ-UBND',
        authority: 'PROVINCIAL_CHAIRMAN',
        year: 2025,
        signerId: 'chairman',
        signedOn: '2025-07-02',
        legalBasis: [],
      },
    },
  } as DossierEvent;
  return [
    envelopes(randomUUID(), [created(['Sáng kiến A', 'sáng  kiến a', 'Sáng kiến B']), submitted]),
    envelopes(randomUUID(), [
      created(['Sáng kiến C']),
      updated(['Sáng kiến D'], 'thành tích 2024'),
      submitted,
      closed(false),
    ]),
    envelopes(randomUUID(), [
      created(['Sáng kiến E']),
      submitted,
      { type: 'DossierWithdrawn', data: { reason: 'Rút' } },
    ]),
    envelopes(randomUUID(), [created(['Sáng kiến F'], ROUND), submitted, closed(true), awarded]),
  ];
}

/** Payments against the awarded dossiers, in AWARD_FUND streams of their own, one for a dossier the ledger lacks. */
function paymentStreams(routes: EventEnvelope[][]): StoredEnvelope[][] {
  const awarded = routes.filter((s) => s.some((e) => e.type === 'DossierAwarded')).map((s) => s[0].streamId);
  return [...awarded, randomUUID()].map((dossierId, n) =>
    [1, 2].map(
      (seq) =>
        ({
          dossierId: randomUUID(),
          seq,
          type: 'AwardFundPaymentRecorded',
          data: {
            dossierId,
            amountVnd: 100_000 * (n + seq),
            paidOn: `2025-10-0${seq + (n % 3)}`,
            source: 'STATE_BUDGET',
            voucherRef: `PC-${n}-${seq}`,
            ...(seq === 2 ? { note: 'Đợt hai' } : {}),
          },
          actorId: 'accountant',
          actorRole: 'SECRETARIAT_OFFICER',
          occurredAt: '2025-10-05T03:00:00.000Z',
          ruleSetVersion: null,
          requestId: randomUUID(),
        }) as unknown as StoredEnvelope,
    ),
  );
}

/**
 * Every command's batch of every stream, interleaved as concurrent commands land in the event table (round robin),
 * with the payment streams after the dossiers.
 */
function eventTable(): { events: StoredEnvelope[]; commands: StoredEnvelope[][] } {
  const routes = routeStreams();
  const queues = [...routes.map(batchesOf), ...initiativeStreams().map((s) => s.map((e) => [e]))];
  const commands: StoredEnvelope[][] = [];
  for (let round = 0; queues.some((q) => round < q.length); round++)
    for (const q of queues) if (round < q.length) commands.push(q[round]);
  for (const payments of paymentStreams(routes)) for (const p of payments) commands.push([p]);
  return { events: commands.flat(), commands };
}

/** The dossiers' movements as a table keeps them: how many rows name each one (none: ''). */
const movementsIn = async (m: EntityManager, table: string) =>
  Object.fromEntries(
    (
      (await m.query(
        `SELECT COALESCE(movement_id::text, '') AS movement, count(*)::int AS n FROM ${table} GROUP BY 1`,
      )) as { movement: string; n: number }[]
    ).map((r) => [r.movement, r.n]),
  );

const pages = (events: StoredEnvelope[], size: number): StoredEnvelope[][] =>
  Array.from({ length: Math.ceil(events.length / size) }, (_, i) => events.slice(i * size, (i + 1) * size));

const MODELS: {
  name: string;
  tables: string[];
  byEvent: (m: EntityManager, e: StoredEnvelope) => Promise<void>;
  batched: (m: EntityManager, events: readonly StoredEnvelope[]) => Promise<void>;
  /** The rebuild's in-memory fold of the same read model (the ballots have none: a rebuild pages them as live). */
  inMemory?: (resident: number) => InMemoryRebuild;
}[] = [
  {
    name: 'statistics (stage_timing, award_fact)',
    tables: ['stage_timing', 'award_fact'],
    byEvent: projectStatisticsByEvent,
    batched: projectStatistics,
    inMemory: (resident) => startInMemoryRebuild(statisticsInMemory, resident),
  },
  {
    name: 'award history (award_subject, award_history, initiative_use)',
    tables: ['award_subject', 'award_history', 'initiative_use'],
    byEvent: projectAwardHistoryByEvent,
    batched: projectAwardHistory,
    inMemory: (resident) => startInMemoryRebuild(awardHistoryInMemory, resident),
  },
  {
    name: 'council ballots (council_ballot)',
    tables: ['council_ballot'],
    byEvent: projectCouncilBallotByEvent,
    batched: projectCouncilBallot,
  },
  {
    name: 'award fund (award_fund_entry, award_fund_payment)',
    tables: ['award_fund_entry', 'award_fund_payment'],
    byEvent: projectAwardFundByEvent,
    batched: projectAwardFund,
    inMemory: (resident) => startInMemoryRebuild(awardFundInMemory, resident),
  },
];

/** The rows of `tables`, in a stable order. */
const snapshotOf = async (m: EntityManager, tables: readonly string[]) => {
  const rows: unknown[][] = [];
  for (const t of tables) rows.push((await m.query(`SELECT * FROM ${t} ORDER BY ${t}::text`)) as unknown[]);
  return rows;
};
/** The tables after `work`, in a transaction rolled back afterwards (the scratch database stays empty). */
const rowsAfter = async (tables: readonly string[], work: (m: EntityManager) => Promise<void>) => {
  const runner = db.ds.createQueryRunner();
  await runner.startTransaction();
  try {
    await work(runner.manager);
    return await snapshotOf(runner.manager, tables);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
};

describe.each(MODELS)('the batched $name', ({ tables, byEvent, batched }) => {
  const { events, commands } = eventTable();
  let reference: unknown[][];
  beforeAll(async () => {
    reference = await rowsAfter(tables, async (m) => {
      for (const e of events) await byEvent(m, e);
    });
  });

  it('the event-by-event reference has rows in every table (the stream set exercises each of them)', () => {
    for (const rows of reference) expect(rows.length).toBeGreaterThan(0);
  });

  it.each([
    ['one event at a time', () => events.map((e) => [e])],
    ["one command's events at a time (the live append)", () => commands],
    ['pages of 7 events (streams cut across pages)', () => pages(events, 7)],
    ['pages of 64 events', () => pages(events, 64)],
    ['the whole table as one batch', () => [events]],
  ])('leaves the same rows as the event-by-event projection, fed %s', async (_, batches) => {
    const rows = await rowsAfter(tables, async (m) => {
      for (const batch of batches()) await batched(m, batch);
    });
    expect(rows).toEqual(reference);
  });
});

// A rebuild folds every stream in memory across pages and writes each row once, into shadows without indexes; with
// little memory it writes the owners touched first out and reads them back when touched again (the payments
// arrive after every dossier: with 2 owners resident, each payment reads its dossier's line back).
describe.each(MODELS.filter((model) => model.inMemory))('the $name folded in memory by a rebuild', (model) => {
  const { tables, byEvent } = model;
  const inMemory = model.inMemory!;
  const { events } = eventTable();
  let reference: unknown[][];
  beforeAll(async () => {
    reference = await rowsAfter(tables, async (m) => {
      for (const e of events) await byEvent(m, e);
    });
  });

  it.each([
    ['every owner in memory until the end, pages of 64', 1_000_000, 64],
    ['2 owners in memory (written out, read back), pages of 7', 2, 7],
  ])('leaves the same rows as the event-by-event projection: %s', async (_, resident, size) => {
    let fold: InMemoryRebuild | undefined;
    const rows = await rowsAfter(tables, async (m) => {
      for (const t of tables)
        await m.query(`CREATE TEMPORARY TABLE ${t} (LIKE public.${t} INCLUDING ALL EXCLUDING INDEXES) ON COMMIT DROP`);
      fold = inMemory(resident);
      for (const page of pages(events, size)) await fold.feed(m, page);
      await fold.finish(m);
    });
    expect(rows).toEqual(reference);
    expect(fold!.reloaded > 0).toBe(resident === 2);
  });
});

describe('the statistics keep the movement each dossier comes from', () => {
  const { events, commands } = eventTable();
  /** stage_timing and award_fact by movement after `work`, rolled back afterwards. */
  const movementsAfter = async (work: (m: EntityManager) => Promise<void>) => {
    const runner = db.ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await work(runner.manager);
      return [await movementsIn(runner.manager, 'stage_timing'), await movementsIn(runner.manager, 'award_fact')];
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  };
  // 8 dossiers of B (7 unapproved routes and the awarded collective), 2 of A (one awarded, one revoked), the thematic
  // round's one; the award of the revoked dossier is gone, the returned-then-awarded one names no movement.
  const expected = [
    { [MOVEMENT_A]: 2, [MOVEMENT_B]: 8, [ROUND]: 1, '': 13 },
    { [MOVEMENT_A]: 1, [MOVEMENT_B]: 1, [ROUND]: 1, '': 1 },
  ];

  it('in the event-by-event reference (movementId, else the thematic round)', async () => {
    expect(
      await movementsAfter(async (m) => {
        for (const e of events) await projectStatisticsByEvent(m, e);
      }),
    ).toEqual(expected);
  });

  it('in the batched fold, live (one command at a time) and in a rebuild (pages of 7)', async () => {
    for (const batches of [commands, pages(events, 7)])
      expect(
        await movementsAfter(async (m) => {
          for (const batch of batches) await projectStatistics(m, batch);
        }),
      ).toEqual(expected);
  });
});

describe('the report aggregates the statistics fold maintains (stage_time_stat / _all / _unit, award_count)', () => {
  const { events, commands } = eventTable();
  /** The maintained aggregates and what the rows left by the fold add up to, after `batches`, rolled back afterwards. */
  const aggregatesAfter = async (batches: readonly (readonly StoredEnvelope[])[]) => {
    const runner = db.ds.createQueryRunner();
    await runner.startTransaction();
    try {
      const m = runner.manager;
      for (const batch of batches) await projectStatistics(m, batch);
      const read = (sql: string) => m.query(`SELECT * FROM (${sql}) x ORDER BY x::text`) as Promise<{ n: number }[]>;
      return {
        maintained: [
          await read('SELECT * FROM stage_time_stat'),
          await read('SELECT * FROM stage_time_all'),
          await read('SELECT * FROM stage_time_unit'),
          await read('SELECT * FROM award_count'),
        ],
        fromRows: [
          await read(STAGE_TIME_STAT_FROM_ROWS),
          await read(STAGE_TIME_ALL_FROM_ROWS),
          await read(STAGE_TIME_UNIT_FROM_ROWS),
          await read(AWARD_COUNT_FROM_ROWS),
        ],
      };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  };

  it.each([
    ['one event at a time', () => events.map((e) => [e])],
    ["one command's events at a time (the live append)", () => commands],
    ['pages of 7 events (streams cut across pages)', () => pages(events, 7)],
    ['the whole table as one batch', () => [events]],
  ])(
    'equal what the rows add up to (returns take stage times back, revocations awards, no row left at zero), fed %s',
    async (_, batches) => {
      const { maintained, fromRows } = await aggregatesAfter(batches());
      for (const rows of maintained) expect(rows.length).toBeGreaterThan(0);
      expect(maintained.flat().every((r) => r.n > 0)).toBe(true);
      expect(maintained).toEqual(fromRows);
    },
  );
});
