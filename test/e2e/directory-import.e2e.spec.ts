/**
 * Bulk import of units and users (issue 11, Administration; a job since issue 13) on the real API and Postgres: a dry
 * run lists every row error and appends nothing; a real import of a file with errors (a missing column too) is refused
 * (400) before any job starts and appends nothing; a clean .xlsx with both worksheets answers 202 with an admin job whose
 * status tells rows done / total and the report, and writes one event per row in each entity's directory stream (the
 * history names the administrator and the file's row), the new user signs in, the same file is refused (409); a job
 * left by a process that died does not stand in the way of the re-run, and writing the same rows again writes each
 * once; the CLI does the same from a file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { DirectoryImporter, eventStoreWithReadModels, type AdminJob } from '@tdkt/persistence';
import { importDirectoryCommand } from '../../apps/cli/src/import-directory.command';
import { http, seedCast, startSystem, tokenFor, type Cast, type TestSystem } from '../support/system';

let sys: TestSystem;
let cast: Cast;
let admin: string;
let tag: string;

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  tag = randomUUID().slice(0, 8);
  await sys.directory.upsertUser({
    id: `dadmin-${tag}`,
    username: `dadmin.${tag}`,
    fullName: 'Quản trị',
    role: 'ADMINISTRATOR',
    unitCode: cast.provinceUnitCode,
  });
  admin = await tokenFor(sys, `dadmin.${tag}`);
}, 120_000);
afterAll(async () => sys?.stop());

type Report = {
  fileSha256: string;
  dryRun: boolean;
  rows: { sheet: string; row: number; key: string; action: string }[];
  errors: { sheet: string; row: number; column: string; rule: string; message: string }[];
  imported: number;
};

async function upload(bytes: Buffer, name: string, fields: Record<string, string>, token = admin) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${sys.baseUrl}/admin/directory-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return {
    status: res.status,
    location: res.headers.get('location'),
    body: (await res.json()) as Report & {
      rule?: string;
      details?: { errors: Report['errors'] };
      fields?: Record<string, string[]>;
      jobId?: string;
      statusUrl?: string;
      total?: number;
    },
  };
}

/** The admin job of a real import, once it has ended (its status endpoint polled as the web app does). */
async function finished(jobId: string): Promise<AdminJob & { result: Report | null }> {
  for (let i = 0; i < 240; i++) {
    const res = await http<AdminJob & { result: Report | null }>(sys, 'GET', `/admin/jobs/${jobId}`, { token: admin });
    expect(res.status).toBe(200);
    if (res.body.status !== 'RUNNING') return res.body;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`directory import job ${jobId} still running after 24 s`);
}

/** Admin jobs started for these bytes (a refusal before any job starts leaves none). */
const jobsOf = async (bytes: Buffer) =>
  Number(
    (
      (await sys.db.query(`SELECT count(*) AS n FROM admin_job WHERE params->>'fileSha256' = $1`, [
        createHash('sha256').update(bytes).digest('hex'),
      ])) as { n: string }[]
    )[0].n,
  );

/** Events any import of these bytes wrote (request ids name the file's SHA-256). */
const eventsOf = async (bytes: Buffer) =>
  Number(
    (
      (await sys.db.query(`SELECT count(*) AS n FROM dossier_event WHERE request_id LIKE $1`, [
        `directory-import:${createHash('sha256').update(bytes).digest('hex')}:%`,
      ])) as { n: string }[]
    )[0].n,
  );

const UNIT_HEADER = 'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Mã tỉnh,Hiệu lực từ,Hiệu lực đến';
const USER_HEADER = 'Tên đăng nhập,Họ và tên,Vai trò,Mã đơn vị,Hiệu lực từ,Hiệu lực đến';

it('a dry run lists every row error (unknown parent, duplicate code, bad date, unknown role, no unit, overlapping validity); a real import of it is refused and appends nothing', async () => {
  const units = Buffer.from(
    [
      UNIT_HEADER,
      `S-${tag},Sở Thử,Sở,${cast.provinceUnitCode},,01/07/2025,`,
      `S-${tag},Sở Thử (trùng),Sở,${cast.provinceUnitCode},,01/07/2025,`,
      `X-${tag},Mồ côi,Sở,KHONG-${tag},,01/07/2025,`,
      `D-${tag},Ngày sai,Sở,${cast.provinceUnitCode},,31/02/2025,`,
    ].join('\r\n'),
    'utf8',
  );
  const dry = await upload(units, 'don-vi.csv', { dryRun: 'true' });
  expect(dry.status).toBe(200);
  expect(dry.body.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
    [3, 'code', 'directory-import.duplicate'],
    [4, 'parentCode', 'directory-import.unknown-parent'],
    [5, 'validFrom', 'directory-import.date'],
  ]);
  const users = Buffer.from(
    [
      USER_HEADER,
      `a.${tag},Nguyễn Văn A,Phó giám đốc,${cast.unitCode},,`,
      `b.${tag},Trần Thị B,UNIT_CLERK,,,`,
      `c.${tag},Lê Văn C,UNIT_CLERK,${cast.unitCode},01/01/2025,`,
      `c.${tag},Lê Văn C,UNIT_HEAD,${cast.unitCode},01/06/2025,`,
    ].join('\n'),
    'utf8',
  );
  const dryUsers = await upload(users, 'nguoi-dung.csv', { dryRun: 'true' });
  expect(dryUsers.body.errors.map((e) => [e.sheet, e.row, e.column, e.rule])).toEqual([
    ['users', 2, 'role', 'directory-import.role'],
    ['users', 3, 'unitCode', 'user.unit'],
    ['users', 5, 'validFrom', 'directory-import.overlap'],
  ]);
  const real = await upload(users, 'nguoi-dung.csv', { dryRun: 'false' });
  expect([real.status, real.body.rule, real.body.details?.errors.length]).toEqual([
    400,
    'directory-import.row-errors',
    3,
  ]);
  expect(await eventsOf(users)).toBe(0);
  expect(await eventsOf(units)).toBe(0);
  expect(await jobsOf(users)).toBe(0);
  expect((await http(sys, 'GET', `/admin/users`, { token: admin })).body).not.toEqual(
    expect.arrayContaining([expect.objectContaining({ userId: `c.${tag}` })]),
  );
});

it('an .xlsx of units and users is imported by a job (202, its Location; rows done / total; the report) as one event per row; the history names the administrator and the row; the new user signs in; the same file is refused', async () => {
  const wb = new Workbook();
  wb.addWorksheet('Người dùng').addRows([
    ['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Mã đơn vị', 'Hiệu lực từ'],
    [`gv.${tag}`, 'Nguyễn Thị Giáo', 'Cán bộ TĐKT đơn vị', `T-${tag}`, '2025-09-01'],
  ]);
  wb.addWorksheet('Đơn vị').addRows([
    ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Hiệu lực từ'],
    [`T-${tag}`, 'Trường THPT Thử', 'Trường học', `S-${tag}`, new Date(Date.UTC(2025, 8, 1))],
    [`S-${tag}`, 'Sở Thử', 'DEPARTMENT', cast.provinceUnitCode, '01/07/2025'],
  ]);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const dry = await upload(bytes, 'danh-ba.xlsx', { dryRun: 'true' });
  expect(dry.body).toMatchObject({ dryRun: true, errors: [], imported: 0 });
  expect(dry.body.rows.map((r) => [r.sheet, r.row, r.key, r.action])).toEqual([
    ['units', 3, `S-${tag}`, 'CREATE'],
    ['units', 2, `T-${tag}`, 'CREATE'],
    ['users', 2, `gv.${tag}`, 'CREATE'],
  ]);
  expect(await eventsOf(bytes)).toBe(0);

  const started = await upload(bytes, 'danh-ba.xlsx', { dryRun: 'false' });
  expect(started).toMatchObject({
    status: 202,
    body: { status: 'RUNNING', total: 3, statusUrl: `/api/admin/jobs/${started.body.jobId}` },
  });
  expect(started.location).toBe(started.body.statusUrl);
  const job = await finished(started.body.jobId ?? '');
  expect(job).toMatchObject({
    kind: 'DIRECTORY_IMPORT',
    status: 'SUCCEEDED',
    done: 3,
    total: 3,
    error: null,
    createdBy: `dadmin-${tag}`,
    params: { fileName: 'danh-ba.xlsx', rows: 3, sheets: ['users', 'units'] },
    result: { dryRun: false, imported: 3, errors: [] },
  });
  expect(job.result?.rows.map((r) => r.key)).toEqual([`S-${tag}`, `T-${tag}`, `gv.${tag}`]);
  expect(await eventsOf(bytes)).toBe(3);
  const units = await http<
    { code: string; kind: string; parentCode: string; provinceCode: string; validFrom: string }[]
  >(sys, 'GET', '/admin/units', { token: admin });
  expect(units.body.find((u) => u.code === `T-${tag}`)).toMatchObject({
    kind: 'SCHOOL',
    parentCode: `S-${tag}`,
    validFrom: '2025-09-01',
  });
  const history = await http<{ type: string; actorId: string; requestId: string }[]>(
    sys,
    'GET',
    `/admin/users/gv.${tag}/history`,
    { token: admin },
  );
  const sha = createHash('sha256').update(bytes).digest('hex');
  expect(history.body.map((h) => [h.type, h.actorId, h.requestId])).toEqual([
    ['DirectoryUserRecorded', `dadmin-${tag}`, `directory-import:${sha}:users:2`],
  ]);
  const signedIn = await http<{ role: string }>(sys, 'POST', '/auth/token', { body: { username: `gv.${tag}` } });
  expect([signedIn.status, signedIn.body.role]).toEqual([200, 'UNIT_CLERK']);

  const again = await upload(bytes, 'danh-ba-copy.xlsx', { dryRun: 'false' });
  expect([again.status, again.body.rule]).toEqual([409, 'directory-import.same-file']);
  expect(await eventsOf(bytes)).toBe(3);
  expect(await jobsOf(bytes)).toBe(1);
});

it('after a process died mid-import (its job stale, its one transaction rolled back) the same file imports again; writing the same rows twice writes each once', async () => {
  const csv = Buffer.from(
    [
      UNIT_HEADER,
      `R1-${tag},Phòng Một,Sở,${cast.provinceUnitCode},,01/07/2025,`,
      `R2-${tag},Phòng Hai,Sở,R1-${tag},,01/07/2025,`,
    ].join('\n'),
    'utf8',
  );
  const sha = createHash('sha256').update(csv).digest('hex');
  // What a dead API leaves: its job RUNNING without a heartbeat, and no row (Postgres rolled the transaction back).
  const dead = randomUUID();
  await sys.db.query(
    `INSERT INTO admin_job (id, kind, status, params, created_by, heartbeat_at) VALUES ($1, 'DIRECTORY_IMPORT', 'RUNNING', $2, $3, now() - interval '10 minutes')`,
    [dead, JSON.stringify({ fileSha256: sha, rows: 2 }), `dadmin-${tag}`],
  );
  expect((await http<AdminJob>(sys, 'GET', `/admin/jobs/${dead}`, { token: admin })).body.stale).toBe(true);
  const rerun = await upload(csv, 'phong.csv', { dryRun: 'false' });
  expect(rerun.status).toBe(202);
  expect(await finished(rerun.body.jobId ?? '')).toMatchObject({
    status: 'SUCCEEDED',
    done: 2,
    result: { imported: 2 },
  });
  expect(await eventsOf(csv)).toBe(2);
  expect((await http<AdminJob>(sys, 'GET', `/admin/jobs/${dead}`, { token: admin })).body).toMatchObject({
    status: 'FAILED',
    error: expect.stringContaining('no heartbeat'),
  });

  // Rows are idempotent one by one: the same checked rows written again (as a second job of the same file would) add nothing.
  const importer = new DirectoryImporter(sys.db, eventStoreWithReadModels(sys.db));
  const actor = { userId: `dadmin-${tag}`, role: 'ADMINISTRATOR' as const, unitCode: cast.provinceUnitCode };
  const other = Buffer.from([UNIT_HEADER, `R3-${tag},Phòng Ba,Sở,R1-${tag},,01/07/2025,`].join('\n'), 'utf8');
  const checked = await importer.check({ bytes: other, name: 'ba.csv' }, actor, { dryRun: false, today: '2026-01-01' });
  expect(checked.outcome.refusal).toBeUndefined();
  expect((await importer.write(checked, actor)).imported).toBe(1);
  expect((await importer.write(checked, actor)).imported).toBe(0);
  expect(await eventsOf(other)).toBe(1);
});

it('only an administrator imports (403); a file that is neither units nor users, or not .xlsx/.csv, is a 400 on the file field; a missing column refuses a real import (400) before any job starts', async () => {
  const csv = Buffer.from(`${UNIT_HEADER}\nQ-${tag},Q,Sở,${cast.provinceUnitCode},,,\n`, 'utf8');
  expect(
    (await upload(csv, 'q.csv', { dryRun: 'true' }, await tokenFor(sys, cast.users.secretariat.username))).status,
  ).toBe(403);
  const other = await upload(Buffer.from('a,b\n1,2\n'), 'khac.csv', { dryRun: 'true' });
  expect([other.status, Object.keys(other.body.fields ?? {})]).toEqual([400, ['file']]);
  expect((await upload(csv, 'q.csv', { dryRun: 'maybe' })).status).toBe(400);
  const text = await upload(csv, 'q.txt', { dryRun: 'false' });
  expect([text.status, Object.keys(text.body.fields ?? {})]).toEqual([400, ['file']]);
  const noName = Buffer.from(
    `Mã đơn vị,Loại đơn vị,Mã đơn vị cấp trên\nN-${tag},Sở,${cast.provinceUnitCode}\n`,
    'utf8',
  );
  const header = await upload(noName, 'thieu-cot.csv', { dryRun: 'false', sheet: 'units' });
  expect([header.status, header.body.rule]).toEqual([400, 'directory-import.row-errors']);
  expect(header.body.details?.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
    [1, 'name', 'directory-import.column'],
  ]);
  expect(await jobsOf(noName)).toBe(0);
  expect(await jobsOf(csv)).toBe(0);
});

it('the CLI imports a CSV of users (dry run first) as cli:<user>', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-dir-'));
  const file = join(dir, 'nguoi-dung.csv');
  writeFileSync(file, `${USER_HEADER}\ncli.${tag},Phạm Văn Cờ,Thủ trưởng đơn vị,${cast.otherUnitCode},,\n`);
  const dry = await importDirectoryCommand.run([file, '--dry-run']);
  expect(dry).toMatchObject({
    kind: 'ok',
    lines: expect.arrayContaining(['dry run: nothing was changed', `  users row 2: CREATE cli.${tag}`]),
  });
  expect((await http(sys, 'GET', `/admin/users/cli.${tag}/history`, { token: admin })).status).toBe(404);
  const done = await importDirectoryCommand.run([file, '--sheet', 'users']);
  expect(done.kind).toBe('ok');
  const history = await http<{ actorId: string }[]>(sys, 'GET', `/admin/users/cli.${tag}/history`, { token: admin });
  expect(history.body.map((h) => h.actorId)).toEqual([expect.stringMatching(/^cli:/)]);
  expect(await importDirectoryCommand.run([file])).toMatchObject({
    kind: 'failed',
    message: expect.stringContaining('already imported'),
  });
  expect(await importDirectoryCommand.run([file, '--sheet', 'teams'])).toMatchObject({ kind: 'usage' });
});
