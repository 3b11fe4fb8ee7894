import { BONUS_2024, BONUS_2025 } from './bonus-tables';
import { AWARD_CATALOG } from '../award/catalog';
import type { CouncilRule, RuleSet } from './types';

/** Secret ballot, ≥ 90% of total members, written votes allowed: historical default for high titles (rule 26, [U]). */
const SECRET_90: Partial<CouncilRule> = { ballot: 'SECRET', threshold: { share: [9, 10], strict: false }, denominator: 'TOTAL', allowWrittenVotes: true };
const HIGH_TITLES = ['CSTD_TINH', 'CSTD_TOAN_QUOC', 'AH_LAO_DONG', 'AH_LLVTND'];

const common = {
  council: {
    // Simple majority of all members, open ballot, quorum 2/3 (rule 25 for the Central Council, used as default).
    default: { ballot: 'OPEN', threshold: { share: [1, 2], strict: true }, denominator: 'TOTAL', allowWrittenVotes: false, quorum: [2, 3] } as CouncilRule,
    byAward: Object.fromEntries(HIGH_TITLES.map((code) => [code, SECRET_90])),
  },
  deadlines: { appraisalWD: 10, supplementWD: 10, publicPostingWD: 10, centralPublicConsultationWD: 10, decisionWD: 10, councilVotingWD: 5, reminderBeforeWD: 2 },
  // A unit head numbers decisions in the unit's own series: "3/QĐ-SGDDT" ([U]: the unit's abbreviation in practice).
  issuerCode: { PRESIDENT: 'CTN', PRIME_MINISTER: 'TTg', PROVINCIAL_CHAIRMAN: 'UBND', UNIT_HEAD: '{unitCode}' },
  quotasEnabled: false,
  variants: {
    adHoc: {
      intakeDays: 45,
      legalBasis: 'Thông tư 40/2019/TT-BCT (Ministry of Industry and Trade sector rule, lawnet 150248)',
      confirmed: false,
      note: 'UNCONFIRMED: a sector rule used as the default; the general rule under NĐ 152/2025 was not found (law page rule 31)',
    },
    simplified: {
      appraisalWD: 5,
      steps: ['UNIT_REVIEW', 'APPRAISAL', 'COUNCIL_VOTING', 'DECISION'],
      legalBasis: 'Luật TĐKT 2022 Art. 85; Nghị định 98/2023 details Art. 85(2)',
      confirmed: false,
      note: 'UNCONFIRMED: the law page gives no current appraisal time (historically none fixed) and no step list; the route keeps its steps with a shorter appraisal',
    },
  },
  stateRoute: {
    proposalIssuerCode: 'UBND',
    hiepY: {
      // Law Art. 84(3): Cờ thi đua CP, orders, medals, state honorary titles, HCM/State prizes, Bằng khen TTg.
      awards: [
        'CO_TD_CHINH_PHU', 'BK_THU_TUONG', 'AH_LAO_DONG', 'AH_LLVTND', 'BA_ME_VNAH',
        ...AWARD_CATALOG.filter((a) => a.route === 'STATE' && (a.code.startsWith('HC_') || a.code.startsWith('HCH_'))).map((a) => a.code),
      ],
      legalBasis: 'Luật TĐKT 2022 Art. 84(3); Nghị định 98/2023 Art. 31 (lawnet 166030)',
      confirmed: false,
      note: 'UNCONFIRMED: the Nghị định 152/2025 equivalent article and the timing are not verified (law page §4.2, rule 29)',
    },
    centralConsultation: {
      // Rule 24: Anh hùng Lao động / LLVTND and CSTĐ toàn quốc.
      awards: ['AH_LAO_DONG', 'AH_LLVTND', 'CSTD_TOAN_QUOC'],
      legalBasis: 'Nghị định 152/2025 Art. 60(3) (moha.gov.vn)',
      confirmed: true,
    },
  },
} satisfies Partial<RuleSet>;

export const RULE_SET_2024: RuleSet = {
  version: 'LAW2022+ND98+TT01/2024',
  label: 'Luật 06/2022/QH15 + Nghị định 98/2023/NĐ-CP + Thông tư 01/2024/TT-BNV',
  effectiveFrom: '2024-01-01',
  effectiveTo: '2025-06-30',
  legalBasis: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP', 'Thông tư 01/2024/TT-BNV'],
  localLevels: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
  bonus: BONUS_2024,
  ...common,
};

export const RULE_SET_2025: RuleSet = {
  version: 'LAW2022+ND152+TT15/2025',
  label: 'Luật 06/2022/QH15 + Nghị định 152/2025/NĐ-CP + Thông tư 15/2025/TT-BNV',
  effectiveFrom: '2025-07-01',
  legalBasis: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP', 'Thông tư 15/2025/TT-BNV'],
  localLevels: ['PROVINCE', 'COMMUNE'],
  bonus: BONUS_2025,
  ...common,
};

export const RULE_SETS: readonly RuleSet[] = [RULE_SET_2024, RULE_SET_2025];
