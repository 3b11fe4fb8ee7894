/**
 * Eligibility (đủ điều kiện, tiêu chuẩn) of a subject for an award, computed from its award history and explained:
 * every criterion says what it found, and a failed one names its rule and legal basis. Which criteria apply to which
 * award is a table per rule-set version, so a new rule set changes the table, not this code.
 */
import { findAward, type SubjectKind } from '../award/catalog';
import { RULE_SET_2024, RULE_SET_2025, RULE_SETS } from '../rule-set/rule-sets';
import { ruleSetByVersion } from '../rule-set/select';
import type { RuleSet } from '../rule-set/types';
import {
  CRITERIA,
  DEFAULT_ELIGIBILITY_SETTINGS,
  type Criterion,
  type CriterionId,
  type CriterionInput,
  type EligibilitySettings,
  type ProposalClaims,
  type RouteOutcome,
  type Severity,
} from './criteria';
import type { AwardHistory } from './history';
import type { BlockStanding } from '../emulation/standing';
import type { RegistrationFinding } from '../registration/registration';
import type { MovementQuotaFinding } from '../movement/movement';

export interface EligibilityTable {
  /** Checks every award gets: the subject kind and rules 12, 13, 16. */
  generic: readonly CriterionId[];
  /** Checks added for an award; an award not listed gets the generic checks only. */
  byAward: Readonly<Record<string, readonly CriterionId[]>>;
  /** Awards whose standard the checks encode in full. Every other award carries a WARNING saying what is not encoded. */
  encodedStandards: readonly string[];
  /** What is not encoded for an award, and where the law sets it; an award not listed: its standard as a whole. */
  notEncoded: Readonly<Record<string, { what: string; legalBasis: string }>>;
  /**
   * Awards for a collective that leads its emulation block (law page §9): checked against the block's ranking for the
   * evaluation year when the caller supplies it; without a ranking the award's not-encoded warning stays.
   */
  blockLeadership?: readonly string[];
}

/**
 * Luật 06/2022 sets the standards for both implementing decrees, so both rule sets share one table. No criterion
 * outside rules 6–10 requires a lower award first (rule 14): do not add ladder checks to other awards.
 */
const LAW_2022_TABLE: EligibilityTable = {
  generic: ['award.subject-kind', 'initiative.single-use', 'achievement.one-reward', 'state-award.one-per-year'],
  byAward: {
    CSTD_CO_SO: ['cstd-co-so.standard', 'newcomer.excluded', 'quota.local-cap'],
    CSTD_TINH: ['cstd-tinh.standard', 'quota.local-cap'],
    CSTD_TOAN_QUOC: ['cstd-toan-quoc.standard', 'quota.local-cap'],
    BK_TINH: ['bk-tinh.standard', 'quota.local-cap'],
    BK_THU_TUONG: ['bk-thu-tuong.standard', 'quota.local-cap'],
    HC_LAO_DONG_3: ['hc-lao-dong-3.standard', 'quota.local-cap'],
    TT_LD_TIEN_TIEN: ['tt-ld-tien-tien.members-ldtt', 'newcomer.excluded', 'quota.local-cap'],
  },
  encodedStandards: ['CSTD_CO_SO', 'CSTD_TINH', 'CSTD_TOAN_QUOC', 'BK_TINH', 'BK_THU_TUONG', 'HC_LAO_DONG_3'],
  notEncoded: {
    // Until emulation blocks and clusters exist in the engine, their leading collective cannot be checked.
    CO_TD_CHINH_PHU: {
      what: 'block leadership',
      legalBasis: 'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 25 (leads its emulation block or cluster)',
    },
    CO_TD_TINH: {
      what: 'block leadership',
      legalBasis: 'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 26 (leads its emulation block or cluster)',
    },
    TT_LD_TIEN_TIEN: {
      what: 'the conditions besides 70% of members holding Lao động tiên tiến',
      legalBasis: 'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 28',
    },
    GIAY_KHEN: {
      what: "the ministry's or province's own criteria",
      legalBasis: 'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 75(2)',
    },
  },
  blockLeadership: ['CO_TD_TINH', 'CO_TD_CHINH_PHU'],
};

export const ELIGIBILITY_TABLES: Readonly<Record<string, EligibilityTable>> = {
  [RULE_SET_2024.version]: LAW_2022_TABLE,
  [RULE_SET_2025.version]: LAW_2022_TABLE,
};

export interface EligibilityRequest {
  awardCode: string;
  subjectKind: SubjectKind;
  /** The last year of the achievement period assessed (usually the year just ended). */
  evaluationYear: number;
  history: AwardHistory;
  /** The rule set the dossier is bound to, e.g. "LAW2022+ND152+TT15/2025". */
  ruleSetVersion: string;
  /** Per-organisation settings; anything left out takes DEFAULT_ELIGIBILITY_SETTINGS. */
  settings?: Partial<EligibilitySettings>;
  /** What the proposal cites (achievement, initiatives), for rules 12, 13 and 16. */
  proposal?: ProposalClaims;
  /** The nominee collective's place in its emulation block's ranking of the evaluation year, when the engine has one. */
  blockStanding?: BlockStanding;
  /** Whether the unit registered the nominee for the title (đăng ký thi đua), when the engine looked it up. */
  registration?: RegistrationFinding;
  /** The quota the dossier's movement sets for the award (the launcher's), when it sets one. */
  movementQuota?: MovementQuotaFinding;
}

export interface CriterionResult {
  id: string;
  rule: string;
  legalBasis: string;
  passed: boolean;
  severity: Severity;
  explanation: string;
  /** For a criterion with alternative routes: each route's outcome. */
  routes?: readonly RouteOutcome[];
}

export interface EligibilityAssessment {
  /** True when no BLOCK criterion failed; warnings never make a subject ineligible. */
  eligible: boolean;
  criteria: CriterionResult[];
}

const refused = (id: string, rule: string, legalBasis: string, explanation: string): EligibilityAssessment => ({
  eligible: false,
  criteria: [{ id, rule, legalBasis, passed: false, severity: 'BLOCK', explanation }],
});

function run(criterion: Criterion, input: CriterionInput): CriterionResult {
  const { id, rule, legalBasis } = criterion;
  if (!criterion.subjects.includes(input.subjectKind))
    return {
      id,
      rule,
      legalBasis,
      passed: false,
      severity: 'WARNING',
      explanation: `Rule ${rule} is encoded for ${criterion.subjects.map((s) => `${s.toLowerCase()}s`).join(', ')} only; the standard for a ${input.subjectKind.toLowerCase()} is not encoded — the appraiser checks it`,
    };
  const outcome = criterion.check(input);
  return {
    id,
    rule,
    legalBasis,
    passed: outcome.passed,
    severity: criterion.severity,
    explanation: outcome.explanation,
    ...(outcome.routes ? { routes: outcome.routes } : {}),
  };
}

/**
 * An award whose standard the engine does not check says so as a WARNING ("standard not encoded: …") instead of
 * passing silently: the appraiser checks it. Warnings never make a subject ineligible.
 */
function notEncodedWarning(table: EligibilityTable, awardCode: string): CriterionResult | undefined {
  const specific = table.notEncoded[awardCode];
  if (!specific && table.encodedStandards.includes(awardCode)) return undefined;
  const award = findAward(awardCode);
  const what = specific?.what ?? `the standard of ${award?.nameVi ?? awardCode}`;
  return {
    id: 'standard.not-encoded',
    rule: '§2',
    legalBasis:
      specific?.legalBasis ??
      `Luật Thi đua, khen thưởng số 06/2022/QH15 (the article of ${award?.nameVi ?? awardCode})`,
    passed: false,
    severity: 'WARNING',
    explanation: `standard not encoded: ${what} — the appraiser checks it`,
  };
}

/**
 * Đăng ký thi đua (law page §3.1 step 1): a proposal for an annual title the rule set lists, whose nominee the unit did
 * not register for the evaluation year (accepted by the secretariat), gets a WARNING or is refused, as the rule set
 * says (`registration.missing`, left to the province). Only when the caller looked the registration up.
 */
function registrationCheck(request: EligibilityRequest, ruleSet: RuleSet): CriterionResult | undefined {
  const rule = ruleSet.registration;
  const found = request.registration;
  if (!rule || !found || found.year !== request.evaluationYear || !rule.titles.includes(request.awardCode))
    return undefined;
  return {
    id: 'registration.registered',
    rule: '§3.1',
    legalBasis: `Đăng ký thi đua (law page §3.1 step 1); ${rule.note}`,
    passed: found.registered,
    severity: rule.missing === 'REFUSE' ? 'BLOCK' : 'WARNING',
    explanation: found.registered
      ? `Registered by the unit for ${found.year} (accepted)`
      : found.pending
        ? `The unit's registration for ${found.year} names the nominee but is ${found.pending}, not accepted`
        : `The unit did not register the nominee for this title in ${found.year}`,
  };
}

/**
 * A movement's launcher may cap a title or form within the movement (Luật Điều 16–17: the launch decision sets the
 * awards; national law sets no quota, so the cap is the launcher's, as data on the movement). A proposal that would
 * exceed it is refused, naming the movement, the cap and how many places are taken. Only when the dossier names a
 * movement that caps its award.
 */
function movementQuotaCheck(request: EligibilityRequest): CriterionResult | undefined {
  const q = request.movementQuota;
  if (!q || q.awardCode !== request.awardCode) return undefined;
  const after = q.taken + 1;
  return {
    id: 'movement.quota',
    rule: '§1.3',
    legalBasis: `Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 16–17 (the launch decision of ${q.movementName} caps ${q.awardCode} at ${q.max})`,
    passed: after <= q.max,
    severity: 'BLOCK',
    explanation:
      after <= q.max
        ? `${after} of ${q.max} places for ${q.awardCode} in the movement ${q.movementName} with this proposal`
        : `The movement ${q.movementName} caps ${q.awardCode} at ${q.max}; ${q.taken} already proposed or awarded`,
  };
}

/**
 * The Cờ thi đua goes to a collective that leads its emulation block (Luật Điều 25, 26; law page §9): rank 1 of its
 * block's ranking for the evaluation year (a shared first place leads too). A ranking of another year is not used.
 */
function blockLeadership(table: EligibilityTable, request: EligibilityRequest): CriterionResult | undefined {
  const standing = request.blockStanding;
  if (!standing || standing.year !== request.evaluationYear || !table.blockLeadership?.includes(request.awardCode))
    return undefined;
  const article = request.awardCode === 'CO_TD_CHINH_PHU' ? 'Điều 25' : 'Điều 26';
  const leads = standing.rank === 1;
  return {
    id: 'block.leadership',
    rule: '§9',
    legalBasis: `Luật Thi đua, khen thưởng số 06/2022/QH15, ${article} (leads its emulation block or cluster)`,
    passed: leads,
    severity: 'BLOCK',
    explanation: leads
      ? `Leads its emulation block ${standing.blockName} in ${standing.year} (rank 1 of ${standing.rankedMembers})`
      : `Does not lead its emulation block ${standing.blockName} in ${standing.year}: rank ${standing.rank} of ${standing.rankedMembers}`,
  };
}

/** Assesses one subject for one award under the rule set its dossier is bound to. Pure and deterministic. */
export function assessEligibility(
  request: EligibilityRequest,
  ruleSets: readonly RuleSet[] = RULE_SETS,
  tables: Readonly<Record<string, EligibilityTable>> = ELIGIBILITY_TABLES,
): EligibilityAssessment {
  const ruleSet = ruleSetByVersion(request.ruleSetVersion, ruleSets);
  const table = tables[request.ruleSetVersion];
  if (!ruleSet || !table)
    return refused(
      'rule-set.known',
      '1',
      'Every dossier carries its legal basis version',
      `No eligibility rules are known for rule set ${request.ruleSetVersion}`,
    );
  if (!findAward(request.awardCode))
    return refused(
      'award.known',
      '§2',
      'Award catalog (shared/domain/commendation-law.md §2)',
      `Unknown award code ${request.awardCode}`,
    );

  const input: CriterionInput = {
    awardCode: request.awardCode,
    subjectKind: request.subjectKind,
    evaluationYear: request.evaluationYear,
    history: request.history,
    proposal: request.proposal ?? {},
    settings: { ...DEFAULT_ELIGIBILITY_SETTINGS, ...request.settings },
    ruleSet,
  };
  const ids = [...table.generic, ...(table.byAward[request.awardCode] ?? [])];
  const criteria = [...new Set(ids)].map((id) => run(CRITERIA[id], input));
  const leadership = blockLeadership(table, request);
  if (leadership) criteria.push(leadership);
  const registration = registrationCheck(request, ruleSet);
  if (registration) criteria.push(registration);
  const quota = movementQuotaCheck(request);
  if (quota) criteria.push(quota);
  const missing = leadership ? undefined : notEncodedWarning(table, request.awardCode);
  if (missing) criteria.push(missing);
  return { eligible: criteria.every((c) => c.passed || c.severity === 'WARNING'), criteria };
}
