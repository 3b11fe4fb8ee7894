/**
 * The award catalog (hình thức khen thưởng, danh hiệu thi đua): every form the law page names, with who decides it,
 * whom it can go to, its level and the route a dossier takes. Source: shared/domain/commendation-law.md §2 and rule 4.
 */
export type Decider = 'PRESIDENT' | 'PRIME_MINISTER' | 'PROVINCIAL_CHAIRMAN' | 'UNIT_HEAD';
export const SUBJECT_KINDS = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type AwardLevel = 'STATE' | 'PROVINCIAL' | 'GRASSROOTS';
/** GRASSROOTS: unit council → unit head. PROVINCIAL: unit → secretariat → council → chairman. STATE: adds posting and the centre. */
export const ROUTES = ['GRASSROOTS', 'PROVINCIAL', 'STATE'] as const;
export type Route = (typeof ROUTES)[number];

export interface AwardForm {
  code: string;
  nameVi: string;
  nameEn: string;
  decider: Decider;
  subjects: readonly SubjectKind[];
  level: AwardLevel;
  route: Route;
  /** Still awarded today, or only for historical (resistance-era) merit. */
  historical?: boolean;
}

const I: readonly SubjectKind[] = ['INDIVIDUAL'];
const C: readonly SubjectKind[] = ['COLLECTIVE'];
const IC: readonly SubjectKind[] = ['INDIVIDUAL', 'COLLECTIVE'];
const ICH: readonly SubjectKind[] = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'];

const state = (
  code: string,
  nameVi: string,
  nameEn: string,
  subjects: readonly SubjectKind[],
  extra: Partial<AwardForm> = {},
): AwardForm => ({
  code,
  nameVi,
  nameEn,
  subjects,
  decider: 'PRESIDENT',
  level: 'STATE',
  route: 'STATE',
  ...extra,
});
const classes = (
  code: string,
  nameVi: string,
  nameEn: string,
  subjects: readonly SubjectKind[],
  n: 2 | 3,
): AwardForm[] =>
  (['Nhất', 'Nhì', 'Ba'] as const)
    .slice(0, n)
    .map((hang, i) =>
      state(
        `${code}_${i + 1}`,
        `${nameVi} hạng ${hang}`,
        `${nameEn}, ${['first', 'second', 'third'][i]} class`,
        subjects,
      ),
    );

export const AWARD_CATALOG: readonly AwardForm[] = [
  state('HC_SAO_VANG', 'Huân chương Sao vàng', 'Gold Star Order', IC),
  state('HC_HO_CHI_MINH', 'Huân chương Hồ Chí Minh', 'Ho Chi Minh Order', IC),
  ...classes('HC_DOC_LAP', 'Huân chương Độc lập', 'Independence Order', IC, 3),
  // Luật TĐKT 2022 Điều 33: Huân chương Quân công has three classes (hạng Nhất, Nhì, Ba).
  ...classes('HC_QUAN_CONG', 'Huân chương Quân công', 'Military Exploit Order', IC, 3),
  ...classes('HC_LAO_DONG', 'Huân chương Lao động', 'Labour Order', IC, 3),
  ...classes('HC_CHIEN_CONG', 'Huân chương Chiến công', 'Feat of Arms Order', IC, 3),
  ...classes('HC_BAO_VE_TO_QUOC', 'Huân chương Bảo vệ Tổ quốc', 'Fatherland Defence Order', IC, 3),
  state('HC_DUNG_CAM', 'Huân chương Dũng cảm', 'Bravery Order', I),
  state('HC_DAI_DOAN_KET', 'Huân chương Đại đoàn kết dân tộc', 'Great National Unity Order', IC),
  state('HC_HUU_NGHI', 'Huân chương Hữu nghị', 'Friendship Order', IC),
  state('HC_KHANG_CHIEN', 'Huân chương Kháng chiến', 'Resistance Order', ICH, { historical: true }),
  state('HCH_KHANG_CHIEN', 'Huy chương Kháng chiến', 'Resistance Medal', I, { historical: true }),
  state('HCH_QUAN_KY_QUYET_THANG', 'Huy chương Quân kỳ quyết thắng', 'Determined-to-Win Military Flag Medal', I),
  state('HCH_VI_AN_NINH_TO_QUOC', 'Huy chương Vì an ninh Tổ quốc', 'For National Security Medal', I),
  // Luật TĐKT 2022 Điều 54: Huy chương Chiến sĩ vẻ vang has three classes (hạng Nhất, Nhì, Ba).
  ...classes('HCH_CHIEN_SI_VE_VANG', 'Huy chương Chiến sĩ vẻ vang', 'Glorious Fighter Medal', I, 3),
  state('HCH_HUU_NGHI', 'Huy chương Hữu nghị', 'Friendship Medal', I),
  state('AH_LAO_DONG', 'Anh hùng Lao động', 'Labour Hero', IC),
  state('AH_LLVTND', 'Anh hùng Lực lượng vũ trang nhân dân', "Hero of the People's Armed Forces", IC),
  state('BA_ME_VNAH', 'Bà mẹ Việt Nam anh hùng', 'Heroic Vietnamese Mother', I),
  state('CSTD_TOAN_QUOC', 'Chiến sĩ thi đua toàn quốc', 'National Emulation Fighter', I, { decider: 'PRIME_MINISTER' }),
  state('CO_TD_CHINH_PHU', 'Cờ thi đua của Chính phủ', "Government's Emulation Flag", C, { decider: 'PRIME_MINISTER' }),
  state('BK_THU_TUONG', 'Bằng khen của Thủ tướng Chính phủ', "Prime Minister's Certificate of Merit", ICH, {
    decider: 'PRIME_MINISTER',
  }),
  {
    code: 'CSTD_TINH',
    nameVi: 'Chiến sĩ thi đua cấp tỉnh',
    nameEn: 'Provincial Emulation Fighter',
    decider: 'PROVINCIAL_CHAIRMAN',
    subjects: I,
    level: 'PROVINCIAL',
    route: 'PROVINCIAL',
  },
  {
    code: 'BK_TINH',
    nameVi: 'Bằng khen của Chủ tịch UBND tỉnh',
    nameEn: "Provincial Chairman's Certificate of Merit",
    decider: 'PROVINCIAL_CHAIRMAN',
    subjects: ICH,
    level: 'PROVINCIAL',
    route: 'PROVINCIAL',
  },
  {
    code: 'CO_TD_TINH',
    nameVi: 'Cờ thi đua của UBND tỉnh',
    nameEn: 'Provincial Emulation Flag',
    decider: 'PROVINCIAL_CHAIRMAN',
    subjects: C,
    level: 'PROVINCIAL',
    route: 'PROVINCIAL',
  },
  {
    code: 'TT_LD_XUAT_SAC',
    nameVi: 'Tập thể lao động xuất sắc',
    nameEn: 'Excellent Labour Collective',
    decider: 'PROVINCIAL_CHAIRMAN',
    subjects: C,
    level: 'PROVINCIAL',
    route: 'PROVINCIAL',
  },
  {
    code: 'CSTD_CO_SO',
    nameVi: 'Chiến sĩ thi đua cơ sở',
    nameEn: 'Grassroots Emulation Fighter',
    decider: 'UNIT_HEAD',
    subjects: I,
    level: 'GRASSROOTS',
    route: 'GRASSROOTS',
  },
  {
    code: 'LD_TIEN_TIEN',
    nameVi: 'Lao động tiên tiến',
    nameEn: 'Advanced Worker',
    decider: 'UNIT_HEAD',
    subjects: I,
    level: 'GRASSROOTS',
    route: 'GRASSROOTS',
  },
  {
    code: 'TT_LD_TIEN_TIEN',
    nameVi: 'Tập thể lao động tiên tiến',
    nameEn: 'Advanced Labour Collective',
    decider: 'UNIT_HEAD',
    subjects: C,
    level: 'GRASSROOTS',
    route: 'GRASSROOTS',
  },
  {
    code: 'GIAY_KHEN',
    nameVi: 'Giấy khen',
    nameEn: 'Certificate of Recognition',
    decider: 'UNIT_HEAD',
    subjects: ICH,
    level: 'GRASSROOTS',
    route: 'GRASSROOTS',
  },
];

/**
 * Codes events written before a correction of the catalog may still carry (the medal had no classes here): still
 * found, so old streams project and replay, but not offered for new dossiers.
 */
const LEGACY_CODES: readonly AwardForm[] = [
  state(
    'HCH_CHIEN_SI_VE_VANG',
    'Huy chương Chiến sĩ vẻ vang (hạng không ghi)',
    'Glorious Fighter Medal (class not recorded)',
    I,
  ),
];

const BY_CODE = new Map([...AWARD_CATALOG, ...LEGACY_CODES].map((a) => [a.code, a]));
export const AWARD_CODES: readonly string[] = AWARD_CATALOG.map((a) => a.code);
export function findAward(code: string): AwardForm | undefined {
  return BY_CODE.get(code);
}
