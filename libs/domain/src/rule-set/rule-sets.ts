import { BONUS_2024, BONUS_2025 } from './bonus-tables';
import { AWARD_CATALOG } from '../award/catalog';
import type {
  AwardList,
  CentralCouncilRule,
  CouncilRule,
  EmulationRule,
  RuleSet,
  StateRouteRule,
  VariantRule,
} from './types';

/** Secret ballot, ≥ 90% of total members, written votes allowed: historical default for high titles (rule 26, [U]). */
const SECRET_90: Partial<CouncilRule> = {
  ballot: 'SECRET',
  threshold: { share: [9, 10], strict: false },
  denominator: 'TOTAL',
  allowWrittenVotes: true,
};
const HIGH_TITLES = ['CSTD_TINH', 'CSTD_TOAN_QUOC', 'AH_LAO_DONG', 'AH_LLVTND'];

const LAW = 'Luật Thi đua, khen thưởng số 06/2022/QH15';
const ND98 = 'Nghị định 98/2023/NĐ-CP';
const ND152 = 'Nghị định 152/2025/NĐ-CP';

const STATE_AWARDS = AWARD_CATALOG.filter((a) => a.route === 'STATE');
const ORDERS_AND_MEDALS = STATE_AWARDS.filter((a) => a.code.startsWith('HC_') || a.code.startsWith('HCH_')).map(
  (a) => a.code,
);
const ORDERS = STATE_AWARDS.filter((a) => a.code.startsWith('HC_')).map((a) => a.code);
const HONORARY_TITLES = ['AH_LAO_DONG', 'AH_LLVTND', 'BA_ME_VNAH'];

/**
 * Who is publicly posted at the proposing level before the council (rule 23): orders (huân chương), state honorary
 * titles and Chiến sĩ thi đua toàn quốc — the list of Thông tư 12/2019/TT-BNV (public posting of nominees for orders,
 * state honorary titles, the HCM and State prizes and CSTĐ toàn quốc), not every state-level award: Bằng khen Thủ
 * tướng, Cờ thi đua của Chính phủ and the medals go to the council without it.
 */
const POSTED_AWARDS = [...ORDERS, ...HONORARY_TITLES, 'CSTD_TOAN_QUOC'];

/**
 * The blocks' flag proposals [U] (law page §9: each province's block regulation): one Cờ thi đua of the province per
 * block (two when the block has ten or more members), at most one of those put forward for the Government's; the block
 * meeting needs two thirds of its members present and a proposed unit more than half of the members present (the
 * provincial council's own rule applied by analogy; no text found for block meetings).
 */
export const EMULATION_DEFAULTS: EmulationRule = {
  flagQuotas: { provincialPerBlock: 1, largeBlockFrom: 10, governmentPerBlock: 1 },
  flagVote: { quorum: [2, 3], threshold: { share: [1, 2], strict: true } },
  flagAwards: { provincial: 'CO_TD_TINH', government: 'CO_TD_CHINH_PHU' },
  note: 'UNCONFIRMED: quotas and the meeting vote follow common provincial block regulations, not a national text',
};

const common = {
  council: {
    // Provincial councils: simple majority of all members, open ballot, quorum 2/3 ([U]: the provincial rule was not
    // found; the Central Council's rule 25 is the default a province may change in its file).
    default: {
      ballot: 'OPEN',
      threshold: { share: [1, 2], strict: true },
      denominator: 'TOTAL',
      allowWrittenVotes: false,
      quorum: [2, 3],
    } as CouncilRule,
    byAward: Object.fromEntries(HIGH_TITLES.map((code) => [code, SECRET_90])),
  },
  // appraisalWD: today's 10 WD for every award ([U]); historically 10, 15 (BK TTg, Cờ thi đua CP, HCLĐ …) or 30 days
  // (Độc lập and above, honorary titles, prizes, CSTĐ toàn quốc) by award (law page §6.2): a province sets them per
  // award in appraisalWDByAward once its legal officer has verified them.
  deadlines: {
    appraisalWD: 10,
    appraisalWDByAward: {},
    supplementWD: 10,
    publicPostingWD: 10,
    centralPublicConsultationWD: 10,
    decisionWD: 10,
    councilVotingWD: 5,
    councilRetryWD: 10,
    reminderBeforeWD: 2,
  },
  // A unit head numbers decisions in the unit's own series: "3/QĐ-SGDDT" ([U]: the unit's abbreviation in practice).
  issuerCode: { PRESIDENT: 'CTN', PRIME_MINISTER: 'TTg', PROVINCIAL_CHAIRMAN: 'UBND', UNIT_HEAD: '{unitCode}' },
  quotasEnabled: false,
  // Đăng ký thi đua [U]: a warning by default; the deadline and the list are local practice (provinces set them in the
  // year's emulation guidance), not national law.
  registration: {
    missing: 'WARNING' as const,
    deadlineWorkingDays: 20,
    titles: ['LD_TIEN_TIEN', 'CSTD_CO_SO', 'CSTD_TINH', 'TT_LD_TIEN_TIEN', 'TT_LD_XUAT_SAC', 'CO_TD_TINH'],
    note: 'UNCONFIRMED: the deadline and the titles follow common provincial guidance, not a national text',
  },
  emulation: EMULATION_DEFAULTS,
} satisfies Partial<RuleSet>;

const adHoc: VariantRule['adHoc'] = {
  intakeDays: 45,
  legalBasis: 'Thông tư 40/2019/TT-BCT (Ministry of Industry and Trade sector rule, lawnet 150248)',
  confirmed: false,
  note: 'UNCONFIRMED: a sector rule used as the default; the general rule of the decree in force was not found (law page rule 31)',
};
const simplified = (decree: string): VariantRule['simplified'] => ({
  appraisalWD: 5,
  steps: ['UNIT_REVIEW', 'APPRAISAL', 'COUNCIL_VOTING', 'DECISION'],
  legalBasis: `${LAW}, Điều 85; ${decree}`,
  confirmed: false,
  note: 'UNCONFIRMED: the law page gives no current appraisal time (historically none fixed) and no step list; the route keeps its steps with a shorter appraisal',
});

/** Rule 25: the Central Council meets with ≥ 2/3 of all members and decides by a majority of those present. */
const centralCouncil = (legalBasis: string): CentralCouncilRule => ({
  quorum: [2, 3],
  threshold: { share: [1, 2], strict: true },
  legalBasis,
});

const stateRoute = (texts: {
  hiepY: string;
  hiepYConfirmed: boolean;
  hiepYNote?: string;
  consultation: string;
  posting: string;
}): StateRouteRule => {
  const hiepY: AwardList = {
    // Law Art. 84(3): Cờ thi đua CP, orders, medals, state honorary titles, HCM/State prizes, Bằng khen TTg.
    awards: ['CO_TD_CHINH_PHU', 'BK_THU_TUONG', ...HONORARY_TITLES, ...ORDERS_AND_MEDALS],
    legalBasis: texts.hiepY,
    confirmed: texts.hiepYConfirmed,
    ...(texts.hiepYNote ? { note: texts.hiepYNote } : {}),
  };
  return {
    proposalIssuerCode: 'UBND',
    publicPosting: {
      awards: POSTED_AWARDS,
      legalBasis: texts.posting,
      confirmed: false,
      note: 'UNCONFIRMED: the award list follows Thông tư 12/2019/TT-BNV (superseded); the decree in force names the posting but its list was not retrieved',
    },
    hiepY,
    // Rule 24: Anh hùng Lao động / LLVTND and CSTĐ toàn quốc.
    centralConsultation: {
      awards: ['AH_LAO_DONG', 'AH_LLVTND', 'CSTD_TOAN_QUOC'],
      legalBasis: texts.consultation,
      confirmed: true,
    },
  };
};

export const RULE_SET_2024: RuleSet = {
  version: 'LAW2022+ND98+TT01/2024',
  label: 'Luật 06/2022/QH15 + Nghị định 98/2023/NĐ-CP + Thông tư 01/2024/TT-BNV',
  effectiveFrom: '2024-01-01',
  effectiveTo: '2025-06-30',
  legalBasis: [LAW, ND98, 'Thông tư 01/2024/TT-BNV'],
  localLevels: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
  bonus: BONUS_2024,
  ...common,
  variants: { adHoc, simplified: simplified(`${ND98} (details Điều 85(2))`) },
  stateRoute: stateRoute({
    hiepY: `${LAW}, Điều 84(3); ${ND98}, Điều 31 (lawnet 166030)`,
    hiepYConfirmed: true,
    consultation: `${ND98}, Điều 46(1) (moha.gov.vn, banthiduakhenthuongtw.gov.vn)`,
    posting: `${ND98} (posting at the proposing level; article not retrieved); list: Thông tư 12/2019/TT-BNV`,
  }),
  centralCouncil: centralCouncil(`${ND98}, Điều 47 (lawnet 165786)`),
  revocationLegalBasis: `${LAW}, Điều 93; ${ND98} (details Điều 93(9))`,
  meritBasisLegalBasis: `${ND98}, Điều 4(3)`,
};

export const RULE_SET_2025: RuleSet = {
  version: 'LAW2022+ND152+TT15/2025',
  label: 'Luật 06/2022/QH15 + Nghị định 152/2025/NĐ-CP + Thông tư 15/2025/TT-BNV',
  effectiveFrom: '2025-07-01',
  legalBasis: [LAW, ND152, 'Thông tư 15/2025/TT-BNV'],
  localLevels: ['PROVINCE', 'COMMUNE'],
  bonus: BONUS_2025,
  ...common,
  variants: { adHoc, simplified: simplified(`${ND152} (the article detailing Điều 85(2) UNCONFIRMED)`) },
  stateRoute: stateRoute({
    hiepY: `${LAW}, Điều 84(3); ${ND152} (the article replacing NĐ 98/2023 Điều 31 UNCONFIRMED)`,
    hiepYConfirmed: false,
    hiepYNote:
      'UNCONFIRMED: the Nghị định 152/2025 equivalent article and the timing are not verified (law page §4.2, rule 29)',
    consultation: `${ND152}, Điều 60(3) (moha.gov.vn)`,
    posting: `${ND152}, Điều 44(2) (tienphong, qdnd); list: Thông tư 12/2019/TT-BNV`,
  }),
  // The Central Council's working rule of NĐ 98/2023 Điều 47: that NĐ 152/2025 re-enacted it is UNCONFIRMED.
  centralCouncil: centralCouncil(`${ND98}, Điều 47 (lawnet 165786); the NĐ 152/2025 article UNCONFIRMED`),
  revocationLegalBasis: `${LAW}, Điều 93; ${ND152} (the article detailing Điều 93(9) UNCONFIRMED)`,
  meritBasisLegalBasis: `${ND98}, Điều 4(3); the ${ND152} article that carries it over UNCONFIRMED`,
};

export const RULE_SETS: readonly RuleSet[] = [RULE_SET_2024, RULE_SET_2025];
