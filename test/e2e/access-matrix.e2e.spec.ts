/**
 * Every endpoint × every role, on a dossier of one unit: each role gets exactly the answer its rights allow. The
 * endpoint list comes from the OpenAPI document, so an endpoint added without an entry in ACCESS fails this test.
 */
import { ROLES, type Role } from '@tdkt/domain';
import { aMovement, aBkTinhDossier, http, startSystem, tokenFor, type TestSystem } from '../support/system';
import { randomUUID } from 'node:crypto';

const ALL: readonly Role[] = ROLES;
const SECRETARIAT: Role[] = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'];
const OVERSIGHT: Role[] = [...SECRETARIAT, 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR'];
const year = new Date().getUTCFullYear();

interface Access {
  /** Roles allowed by the endpoint; 'PUBLIC' needs no token. */
  allowed: readonly Role[] | 'PUBLIC';
  /** Concerns one dossier: unit staff of another unit and council members not seated on it are refused (IDOR). */
  scoped?: boolean;
  /** A valid request body, so a refusal cannot hide behind a 400. */
  body?: (ids: { dossier: string }) => unknown;
  query?: string;
}

const ACCESS: Record<string, Access> = {
  'POST /api/auth/token': { allowed: 'PUBLIC', body: () => ({ username: 'nobody-here' }) },
  'GET /api/auth/config': { allowed: 'PUBLIC' },
  'GET /api/auth/me': { allowed: ALL },
  'GET /api/health': { allowed: 'PUBLIC' },
  'GET /api/health/live': { allowed: 'PUBLIC' },
  'GET /api/health/ready': { allowed: 'PUBLIC' },
  'POST /api/temporal-codec/decode': { allowed: ['ADMINISTRATOR'], body: () => ({ payloads: [] }) },
  'POST /api/temporal-codec/encode': { allowed: ['ADMINISTRATOR'], body: () => ({ payloads: [] }) },
  'GET /api/dossiers': { allowed: ALL },
  'POST /api/dossiers': { allowed: ['UNIT_CLERK'], body: () => aBkTinhDossier() },
  'GET /api/dossiers/{id}': { allowed: ALL, scoped: true },
  'GET /api/dossiers/{id}/history': { allowed: ALL, scoped: true },
  'GET /api/dossiers/{id}/actions': { allowed: ALL, scoped: true },
  'GET /api/dossiers/{id}/verify': { allowed: ALL, scoped: true },
  'GET /api/dossiers/{id}/export': { allowed: ALL, scoped: true },
  'GET /api/dossiers/{id}/documents/decision.pdf': { allowed: ALL, scoped: true },
  'POST /api/dossiers/{id}/documents/decision/issue': { allowed: ['PROVINCIAL_DECIDER'], scoped: true },
  'GET /api/dossiers/{id}/documents': { allowed: ALL, scoped: true },
  'GET /api/dossiers/{id}/documents/proposal.pdf': { allowed: ALL, scoped: true },
  'GET /api/dossiers/{id}/documents/certificate.pdf': { allowed: ALL, scoped: true },
  'POST /api/dossiers/{id}/documents/proposal/issue': { allowed: ['PROVINCIAL_DECIDER'], scoped: true },
  'POST /api/dossiers/{id}/documents/certificate/issue': { allowed: ['PROVINCIAL_DECIDER'], scoped: true },
  // Attachments ({part} and {fileId} stay literal: the dossier's clerk gets 400 for the part, readers 404 for the file).
  'GET /api/dossiers/{id}/files': { allowed: ALL, scoped: true },
  'POST /api/dossiers/{id}/parts/{part}/files': { allowed: ['UNIT_CLERK'], scoped: true },
  'GET /api/dossiers/{id}/files/{fileId}': { allowed: ALL, scoped: true },
  'GET /api/dossiers/{id}/export.zip': { allowed: ALL, scoped: true },
  'PUT /api/dossiers/{id}/content': {
    allowed: ['UNIT_CLERK'],
    scoped: true,
    body: () => ({ title: 'Tiêu đề mới của hồ sơ' }),
  },
  'POST /api/dossiers/{id}/submit': { allowed: ['UNIT_CLERK'], scoped: true, body: () => ({}) },
  'POST /api/dossiers/{id}/unit-approval': { allowed: ['UNIT_HEAD'], scoped: true, body: () => ({}) },
  'POST /api/dossiers/{id}/return': {
    allowed: ['UNIT_HEAD', ...SECRETARIAT],
    scoped: true,
    body: () => ({ reason: 'Thiếu hồ sơ' }),
  },
  'POST /api/dossiers/{id}/appraisal-acceptance': { allowed: SECRETARIAT, scoped: true, body: () => ({}) },
  'POST /api/dossiers/{id}/supplement-request': {
    allowed: SECRETARIAT,
    scoped: true,
    body: () => ({ missingParts: ['BIEN_BAN'], reason: 'Thiếu biên bản' }),
  },
  'POST /api/dossiers/{id}/supplement': { allowed: ['UNIT_CLERK'], scoped: true, body: () => ({ note: 'Đã bổ sung' }) },
  'POST /api/dossiers/{id}/votes': {
    allowed: ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
    scoped: true,
    body: () => ({ approve: true }),
  },
  'POST /api/dossiers/{id}/decision': {
    allowed: ['PROVINCIAL_DECIDER'],
    scoped: true,
    body: () => ({ approve: false, reason: 'Chưa đủ điều kiện' }),
  },
  'POST /api/dossiers/{id}/withdrawal': {
    allowed: ['UNIT_CLERK', 'UNIT_HEAD'],
    scoped: true,
    body: () => ({ reason: 'Rút hồ sơ' }),
  },
  // Grassroots route (the unit council votes, the unit head decides) and revocation after the award.
  'POST /api/dossiers/{id}/unit-council': { allowed: ['UNIT_HEAD'], scoped: true, body: () => ({}) },
  'POST /api/dossiers/{id}/unit-decision': {
    allowed: ['UNIT_HEAD'],
    scoped: true,
    body: () => ({ approve: false, reason: 'Chưa đủ điều kiện' }),
  },
  'POST /api/dossiers/{id}/revocation': {
    allowed: ['SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'UNIT_HEAD'],
    scoped: true,
    body: () => ({
      ground: 'FRAUDULENT_DECLARATION',
      reason: 'Kê khai thành tích không trung thực',
      decisionRef: '45/QĐ-UBND',
    }),
  },
  'POST /api/dossiers/{id}/recovery': {
    allowed: [...SECRETARIAT, 'UNIT_HEAD', 'UNIT_CLERK'],
    scoped: true,
    body: () => ({ item: 'AWARD_OBJECT', note: 'Đã thu hồi' }),
  },
  'GET /api/dossiers/{id}/recovery-tasks': { allowed: ALL, scoped: true },
  // State route: posting, objections, the tờ trình, and the central stage (a BK tỉnh in draft: allowed roles get 409/422).
  'POST /api/dossiers/{id}/public-posting': { allowed: SECRETARIAT, scoped: true, body: () => ({}) },
  'POST /api/dossiers/{id}/objections': {
    allowed: SECRETARIAT,
    scoped: true,
    body: () => ({ source: 'Đơn của ông A', text: 'Thành tích chưa chính xác' }),
  },
  'POST /api/dossiers/{id}/objection-review': {
    allowed: SECRETARIAT,
    scoped: true,
    body: () => ({ outcome: 'Phản ánh không có cơ sở', upheld: false }),
  },
  'POST /api/dossiers/{id}/proposal': {
    allowed: ['PROVINCIAL_DECIDER'],
    scoped: true,
    body: () => ({ approve: false, reason: 'Chưa đủ điều kiện' }),
  },
  'POST /api/dossiers/{id}/central/hiep-y': {
    allowed: ['CENTRAL_APPRAISER'],
    scoped: true,
    body: () => ({ agency: 'UBND tỉnh', agrees: true, opinion: 'Nhất trí' }),
  },
  'POST /api/dossiers/{id}/central/appraisal': {
    allowed: ['CENTRAL_APPRAISER'],
    scoped: true,
    body: () => ({ outcome: 'REJECT', reason: 'Chưa đủ điều kiện' }),
  },
  'POST /api/dossiers/{id}/central/supplement': {
    allowed: SECRETARIAT,
    scoped: true,
    body: () => ({ note: 'Đã bổ sung' }),
  },
  'POST /api/dossiers/{id}/central/standing-review': {
    allowed: ['CENTRAL_DECIDER'],
    scoped: true,
    body: () => ({ members: 9, present: 7, approvals: 6 }),
  },
  'POST /api/dossiers/{id}/central/presidential-proposal': {
    allowed: ['CENTRAL_DECIDER'],
    scoped: true,
    body: () => ({}),
  },
  'POST /api/dossiers/{id}/central/decision': {
    allowed: ['CENTRAL_DECIDER'],
    scoped: true,
    body: () => ({ decidedBy: 'PRIME_MINISTER', approve: false, reason: 'Chưa đủ điều kiện' }),
  },
  'GET /api/audit/verify': { allowed: ['AUDITOR', 'SECRETARIAT_HEAD', 'ADMINISTRATOR'] },
  'GET /api/audit/anchor': { allowed: ['AUDITOR', 'SECRETARIAT_HEAD', 'ADMINISTRATOR'] },
  'POST /api/admin/read-models/rebuild': { allowed: ['ADMINISTRATOR'] },
  'POST /api/award-history/search': {
    allowed: [
      'UNIT_CLERK',
      'UNIT_HEAD',
      ...SECRETARIAT,
      'PROVINCIAL_DECIDER',
      'CENTRAL_APPRAISER',
      'AUDITOR',
      'ADMINISTRATOR',
    ],
    body: () => ({ name: 'Nguyễn Thị Lan' }),
  },
  'GET /api/reports/awards': { allowed: OVERSIGHT, query: `fromYear=${year}&toYear=${year}` },
  'GET /api/reports/processing-times': { allowed: OVERSIGHT, query: `fromYear=${year}&toYear=${year}` },
  'GET /api/reports/five-year': { allowed: OVERSIGHT, query: `provinceCode=P&fromYear=${year - 4}&toYear=${year}` },
  'GET /api/board': { allowed: OVERSIGHT },
  'GET /api/board/counts': { allowed: OVERSIGHT },
  'GET /api/me/tasks': { allowed: ALL },
  // Council sessions ({id} is not a session here: allowed roles get 404, others 403).
  'POST /api/council-sessions': {
    allowed: SECRETARIAT,
    body: ({ dossier }) => ({ title: 'Phiên họp', deadline: `${year + 1}-12-31`, dossierIds: [dossier] }),
  },
  'GET /api/council-sessions': { allowed: [...OVERSIGHT, 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'] },
  'GET /api/council-sessions/{id}': { allowed: [...OVERSIGHT, 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'] },
  'GET /api/council-sessions/{id}/minutes': { allowed: [...OVERSIGHT, 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'] },
  'GET /api/council-sessions/{id}/history': { allowed: [...OVERSIGHT, 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'] },
  'GET /api/council-sessions/{id}/documents/decision.pdf': {
    allowed: [...OVERSIGHT, 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
  },
  'POST /api/council-sessions/{id}/documents/decision/issue': { allowed: ['PROVINCIAL_DECIDER'] },
  'GET /api/council-sessions/{id}/documents': { allowed: [...OVERSIGHT, 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'] },
  'GET /api/council-sessions/{id}/documents/minutes.pdf': {
    allowed: [...OVERSIGHT, 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
  },
  'GET /api/council-sessions/{id}/documents/awardees.pdf': {
    allowed: [...OVERSIGHT, 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
  },
  'POST /api/council-sessions/{id}/documents/minutes/issue': { allowed: SECRETARIAT },
  'POST /api/council-sessions/{id}/documents/awardees/issue': { allowed: SECRETARIAT },
  'POST /api/council-sessions/{id}/attendance': {
    allowed: [...SECRETARIAT, 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
    body: () => ({ memberId: 'x', attendance: 'PRESENT' }),
  },
  'POST /api/council-sessions/{id}/conflicts': {
    allowed: ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
    body: ({ dossier }) => ({ dossierId: dossier, reason: 'Người thân' }),
  },
  'POST /api/council-sessions/{id}/votes': {
    allowed: ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
    body: ({ dossier }) => ({ dossierId: dossier, approve: true }),
  },
  'POST /api/council-sessions/{id}/close': { allowed: ['COUNCIL_CHAIR', ...SECRETARIAT] },
  'POST /api/council-sessions/{id}/decision': { allowed: ['PROVINCIAL_DECIDER'], body: () => ({}) },
  // The decision register (a series nobody allocated in: allowed roles get an empty register, or 422 for a void).
  'GET /api/decisions': { allowed: OVERSIGHT, query: `authority=PROVINCIAL_CHAIRMAN:NOWHERE&year=${year}` },
  'POST /api/decisions/void': {
    allowed: ['PROVINCIAL_DECIDER', 'ADMINISTRATOR'],
    body: () => ({ authority: `PROVINCIAL_CHAIRMAN:${province}`, year, number: 1, reason: 'Không ban hành' }),
  },
  // Thematic rounds (rule 32).
  'POST /api/rounds': {
    allowed: SECRETARIAT,
    body: () => ({
      name: 'Phong trào thi đua chuyên đề',
      opensOn: `${year}-01-01`,
      closesOn: `${year}-12-31`,
      awardCodes: ['BK_TINH'],
    }),
  },
  'GET /api/rounds': { allowed: ALL },
  // Emulation movements (rounds included as thematic ones; {id} is no movement here: allowed roles get 404, others 403).
  'POST /api/movements': {
    allowed: SECRETARIAT,
    body: () =>
      aMovement(year, 'P', { name: 'Phong trào thi đua năm', objectives: ['Mục tiêu'], criteria: ['Tiêu chí'] }),
  },
  'GET /api/movements': { allowed: ALL },
  'GET /api/movements/{id}': { allowed: ALL },
  'GET /api/movements/{id}/history': { allowed: ALL },
  'POST /api/movements/{id}/status': { allowed: SECRETARIAT, body: () => ({ to: 'IN_PROGRESS' }) },
  'POST /api/movements/{id}/ceremonies': {
    allowed: SECRETARIAT,
    body: () => ({ milestone: 'FINAL', ceremonyDate: `${year}-12-20` }),
  },
  // Đăng ký thi đua ({id} is no registration here: allowed roles get 404, others 403).
  'POST /api/registrations': {
    allowed: ['UNIT_CLERK', 'UNIT_HEAD'],
    body: () => ({ year: 2000, subjects: [{ kind: 'INDIVIDUAL', name: 'Nguyễn Văn An', awardCode: 'CSTD_CO_SO' }] }),
  },
  'GET /api/registrations': { allowed: ALL },
  'GET /api/registrations/{id}': { allowed: ALL },
  'GET /api/registrations/{id}/history': { allowed: ALL },
  'POST /api/registrations/{id}/review': { allowed: SECRETARIAT, body: () => ({ accept: true }) },
  // Emulation blocks and block years ({id} is no block here: allowed roles get 404, others 403; the domain checks which unit).
  'POST /api/emulation-blocks': {
    allowed: SECRETARIAT,
    body: () => ({
      code: `K-${randomUUID().slice(0, 8)}`,
      name: 'Khối thi đua',
      members: [
        { unitCode: 'NO-SUCH-1', name: 'A' },
        { unitCode: 'NO-SUCH-2', name: 'B' },
      ],
    }),
  },
  'GET /api/emulation-blocks': { allowed: ALL },
  'GET /api/emulation-blocks/{id}': { allowed: ALL },
  'POST /api/emulation-blocks/{id}/years': { allowed: SECRETARIAT, body: () => ({ year }) },
  'GET /api/block-years/{id}': { allowed: ALL },
  'GET /api/block-years/{id}/history': { allowed: ALL },
  'POST /api/block-years/{id}/template': {
    allowed: ['UNIT_HEAD', ...SECRETARIAT],
    body: () => ({
      criteria: [{ code: 'C1', title: 'Nhiệm vụ', maxPoints: 60, evidenceRequired: true }],
      maxBonus: 5,
      maxPenalty: 10,
    }),
  },
  'POST /api/block-years/{id}/template-approval': { allowed: SECRETARIAT },
  'POST /api/block-years/{id}/pledges': { allowed: ['UNIT_HEAD', ...SECRETARIAT], body: () => ({ unitCode: 'A' }) },
  'POST /api/block-years/{id}/mid-year-check': {
    allowed: ['UNIT_HEAD', ...SECRETARIAT],
    body: () => ({ heldOn: `${year}-07-01`, summary: 'Sơ kết 6 tháng' }),
  },
  'POST /api/block-years/{id}/self-assessment-opening': { allowed: ['UNIT_HEAD', ...SECRETARIAT], body: () => ({}) },
  'POST /api/block-years/{id}/self-assessments': {
    allowed: ['UNIT_CLERK', 'UNIT_HEAD'],
    body: () => ({ unitCode: 'A', scores: [], bonus: 0, penalty: 0 }),
  },
  'POST /api/block-years/{id}/self-assessment-closing': { allowed: SECRETARIAT },
  'POST /api/block-years/{id}/adjustments': {
    allowed: ['UNIT_HEAD', ...SECRETARIAT],
    body: () => ({ unitCode: 'A', target: 'C1', points: 1, reason: 'Thiếu minh chứng' }),
  },
  'POST /api/block-years/{id}/ranking': { allowed: ['UNIT_HEAD', ...SECRETARIAT] },
  'POST /api/block-years/{id}/flag-proposals': {
    allowed: ['UNIT_HEAD', ...SECRETARIAT],
    body: () => ({
      provincial: ['A'],
      government: [],
      meetingDate: `${year}-03-01`,
      minutesRef: '01/BB',
      vote: { method: 'OPEN', present: ['A', 'B'], tallies: [{ unitCode: 'A', flag: 'PROVINCIAL', votesFor: 2 }] },
    }),
  },
  'POST /api/block-years/{id}/proposals/dossiers': { allowed: ['UNIT_CLERK'] },
  'POST /api/block-years/{id}/closure': { allowed: SECRETARIAT },
  // Exemplary models ({id} is no model here: allowed roles get 404, others 403; the domain checks which unit).
  'POST /api/exemplary-models': {
    allowed: ['UNIT_CLERK', 'UNIT_HEAD', ...SECRETARIAT],
    body: () => ({
      title: 'Mô hình tiêu biểu',
      summary: 'Một mô hình làm tốt, được nhân rộng',
      subject: { kind: 'COLLECTIVE', name: 'Tổ công tác' },
      field: 'OTHER',
      foundOn: `${year}-01-01`,
      evidence: [],
    }),
  },
  'GET /api/exemplary-models': { allowed: ALL },
  'GET /api/exemplary-models/{id}': { allowed: ALL },
  'GET /api/exemplary-models/{id}/history': { allowed: ALL },
  'POST /api/exemplary-models/{id}/stage': { allowed: ['UNIT_HEAD', ...SECRETARIAT], body: () => ({ to: 'FOSTERED' }) },
  'POST /api/exemplary-models/{id}/evidence': {
    allowed: ['UNIT_CLERK', 'UNIT_HEAD', ...SECRETARIAT],
    body: () => ({ evidence: [{ title: 'Báo cáo', ref: '1/BC' }] }),
  },
  'POST /api/exemplary-models/{id}/replications': {
    allowed: ['UNIT_CLERK', 'UNIT_HEAD', ...SECRETARIAT],
    body: () => ({}),
  },
  'POST /api/exemplary-models/{id}/proposal': {
    allowed: ['UNIT_CLERK'],
    body: () => ({ awardCode: 'BK_TINH', achievementDate: `${year}-01-01` }),
  },
  // A nominee's priority facts (beside the dossier: its scope) and their report.
  'GET /api/dossiers/{id}/priority': { allowed: ALL, scoped: true },
  'PUT /api/dossiers/{id}/priority': {
    allowed: ['UNIT_CLERK', 'UNIT_HEAD', ...SECRETARIAT],
    scoped: true,
    body: () => ({ gender: 'FEMALE' }),
  },
  'GET /api/reports/priority': { allowed: OVERSIGHT, query: `fromYear=${year}&toYear=${year}` },
  // The award fund ledger ({id} is a draft, so no ledger line: allowed roles get 404).
  'GET /api/award-fund/entries': { allowed: [...OVERSIGHT, 'UNIT_CLERK', 'UNIT_HEAD'] },
  'GET /api/award-fund/entries/{id}': { allowed: [...OVERSIGHT, 'UNIT_CLERK', 'UNIT_HEAD'] },
  'POST /api/award-fund/entries/{id}/payments': {
    allowed: [...SECRETARIAT, 'UNIT_CLERK', 'UNIT_HEAD'],
    body: () => ({ amountVnd: 1000, paidOn: `${year}-01-02`, source: 'STATE_BUDGET', voucherRef: 'PC 1' }),
  },
  'GET /api/award-fund/totals': { allowed: OVERSIGHT, query: `fromYear=${year}&toYear=${year}` },
  // A movement's review report ({id} is no movement here: 404).
  'GET /api/movements/{id}/review-report.xlsx': { allowed: ALL },
  'GET /api/movements/{id}/review-report.pdf': { allowed: ALL },
  // Administration: the directory ({id} is no user, unit or term here: the administrator gets 404) and award lists in.
  'GET /api/admin/units': { allowed: ['ADMINISTRATOR'] },
  'POST /api/admin/units': {
    allowed: ['ADMINISTRATOR'],
    body: () => ({
      code: `AM-${randomUUID().slice(0, 8)}`,
      name: 'Tỉnh',
      kind: 'PROVINCE',
      provinceCode: 'AM',
      validFrom: `${year}-01-01`,
    }),
  },
  'GET /api/admin/units/{id}/history': { allowed: ['ADMINISTRATOR'] },
  'GET /api/admin/users': { allowed: ['ADMINISTRATOR'] },
  'POST /api/admin/users': {
    allowed: ['ADMINISTRATOR'],
    body: () => ({
      userId: 'am-user',
      username: 'am.user',
      fullName: 'Người dùng',
      role: 'UNIT_CLERK',
      unitCode: 'NO-SUCH-UNIT',
      validFrom: `${year}-01-01`,
    }),
  },
  'POST /api/admin/users/{id}/deactivation': { allowed: ['ADMINISTRATOR'], body: () => ({ reason: 'Nghỉ hưu' }) },
  'GET /api/admin/users/{id}/history': { allowed: ['ADMINISTRATOR'] },
  'GET /api/admin/council-terms': { allowed: ['ADMINISTRATOR'] },
  'POST /api/admin/council-terms': {
    allowed: ['ADMINISTRATOR'],
    body: () => ({ councilUnitCode: 'NO-SUCH-UNIT', name: 'Nhiệm kỳ', from: `${year}-01-01`, to: `${year + 4}-12-31` }),
  },
  'POST /api/admin/council-terms/{id}/seats': {
    allowed: ['ADMINISTRATOR'],
    body: () => ({ userId: 'nobody', councilRole: 'MEMBER', from: `${year}-01-01` }),
  },
  'POST /api/admin/council-terms/{id}/seat-endings': {
    allowed: ['ADMINISTRATOR'],
    body: () => ({ userId: 'nobody', reason: 'Chuyển công tác' }),
  },
  'GET /api/admin/council-terms/{id}/history': { allowed: ['ADMINISTRATOR'] },
  'POST /api/admin/award-imports': { allowed: ['ADMINISTRATOR', 'SECRETARIAT_HEAD'], body: () => ({}) },
  'GET /api/admin/award-imports/{id}': { allowed: ['ADMINISTRATOR', 'SECRETARIAT_HEAD'] },
  // A verification job (read-only) for either; a second one while the first runs answers 409, still not a refusal.
  'POST /api/admin/jobs': { allowed: ['ADMINISTRATOR', 'AUDITOR'], body: () => ({ kind: 'VERIFY_CHAIN' }) },
  'GET /api/admin/jobs': { allowed: ['ADMINISTRATOR', 'AUDITOR'] },
  'GET /api/admin/jobs/{id}': { allowed: ['ADMINISTRATOR', 'AUDITOR'] },
  'POST /api/admin/directory-imports': { allowed: ['ADMINISTRATOR'], body: () => ({}) },
  // Lists out as Excel workbooks (a series nobody allocated in: allowed roles get 404 for the awardees).
  'GET /api/board/export.xlsx': { allowed: OVERSIGHT },
  'GET /api/decisions/awardees': {
    allowed: OVERSIGHT,
    query: `authority=PROVINCIAL_CHAIRMAN:NOWHERE&year=${year}&number=1`,
  },
};

let sys: TestSystem;
/** The province of this test's units: the chairman's own decision series is PROVINCIAL_CHAIRMAN:<province>. */
let province = '';
let dossierId: string;
/** Two people per role: one in the dossier's unit (or seated on its council), one outside it. */
const own: Partial<Record<Role, string>> = {};
const outsider: Partial<Record<Role, string>> = {};
let endpoints: string[] = [];

beforeAll(async () => {
  sys = await startSystem();
  const tag = randomUUID().slice(0, 8);
  province = `PM-${tag}`;
  await sys.directory.upsertUnit({ code: `A-${tag}`, name: 'Đơn vị A', level: 'AGENCY', provinceCode: province });
  await sys.directory.upsertUnit({ code: `B-${tag}`, name: 'Đơn vị B', level: 'AGENCY', provinceCode: province });
  await sys.directory.upsertUnit({ code: `T-${tag}`, name: 'Tỉnh', level: 'PROVINCE', provinceCode: province });
  for (const role of ROLES) {
    const unitRole = role === 'UNIT_CLERK' || role === 'UNIT_HEAD';
    for (const [who, unit, bag] of [
      ['own', unitRole ? `A-${tag}` : `T-${tag}`, own],
      ['out', unitRole ? `B-${tag}` : `T-${tag}`, outsider],
    ] as const) {
      const username = `${who}-${role.toLowerCase()}-${tag}`;
      await sys.directory.upsertUser({ id: username, username, fullName: username, role, unitCode: unit });
      bag[role] = await tokenFor(sys, username);
    }
  }
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: own.UNIT_CLERK,
    body: aBkTinhDossier(),
  });
  dossierId = created.body.id;
  const docs = await http<{ paths: Record<string, Record<string, unknown>> }>(sys, 'GET', '/docs-json');
  endpoints = Object.entries(docs.body.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
}, 120_000);
afterAll(async () => sys?.stop());

async function call(endpoint: string, token: string | undefined): Promise<number> {
  const [method, path] = endpoint.split(' ');
  const access = ACCESS[endpoint];
  const url = path.replace('/api', '').replace('{id}', dossierId) + (access.query ? `?${access.query}` : '');
  const res = await http(sys, method, url, {
    ...(token ? { token } : {}),
    ...(access.body ? { body: access.body({ dossier: dossierId }) } : {}),
  });
  return res.status;
}

it('every endpoint in the OpenAPI document has an access rule here', () => {
  expect(endpoints.length).toBeGreaterThan(20);
  expect(endpoints.filter((e) => !ACCESS[e])).toEqual([]);
});

it('each role gets exactly the allowed answers on every endpoint, and nobody gets a 500', async () => {
  const problems: string[] = [];
  for (const endpoint of endpoints.filter((e) => ACCESS[e])) {
    const { allowed, scoped } = ACCESS[endpoint];
    if (allowed === 'PUBLIC') {
      const status = await call(endpoint, undefined);
      if (status === 401 || status === 403 || status >= 500) problems.push(`${endpoint} without a token → ${status}`);
      continue;
    }
    if ((await call(endpoint, undefined)) !== 401) problems.push(`${endpoint} without a token is not 401`);
    for (const role of ROLES) {
      const status = await call(endpoint, own[role]);
      const inScope = !scoped || !['COUNCIL_MEMBER', 'COUNCIL_CHAIR'].includes(role); // the dossier is on no council's agenda yet
      const expectDenied = !allowed.includes(role) || !inScope;
      if (status >= 500) problems.push(`${endpoint} as ${role} → ${status}`);
      else if (expectDenied && status !== 403) problems.push(`${endpoint} as ${role} → ${status}, expected 403`);
      else if (!expectDenied && (status === 403 || status === 401))
        problems.push(`${endpoint} as ${role} → ${status}, expected access`);
      if (scoped && (role === 'UNIT_CLERK' || role === 'UNIT_HEAD')) {
        const other = await call(endpoint, outsider[role]);
        if (other !== 403) problems.push(`${endpoint} as ${role} of another unit → ${other}, expected 403 (IDOR)`);
      }
    }
  }
  expect(problems).toEqual([]);
}, 180_000);

it("the dossier is still untouched by the refused calls of other units' staff", async () => {
  const history = await http<{ actor: { userId: string } }[]>(sys, 'GET', `/dossiers/${dossierId}/history`, {
    token: own.AUDITOR,
  });
  expect(history.body.every((e) => !e.actor.userId.startsWith('out-'))).toBe(true);
});
