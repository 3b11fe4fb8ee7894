/**
 * Demo data for the embedded default: a province, its units, one user for every role, and dossiers in different
 * states. Dossiers are made through the HTTP API, so they travel through real workflows like any other.
 */
import { exampleBkTinhContent, exampleCstdCoSoContent, type Role } from '@tdkt/domain';
import type { Directory, OrgUnit } from '@tdkt/persistence';

export const DEMO_PROVINCE = 'MAU';
const UNITS: OrgUnit[] = [
  { code: 'UBND-MAU', name: 'UBND tỉnh Mẫu (Ban Thi đua – Khen thưởng, Sở Nội vụ)', level: 'PROVINCE', provinceCode: DEMO_PROVINCE },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', level: 'AGENCY', provinceCode: DEMO_PROVINCE },
  { code: 'SYT', name: 'Sở Y tế', level: 'AGENCY', provinceCode: DEMO_PROVINCE },
  { code: 'XA-TANPHU', name: 'UBND xã Tân Phú', level: 'COMMUNE', provinceCode: DEMO_PROVINCE },
];

export const DEMO_USERS: { username: string; fullName: string; role: Role; unitCode: string; councilOf?: string }[] = [
  { username: 'clerk.sgddt', fullName: 'Trần Văn An (cán bộ TĐKT Sở GD&ĐT)', role: 'UNIT_CLERK', unitCode: 'SGDDT' },
  { username: 'head.sgddt', fullName: 'Lê Thị Bình (Giám đốc Sở GD&ĐT)', role: 'UNIT_HEAD', unitCode: 'SGDDT' },
  { username: 'clerk.syt', fullName: 'Phạm Minh Châu (cán bộ TĐKT Sở Y tế)', role: 'UNIT_CLERK', unitCode: 'SYT' },
  { username: 'head.syt', fullName: 'Hoàng Văn Dũng (Giám đốc Sở Y tế)', role: 'UNIT_HEAD', unitCode: 'SYT' },
  { username: 'clerk.tanphu', fullName: 'Đỗ Thị Em (công chức xã Tân Phú)', role: 'UNIT_CLERK', unitCode: 'XA-TANPHU' },
  { username: 'secretariat.officer', fullName: 'Vũ Thị Giang (chuyên viên Ban TĐKT)', role: 'SECRETARIAT_OFFICER', unitCode: 'UBND-MAU' },
  { username: 'secretariat.head', fullName: 'Ngô Văn Hải (Trưởng ban TĐKT)', role: 'SECRETARIAT_HEAD', unitCode: 'UBND-MAU' },
  { username: 'council.chair', fullName: 'Bùi Văn Khánh (Chủ tịch Hội đồng TĐKT)', role: 'COUNCIL_CHAIR', unitCode: 'UBND-MAU' },
  { username: 'council.member1', fullName: 'Đặng Thị Lan (ủy viên Hội đồng)', role: 'COUNCIL_MEMBER', unitCode: 'UBND-MAU' },
  { username: 'council.member2', fullName: 'Mai Văn Minh (ủy viên Hội đồng)', role: 'COUNCIL_MEMBER', unitCode: 'UBND-MAU' },
  { username: 'chairman', fullName: 'Chủ tịch UBND tỉnh Mẫu', role: 'PROVINCIAL_DECIDER', unitCode: 'UBND-MAU' },
  { username: 'central.appraiser', fullName: 'Chuyên viên Ban TĐKT Trung ương (Bộ Nội vụ)', role: 'CENTRAL_APPRAISER', unitCode: 'UBND-MAU' },
  { username: 'central.decider', fullName: 'Văn phòng Chính phủ (thay mặt Thủ tướng)', role: 'CENTRAL_DECIDER', unitCode: 'UBND-MAU' },
  { username: 'auditor', fullName: 'Thanh tra tỉnh', role: 'AUDITOR', unitCode: 'UBND-MAU' },
  // The school department's own council (Hội đồng TĐKT cơ sở) for grassroots titles.
  { username: 'unitcouncil.sgddt.1', fullName: 'Ủy viên Hội đồng TĐKT Sở GD&ĐT', role: 'COUNCIL_MEMBER', unitCode: 'SGDDT', councilOf: 'SGDDT' },
  { username: 'unitcouncil.sgddt.2', fullName: 'Chủ tịch Hội đồng TĐKT Sở GD&ĐT', role: 'COUNCIL_CHAIR', unitCode: 'SGDDT', councilOf: 'SGDDT' },
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'ADMINISTRATOR', unitCode: 'UBND-MAU' },
];

export async function seedDirectory(directory: Directory): Promise<void> {
  for (const u of UNITS) await directory.upsertUnit(u);
  for (const u of DEMO_USERS)
    await directory.upsertUser({ id: u.username, username: u.username, fullName: u.fullName, role: u.role, unitCode: u.unitCode, councilOf: u.councilOf ?? u.unitCode });
}

type Step = [username: string, path: string, body: Record<string, unknown>];

/** Creates the demo dossiers through the API; each stops at a different stage. */
export async function seedDossiers(apiBase: string): Promise<number> {
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const r = await call(apiBase, 'POST', '/auth/token', undefined, { username });
      tokens.set(username, (r as { accessToken: string }).accessToken);
    }
    return tokens.get(username) as string;
  };
  const toAward: Step[] = [
    ['clerk.sgddt', 'submit', {}],
    ['head.sgddt', 'unit-approval', { note: 'Đề nghị Hội đồng xem xét' }],
    ['secretariat.officer', 'appraisal-acceptance', { note: 'Hồ sơ hợp lệ' }],
    ['council.chair', 'votes', { approve: true }],
    ['council.member1', 'votes', { approve: true }],
    ['council.member2', 'votes', { approve: true }],
    ['chairman', 'decision', { approve: true }],
  ];
  const plans: { clerk: string; nominee: string; position: string; steps: number }[] = [
    { clerk: 'clerk.sgddt', nominee: 'Nguyễn Thị Hoa', position: 'Giáo viên Trường THPT Chuyên', steps: 7 },
    { clerk: 'clerk.sgddt', nominee: 'Trịnh Văn Quang', position: 'Hiệu trưởng Trường THCS Tân Phú', steps: 4 },
    { clerk: 'clerk.sgddt', nominee: 'Lý Thị Mai', position: 'Giáo viên mầm non', steps: 2 },
    { clerk: 'clerk.sgddt', nominee: 'Đinh Văn Tú', position: 'Giáo viên Trường PTDT nội trú', steps: 2 },
    { clerk: 'clerk.sgddt', nominee: 'Hà Thị Yến', position: 'Giáo viên tiểu học vùng cao', steps: 2 },
    { clerk: 'clerk.syt', nominee: 'Phan Văn Sơn', position: 'Bác sĩ Trạm Y tế xã', steps: 0 },
  ];
  const ids: string[] = [];
  for (const plan of plans) {
    const created = (await call(apiBase, 'POST', '/dossiers', await token(plan.clerk), {
      awardCode: 'BK_TINH',
      title: `Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho ${plan.nominee}`,
      nominee: { kind: 'INDIVIDUAL', fullName: plan.nominee, position: plan.position },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ hai năm liền; Chiến sĩ thi đua cơ sở hai năm liền.',
      ...exampleBkTinhContent(new Date().getUTCFullYear() - 1),
    })) as { id: string };
    const steps = plan.clerk === 'clerk.syt' ? [] : toAward.slice(0, plan.steps);
    for (const [who, path, body] of steps) await call(apiBase, 'POST', `/dossiers/${created.id}/${path}`, await token(who), body);
    ids.push(created.id);
  }
  // A council session with two of the dossiers under appraisal on its agenda, members recorded present.
  const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const session = (await call(apiBase, 'POST', '/council-sessions', await token('secretariat.officer'), {
    title: 'Phiên họp Hội đồng TĐKT tỉnh (demo)',
    deadline,
    dossierIds: [ids[3], ids[4]],
  })) as { id: string; members: { userId: string }[] };
  for (const m of session.members)
    await call(apiBase, 'POST', `/council-sessions/${session.id}/attendance`, await token('secretariat.officer'), { memberId: m.userId, attendance: 'PRESENT' });
  // A grassroots title (Chiến sĩ thi đua cơ sở) waiting for the unit's own council.
  const grassroots = (await call(apiBase, 'POST', '/dossiers', await token('clerk.sgddt'), {
    awardCode: 'CSTD_CO_SO',
    title: 'Đề nghị công nhận Chiến sĩ thi đua cơ sở cho bà Vương Thị Ngân',
    nominee: { kind: 'INDIVIDUAL', fullName: 'Vương Thị Ngân', position: 'Tổ trưởng chuyên môn' },
    achievements: 'Lao động tiên tiến hai năm liền, hoàn thành xuất sắc nhiệm vụ, sáng kiến được công nhận cấp cơ sở.',
    ...exampleCstdCoSoContent(new Date().getUTCFullYear() - 1),
  })) as { id: string };
  await call(apiBase, 'POST', `/dossiers/${grassroots.id}/submit`, await token('clerk.sgddt'), {});
  return plans.length + 1;
}

async function call(base: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
