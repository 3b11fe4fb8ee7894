/**
 * The real system for cross-app tests: the API and a worker in this process, on the run's shared Temporal dev server
 * and Postgres (started by infra/src/test-runner.ts), with a task queue of their own so test files do not interfere.
 */
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createDataSource, Directory } from '@tdkt/persistence';
import type { DataSource } from 'typeorm';
import {
  exampleBkThuTuongContent,
  exampleBkTinhContent,
  exampleCstdCoSoContent,
  exampleHcLaoDong3Content,
  type Role,
} from '@tdkt/domain';
import { createApi } from '../../apps/api/src/api';
import { startWorker, type RunningWorker } from '../../apps/worker/src/worker';

export interface TestSystem {
  baseUrl: string;
  db: DataSource;
  directory: Directory;
  stop(): Promise<void>;
}

/**
 * temporalAddress: another Temporal server than the run's dev server — a time-skipping test server, for a route whose
 * legal deadlines (a 10-working-day posting) the test must let pass.
 */
export async function startSystem(options: { temporalAddress?: string } = {}): Promise<TestSystem> {
  process.env.TEMPORAL_TASK_QUEUE = `test-${randomUUID()}`;
  const previousAddress = process.env.TEMPORAL_ADDRESS;
  if (options.temporalAddress) process.env.TEMPORAL_ADDRESS = options.temporalAddress;
  let worker: RunningWorker;
  let app: INestApplication;
  try {
    worker = await startWorker();
    app = await createApi();
  } finally {
    if (options.temporalAddress) process.env.TEMPORAL_ADDRESS = previousAddress;
  }
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const db = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    db,
    directory: new Directory(db),
    async stop() {
      await app.close();
      await worker.shutdown();
      await db.destroy();
    },
  };
}

export interface Response<T = unknown> {
  status: number;
  body: T;
}

export async function http<T = Record<string, unknown>>(
  sys: TestSystem,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Response<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: string | undefined;
  if (opts.rawBody !== undefined) payload = opts.rawBody;
  else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sys.baseUrl}${path}`, { method, headers, body: payload });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: (text && json ? JSON.parse(text) : text || undefined) as T };
}

/** A province's worth of people for one test file: a unit with clerk and head, secretariat, three council members, the chairman. */
export interface Cast {
  unitCode: string;
  /** The province-level unit: the provincial council sits there. */
  provinceUnitCode: string;
  otherUnitCode: string;
  users: Record<
    'clerk' | 'head' | 'otherClerk' | 'secretariat' | 'member1' | 'member2' | 'member3' | 'chairman' | 'auditor',
    { id: string; username: string }
  >;
}

export async function seedCast(sys: TestSystem): Promise<Cast> {
  const tag = randomUUID().slice(0, 8);
  const unitCode = `U-${tag}`;
  const otherUnitCode = `V-${tag}`;
  const province = `P-${tag}`;
  const provinceUnit = `UBND-${tag}`;
  await sys.directory.upsertUnit({
    code: provinceUnit,
    name: `UBND tỉnh ${tag}`,
    level: 'PROVINCE',
    provinceCode: province,
  });
  await sys.directory.upsertUnit({
    code: unitCode,
    name: `Trường THPT ${tag}`,
    level: 'AGENCY',
    provinceCode: province,
  });
  await sys.directory.upsertUnit({ code: otherUnitCode, name: `Sở ${tag}`, level: 'AGENCY', provinceCode: province });
  const people: [keyof Cast['users'], Role, string | null][] = [
    ['clerk', 'UNIT_CLERK', unitCode],
    ['head', 'UNIT_HEAD', unitCode],
    ['otherClerk', 'UNIT_CLERK', otherUnitCode],
    ['secretariat', 'SECRETARIAT_OFFICER', provinceUnit],
    ['member1', 'COUNCIL_MEMBER', provinceUnit],
    ['member2', 'COUNCIL_MEMBER', provinceUnit],
    ['member3', 'COUNCIL_CHAIR', provinceUnit],
    ['chairman', 'PROVINCIAL_DECIDER', provinceUnit],
    ['auditor', 'AUDITOR', provinceUnit],
  ];
  const users = {} as Cast['users'];
  for (const [key, role, unit] of people) {
    const id = `${key}-${tag}`;
    await sys.directory.upsertUser({ id, username: `${key}.${tag}`, fullName: `${key} ${tag}`, role, unitCode: unit });
    users[key] = { id, username: `${key}.${tag}` };
  }
  return { unitCode, provinceUnitCode: provinceUnit, otherUnitCode, users };
}

/**
 * The unit's own emulation council (Hội đồng TĐKT cơ sở) for the grassroots route: `size` members, the last one its
 * chair, in the cast's unit. They also count as members of the province's council, so use a cast of its own.
 */
export async function seedUnitCouncil(
  sys: TestSystem,
  cast: Cast,
  size = 2,
): Promise<{ id: string; username: string }[]> {
  const members: { id: string; username: string }[] = [];
  for (let i = 1; i <= size; i++) {
    const id = `unit-member${i}-${cast.unitCode}`;
    const username = `unit.member${i}.${cast.unitCode}`;
    await sys.directory.upsertUser({
      id,
      username,
      fullName: `Ủy viên Hội đồng TĐKT cơ sở ${i}`,
      role: i === size ? 'COUNCIL_CHAIR' : 'COUNCIL_MEMBER',
      unitCode: cast.unitCode,
    });
    members.push({ id, username });
  }
  return members;
}

/** The request body of a Chiến sĩ thi đua cơ sở (grassroots route) for one person. */
export const aCstdCoSoDossier = (overrides: Record<string, unknown> = {}) => ({
  awardCode: 'CSTD_CO_SO',
  title: 'Đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở cho ông Trần Văn Bình',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn Bình', position: 'Giáo viên', citizenId: '001190000456' },
  achievements: 'Lao động tiên tiến, hoàn thành xuất sắc nhiệm vụ năm học, có sáng kiến được công nhận.',
  ...exampleCstdCoSoContent(new Date().getUTCFullYear() - 1),
  ...overrides,
});

export async function tokenFor(sys: TestSystem, username: string): Promise<string> {
  const res = await http<{ accessToken: string }>(sys, 'POST', '/auth/token', { body: { username } });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** The request body of a provincial Certificate of Merit for one person. */
/** The request body of a Bằng khen Thủ tướng (state route, the Prime Minister decides) for one person. */
export const aBkThuTuongDossier = (overrides: Record<string, unknown> = {}) => ({
  awardCode: 'BK_THU_TUONG',
  title: 'Đề nghị tặng Bằng khen của Thủ tướng Chính phủ cho ông Phạm Văn Đức',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Phạm Văn Đức', position: 'Hiệu trưởng', citizenId: '001180000789' },
  achievements: 'Năm năm liên tục hoàn thành xuất sắc nhiệm vụ, ba lần Chiến sĩ thi đua cơ sở sau Bằng khen tỉnh.',
  ...exampleBkThuTuongContent(new Date().getUTCFullYear() - 1),
  ...overrides,
});

/** The request body of a Huân chương Lao động hạng Ba (state route, publicly posted, the President decides). */
export const aHcLaoDong3Dossier = (overrides: Record<string, unknown> = {}) => ({
  awardCode: 'HC_LAO_DONG_3',
  title: 'Đề nghị tặng Huân chương Lao động hạng Ba cho bà Trịnh Thị Mai',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Trịnh Thị Mai', position: 'Phó Giám đốc', citizenId: '001180000790' },
  achievements: 'Năm năm liên tục hoàn thành xuất sắc nhiệm vụ, ba lần Chiến sĩ thi đua cơ sở sau Bằng khen Thủ tướng.',
  ...exampleHcLaoDong3Content(new Date().getUTCFullYear() - 1),
  ...overrides,
});

/**
 * A movement's launch body for `year` in the province `provinceCode`: a regular, province-wide movement over the year,
 * launched by the chairman's decision, with a final review on 20 December. `overrides` replace fields whole, except
 * `launchDecision`, whose number and date they set (the signer stays).
 */
export const aMovement = (
  year: number,
  provinceCode: string,
  overrides: Record<string, unknown> & { launchDecision?: { number?: string; date?: string } } = {},
) => ({
  kind: 'REGULAR',
  scope: { level: 'PROVINCE', code: provinceCode },
  period: { from: `${year}-01-01`, to: `${year}-12-31` },
  objectives: ['Nâng cao chất lượng'],
  criteria: ['Hoàn thành chỉ tiêu'],
  coOrganisers: [],
  awardCodes: ['BK_TINH'],
  milestones: { finalReview: `${year}-12-20` },
  ...overrides,
  launchDecision: {
    number: '1/QĐ-UBND',
    date: `${year}-01-01`,
    signer: 'Chủ tịch UBND tỉnh',
    ...overrides.launchDecision,
  },
});

export const aBkTinhDossier = (overrides: Record<string, unknown> = {}) => ({
  awardCode: 'BK_TINH',
  title: 'Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho bà Nguyễn Thị Lan',
  nominee: {
    kind: 'INDIVIDUAL',
    fullName: 'Nguyễn Thị Lan',
    position: 'Giáo viên',
    citizenId: '001190000123',
    birthDate: '1985-04-12',
  },
  achievements: 'Hoàn thành xuất sắc nhiệm vụ hai năm liên tục, Chiến sĩ thi đua cơ sở hai năm liền.',
  ...exampleBkTinhContent(new Date().getUTCFullYear() - 1),
  ...overrides,
});

/** What makes a dossier a Chiến sĩ thi đua cấp tỉnh for `year` (award, record, parts), over any nominee. */
export const cstdTinhContent = (year: number) => ({
  awardCode: 'CSTD_TINH',
  title: 'Đề nghị công nhận Chiến sĩ thi đua cấp tỉnh',
  record: {
    evaluationYear: year,
    ratings: [0, 1, 2].map((i) => ({ year: year - i, rating: 'HTXS' })),
    awards: [0, 1, 2].map((i) => ({
      awardCode: 'CSTD_CO_SO',
      year: year - i,
      decisionDate: `${year - i}-12-20`,
      achievementId: `cs-${year - i}`,
    })),
    initiatives: [{ id: `sk-${randomUUID().slice(0, 6)}`, kind: 'INITIATIVE', level: 'TINH', year }],
    collectiveYears: [],
  },
  parts: [
    { kind: 'TO_TRINH', copy: 'ORIGINAL' },
    { kind: 'BAO_CAO_THANH_TICH', copy: 'ORIGINAL', confirmedBySubmittingLevel: true },
    { kind: 'BIEN_BAN', copy: 'ORIGINAL' },
    { kind: 'KET_QUA_BO_PHIEU_KIN', copy: 'ORIGINAL' },
  ],
});

/** A Chiến sĩ thi đua cấp tỉnh dossier for `year`: its rule set puts it to a secret ballot (≥ 90% of all members). */
export const aCstdTinhDossier = (year: number) => aBkTinhDossier(cstdTinhContent(year));

/** The provincial route's steps after creation, as (cast member, endpoint, body). */
export const PROVINCIAL_STEPS: [keyof Cast['users'], string, Record<string, unknown>][] = [
  ['clerk', 'submit', {}],
  ['head', 'unit-approval', {}],
  ['secretariat', 'appraisal-acceptance', {}],
  ['member1', 'votes', { approve: true }],
  ['member2', 'votes', { approve: true }],
  ['member3', 'votes', { approve: true }],
  ['chairman', 'decision', { approve: true }],
];

/** Creates a dossier (a Bằng khen tỉnh unless `body` says otherwise) and drives it `steps` steps along the provincial route (all 7 = AWARDED); returns its id. */
export async function driveDossier(
  sys: TestSystem,
  tokens: Record<string, string>,
  steps = PROVINCIAL_STEPS.length,
  body: Record<string, unknown> = aBkTinhDossier(),
): Promise<string> {
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', { token: tokens.clerk, body });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  for (const [who, path, body] of PROVINCIAL_STEPS.slice(0, steps)) {
    const res = await http(sys, 'POST', `/dossiers/${created.body.id}/${path}`, { token: tokens[who], body });
    if (res.status !== 200) throw new Error(`${path} by ${who} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return created.body.id;
}

/** A bearer token for every member of the cast, keyed as in `Cast.users`. */
export async function tokensFor(sys: TestSystem, cast: Cast): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [key, u] of Object.entries(cast.users)) tokens[key] = await tokenFor(sys, u.username);
  return tokens;
}
