/**
 * The hot read queries use the index meant for them: the board's pages in both sorts and by unit, the inbox of the
 * secretariat and of a unit, the board's counts (the maintained counts, never the rows), the reports (the maintained
 * statistics aggregates, never stage_timing or award_fact) and the award lookup. Each query is the one the
 * repository runs (captured from it), explained on a scratch database of 30,000 dossier rows (and as many statistics
 * and award history rows) after ANALYZE. The plans are checked in under ./plans (`TDKT_WRITE_PLANS=1` rewrites them),
 * so a changed plan shows in review.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type Logger } from 'typeorm';
import { progressTable, type Actor } from '@tdkt/domain';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { BoardQueries } from './board-queries';
import { InboxQueries } from './inbox-queries';
import { StatisticsQueries } from './statistics-queries';
import { AwardHistoryQueries } from './award-history-queries';
import {
  AWARD_COUNT_FROM_ROWS,
  STAGE_TIME_ALL_FROM_ROWS,
  STAGE_TIME_STAT_FROM_ROWS,
  STAGE_TIME_UNIT_FROM_ROWS,
} from './statistics-aggregates';
import { taskRowsFromView } from './dossier-task';

const ROWS = 30_000;
const PLANS = join(__dirname, 'plans');

let db: Awaited<ReturnType<typeof scratchDatabase>>;
/** A second connection to the scratch database that records the statements the repositories send. */
let recording: DataSource;
const sent: { sql: string; params: unknown[] }[] = [];
const recorder: Logger = {
  logQuery: (sql, params) => void sent.push({ sql, params: Array.isArray(params) ? params : [] }),
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

beforeAll(async () => {
  db = await scratchDatabase();
  // Every (status, route, overdue) of the domain's progress table, spread over 60 units and three awards.
  const progress = progressTable().map(({ status, route, overdue, progress: p }) => ({
    status,
    route,
    overdue,
    stage: p.stage,
    held_by: p.holder,
    task_kind: p.task,
  }));
  await db.ds.query(
    `INSERT INTO dossier_view (id, award_code, unit_code, title, nominee_name, nominee_kind, status, route, stage, held_by,
       task_kind, overdue, deadline, created_by, created_at, updated_at, last_seq)
     SELECT gen_random_uuid(), (ARRAY['BK_TINH', 'CSTD_TINH', 'GIAY_KHEN'])[1 + i % 3], 'U' || (i % 60), 'Hồ sơ ' || i,
            'Người ' || i, 'INDIVIDUAL', p.status, p.route, p.stage, p.held_by, p.task_kind, p.overdue,
            CASE WHEN i % 4 = 0 THEN NULL ELSE date '2025-01-01' + (i % 700) END, 'clerk',
            timestamptz '2025-01-01' + i * interval '17 minutes', timestamptz '2025-01-01' + i * interval '17 minutes', 1
       FROM generate_series(1, $2::int) AS i
       JOIN LATERAL (SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(status text, route text, overdue boolean,
              stage text, held_by text, task_kind text) OFFSET i % $3 LIMIT 1) p ON true`,
    [JSON.stringify(progress), ROWS, progress.length],
  );
  // The council's dossiers are put to m1, m2 and m3; m1 has voted on two thirds of them (the round still open).
  await db.ds.query(`UPDATE dossier_view SET council_members = ARRAY['m1', 'm2', 'm3'] WHERE held_by = 'COUNCIL'`);
  await db.ds.query(
    `INSERT INTO council_ballot (dossier_id, member_id, opened_at, voted_at)
     SELECT v.id, m, v.updated_at, CASE WHEN m = 'm1' AND ('x' || substr(v.id::text, 1, 2))::bit(8)::int % 3 > 0
                                        THEN v.updated_at END
       FROM dossier_view v, unnest(v.council_members) AS m`,
  );
  await db.ds.query(
    `INSERT INTO dossier_task (dossier_id, role, scope_key, deadline_key, updated_at) ${taskRowsFromView()}`,
  );
  await db.ds.query(
    `INSERT INTO dossier_count (status, unit_code, award_code, commendation_type, held_by, overdue, n)
     SELECT status, unit_code, award_code, commendation_type, COALESCE(held_by, ''), overdue, count(*)
       FROM dossier_view GROUP BY 1, 2, 3, 4, 5, 6`,
  );
  // As many dossiers' statistics (60 units of one province, three awards, two years, two thirds decided, stages of
  // 0–40 days and hours) with their aggregates, and as many awards in the award history (5,000 names, and one common
  // name that a tenth of them share).
  await db.ds.query(
    `INSERT INTO org_unit (code, name, level, province_code)
     SELECT 'U' || i, 'Đơn vị ' || i, 'AGENCY', 'P1' FROM generate_series(0, 59) AS i`,
  );
  await db.ds.query(
    `INSERT INTO stage_timing (dossier_id, award_code, unit_code, subject_kind, direct_worker, movement_id, created_at,
       first_submitted_at, submitted_at, unit_approved_at, appraisal_accepted_at, voting_closed_at, decided_at,
       closed_at, final_status)
     SELECT gen_random_uuid(), (ARRAY['BK_TINH', 'CSTD_TINH', 'GIAY_KHEN'])[1 + i % 3], 'U' || (i % 60),
            (ARRAY['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'])[1 + i % 3], i % 2 = 0, NULL, t, t, t,
            t + (i % 7) * interval '1 day' + (i % 24) * interval '1 hour',
            t + (i % 29) * interval '1 day' + (i % 24) * interval '1 hour',
            t + (i % 31 + 1) * interval '1 day',
            CASE WHEN i % 3 > 0 THEN t + (i % 41 + 2) * interval '1 day' END,
            CASE WHEN i % 3 > 0 THEN t + (i % 41 + 2) * interval '1 day' END,
            CASE WHEN i % 3 > 0 THEN 'AWARDED' END
       FROM generate_series(1, $1::int) AS i, LATERAL (SELECT timestamptz '2024-01-01' + i * interval '33 minutes' AS t) x`,
    [ROWS],
  );
  await db.ds.query(
    `INSERT INTO award_fact (dossier_id, award_code, level, decider, subject_kind, unit_code, direct_worker, movement_id,
       decision_number, authority, decided_on, year)
     SELECT dossier_id, award_code, 'PROVINCIAL', 'PROVINCIAL_CHAIRMAN', subject_kind, unit_code, direct_worker, NULL,
            'QĐ-' || dossier_id, 'PROVINCIAL_CHAIRMAN', decided_at::date, EXTRACT(YEAR FROM decided_at)::int
       FROM stage_timing WHERE decided_at IS NOT NULL`,
  );
  await db.ds.query(`INSERT INTO stage_time_stat ${STAGE_TIME_STAT_FROM_ROWS}`);
  await db.ds.query(`INSERT INTO stage_time_all ${STAGE_TIME_ALL_FROM_ROWS}`);
  await db.ds.query(`INSERT INTO stage_time_unit ${STAGE_TIME_UNIT_FROM_ROWS}`);
  await db.ds.query(`INSERT INTO award_count ${AWARD_COUNT_FROM_ROWS}`);
  await db.ds.query(
    `INSERT INTO award_history (dossier_id, subject_key, subject_kind, full_name, unit_code, award_code, year,
       decision_number, decided_on, achievement_id)
     SELECT gen_random_uuid(), 'S' || (i % 20000), 'INDIVIDUAL',
            CASE WHEN i % 10 = 0 THEN 'Nguyễn Văn Hùng' ELSE 'Người ' || (i % 5000) END, 'U' || (i % 60), 'BK_TINH',
            2020 + i % 6, 'QĐ-' || i, date '2020-01-01' + i % 2000, 'A' || i
       FROM generate_series(1, $1::int) AS i`,
    [ROWS],
  );
  await db.ds.query(
    `ANALYZE dossier_view, dossier_count, dossier_task, council_ballot, org_unit, stage_timing, award_fact, stage_time_stat,
       stage_time_all, stage_time_unit, award_count, award_history`,
  );
  recording = await new DataSource({ ...db.ds.options, logging: ['query'], logger: recorder }).initialize();
}, 120_000);
afterAll(async () => {
  await recording?.destroy();
  await db?.drop();
});

/** The plan of the one statement `run` sends, without costs, checked in as plans/<name>.txt. */
async function planOf(name: string, run: () => Promise<unknown>): Promise<string> {
  sent.length = 0;
  await run();
  const statements = sent.filter((s) => /^\s*SELECT/i.test(s.sql));
  expect(statements).toHaveLength(1);
  const [{ sql, params }] = statements;
  const rows = (await db.ds.query(`EXPLAIN (COSTS OFF) ${sql}`, params)) as { 'QUERY PLAN': string }[];
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const file = join(PLANS, `${name}.txt`);
  const text = `-- ${name}: ${ROWS} dossier_view rows, after ANALYZE\n${sql.replace(/\s+/g, ' ').trim()}\n\n${plan}\n`;
  if (process.env.TDKT_WRITE_PLANS === '1') {
    mkdirSync(PLANS, { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file, 'utf8')).toBe(text);
  return plan;
}

const TODAY = '2025-06-02';
const board = () => new BoardQueries(recording);
const inbox = () => new InboxQueries(recording);
const officer: Actor = { userId: 'sec-1', role: 'SECRETARIAT_OFFICER' };
const clerk: Actor = { userId: 'clerk-U7', role: 'UNIT_CLERK', unitCode: 'U7' };
const statistics = () => new StatisticsQueries(recording);
const history = () => new AwardHistoryQueries(recording);
const province = { provinceCode: 'P1', fromYear: 2024, toYear: 2025 };

it('the board, newest change first, reads dossier_view_updated in order (no sort)', async () => {
  const plan = await planOf('board-updated', () => board().page({ kind: 'ALL' }, {}, { limit: 50, today: TODAY }));
  expect(plan).toMatch(/Index Scan using dossier_view_updated on dossier_view/);
  expect(plan).not.toMatch(/Sort/);
});

it('the board by deadline reads dossier_view_deadline_order in order (no sort)', async () => {
  const plan = await planOf('board-deadline', () =>
    board().page({ kind: 'ALL' }, {}, { sort: 'deadline', limit: 50, today: TODAY }),
  );
  expect(plan).toMatch(/Index Scan using dossier_view_deadline_order on dossier_view/);
  expect(plan).not.toMatch(/Sort/);
});

it("a unit's board reads dossier_view_unit in order (no sort)", async () => {
  const plan = await planOf('board-unit', () =>
    board().page({ kind: 'UNIT', unitCode: 'U7' }, {}, { limit: 50, today: TODAY }),
  );
  expect(plan).toMatch(/Index Scan using dossier_view_unit on dossier_view/);
  expect(plan).not.toMatch(/Sort/);
});

it('the board filtered by status reads an index in the board order (no sort, no scan of the table)', async () => {
  const plan = await planOf('board-status', () =>
    board().page({ kind: 'ALL' }, { statuses: ['APPRAISAL'] }, { limit: 50, today: TODAY }),
  );
  // status = ANY ($1) cannot walk (status, updated_at DESC, id DESC) in order: the planner reads dossier_view_updated
  // and filters, stopping after a page's worth of matches.
  expect(plan).toMatch(/Index Scan using dossier_view_(updated|status) on dossier_view/);
  expect(plan).not.toMatch(/Sort|Seq Scan/);
});

/** Every role with an inbox: each reads its first tasks off dossier_task_inbox in order, and never sorts. */
const INBOXES: [string, Actor][] = [
  ['inbox-secretariat', officer],
  ['inbox-secretariat-head', { userId: 'head-1', role: 'SECRETARIAT_HEAD' }],
  ['inbox-unit-clerk', clerk],
  ['inbox-unit-head', { userId: 'head-U7', role: 'UNIT_HEAD', unitCode: 'U7' }],
  ['inbox-council-member', { userId: 'm1', role: 'COUNCIL_MEMBER' }],
  ['inbox-provincial-decider', { userId: 'chairman', role: 'PROVINCIAL_DECIDER' }],
];
/** What each Sort node of a plan reads: the lines of its subtree (the nodes deeper than it, with their details). */
const sorted = (plan: string): string[] => {
  const lines = plan.split('\n');
  const node = (l: string) => /^\s*->/.test(l);
  const column = (l: string) => l.search(/\S/);
  return lines.flatMap((l, i) => {
    if (!/^\s*(->\s*)?(Incremental )?Sort\b/.test(l)) return [];
    const end = lines.findIndex((m, j) => j > i && node(m) && column(m) <= column(l));
    return [lines.slice(i + 1, end < 0 ? undefined : end).join('\n')];
  });
};

// A role with more tasks than its limit reads them off dossier_task_inbox in order and stops there; a role with a few
// hundred (here) may fetch them all and sort them, but only dossier_task's rows, never dossier_view's, which it reads
// by key for the limit's rows alone.
it.each(INBOXES)(
  '%s reads dossier_task (in order when large), never scans or sorts dossier_view',
  async (name, actor) => {
    const plan = await planOf(name, () => inbox().inbox(actor, TODAY));
    expect(plan).toMatch(/on dossier_task_inbox|using dossier_task_inbox on dossier_task/);
    expect(plan).toMatch(/Index Scan using dossier_view_pkey on dossier_view/);
    expect(plan).not.toMatch(/Seq Scan/);
    for (const input of sorted(plan)) expect(input).not.toMatch(/dossier_view/);
    if (name.startsWith('inbox-secretariat')) {
      expect(plan).toMatch(/Index (Only )?Scan using dossier_task_inbox on dossier_task/);
      expect(plan).not.toMatch(/Sort/);
    }
  },
);

it("the board's counts read the maintained counts, never dossier_view", async () => {
  const all = await planOf('board-counts', () => board().counts({ kind: 'ALL' }, {}));
  const unit = await planOf('board-counts-unit', () =>
    board().counts({ kind: 'UNIT', unitCode: 'U7' }, { statuses: ['APPRAISAL'] }),
  );
  for (const plan of [all, unit]) {
    expect(plan).toMatch(/on dossier_count/);
    expect(plan).not.toMatch(/dossier_view/);
  }
});

describe('the reports read the maintained aggregates, never the rows of stage_timing or award_fact', () => {
  const neverTheRows = (plan: string) => expect(plan).not.toMatch(/stage_timing|award_fact/);

  it("the processing-times report of a province reads stage_time_all, less the units outside it; a unit's, stage_time_stat", async () => {
    const plan = await planOf('report-processing-times', () => statistics().processingTimes(province));
    expect(plan).toMatch(/on stage_time_all/);
    expect(plan).toMatch(/on stage_time_unit/);
    neverTheRows(plan);
    const unit = await planOf('report-processing-times-unit', () =>
      statistics().processingTimes({ ...province, unitCode: 'U7', awardCode: 'BK_TINH' }),
    );
    expect(unit).toMatch(/Index Scan on stage_time_stat_pkey|Index Scan using stage_time_stat_pkey/);
    neverTheRows(unit);
  });

  it('the awards report (by form, by movement, the direct-worker share) and the five-year report read award_count', async () => {
    const plans = [
      await planOf('report-awards', () => statistics().awards(province)),
      await planOf('report-awards-unit', () => statistics().awards({ ...province, unitCode: 'U7' })),
      await planOf('report-awards-by-movement', () => statistics().awardsByMovement(province)),
      await planOf('report-direct-workers', () => statistics().directWorkerShare(province)),
      await planOf('report-five-year', () => statistics().fiveYearReport(province)),
    ];
    for (const plan of plans) {
      expect(plan).toMatch(/on award_count/);
      neverTheRows(plan);
    }
  });
});

describe('the award lookup reads award_history off an index in its order', () => {
  it('by a common name, newest decision first, with no sort', async () => {
    const plan = await planOf('award-lookup-name', () => history().find({ name: 'Nguyễn Văn Hùng', limit: 50 }));
    expect(plan).toMatch(/Index Scan using award_history_name_newest on award_history/);
    expect(plan).not.toMatch(/Sort|Seq Scan/);
  });

  // A unit's share of a name is a few hundred rows at most: the planner may fetch them by bitmap and sort them.
  it("by name within a unit (a unit's staff), on award_history_name", async () => {
    const plan = await planOf('award-lookup-name-unit', () =>
      history().find({ name: 'Nguyễn Văn Hùng', unitCode: 'U10', limit: 50 }),
    );
    expect(plan).toMatch(
      /Index Scan using award_history_name on award_history|Bitmap Index Scan on award_history_name\n/,
    );
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it("by a citizen id's subject key", async () => {
    const plan = await planOf('award-lookup-subject', () => history().find({ subjectKey: 'S77', limit: 50 }));
    expect(plan).toMatch(/award_history_subject/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
