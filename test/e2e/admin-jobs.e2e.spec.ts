/**
 * Long admin tasks as background jobs (README "Background jobs"): POST /api/admin/jobs answers 202 at once, the job's
 * row tells its phase, progress and result, one job of a kind runs at a time. On a database of this file's own
 * (verifying or rebuilding the run's shared database would read other files' streams).
 */
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import {
  AdminJobRunningError,
  AdminJobs,
  createDataSource,
  grantRuntimeRole,
  runMigrations,
  type AdminJob,
} from '@tdkt/persistence';
import {
  aBkTinhDossier,
  http,
  seedCast,
  startSystem,
  tokenFor,
  tokensFor,
  type Cast,
  type TestSystem,
} from '../support/system';

const superUrl = new URL(process.env.TDKT_TEST_SUPERUSER_URL ?? '');
const name = `jobs_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
const urlOf = (base: string, db: string) => {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
};
const admin = new PgClient({ connectionString: urlOf(superUrl.toString(), 'postgres') });
const savedUrl = process.env.DATABASE_URL;
let sys: TestSystem;
let cast: Cast;
const tokens: Record<string, string> = {};
let dossierId: string;

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const owner = await createDataSource(urlOf(superUrl.toString(), name)).initialize();
  await runMigrations(owner);
  await grantRuntimeRole(owner, process.env.TDKT_DB_RUNTIME_ROLE);
  await owner.destroy();
  process.env.DATABASE_URL = urlOf(savedUrl ?? '', name);
  sys = await startSystem();
  cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
  await sys.directory.upsertUser({
    id: `admin-${cast.unitCode}`,
    username: `admin.${cast.unitCode}`,
    fullName: 'Quản trị',
    role: 'ADMINISTRATOR',
    unitCode: cast.provinceUnitCode,
  });
  tokens.admin = await tokenFor(sys, `admin.${cast.unitCode}`);
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aBkTinhDossier() });
  dossierId = created.body.id;
  expect((await http(sys, 'POST', `/dossiers/${dossierId}/submit`, { token: tokens.clerk, body: {} })).status).toBe(
    200,
  );
}, 120_000);

afterAll(async () => {
  await sys?.stop();
  process.env.DATABASE_URL = savedUrl;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

async function finished(id: string, token: string): Promise<AdminJob> {
  for (let i = 0; i < 240; i++) {
    const res = await http<AdminJob>(sys, 'GET', `/admin/jobs/${id}`, { token });
    expect(res.status).toBe(200);
    if (res.body.status !== 'RUNNING') return res.body;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`job ${id} still running after 60 s`);
}

const eventCount = async () =>
  ((await sys.db.query(`SELECT count(*)::int AS n FROM dossier_event`)) as { n: number }[])[0].n;

describe('admin jobs', () => {
  it('verifies the whole table in the background: 202 at once, then progress over every event and the report', async () => {
    const started = await http<AdminJob>(sys, 'POST', '/admin/jobs', {
      token: tokens.auditor,
      body: { kind: 'VERIFY_CHAIN' },
    });
    expect(started).toMatchObject({
      status: 202,
      body: { kind: 'VERIFY_CHAIN', status: 'RUNNING', createdBy: cast.users.auditor.id },
    });
    const job = await finished(started.body.id, tokens.auditor);
    const events = await eventCount();
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      done: events,
      total: events,
      error: null,
      stale: false,
      result: { ok: true, events },
    });
    expect(job.finishedAt).not.toBeNull();
  });

  it('rebuilds the read models as a job (the administrator only); the dossier reads the same after it', async () => {
    const before = await http<{ status: string; version: number }>(sys, 'GET', `/dossiers/${dossierId}`, {
      token: tokens.secretariat,
    });
    expect(
      (await http(sys, 'POST', '/admin/jobs', { token: tokens.auditor, body: { kind: 'REBUILD_READ_MODELS' } })).status,
    ).toBe(403);
    const started = await http<AdminJob>(sys, 'POST', '/admin/jobs', {
      token: tokens.admin,
      body: { kind: 'REBUILD_READ_MODELS' },
    });
    expect(started.status).toBe(202);
    const job = await finished(started.body.id, tokens.admin);
    expect(job).toMatchObject({ status: 'SUCCEEDED', result: { events: await eventCount() } });
    const after = await http<{ status: string; version: number }>(sys, 'GET', `/dossiers/${dossierId}`, {
      token: tokens.secretariat,
    });
    expect(after.body).toMatchObject({ status: before.body.status, version: before.body.version });
  });

  it('rebuilds one read model (`only`, by name or table) as a job and at once; an unknown one is a 400 on `only`', async () => {
    const started = await http<AdminJob>(sys, 'POST', '/admin/jobs', {
      token: tokens.admin,
      body: { kind: 'REBUILD_READ_MODELS', only: 'dossier_view' },
    });
    expect(started).toMatchObject({ status: 202, body: { params: { only: 'dossier_view' } } });
    const job = await finished(started.body.id, tokens.admin);
    const dossierEvents = (
      (await sys.db.query(`SELECT count(*)::int AS n FROM dossier_event WHERE stream_kind = 'DOSSIER'`)) as {
        n: number;
      }[]
    )[0].n;
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      done: dossierEvents,
      total: dossierEvents,
      result: {
        events: dossierEvents,
        models: ['dossier board (rows, counts and inbox tasks)'],
        tables: ['dossier_view', 'dossier_count', 'dossier_task'],
      },
    });
    const now = await http<{ models: string[]; tables: string[] }>(sys, 'POST', '/admin/read-models/rebuild', {
      token: tokens.admin,
      body: { only: 'statistics (awards, stage times, and their report aggregates)' },
    });
    expect(now).toMatchObject({
      status: 200,
      body: {
        tables: ['stage_timing', 'award_fact', 'stage_time_stat', 'stage_time_all', 'stage_time_unit', 'award_count'],
      },
    });
    for (const [path, body] of [
      ['/admin/jobs', { kind: 'REBUILD_READ_MODELS', only: 'dossier_event' }],
      ['/admin/read-models/rebuild', { only: 'dossier_event' }],
      ['/admin/jobs', { kind: 'VERIFY_CHAIN', only: 'dossier_view' }],
    ] as const) {
      const bad = await http<{ fields: Record<string, string[]> }>(sys, 'POST', path, { token: tokens.admin, body });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields)).toEqual(['only']);
    }
  });

  it("reconciles as a job (dry run): nothing lost for this dossier's workflow", async () => {
    const started = await http<AdminJob>(sys, 'POST', '/admin/jobs', {
      token: tokens.admin,
      body: { kind: 'RECONCILE', query: `WorkflowId = "dossier-${dossierId}"` },
    });
    expect(started.status).toBe(202);
    const job = await finished(started.body.id, tokens.admin);
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      done: 1,
      total: 1,
      params: { apply: false },
      result: { apply: false, workflows: 1, streams: 1, repaired: [], needsPerson: [] },
    });
  });

  it('refuses bad requests and unknown jobs', async () => {
    const bad = await http<{ fields: Record<string, string[]> }>(sys, 'POST', '/admin/jobs', {
      token: tokens.admin,
      body: { kind: 'DROP_EVERYTHING' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['kind']);
    // A directory import's job starts with its file (POST /api/admin/directory-imports), never here.
    const noFile = await http<{ fields: Record<string, string[]> }>(sys, 'POST', '/admin/jobs', {
      token: tokens.admin,
      body: { kind: 'DIRECTORY_IMPORT' },
    });
    expect([noFile.status, Object.keys(noFile.body.fields)]).toEqual([400, ['kind']]);
    expect(
      (await http(sys, 'POST', '/admin/jobs', { token: tokens.admin, body: { kind: 'VERIFY_CHAIN', apply: true } }))
        .status,
    ).toBe(400);
    expect((await http(sys, 'GET', `/admin/jobs/${randomUUID()}`, { token: tokens.admin })).status).toBe(404);
    expect((await http(sys, 'GET', '/admin/jobs', { token: tokens.clerk })).status).toBe(403);
  });

  it('runs one job of a kind at a time; a job whose process stopped (no heartbeat) no longer blocks its kind', async () => {
    const jobs = new AdminJobs(sys.db);
    const first = randomUUID();
    await jobs.create({ id: first, kind: 'RECONCILE', params: {}, createdBy: 'test' });
    await expect(jobs.create({ id: randomUUID(), kind: 'RECONCILE', params: {}, createdBy: 'test' })).rejects.toThrow(
      AdminJobRunningError,
    );
    const refused = await http<{ rule: string }>(sys, 'POST', '/admin/jobs', {
      token: tokens.admin,
      body: { kind: 'RECONCILE' },
    });
    expect(refused).toMatchObject({ status: 409, body: { rule: 'admin-job.one-at-a-time' } });
    expect((await jobs.find(first))?.stale).toBe(false);
    await sys.db.query(`UPDATE admin_job SET heartbeat_at = now() - interval '10 minutes' WHERE id = $1`, [first]);
    expect((await jobs.find(first))?.stale).toBe(true);
    const second = randomUUID();
    await jobs.create({ id: second, kind: 'RECONCILE', params: {}, createdBy: 'test' });
    expect(await jobs.find(first)).toMatchObject({ status: 'FAILED', error: expect.stringContaining('no heartbeat') });
    await jobs.finish(second, { status: 'SUCCEEDED', result: null });
    // Directory imports may run side by side (each is one transaction; two on the same rows meet on the stream's seq).
    const imports = [randomUUID(), randomUUID()];
    for (const id of imports) await jobs.create({ id, kind: 'DIRECTORY_IMPORT', params: {}, createdBy: 'test' });
    for (const id of imports) expect(await jobs.find(id)).toMatchObject({ status: 'RUNNING', stale: false });
    for (const id of imports) await jobs.finish(id, { status: 'SUCCEEDED', result: null });
  });

  it('a directory import is a job: 202 with its Location, rows done / total, the report; listed with the other jobs', async () => {
    const csv = Buffer.from(
      `Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên\nJ1-${cast.unitCode},Phòng J1,Sở,${cast.provinceUnitCode}\nJ2-${cast.unitCode},Phòng J2,Sở,J1-${cast.unitCode}\n`,
      'utf8',
    );
    const form = new FormData();
    form.append('file', new Blob([csv]), 'j.csv');
    form.append('dryRun', 'false');
    const res = await fetch(`${sys.baseUrl}/admin/directory-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}` },
      body: form,
    });
    const body = (await res.json()) as { jobId: string; statusUrl: string };
    expect([res.status, res.headers.get('location')]).toEqual([202, `/api/admin/jobs/${body.jobId}`]);
    const job = await finished(body.jobId, tokens.admin);
    expect(job).toMatchObject({
      kind: 'DIRECTORY_IMPORT',
      status: 'SUCCEEDED',
      done: 2,
      total: 2,
      result: { imported: 2, errors: [] },
    });
    const recent = await http<AdminJob[]>(sys, 'GET', '/admin/jobs', { token: tokens.admin });
    expect(recent.body.map((j) => j.id)).toContain(body.jobId);
  });
});
