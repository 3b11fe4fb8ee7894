/**
 * Bad input at the edge, on the real system: control characters anywhere (body, nested fields, query, token request),
 * implausible dates and unknown enumeration values get 400 with a message per field, and a refused request appends
 * nothing to the event table.
 */
import {
  aBkTinhDossier,
  driveDossier,
  http,
  seedCast,
  startSystem,
  tokensFor,
  type TestSystem,
} from '../support/system';

let sys: TestSystem;
let tokens: Record<string, string>;
type ErrorBody = { statusCode: number; message: string; fields?: Record<string, string[]> };

const eventsOf = async (id: string) =>
  Number(
    ((await sys.db.query(`SELECT count(*) AS n FROM dossier_event WHERE stream_id = $1`, [id])) as { n: string }[])[0]
      .n,
  );
const post = (path: string, who: string, body: unknown) =>
  http<ErrorBody>(sys, 'POST', path, { token: tokens[who], body });
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  sys = await startSystem();
  tokens = await tokensFor(sys, await seedCast(sys));
}, 120_000);
afterAll(async () => sys?.stop());

describe('control characters', () => {
  it('a NUL in a nested text field of a create is a 400 naming the field, and no dossier is created', async () => {
    const dossier = aBkTinhDossier();
    const res = await post('/dossiers', 'clerk', {
      ...dossier,
      nominee: { ...dossier.nominee, fullName: 'Nguyễn\u0000 Thị Lan' },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({ 'nominee.fullName': ['must not contain control characters'] });
  });

  it('on a command to an existing dossier: 400, nothing appended, the dossier still takes the next command', async () => {
    const id = await driveDossier(sys, tokens, 0);
    const before = await eventsOf(id);
    const res = await http<ErrorBody>(sys, 'PUT', `/dossiers/${id}/content`, {
      token: tokens.clerk,
      body: { achievements: 'Thành tích xuất sắc\u0000 trong năm' },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toMatchObject({ achievements: ['must not contain control characters'] });
    expect(await eventsOf(id)).toBe(before);
    expect((await post(`/dossiers/${id}/submit`, 'clerk', {})).status).toBe(200);
  });

  it('in the token request and in a query string: 400, never a 500', async () => {
    const token = await http<ErrorBody>(sys, 'POST', '/auth/token', { body: { username: 'clerk\u0000' } });
    expect(token.status).toBe(400);
    expect(token.body.fields).toEqual({ username: ['must not contain control characters'] });
    const list = await http<ErrorBody>(sys, 'GET', '/dossiers?unitCode=%00', { token: tokens.auditor });
    expect(list.status).toBe(400);
    expect(list.body.fields).toEqual({ 'query.unitCode': ['must not contain control characters'] });
  });
});

describe('every command field is validated', () => {
  it('implausible dates and unknown part names are refused per field and append nothing', async () => {
    const dossier = aBkTinhDossier();
    const future = await post('/dossiers', 'clerk', {
      ...dossier,
      nominee: { ...dossier.nominee, birthDate: inFuture(30) },
    });
    expect(future.status).toBe(400);
    expect(future.body.fields?.['nominee.birthDate']?.[0]).toMatch(/between 1900-01-01 and today/);
    const notADay = await post('/dossiers', 'clerk', {
      ...dossier,
      nominee: { ...dossier.nominee, birthDate: '1985-02-30' },
    });
    expect(notADay.status).toBe(400);
    expect(Object.keys(notADay.body.fields ?? {})).toEqual(['nominee.birthDate']);
    const achieved = await post('/dossiers', 'clerk', {
      ...dossier,
      commendationType: 'AD_HOC',
      achievementDate: inFuture(3),
    });
    expect(achieved.status).toBe(400);
    expect(Object.keys(achieved.body.fields ?? {})).toEqual(['achievementDate']);

    const id = await driveDossier(sys, tokens, 3);
    const afterDrive = await eventsOf(id);
    const parts = await post(`/dossiers/${id}/supplement-request`, 'secretariat', {
      missingParts: ['BIEN_BAN', 'GIAY_KHAI_SINH'],
      reason: 'Thiếu giấy tờ',
    });
    expect(parts.status).toBe(400);
    expect(Object.keys(parts.body.fields ?? {})).toEqual(['missingParts']);
    const basis = await post(`/dossiers/${id}/supplement-request`, 'secretariat', {
      missingParts: ['BIEN_BAN'],
      reason: 'x'.repeat(2001),
    });
    expect(basis.status).toBe(400);
    expect(await eventsOf(id)).toBe(afterDrive);
  });

  it('a council session whose voting deadline has already passed is refused', async () => {
    const res = await post('/council-sessions', 'secretariat', {
      title: 'Phiên họp',
      deadline: '2020-01-01',
      dossierIds: ['6f1c1f43-9d0b-4f7c-8a53-0c7c1d6a2b11'],
    });
    expect(res.status).toBe(400);
    expect(res.body.fields?.deadline?.[0]).toMatch(/from today on/);
  });
});
