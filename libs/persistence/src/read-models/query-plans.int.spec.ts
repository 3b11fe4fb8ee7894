/**
 * The hot read queries use the index meant for them: the board's pages in both sorts and by unit, the inbox of the
 * secretariat and of a unit, the board's counts (the maintained counts, never the rows). Each query is the one the
 * repository runs (captured from it), explained on a scratch database of 30,000 dossier rows after ANALYZE. The
 * plans are checked in under ./plans (`TDKT_WRITE_PLANS=1` rewrites them), so a changed plan shows in review.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type Logger } from 'typeorm';
import { progressTable, type Actor } from '@tdkt/domain';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { BoardQueries } from './board-queries';
import { InboxQueries } from './inbox-queries';

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
  await db.ds.query(
    `INSERT INTO dossier_count (status, unit_code, award_code, commendation_type, held_by, overdue, n)
     SELECT status, unit_code, award_code, commendation_type, COALESCE(held_by, ''), overdue, count(*)
       FROM dossier_view GROUP BY 1, 2, 3, 4, 5, 6`,
  );
  await db.ds.query(`ANALYZE dossier_view, dossier_count, council_ballot`);
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

it("the secretariat officer's inbox reads dossier_view_task", async () => {
  const plan = await planOf('inbox-secretariat', () => inbox().inbox(officer, TODAY));
  expect(plan).toMatch(
    /Index (Only )?Scan using dossier_view_task on dossier_view|Bitmap Index Scan on dossier_view_task/,
  );
  expect(plan).not.toMatch(/Seq Scan on dossier_view/);
});

it("a unit clerk's inbox does not scan dossier_view", async () => {
  const plan = await planOf('inbox-unit-clerk', () => inbox().inbox(clerk, TODAY));
  expect(plan).toMatch(/Index|Bitmap/);
  expect(plan).not.toMatch(/Seq Scan on dossier_view/);
});

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
