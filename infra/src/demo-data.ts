/**
 * Demo data for the embedded default: a province, its units, one user for every role, and dossiers in different
 * states. Dossiers are made through the HTTP API, so they travel through real workflows like any other.
 */
import { exampleBkTinhContent, exampleCstdCoSoContent, type Role } from '@tdkt/domain';
import type { Directory, OrgUnit } from '@tdkt/persistence';

export const DEMO_PROVINCE = 'MAU';
const UNITS: OrgUnit[] = [
  {
    code: 'UBND-MAU',
    name: 'UBND tỉnh Mẫu (Ban Thi đua – Khen thưởng, Sở Nội vụ)',
    level: 'PROVINCE',
    provinceCode: DEMO_PROVINCE,
  },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', level: 'AGENCY', provinceCode: DEMO_PROVINCE },
  { code: 'SYT', name: 'Sở Y tế', level: 'AGENCY', provinceCode: DEMO_PROVINCE },
  { code: 'XA-TANPHU', name: 'UBND xã Tân Phú', level: 'COMMUNE', provinceCode: DEMO_PROVINCE },
];

/**
 * The province's 14 emulation blocks and clusters (khối, cụm thi đua) with their member units in rotation order
 * (the first leads the block in the first year). Units not in UNITS above are added to the directory with them.
 */
export const DEMO_BLOCKS: {
  code: string;
  name: string;
  members: { code: string; name: string; level: OrgUnit['level'] }[];
}[] = [
  {
    code: 'KHOI-VHXH',
    name: 'Khối Văn hóa – Xã hội',
    members: [
      { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', level: 'AGENCY' },
      { code: 'SYT', name: 'Sở Y tế', level: 'AGENCY' },
      { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', level: 'AGENCY' },
      { code: 'BHXH-MAU', name: 'Bảo hiểm xã hội tỉnh', level: 'AGENCY' },
    ],
  },
  {
    code: 'KHOI-DANG',
    name: 'Khối các cơ quan Đảng',
    members: [
      { code: 'BTC-TU', name: 'Ban Tổ chức Tỉnh ủy', level: 'AGENCY' },
      { code: 'BTGDV-TU', name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', level: 'AGENCY' },
      { code: 'UBKT-TU', name: 'Ủy ban Kiểm tra Tỉnh ủy', level: 'AGENCY' },
      { code: 'VP-TU', name: 'Văn phòng Tỉnh ủy', level: 'AGENCY' },
    ],
  },
  {
    code: 'KHOI-NOICHINH',
    name: 'Khối Nội chính',
    members: [
      { code: 'CA-TINH', name: 'Công an tỉnh', level: 'AGENCY' },
      { code: 'TAND-TINH', name: 'Tòa án nhân dân tỉnh', level: 'AGENCY' },
      { code: 'VKSND-TINH', name: 'Viện Kiểm sát nhân dân tỉnh', level: 'AGENCY' },
      { code: 'STP', name: 'Sở Tư pháp', level: 'AGENCY' },
    ],
  },
  {
    code: 'KHOI-KTTH',
    name: 'Khối Kinh tế tổng hợp',
    members: [
      { code: 'STC', name: 'Sở Tài chính', level: 'AGENCY' },
      { code: 'THUE-TINH', name: 'Thuế tỉnh', level: 'AGENCY' },
      { code: 'KBNN-KV', name: 'Kho bạc Nhà nước khu vực', level: 'AGENCY' },
      { code: 'TK-TINH', name: 'Thống kê tỉnh', level: 'AGENCY' },
    ],
  },
  {
    code: 'KHOI-KTKT',
    name: 'Khối Kinh tế – Kỹ thuật',
    members: [
      { code: 'SXD', name: 'Sở Xây dựng', level: 'AGENCY' },
      { code: 'SCT', name: 'Sở Công Thương', level: 'AGENCY' },
      { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', level: 'AGENCY' },
      { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', level: 'AGENCY' },
    ],
  },
  {
    code: 'KHOI-MTDT',
    name: 'Khối Mặt trận và các đoàn thể',
    members: [
      { code: 'MTTQ-TINH', name: 'Ủy ban MTTQ Việt Nam tỉnh', level: 'AGENCY' },
      { code: 'LDLD-TINH', name: 'Liên đoàn Lao động tỉnh', level: 'AGENCY' },
      { code: 'TINHDOAN', name: 'Tỉnh đoàn', level: 'AGENCY' },
      { code: 'HLHPN-TINH', name: 'Hội Liên hiệp Phụ nữ tỉnh', level: 'AGENCY' },
    ],
  },
  {
    code: 'KHOI-DNNN',
    name: 'Khối Doanh nghiệp nhà nước',
    members: [
      { code: 'XSKT-MAU', name: 'Công ty TNHH MTV Xổ số kiến thiết', level: 'ENTERPRISE' },
      { code: 'CAPNUOC-MAU', name: 'Công ty Cổ phần Cấp nước', level: 'ENTERPRISE' },
      { code: 'DIENLUC-MAU', name: 'Công ty Điện lực tỉnh', level: 'ENTERPRISE' },
    ],
  },
  {
    code: 'KHOI-DNNQD',
    name: 'Khối Doanh nghiệp ngoài khu vực nhà nước',
    members: [
      { code: 'DN-THANHCONG', name: 'Công ty Cổ phần May Thành Công', level: 'ENTERPRISE' },
      { code: 'DN-HOANGLONG', name: 'Công ty TNHH Thủy sản Hoàng Long', level: 'ENTERPRISE' },
      { code: 'DN-PHUCTHINH', name: 'Hợp tác xã Nông nghiệp Phúc Thịnh', level: 'ENTERPRISE' },
    ],
  },
  {
    code: 'KHOI-NGANHANG',
    name: 'Khối Ngân hàng',
    members: [
      { code: 'NHNN-KV', name: 'Ngân hàng Nhà nước chi nhánh khu vực', level: 'AGENCY' },
      { code: 'AGRIBANK-MAU', name: 'Agribank chi nhánh tỉnh', level: 'ENTERPRISE' },
      { code: 'NHCSXH-MAU', name: 'Ngân hàng Chính sách xã hội chi nhánh tỉnh', level: 'AGENCY' },
    ],
  },
  {
    code: 'KHOI-TRUONG',
    name: 'Khối các trường cao đẳng và Trường Chính trị',
    members: [
      { code: 'CD-YTE', name: 'Trường Cao đẳng Y tế', level: 'AGENCY' },
      { code: 'CD-SUPHAM', name: 'Trường Cao đẳng Sư phạm', level: 'AGENCY' },
      { code: 'TRUONG-CT', name: 'Trường Chính trị tỉnh', level: 'AGENCY' },
    ],
  },
  {
    code: 'CUM-XA-DONGBANG',
    name: 'Cụm thi đua các xã vùng đồng bằng',
    members: [
      { code: 'XA-TANPHU', name: 'UBND xã Tân Phú', level: 'COMMUNE' },
      { code: 'XA-ANBINH', name: 'UBND xã An Bình', level: 'COMMUNE' },
      { code: 'XA-HOALOI', name: 'UBND xã Hòa Lợi', level: 'COMMUNE' },
      { code: 'XA-PHUTHANH', name: 'UBND xã Phú Thạnh', level: 'COMMUNE' },
    ],
  },
  {
    code: 'CUM-XA-MIENNUI',
    name: 'Cụm thi đua các xã miền núi, vùng đồng bào dân tộc thiểu số',
    members: [
      { code: 'XA-TAXUA', name: 'UBND xã Tà Xùa', level: 'COMMUNE' },
      { code: 'XA-NAMCANG', name: 'UBND xã Nậm Cang', level: 'COMMUNE' },
      { code: 'XA-PAVAYSU', name: 'UBND xã Pa Vây Sử', level: 'COMMUNE' },
    ],
  },
  {
    code: 'CUM-PHUONG',
    name: 'Cụm thi đua các phường',
    members: [
      { code: 'P-TRUNGTAM', name: 'UBND phường Trung Tâm', level: 'COMMUNE' },
      { code: 'P-BACSON', name: 'UBND phường Bắc Sơn', level: 'COMMUNE' },
      { code: 'P-NAMTHANH', name: 'UBND phường Nam Thành', level: 'COMMUNE' },
    ],
  },
  {
    code: 'CUM-BIENGIOI-BIEN',
    name: 'Cụm thi đua các xã biên giới, ven biển và đặc khu',
    members: [
      { code: 'XA-HAIDONG', name: 'UBND xã Hải Đông', level: 'COMMUNE' },
      { code: 'XA-BIENPHONG', name: 'UBND xã Biên Phòng', level: 'COMMUNE' },
      { code: 'DK-HONMAU', name: 'UBND đặc khu Hòn Mẫu', level: 'COMMUNE' },
    ],
  },
];

export const DEMO_USERS: { username: string; fullName: string; role: Role; unitCode: string; councilOf?: string }[] = [
  { username: 'clerk.sgddt', fullName: 'Trần Văn An (cán bộ TĐKT Sở GD&ĐT)', role: 'UNIT_CLERK', unitCode: 'SGDDT' },
  { username: 'head.sgddt', fullName: 'Lê Thị Bình (Giám đốc Sở GD&ĐT)', role: 'UNIT_HEAD', unitCode: 'SGDDT' },
  { username: 'clerk.syt', fullName: 'Phạm Minh Châu (cán bộ TĐKT Sở Y tế)', role: 'UNIT_CLERK', unitCode: 'SYT' },
  { username: 'head.syt', fullName: 'Hoàng Văn Dũng (Giám đốc Sở Y tế)', role: 'UNIT_HEAD', unitCode: 'SYT' },
  { username: 'clerk.tanphu', fullName: 'Đỗ Thị Em (công chức xã Tân Phú)', role: 'UNIT_CLERK', unitCode: 'XA-TANPHU' },
  {
    username: 'secretariat.officer',
    fullName: 'Vũ Thị Giang (chuyên viên Ban TĐKT)',
    role: 'SECRETARIAT_OFFICER',
    unitCode: 'UBND-MAU',
  },
  {
    username: 'secretariat.head',
    fullName: 'Ngô Văn Hải (Trưởng ban TĐKT)',
    role: 'SECRETARIAT_HEAD',
    unitCode: 'UBND-MAU',
  },
  {
    username: 'council.chair',
    fullName: 'Bùi Văn Khánh (Chủ tịch Hội đồng TĐKT)',
    role: 'COUNCIL_CHAIR',
    unitCode: 'UBND-MAU',
  },
  {
    username: 'council.member1',
    fullName: 'Đặng Thị Lan (ủy viên Hội đồng)',
    role: 'COUNCIL_MEMBER',
    unitCode: 'UBND-MAU',
  },
  {
    username: 'council.member2',
    fullName: 'Mai Văn Minh (ủy viên Hội đồng)',
    role: 'COUNCIL_MEMBER',
    unitCode: 'UBND-MAU',
  },
  { username: 'chairman', fullName: 'Chủ tịch UBND tỉnh Mẫu', role: 'PROVINCIAL_DECIDER', unitCode: 'UBND-MAU' },
  {
    username: 'central.appraiser',
    fullName: 'Chuyên viên Ban TĐKT Trung ương (Bộ Nội vụ)',
    role: 'CENTRAL_APPRAISER',
    unitCode: 'UBND-MAU',
  },
  {
    username: 'central.decider',
    fullName: 'Văn phòng Chính phủ (thay mặt Thủ tướng)',
    role: 'CENTRAL_DECIDER',
    unitCode: 'UBND-MAU',
  },
  { username: 'auditor', fullName: 'Thanh tra tỉnh', role: 'AUDITOR', unitCode: 'UBND-MAU' },
  // The school department's own council (Hội đồng TĐKT cơ sở) for grassroots titles.
  {
    username: 'unitcouncil.sgddt.1',
    fullName: 'Ủy viên Hội đồng TĐKT Sở GD&ĐT',
    role: 'COUNCIL_MEMBER',
    unitCode: 'SGDDT',
    councilOf: 'SGDDT',
  },
  {
    username: 'unitcouncil.sgddt.2',
    fullName: 'Chủ tịch Hội đồng TĐKT Sở GD&ĐT',
    role: 'COUNCIL_CHAIR',
    unitCode: 'SGDDT',
    councilOf: 'SGDDT',
  },
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'ADMINISTRATOR', unitCode: 'UBND-MAU' },
];

export async function seedDirectory(directory: Directory): Promise<void> {
  for (const u of UNITS) await directory.upsertUnit(u);
  const known = new Set(UNITS.map((u) => u.code));
  for (const m of DEMO_BLOCKS.flatMap((b) => b.members).filter((m) => !known.has(m.code)))
    await directory.upsertUnit({ code: m.code, name: m.name, level: m.level, provinceCode: DEMO_PROVINCE });
  for (const u of DEMO_USERS)
    await directory.upsertUser({
      id: u.username,
      username: u.username,
      fullName: u.fullName,
      role: u.role,
      unitCode: u.unitCode,
      councilOf: u.councilOf ?? u.unitCode,
    });
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
    for (const [who, path, body] of steps)
      await call(apiBase, 'POST', `/dossiers/${created.id}/${path}`, await token(who), body);
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
    await call(apiBase, 'POST', `/council-sessions/${session.id}/attendance`, await token('secretariat.officer'), {
      memberId: m.userId,
      attendance: 'PRESENT',
    });
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

/**
 * Emulation through the API: the 14 blocks formed by the secretariat, this year opened for each (head and deputy by
 * rotation), the culture–society block's template adopted, approved and its pledges signed; the province's yearly
 * movement launched, two departments' registrations for its year (one accepted) and two of its exemplary models.
 */
export async function seedEmulation(
  apiBase: string,
): Promise<{ blocks: number; movementId: string; registrations: number; models: number }> {
  const token = tokenCache(apiBase);
  const secretariat = await token('secretariat.officer');
  const thisYear = Number(new Date().toISOString().slice(0, 4));
  const yearIds: string[] = [];
  for (const b of DEMO_BLOCKS) {
    const block = (await call(apiBase, 'POST', '/emulation-blocks', secretariat, {
      code: b.code,
      name: b.name,
      members: b.members.map((m) => ({ unitCode: m.code, name: m.name })),
    })) as { blockId: string };
    yearIds.push(
      (
        (await call(apiBase, 'POST', `/emulation-blocks/${block.blockId}/years`, secretariat, { year: thisYear })) as {
          blockYearId: string;
        }
      ).blockYearId,
    );
  }
  {
    const yearId = yearIds[0];
    await call(apiBase, 'POST', `/block-years/${yearId}/template`, await token('head.sgddt'), {
      criteria: [
        {
          code: 'C1',
          title: 'Hoàn thành nhiệm vụ chính trị, chuyên môn được giao',
          maxPoints: 60,
          evidenceRequired: true,
        },
        {
          code: 'C2',
          title: 'Tổ chức phong trào thi đua, phát hiện và nhân rộng điển hình tiên tiến',
          maxPoints: 25,
          evidenceRequired: true,
        },
        { code: 'C3', title: 'Xây dựng tổ chức Đảng, đoàn thể vững mạnh', maxPoints: 15, evidenceRequired: false },
      ],
      maxBonus: 5,
      maxPenalty: 10,
    });
    await call(apiBase, 'POST', `/block-years/${yearId}/template-approval`, secretariat, {});
    for (const m of DEMO_BLOCKS[0].members)
      await call(apiBase, 'POST', `/block-years/${yearId}/pledges`, secretariat, { unitCode: m.code });
  }
  // The yearly movement and its registrations: this year's in January (registration closes some 20 working days in), next year's after.
  const year = new Date().getUTCMonth() === 0 ? thisYear : thisYear + 1;
  const movement = (await call(apiBase, 'POST', '/movements', secretariat, {
    name: `Phong trào thi đua yêu nước năm ${year}: "Đoàn kết, sáng tạo, thi đua hoàn thành thắng lợi nhiệm vụ"`,
    kind: 'REGULAR',
    scope: { level: 'PROVINCE', code: DEMO_PROVINCE },
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    objectives: [
      'Hoàn thành vượt mức các chỉ tiêu kinh tế – xã hội năm',
      'Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến',
    ],
    criteria: [
      'Mức độ hoàn thành nhiệm vụ được giao',
      'Số điển hình tiên tiến được phát hiện, nhân rộng',
      'Tỷ lệ đơn vị đăng ký và ký giao ước thi đua',
    ],
    launchDecision: {
      number: `01/QĐ-UBND`,
      date: new Date().toISOString().slice(0, 10),
      signer: 'Chủ tịch UBND tỉnh Mẫu',
    },
    coOrganisers: ['Ủy ban MTTQ Việt Nam tỉnh', 'Liên đoàn Lao động tỉnh'],
    awardCodes: ['LD_TIEN_TIEN', 'CSTD_CO_SO', 'TT_LD_XUAT_SAC', 'CO_TD_TINH', 'BK_TINH'],
    quotas: [{ awardCode: 'CO_TD_TINH', max: 14 }],
    milestones: { midTermReview: `${year}-06-30`, finalReview: `${year}-12-15` },
  })) as { movementId: string };
  const sgddt = (await call(apiBase, 'POST', '/registrations', await token('clerk.sgddt'), {
    year,
    subjects: [
      { kind: 'INDIVIDUAL', name: 'Nguyễn Thị Hoa', awardCode: 'CSTD_CO_SO' },
      { kind: 'INDIVIDUAL', name: 'Vương Thị Ngân', awardCode: 'CSTD_CO_SO' },
      { kind: 'COLLECTIVE', name: 'Phòng Giáo dục phổ thông', awardCode: 'TT_LD_XUAT_SAC' },
      { kind: 'COLLECTIVE', name: 'Sở Giáo dục và Đào tạo', awardCode: 'CO_TD_TINH' },
    ],
  })) as { registrationId: string };
  await call(apiBase, 'POST', `/registrations/${sgddt.registrationId}/review`, secretariat, {
    accept: true,
    reason: 'Đăng ký đúng hạn, đủ danh sách',
  });
  await call(apiBase, 'POST', '/registrations', await token('clerk.syt'), {
    year,
    subjects: [
      { kind: 'INDIVIDUAL', name: 'Phan Văn Sơn', awardCode: 'CSTD_CO_SO' },
      { kind: 'COLLECTIVE', name: 'Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh', awardCode: 'TT_LD_XUAT_SAC' },
    ],
  });
  // Exemplary models of the movement: one fostered and replicated by another department, one just found.
  const today = new Date().toISOString().slice(0, 10);
  const teacher = (await call(apiBase, 'POST', '/exemplary-models', await token('clerk.sgddt'), {
    title: 'Mô hình "Lớp học hạnh phúc" ở trường bán trú vùng cao',
    summary:
      'Cô giáo Hà Thị Yến đưa phương pháp lớp học hạnh phúc vào trường phổ thông dân tộc bán trú; tỷ lệ học sinh chuyên cần tăng từ 82% lên 99%.',
    subject: { kind: 'INDIVIDUAL', name: 'Hà Thị Yến', position: 'Giáo viên tiểu học vùng cao' },
    field: 'EDUCATION',
    movementId: movement.movementId,
    foundOn: today,
    evidence: [
      { title: 'Báo cáo sơ kết học kỳ I', ref: '15/BC-SGDDT' },
      { title: 'Phóng sự của Đài Phát thanh – Truyền hình tỉnh', ref: 'PTTH tỉnh, bản tin thời sự' },
    ],
  })) as { modelId: string };
  await call(apiBase, 'POST', `/exemplary-models/${teacher.modelId}/stage`, await token('head.sgddt'), {
    to: 'FOSTERED',
    note: 'Bồi dưỡng, tập huấn nhân rộng trong ngành',
  });
  await call(apiBase, 'POST', `/exemplary-models/${teacher.modelId}/replications`, await token('clerk.syt'), {
    note: 'Áp dụng tại khoa Nhi, Bệnh viện Đa khoa tỉnh',
  });
  await call(apiBase, 'POST', '/exemplary-models', await token('clerk.tanphu'), {
    title: 'Tổ hợp tác trồng dừa hữu cơ xã Tân Phú',
    summary: 'Tổ hợp tác liên kết 40 hộ trồng dừa hữu cơ, tiêu thụ ổn định, thu nhập bình quân của hộ tăng 30%.',
    subject: { kind: 'COLLECTIVE', name: 'Tổ hợp tác dừa hữu cơ ấp Phú Hòa' },
    field: 'AGRICULTURE_RURAL',
    movementId: movement.movementId,
    foundOn: today,
    evidence: [{ title: 'Biên bản kiểm tra của Hội Nông dân xã', ref: '03/BB-HND' }],
  });
  return { blocks: DEMO_BLOCKS.length, movementId: movement.movementId, registrations: 2, models: 2 };
}

function tokenCache(apiBase: string): (username: string) => Promise<string> {
  const tokens = new Map<string, string>();
  return async (username) => {
    if (!tokens.has(username))
      tokens.set(
        username,
        ((await call(apiBase, 'POST', '/auth/token', undefined, { username })) as { accessToken: string }).accessToken,
      );
    return tokens.get(username) as string;
  };
}

async function call(
  base: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
