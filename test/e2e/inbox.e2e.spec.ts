/**
 * The task inbox and the secretariat's board through HTTP, on the real API, worker, Temporal dev server and Postgres:
 * a vote task lasts until the member votes, scope keeps other units out, the board is the secretariat's, and its CSV
 * export opens with a header row.
 */
import { workingDaysLeft } from '@tdkt/persistence';
import { driveDossier, http, seedCast, startSystem, tokensFor, type Cast, type TestSystem } from '../support/system';

type Task = { dossierId: string; kind: string; due: string | null; daysLeft: number | null; overdue: boolean };
type Inbox = { today: string; tasks: Task[]; truncated: boolean };
type BoardPage = {
  today: string;
  items: {
    id: string;
    status: string;
    unitCode: string;
    heldBy: string | null;
    deadline: string | null;
    daysLeft: number | null;
  }[];
  nextCursor?: string;
};

let sys: TestSystem;
let cast: Cast;
const tokens: Record<string, string> = {};
/** At COUNCIL_VOTING (submitted, approved by the unit, accepted by the secretariat) and a fresh draft. */
let voting: string;
let draft: string;

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
  voting = await driveDossier(sys, tokens, 3);
  draft = await driveDossier(sys, tokens, 0);
}, 120_000);
afterAll(async () => sys?.stop());

const inbox = async (who: string) => {
  const res = await http<Inbox>(sys, 'GET', '/me/tasks', { token: tokens[who] });
  expect(res.status).toBe(200);
  return res.body;
};
const taskOn = async (who: string, dossierId: string) =>
  (await inbox(who)).tasks.find((t) => t.dossierId === dossierId);

describe('the task inbox', () => {
  it('shows a council member a VOTE task with its due date until they vote', async () => {
    const { today, tasks } = await inbox('member1');
    const task = tasks.find((t) => t.dossierId === voting);
    expect(task).toMatchObject({ kind: 'VOTE', overdue: false });
    expect(task?.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(task?.daysLeft).toBe(workingDaysLeft(today, task?.due ?? null));

    expect(
      (await http(sys, 'POST', `/dossiers/${voting}/votes`, { token: tokens.member1, body: { approve: true } })).status,
    ).toBe(200);
    expect(await taskOn('member1', voting)).toBeUndefined();
    expect(await taskOn('member2', voting)).toMatchObject({ kind: 'VOTE' });
  });

  it('never shows a dossier to a clerk of another unit, while its own clerk has it to submit', async () => {
    expect(await taskOn('clerk', draft)).toMatchObject({ kind: 'SUBMIT', due: null, daysLeft: null });
    const other = await inbox('otherClerk');
    expect(other.tasks.map((t) => t.dossierId)).not.toContain(draft);
    expect(other.tasks.map((t) => t.dossierId)).not.toContain(voting);
  });

  it('gives auditors an empty list and refuses a bad limit per field', async () => {
    expect((await inbox('auditor')).tasks).toEqual([]);
    const bad = await http<{ fields: Record<string, string[]> }>(sys, 'GET', '/me/tasks?limit=0', {
      token: tokens.clerk,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['limit']);
    expect((await http(sys, 'GET', '/me/tasks')).status).toBe(401);
  });
});

describe('the board', () => {
  it('is closed to unit clerks', async () => {
    expect((await http(sys, 'GET', '/board', { token: tokens.clerk })).status).toBe(403);
    expect((await http(sys, 'GET', '/board/counts', { token: tokens.clerk })).status).toBe(403);
  });

  it("lists the unit's dossiers with holder and days left, a page at a time, and counts them by status", async () => {
    const first = await http<BoardPage>(sys, 'GET', `/board?unitCode=${cast.unitCode}&sort=deadline&limit=1`, {
      token: tokens.secretariat,
    });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ id: voting, status: 'COUNCIL_VOTING', heldBy: 'COUNCIL' });
    expect(first.body.items[0].daysLeft).toBe(workingDaysLeft(first.body.today, first.body.items[0].deadline));
    const second = await http<BoardPage>(
      sys,
      'GET',
      `/board?unitCode=${cast.unitCode}&sort=deadline&limit=1&cursor=${first.body.nextCursor}`,
      { token: tokens.secretariat },
    );
    expect(second.body.items.map((r) => r.id)).toEqual([draft]);
    expect(second.body.nextCursor).toBeUndefined();

    const counts = await http<{ total: number; byStatus: Record<string, number> }>(
      sys,
      'GET',
      `/board/counts?unitCode=${cast.unitCode}`,
      { token: tokens.chairman },
    );
    expect(counts.status).toBe(200);
    expect(counts.body).toMatchObject({ total: 2, byStatus: { COUNCIL_VOTING: 1, DRAFT: 1, AWARDED: 0 } });
  });

  it('answers bad filters and a foreign cursor with 400 naming each field', async () => {
    const bad = await http<{ fields: Record<string, string[]> }>(
      sys,
      'GET',
      '/board?status=DRAFT,NOPE&overdue=maybe&deadlineBefore=2025-13-01&sort=size&limit=500',
      { token: tokens.secretariat },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['deadlineBefore', 'limit', 'overdue', 'sort', 'status']);
    const cursor = (await http<BoardPage>(sys, 'GET', '/board?limit=1', { token: tokens.secretariat })).body.nextCursor;
    const foreign = await http<{ fields: Record<string, string[]> }>(
      sys,
      'GET',
      `/board?sort=deadline&cursor=${cursor}`,
      { token: tokens.secretariat },
    );
    expect(foreign.status).toBe(400);
    expect(Object.keys(foreign.body.fields)).toEqual(['cursor']);
  });

  it('exports the matching dossiers as CSV with a header row', async () => {
    const res = await fetch(`${sys.baseUrl}/board?format=csv&unitCode=${cast.unitCode}`, {
      headers: { authorization: `Bearer ${tokens.auditor}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines[0].split(',').slice(0, 2)).toEqual(['"Mã hồ sơ"', '"Trích yếu"']);
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((l) => JSON.parse(l.split(',')[0]) as string)
        .sort(),
    ).toEqual([voting, draft].sort());
  });

  it('is described, with the inbox, in the OpenAPI document', async () => {
    const doc = await http<{ paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }>(
      sys,
      'GET',
      '/docs-json',
    );
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/board', '/api/board/counts', '/api/me/tasks']),
    );
    expect(doc.body.paths['/api/board'].get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'status',
        'awardCode',
        'unitCode',
        'heldBy',
        'overdue',
        'deadlineBefore',
        'deadlineAfter',
        'sort',
        'cursor',
        'limit',
        'format',
      ]),
    );
  });
});
