/** Statistics come from the event table alone: awards by form and unit, stage times, the five-year report. */
import type { DataSource } from 'typeorm';
import { type DossierCommand, type EventEnvelope } from '@tdkt/domain';
import { batchesOf, simulateDossier, simulatedActor as who } from '../../../../test/support/simulate';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { Directory } from '../directory/directory';

import { rebuildReadModels } from './rebuild';
import { StatisticsQueries } from './statistics-queries';
import {
  AWARD_COUNT_FROM_ROWS,
  STAGE_TIME_ALL_FROM_ROWS,
  STAGE_TIME_STAT_FROM_ROWS,
  STAGE_TIME_UNIT_FROM_ROWS,
} from './statistics-aggregates';
import { eventStoreWithReadModels } from './projections';

const SEPT_2025 = Date.UTC(2025, 8, 15, 3);
const MARCH_2026 = Date.UTC(2026, 2, 16, 3);
/** Days after the start of: create, submit, unit approval, appraisal acceptance, three votes, decision. */
const ROUTE_DAYS = [0, 0, 1, 5, 6, 6, 6, 8];
const awarded = { decision: { approve: true } } as const;

let db: Awaited<ReturnType<typeof scratchDatabase>>;
let stats: StatisticsQueries;
const ids: Record<string, string> = {};

/** A dossier that was created, returned by the secretariat, resubmitted and awarded. */
function returnedThenAwarded(): EventEnvelope[] {
  const clerk = who('UNIT_CLERK', 'clerk-SGDDT', 'SGDDT');
  const then: [ReturnType<typeof who>, DossierCommand][] = [
    [who('SECRETARIAT_OFFICER', 'sec-1'), { type: 'ReturnDossier', data: { reason: 'Thiếu biên bản họp' } }],
    [clerk, { type: 'SubmitDossier', data: {} }],
    [who('UNIT_HEAD', 'head-SGDDT', 'SGDDT'), { type: 'ApproveAtUnit', data: {} }],
    [who('SECRETARIAT_OFFICER', 'sec-1'), { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2', 'm3'] } }],
    ...['m1', 'm2', 'm3'].map((m): [ReturnType<typeof who>, DossierCommand] => [
      who('COUNCIL_MEMBER', m),
      { type: 'CastVote', data: { approve: true } },
    ]),
    [
      who('PROVINCIAL_DECIDER', 'chairman'),
      {
        type: 'DecideDossier',
        data: { approve: true, allocated: { number: '77/QĐ-UBND', authority: 'PROVINCIAL_CHAIRMAN', year: 0 } },
      },
    ],
  ];
  return simulateDossier({
    steps: 3,
    unitCode: 'SGDDT',
    nominee: 'Lò Văn Lả',
    directWorker: true,
    now: SEPT_2025,
    then,
    dayOffsets: [0, 0, 1, 3, 5, 6, 10, 11, 11, 11, 12],
  });
}

beforeAll(async () => {
  db = await scratchDatabase();
  stats = new StatisticsQueries(db.ds);
  const directory = new Directory(db.ds);
  await directory.upsertUnit({
    code: 'SGDDT',
    name: 'Sở Giáo dục và Đào tạo Sơn La',
    level: 'AGENCY',
    provinceCode: 'SL',
  });
  await directory.upsertUnit({ code: 'SYT', name: 'Sở Y tế Sơn La', level: 'AGENCY', provinceCode: 'SL' });
  await directory.upsertUnit({ code: 'HN-XA', name: 'UBND xã Hà Nội', level: 'COMMUNE', provinceCode: 'HN' });

  const sl = { steps: 8, now: SEPT_2025, dayOffsets: ROUTE_DAYS };
  const streams: Record<string, EventEnvelope[]> = {
    A: simulateDossier({ ...sl, ...awarded, unitCode: 'SGDDT', nominee: 'Cầm Thị A', directWorker: true }),
    B: simulateDossier({ ...sl, ...awarded, unitCode: 'SGDDT', nominee: 'Quàng Văn B', directWorker: false }),
    F: simulateDossier({
      ...sl,
      ...awarded,
      unitCode: 'SGDDT',
      nominee: 'Hộ ông Lường Văn F',
      nomineeKind: 'HOUSEHOLD',
    }),
    L: returnedThenAwarded(),
    G: simulateDossier({
      ...sl,
      ...awarded,
      now: MARCH_2026,
      unitCode: 'SGDDT',
      nominee: 'Tòng Thị G',
      directWorker: true,
    }),
    I: simulateDossier({
      ...sl,
      decision: { approve: false, reason: 'Chưa đủ tiêu chuẩn' },
      unitCode: 'SGDDT',
      nominee: 'Vì Văn I',
    }),
    K: simulateDossier({ ...sl, steps: 3, unitCode: 'SGDDT', nominee: 'Lừ Thị K' }),
    W: simulateDossier({
      ...sl,
      steps: 2,
      unitCode: 'SGDDT',
      nominee: 'Hà Văn W',
      then: [[who('UNIT_CLERK', 'clerk-SGDDT', 'SGDDT'), { type: 'WithdrawDossier', data: { reason: 'Rút hồ sơ' } }]],
    }),
    C: simulateDossier({
      ...sl,
      ...awarded,
      unitCode: 'SYT',
      nominee: 'Khoa Nhi, Bệnh viện tỉnh',
      nomineeKind: 'COLLECTIVE',
    }),
    D: simulateDossier({
      ...sl,
      ...awarded,
      awardCode: 'TT_LD_XUAT_SAC',
      unitCode: 'SYT',
      nominee: 'Trạm Y tế xã Chiềng Mung',
      nomineeKind: 'COLLECTIVE',
    }),
    E: simulateDossier({
      ...sl,
      ...awarded,
      awardCode: 'CO_TD_TINH',
      unitCode: 'SYT',
      nominee: 'Bệnh viện Đa khoa tỉnh',
      nomineeKind: 'COLLECTIVE',
    }),
    J: simulateDossier({ ...sl, steps: 7, approve: false, unitCode: 'SYT', nominee: 'Lò Thị J' }),
    // Province HN: five awards whose stages took known numbers of days (unit, appraisal, council, decision, total):
    P1: simulateDossier({
      steps: 8,
      ...awarded,
      now: SEPT_2025,
      unitCode: 'HN-XA',
      nominee: 'Người 1',
      dayOffsets: [0, 0, 1, 11, 12, 12, 13, 15],
    }), // 1 10 2 2 15
    P2: simulateDossier({
      steps: 8,
      ...awarded,
      now: SEPT_2025,
      unitCode: 'HN-XA',
      nominee: 'Người 2',
      dayOffsets: [0, 0, 2, 12, 13, 13, 14, 20],
    }), // 2 10 2 6 20
    P3: simulateDossier({
      steps: 8,
      ...awarded,
      now: SEPT_2025,
      unitCode: 'HN-XA',
      nominee: 'Người 3',
      dayOffsets: [0, 0, 3, 8, 9, 9, 9, 10],
    }), // 3 5 1 1 10
    P4: simulateDossier({
      steps: 8,
      ...awarded,
      now: SEPT_2025,
      unitCode: 'HN-XA',
      nominee: 'Người 4',
      dayOffsets: [0, 0, 4, 24, 25, 25, 25, 30],
    }), // 4 20 1 5 30
    P5: simulateDossier({
      steps: 8,
      ...awarded,
      now: SEPT_2025,
      unitCode: 'HN-XA',
      nominee: 'Người 5',
      dayOffsets: [0, 0, 10, 40, 41, 41, 41, 45],
    }), // 10 30 1 4 45
  };
  const store = eventStoreWithReadModels(db.ds);
  for (const [key, stream] of Object.entries(streams)) {
    ids[key] = stream[0].streamId;
    for (const batch of batchesOf(stream)) await store.append(batch);
  }
}, 60_000);
afterAll(async () => db?.drop());

describe('awards by form, level, year and unit', () => {
  it('counts each award decision once, by year, catalog order and unit, with individuals, collectives and households', async () => {
    const rows = await stats.awards({ provinceCode: 'SL', fromYear: 2021, toYear: 2026 });
    expect(
      rows.map((r) => [
        r.year,
        r.awardCode,
        r.unitCode,
        r.total,
        r.individuals,
        r.collectives,
        r.households,
        r.directWorkers,
      ]),
    ).toEqual([
      [2025, 'BK_TINH', 'SGDDT', 4, 3, 0, 1, 2],
      [2025, 'BK_TINH', 'SYT', 1, 0, 1, 0, 0],
      [2025, 'CO_TD_TINH', 'SYT', 1, 0, 1, 0, 0],
      [2025, 'TT_LD_XUAT_SAC', 'SYT', 1, 0, 1, 0, 0],
      [2026, 'BK_TINH', 'SGDDT', 1, 1, 0, 0, 1],
    ]);
    expect(rows[0]).toMatchObject({
      awardName: 'Bằng khen của Chủ tịch UBND tỉnh',
      level: 'PROVINCIAL',
      decider: 'PROVINCIAL_CHAIRMAN',
      unitName: 'Sở Giáo dục và Đào tạo Sơn La',
      provinceCode: 'SL',
    });
  });

  it('filters by period, unit, award and level; rejected, withdrawn and open dossiers are not awards', async () => {
    expect((await stats.awards({ provinceCode: 'SL', fromYear: 2026, toYear: 2026 })).map((r) => r.year)).toEqual([
      2026,
    ]);
    expect((await stats.awards({ unitCode: 'SYT', awardCode: 'CO_TD_TINH' })).map((r) => r.total)).toEqual([1]);
    expect(await stats.awards({ level: 'STATE' })).toEqual([]);
    const [facts] = (await db.ds.query(`SELECT count(*)::int AS n FROM award_fact`)) as { n: number }[];
    expect(facts.n).toBe(13); // A B F L G C D E, P1–P5
    const [row] = (await db.ds.query(`SELECT decision_number, decided_on, year FROM award_fact WHERE dossier_id = $1`, [
      ids.L,
    ])) as { decision_number: string; decided_on: string; year: number }[];
    expect(row).toEqual({ decision_number: '77/QĐ-UBND', decided_on: '2025-09-27', year: 2025 });
  });

  it('gives the share of awards to individuals that went to people working directly at the grassroots', async () => {
    expect(await stats.directWorkerShare({ provinceCode: 'SL', fromYear: 2021, toYear: 2025 })).toEqual({
      individuals: 3,
      directWorkers: 2,
      share: 0.6667,
    });
    expect(await stats.directWorkerShare({ provinceCode: 'SL', fromYear: 2026, toYear: 2026 })).toEqual({
      individuals: 1,
      directWorkers: 1,
      share: 1,
    });
    expect(await stats.directWorkerShare({ provinceCode: 'SL', fromYear: 2020, toYear: 2020 })).toEqual({
      individuals: 0,
      directWorkers: 0,
      share: null,
    });
  });
});

describe('processing time per stage', () => {
  it('gives the count, median and 90th percentile of the days each stage took', async () => {
    const stages = await stats.processingTimes({ provinceCode: 'HN', fromYear: 2025, toYear: 2025 });
    expect(stages.map((s) => [s.stage, s.count, s.medianDays, s.p90Days])).toEqual([
      ['UNIT_REVIEW', 5, 3, 7.6], // 1 2 3 4 10
      ['APPRAISAL', 5, 10, 26], // 5 10 10 20 30
      ['COUNCIL_VOTING', 5, 1, 2], // 1 1 1 2 2
      ['DECISION', 5, 4, 5.6], // 1 2 4 5 6
      ['TOTAL', 5, 20, 39], // 10 15 20 30 45
    ]);
    expect(
      (await stats.processingTimes({ provinceCode: 'HN', fromYear: 2026, toYear: 2026 })).every(
        (s) => s.count === 0 && s.medianDays === null,
      ),
    ).toBe(true);
  });

  it("reads a province's (every unit less those outside it), a unit's and every unit's times alike", async () => {
    const of = async (f: Parameters<StatisticsQueries['processingTimes']>[0]) =>
      (await stats.processingTimes(f)).map((s) => [s.stage, s.count, s.medianDays, s.p90Days]);
    const hn = await of({ provinceCode: 'HN', fromYear: 2025, toYear: 2025 });
    expect(await of({ unitCode: 'HN-XA', fromYear: 2025, toYear: 2025 })).toEqual(hn);
    expect(await of({ provinceCode: 'HN', unitCode: 'HN-XA', awardCode: 'BK_TINH', fromYear: 2025 })).toEqual(hn);
    expect(await of({ provinceCode: 'NONE', fromYear: 2025, toYear: 2025 })).toEqual(
      hn.map(([stage]) => [stage, 0, null, null]),
    );
    // Every unit: HN's five and SL's awarded, rejected and open dossiers that finished a stage in 2025.
    const all = await stats.processingTimes({ fromYear: 2025, toYear: 2025 });
    const sl = await stats.processingTimes({ provinceCode: 'SL', fromYear: 2025, toYear: 2025 });
    expect(all.map((s, i) => s.count - sl[i].count)).toEqual(hn.map(([, n]) => n));
    expect(sl.find((s) => s.stage === 'TOTAL')?.count).toBe(8); // A B F L C D E and the refused I
  });

  it('times a returned dossier from its last pass, its total from the first submission, and keeps final statuses', async () => {
    const rows = (await db.ds.query(`SELECT * FROM stage_timing WHERE dossier_id = ANY ($1) ORDER BY dossier_id`, [
      [ids.L, ids.I, ids.J, ids.K, ids.W],
    ])) as {
      dossier_id: string;
      first_submitted_at: Date;
      submitted_at: Date;
      unit_approved_at: Date | null;
      decided_at: Date | null;
      final_status: string | null;
      returns: number;
    }[];
    const by = new Map(rows.map((r) => [r.dossier_id, r]));
    const day = (d: Date | null | undefined) => (d ? (d.getTime() - SEPT_2025) / 86_400_000 : null);
    const l = by.get(ids.L);
    expect([
      day(l?.first_submitted_at),
      day(l?.submitted_at),
      day(l?.unit_approved_at),
      day(l?.decided_at),
      l?.returns,
      l?.final_status,
    ]).toEqual([0, 5, 6, 12, 1, 'AWARDED']);
    expect([ids.I, ids.J, ids.K, ids.W].map((id) => [by.get(id)?.final_status, day(by.get(id)?.decided_at)])).toEqual([
      ['REJECTED', 8], // the chairman refused
      ['REJECTED', null], // the council did not pass it: no decision was made
      [null, null], // still in appraisal
      ['WITHDRAWN', null],
    ]);
  });
});

describe('the five-year report of the seed article', () => {
  it('lists every category in the article order with counts for the province and period only', async () => {
    const report = await stats.fiveYearReport({ provinceCode: 'SL', fromYear: 2021, toYear: 2025 });
    expect(report.rows.map((r) => r.label)).toEqual([
      'Bà mẹ Việt Nam anh hùng',
      'Huân chương Kháng chiến',
      'Huy chương Kháng chiến',
      'Huân chương Độc lập hạng Nhất',
      'Huân chương Độc lập hạng Nhì',
      'Huân chương Độc lập hạng Ba',
      'Huân chương Lao động (các hạng)',
      'Bằng khen của Thủ tướng Chính phủ',
      'Cờ thi đua của Chính phủ',
      'Chiến sĩ thi đua toàn quốc',
      'Cờ thi đua của UBND tỉnh',
      'Tập thể lao động xuất sắc',
      'Bằng khen của Chủ tịch UBND tỉnh',
      'Chiến sĩ thi đua cấp tỉnh',
    ]);
    const counted = report.rows
      .filter((r) => r.count > 0)
      .map((r) => [r.key, r.count, r.individuals, r.collectives, r.households]);
    expect(counted).toEqual([
      ['CO_TD_TINH', 1, 0, 1, 0],
      ['TT_LD_XUAT_SAC', 1, 0, 1, 0],
      ['BK_TINH', 5, 3, 1, 1],
    ]);
    expect(report.rows.find((r) => r.key === 'HC_LAO_DONG')?.awardCodes).toEqual([
      'HC_LAO_DONG_1',
      'HC_LAO_DONG_2',
      'HC_LAO_DONG_3',
    ]);
    expect(report.directWorkers).toEqual({ individuals: 3, directWorkers: 2, share: 0.6667 });
    const hn = await stats.fiveYearReport({ provinceCode: 'HN', fromYear: 2025, toYear: 2025 });
    expect(hn.rows.filter((r) => r.count > 0).map((r) => [r.key, r.count, r.individuals])).toEqual([['BK_TINH', 5, 5]]);
  });
});

describe('the report aggregates', () => {
  it('hold exactly what the rows of stage_timing and award_fact add up to', async () => {
    const maintained = (t: string) => db.ds.query(`SELECT * FROM ${t} ORDER BY ${t}::text`) as Promise<unknown[]>;
    const fromRows = (sql: string) => db.ds.query(`SELECT * FROM (${sql}) x ORDER BY x::text`) as Promise<unknown[]>;
    for (const [table, sql] of [
      ['stage_time_stat', STAGE_TIME_STAT_FROM_ROWS],
      ['stage_time_all', STAGE_TIME_ALL_FROM_ROWS],
      ['stage_time_unit', STAGE_TIME_UNIT_FROM_ROWS],
    ]) {
      const rows = await maintained(table);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(await fromRows(sql));
    }
    const awards = await maintained('award_count');
    expect((awards as { n: number }[]).reduce((n, r) => n + r.n, 0)).toBe(13);
    expect(awards).toEqual(await fromRows(AWARD_COUNT_FROM_ROWS));
  });
});

describe('rebuild', () => {
  const snapshot = async (ds: DataSource) =>
    Promise.all(
      ['stage_timing', 'award_fact', 'stage_time_stat', 'stage_time_all', 'stage_time_unit', 'award_count'].map(
        (t) => ds.query(`SELECT * FROM ${t} ORDER BY ${t}::text`) as Promise<unknown[]>,
      ),
    );

  it('replaying the event table reproduces the statistics tables exactly', async () => {
    const live = await snapshot(db.ds);
    expect(live.map((rows) => rows.length).slice(0, 2)).toEqual([17, 13]);
    await db.ds.query(`UPDATE award_fact SET year = 1999`); // damage that only a replay repairs
    await db.ds.query(`UPDATE award_count SET n = n + 1`);
    await db.ds.query(`DELETE FROM stage_time_stat WHERE stage = 'TOTAL'`);
    await db.ds.query(`UPDATE stage_time_all SET ms = 0`);
    await db.ds.query(`DELETE FROM stage_time_unit`);
    await rebuildReadModels(db.ds);
    expect(await snapshot(db.ds)).toEqual(live);
  });
});
