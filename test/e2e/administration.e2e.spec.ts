/**
 * Administration and award lists in, on the real API, worker, Temporal and Postgres: the directory changes as events
 * with their history, the rules that refuse (400 per field, 409), deactivated users' tokens refused, council seats
 * feeding the council's roster; historical awards imported from a file (dry run, errors, eligibility, same file twice).
 */
import { randomInt, randomUUID } from 'node:crypto';
import {
  aBkThuTuongDossier,
  driveDossier,
  http,
  seedCast,
  startSystem,
  tokenFor,
  tokensFor,
  type Cast,
  type TestSystem,
} from '../support/system';

let sys: TestSystem;
let cast: Cast;
let admin: string;
let tag: string;
const year = new Date().getUTCFullYear() - 1;
const from = year - 4;

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  tag = randomUUID().slice(0, 8);
  await sys.directory.upsertUser({
    id: `admin-${tag}`,
    username: `admin.${tag}`,
    fullName: 'Quản trị',
    role: 'ADMINISTRATOR',
    unitCode: cast.provinceUnitCode,
  });
  admin = await tokenFor(sys, `admin.${tag}`);
}, 120_000);
afterAll(async () => sys?.stop());

const eventCount = async () =>
  Number(
    (
      (await sys.db.query(`SELECT count(*) AS n FROM dossier_event WHERE type LIKE 'AwardImport%'`)) as { n: string }[]
    )[0].n,
  );

async function upload(file: string, name: string, dryRun: boolean, token = admin) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(file, 'utf8')]), name);
  form.append('dryRun', String(dryRun));
  const res = await fetch(`${sys.baseUrl}/admin/award-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function finished(jobId: string) {
  for (let i = 0; i < 100; i++) {
    const job = await http<{
      status: string;
      errors: { row: number; column: string; message: string }[];
      doneRows: number;
      importId: string | null;
    }>(sys, 'GET', `/admin/award-imports/${jobId}`, { token: admin });
    if (job.body.status !== 'RUNNING') return job.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the import job did not finish');
}

describe('the directory', () => {
  it('records units and users as events with their history; a user without a unit is a 400 on that field', async () => {
    const province = `T-${tag}`;
    expect(
      (
        await http(sys, 'POST', '/admin/units', {
          token: admin,
          body: {
            code: province,
            name: 'Tỉnh Thử',
            kind: 'PROVINCE',
            provinceCode: `PX-${tag}`,
            validFrom: '2025-07-01',
          },
        })
      ).status,
    ).toBe(201);
    const dept = {
      code: `LDLD-${tag}`,
      name: 'Liên đoàn Lao động tỉnh',
      kind: 'MASS_ORGANISATION',
      parentCode: province,
      provinceCode: `PX-${tag}`,
      validFrom: '2025-07-01',
    };
    expect((await http(sys, 'POST', '/admin/units', { token: admin, body: dept })).body).toMatchObject({
      code: dept.code,
      level: 'AGENCY',
      kind: 'MASS_ORGANISATION',
    });
    await http(sys, 'POST', '/admin/units', {
      token: admin,
      body: { ...dept, name: 'Liên đoàn Lao động tỉnh Thử', validFrom: '2026-01-01' },
    });
    expect(await sys.directory.unitNameAt(dept.code, '2025-09-01')).toBe('Liên đoàn Lao động tỉnh');
    expect(await sys.directory.unitNameAt(dept.code, '2026-02-01')).toBe('Liên đoàn Lao động tỉnh Thử');
    const noUnit = await http<{ fields: Record<string, string[]> }>(sys, 'POST', '/admin/users', {
      token: admin,
      body: {
        userId: `u-${tag}`,
        username: `u.${tag}`,
        fullName: 'Trần Văn B',
        role: 'UNIT_CLERK',
        validFrom: '2025-07-01',
      },
    });
    expect(noUnit.status).toBe(400);
    expect(Object.keys(noUnit.body.fields)).toEqual(['unitCode']);
    const user = {
      userId: `u-${tag}`,
      username: `u.${tag}`,
      fullName: 'Trần Văn B',
      role: 'UNIT_CLERK',
      unitCode: dept.code,
      validFrom: '2025-07-01',
      oidcSub: `sub-${tag}`,
    };
    expect((await http(sys, 'POST', '/admin/users', { token: admin, body: user })).status).toBe(201);
    expect(
      (await http(sys, 'POST', '/admin/users', { token: admin, body: { ...user, role: 'UNIT_HEAD' } })).body,
    ).toMatchObject({ role: 'UNIT_HEAD', active: true });
    const history = await http<{ type: string; actorId: string; data: { role: string } }[]>(
      sys,
      'GET',
      `/admin/users/u-${tag}/history`,
      { token: admin },
    );
    expect(history.body.map((h) => [h.type, h.data.role, h.actorId])).toEqual([
      ['DirectoryUserRecorded', 'UNIT_CLERK', `admin-${tag}`],
      ['DirectoryUserRecorded', 'UNIT_HEAD', `admin-${tag}`],
    ]);
    expect(
      (await http(sys, 'POST', '/admin/units', { token: await tokenFor(sys, cast.users.clerk.username), body: dept }))
        .status,
    ).toBe(403);
  });

  it("a deactivated user's token is refused from then on (never deleted)", async () => {
    await sys.directory.upsertUser({
      id: `gone-${tag}`,
      username: `gone.${tag}`,
      fullName: 'Lê Thị C',
      role: 'UNIT_CLERK',
      unitCode: cast.otherUnitCode,
    });
    const token = await tokenFor(sys, `gone.${tag}`);
    expect((await http(sys, 'GET', '/dossiers', { token })).status).toBe(200);
    const res = await http(sys, 'POST', `/admin/users/gone-${tag}/deactivation`, {
      token: admin,
      body: { reason: 'Nghỉ hưu' },
    });
    expect(res.body).toMatchObject({ active: false });
    expect((await http(sys, 'GET', '/dossiers', { token })).status).toBe(401);
    expect((await http(sys, 'POST', '/auth/token', { body: { username: `gone.${tag}` } })).status).not.toBe(200);
  });

  it('council terms never overlap (409); a seated member is on the roster; a member with open ballots keeps the seat (409)', async () => {
    const term = await http<{ termId: string }>(sys, 'POST', '/admin/council-terms', {
      token: admin,
      body: {
        councilUnitCode: cast.provinceUnitCode,
        name: 'Nhiệm kỳ 2021–2026',
        from: '2021-06-01',
        to: `${year + 5}-05-31`,
      },
    });
    expect(term.status).toBe(201);
    const overlap = await http<{ rule: string }>(sys, 'POST', '/admin/council-terms', {
      token: admin,
      body: { councilUnitCode: cast.provinceUnitCode, name: 'Trùng', from: `${year}-01-01`, to: `${year + 6}-01-01` },
    });
    expect([overlap.status, overlap.body.rule]).toEqual([409, 'council.term-overlap']);
    const seat = await http(sys, 'POST', `/admin/council-terms/${term.body.termId}/seats`, {
      token: admin,
      body: { userId: cast.users.member1.id, councilRole: 'STANDING_MEMBER', from: '2021-06-01' },
    });
    expect(seat.status).toBe(201);
    const clerkSeat = await http<{ rule: string }>(sys, 'POST', `/admin/council-terms/${term.body.termId}/seats`, {
      token: admin,
      body: { userId: cast.users.clerk.id, councilRole: 'MEMBER', from: '2021-06-01' },
    });
    expect([clerkSeat.status, clerkSeat.body.rule]).toEqual([422, 'council.member-role']);
    expect(await sys.directory.councilMembersFor(cast.unitCode)).toContain(cast.users.member1.id);
    expect(await sys.directory.councilMembersFor(cast.unitCode, '2020-01-01')).not.toContain(cast.users.member1.id);
    await driveDossier(sys, await tokensFor(sys, cast), 3); // in council voting: member1 has an open ballot
    const end = await http<{ rule: string }>(sys, 'POST', `/admin/council-terms/${term.body.termId}/seat-endings`, {
      token: admin,
      body: { userId: cast.users.member1.id, reason: 'Chuyển công tác' },
    });
    expect([end.status, end.body.rule]).toEqual([409, 'council.open-ballots']);
    const history = await http<{ type: string }[]>(sys, 'GET', `/admin/council-terms/${term.body.termId}/history`, {
      token: admin,
    });
    expect(history.body.map((h) => h.type)).toEqual(['DirectoryCouncilTermOpened', 'DirectoryCouncilSeatAssigned']);
  }, 60_000);
});

describe('award lists in', () => {
  const citizenId = String(randomInt(100_000_000, 999_999_999)).padStart(12, '0');
  const header = 'STT,Họ và tên,Số CCCD,Mã đơn vị,Hình thức khen thưởng,Năm,Số quyết định,Ngày quyết định';
  const good = [
    header,
    `1,Phạm Văn Đức,${citizenId},X,Bằng khen của Chủ tịch UBND tỉnh,${from - 2},12/QĐ-UBND-${tag},01/03/${from - 1}`,
  ].join('\n');

  it('a dry run lists every row error (row, column, message) and appends nothing', async () => {
    const bad = [
      header,
      `1,A,,U,Huân chương gì đó,2019,1/QĐ,01/01/2020`,
      `2,B,,U,BK_TINH,2019,2/QĐ,31/02/2020`,
      `3,C,,U,BK_TINH,2019,3/QĐ,01/01/2020`,
      `4,C,,U,BK_TINH,2019,3/QĐ,01/01/2020`,
    ].join('\r\n');
    const before = await eventCount();
    const started = await upload(bad, 'sai.csv', true);
    expect(started.status).toBe(202);
    const job = await finished(started.body.jobId as string);
    expect(job.status).toBe('FAILED');
    expect(job.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'award'],
      [3, 'decidedOn'],
      [5, 'decisionNumber'],
    ]);
    expect(await eventCount()).toBe(before);
    const real = await finished((await upload(bad, 'sai.csv', false)).body.jobId as string);
    expect(real.status).toBe('FAILED');
    expect(await eventCount()).toBe(before);
  });

  it('imported BK tỉnh years count in the eligibility of a new BK Thủ tướng dossier; the same file again is refused (409)', async () => {
    const tokens = await tokensFor(sys, cast);
    const content = aBkThuTuongDossier({
      nominee: { kind: 'INDIVIDUAL', fullName: 'Phạm Văn Đức', position: 'Hiệu trưởng', citizenId },
    });
    const record = {
      ...content.record,
      awards: content.record.awards.filter((a: { awardCode: string }) => a.awardCode !== 'BK_TINH'),
    };
    const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
      token: tokens.clerk,
      body: { ...content, record },
    });
    expect(created.status).toBe(201);
    const without = await http<{ rule?: string }>(sys, 'POST', `/dossiers/${created.body.id}/submit`, {
      token: tokens.clerk,
      body: {},
    });
    expect(without.status).toBe(422);

    const dry = await finished((await upload(good, 'bk-tinh.csv', true)).body.jobId as string);
    expect(dry).toMatchObject({ status: 'VALIDATED', errors: [] });
    const job = await finished((await upload(good, 'bk-tinh.csv', false)).body.jobId as string);
    expect(job).toMatchObject({ status: 'SUCCEEDED', doneRows: 1 });
    const stored = (await sys.db.query(`SELECT type, data FROM dossier_event WHERE stream_id = $1 ORDER BY seq`, [
      job.importId,
    ])) as { type: string; data: Record<string, unknown> }[];
    expect(stored.map((e) => e.type)).toEqual(['AwardImportStarted', 'AwardImported']);
    expect(stored[1].data).toMatchObject({ rowNumber: 2, awardCode: 'BK_TINH', year: from - 2 });
    expect(JSON.stringify(stored)).not.toContain(citizenId);

    const submitted = await http<{ status: string }>(sys, 'POST', `/dossiers/${created.body.id}/submit`, {
      token: tokens.clerk,
      body: {},
    });
    expect(submitted.status).toBe(200);
    const again = await upload(good, 'bk-tinh-copy.csv', false);
    expect([again.status, again.body.rule]).toEqual([409, 'award-import.same-file']);
  }, 60_000);
});
