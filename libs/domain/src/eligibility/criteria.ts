/**
 * Eligibility criteria (tiêu chuẩn xét tặng): each one is data (rule number, legal basis, whether the law page
 * confirms it, description) plus a pure check that explains what it found. Rule numbers are those of
 * shared/domain/commendation-law.md, "Rules a workflow engine must encode". Which criteria apply to which award is
 * not decided here but in the per-rule-set table in eligibility.ts.
 */
import { findAward, type SubjectKind } from '../award/catalog';
import type { RuleSet } from '../rule-set/types';
import {
  awardsOf,
  levelAtLeast,
  ratingIn,
  runEndingAt,
  yearOfDate,
  yearsHolding,
  yearsRatedAtLeast,
  type AwardHistory,
  type CommendationType,
  type InitiativeLevel,
  type RecognisedInitiative,
  type ReceivedAward,
} from './history';
import {
  earlierUse,
  identityOf,
  sameAchievement,
  sameInitiative,
  type AchievementUse,
  type InitiativeUse,
} from './initiatives';

/** BLOCK makes the subject ineligible when the check fails; WARNING is shown to the appraiser and blocks nothing. */
export type Severity = 'BLOCK' | 'WARNING';

/** What the proposal being assessed claims, for the checks that compare it with the history (rules 12, 13, 16). */
export interface ProposalClaims {
  /** The proposal's own id: an initiative already marked as used by this same proposal is not a reuse. */
  proposalId?: string;
  /** The achievement the proposal rewards. */
  achievementId?: string;
  /** Initiatives or topics the proposal cites as a standard. */
  initiativeIds?: readonly string[];
  /** PERIODIC when absent. */
  commendationType?: CommendationType;
  /** Initiatives already backing other proposals, from the initiative registry (added by the API at submission). */
  usedInitiatives?: readonly InitiativeUse[];
  /** The proposal's achievement already proposed or rewarded in other dossiers (added by the API at submission). */
  usedAchievements?: readonly AchievementUse[];
}

/** A local cap (rule 15): at most capPct % of baseCount may hold the award; currentCount already hold or are proposed. */
export interface EligibilityQuota {
  capPct: number;
  baseCount: number;
  currentCount: number;
}

/** Per-organisation switches for the criteria the law page marks UNCONFIRMED ([U]). */
export interface EligibilitySettings {
  /** Rule 6 [U]: enforce the CSTĐ tỉnh standard of the 2003 Law. */
  cstdTinhStandard: boolean;
  /** Rule 16 [U]: warn when the subject already has a state-level form in the year. */
  oneStateAwardPerYearWarning: boolean;
  /** Rule 17 [U]: exclude people or collectives newer than minMonths from annual titles. */
  newcomerExclusion: { enabled: boolean; minMonths: number };
  /** Rule 15: this organisation's cap for the award, applied only when the rule set enables quotas. */
  quota?: EligibilityQuota;
}

export const DEFAULT_ELIGIBILITY_SETTINGS: EligibilitySettings = {
  cstdTinhStandard: true,
  oneStateAwardPerYearWarning: true,
  newcomerExclusion: { enabled: false, minMonths: 9 },
};

export interface CriterionInput {
  awardCode: string;
  subjectKind: SubjectKind;
  /** The last year of the achievement period assessed (usually the year just ended). */
  evaluationYear: number;
  history: AwardHistory;
  proposal: ProposalClaims;
  settings: EligibilitySettings;
  ruleSet: RuleSet;
}

export interface RouteOutcome {
  id: string;
  passed: boolean;
  explanation: string;
}

export interface CriterionOutcome {
  passed: boolean;
  explanation: string;
  /** For a criterion with alternative routes: each route's own outcome. */
  routes?: readonly RouteOutcome[];
}

export interface Criterion {
  id: string;
  /** Rule number on the law page, e.g. "8"; "§2" for the award catalog. */
  rule: string;
  legalBasis: string;
  /** False for rules the law page marks UNCONFIRMED ([U]). */
  confirmed: boolean;
  severity: Severity;
  description: { vi: string; en: string };
  /** Subject kinds the check is encoded for; for any other kind the standard is left to the appraiser. */
  subjects: readonly SubjectKind[];
  /** Awards the subject must already hold in earlier years. Only rules 6–10 may name any (rule 14). */
  ladder?: readonly string[];
  /** The alternative routes of a criterion that passes when any route passes. */
  routes?: readonly Criterion[];
  check(input: CriterionInput): CriterionOutcome;
}

const LAW = 'Luật Thi đua, khen thưởng số 06/2022/QH15';
const ALL: readonly SubjectKind[] = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'];
const INDIVIDUAL: readonly SubjectKind[] = ['INDIVIDUAL'];
/** Lao động tiên tiến, and its army/police counterpart Chiến sĩ tiên tiến (not in the catalog yet). */
const ADVANCED_TITLES = ['LD_TIEN_TIEN', 'CS_TIEN_TIEN'];
const EXEMPT_FROM_RULE_16: readonly CommendationType[] = ['AD_HOC', 'LONG_SERVICE', 'SENIORITY'];
/** Results of ad-hoc and thematic commendation are no basis for a higher merit-based award (NĐ 98/2023 Điều 4(3)). */
const NO_MERIT_BASIS: readonly CommendationType[] = ['AD_HOC', 'THEMATIC'];
const meritBasisOf = (ruleSet: RuleSet): string => ruleSet.meritBasisLegalBasis ?? 'Nghị định 98/2023/NĐ-CP, Điều 4(3)';
const countsAsMeritBasis = (a: ReceivedAward): boolean => !NO_MERIT_BASIS.includes(a.commendationType ?? 'PERIODIC');
const TYPE_NAMES: Record<CommendationType, string> = {
  PERIODIC: 'periodic',
  AD_HOC: 'ad-hoc',
  THEMATIC: 'thematic',
  LONG_SERVICE: 'long-service',
  SENIORITY: 'seniority',
  FOREIGN_RELATIONS: 'foreign-relations',
};

const SHORT_NAMES: Record<string, string> = {
  CSTD_CO_SO: 'CSTĐ cơ sở',
  CSTD_TINH: 'CSTĐ tỉnh',
  BK_TINH: 'Bằng khen tỉnh',
  BK_THU_TUONG: 'Bằng khen Thủ tướng',
};
const nameOf = (code: string): string => SHORT_NAMES[code] ?? findAward(code)?.nameVi ?? code;

const verdict = (passed: boolean, found: string): CriterionOutcome => ({
  passed,
  explanation: `${found} — ${passed ? 'passed' : 'failed'}`,
});
const notApplied = (why: string): CriterionOutcome => ({ passed: true, explanation: `Not applied: ${why}` });

/** "2023", "2023 and 2024", "2022, 2023 and 2024", "no year". */
export function listYears(years: readonly number[]): string {
  if (years.length === 0) return 'no year';
  if (years.length === 1) return String(years[0]);
  return `${years.slice(0, -1).join(', ')} and ${years[years.length - 1]}`;
}
const listIds = (items: readonly { id: string }[]): string => items.map((i) => i.id).join(', ');
const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** Initiatives this proposal may still lean on: never used, or used by this very proposal (rule 12). */
const usable = ({ history, proposal }: CriterionInput, minLevel: InitiativeLevel): RecognisedInitiative[] =>
  history.initiatives.filter(
    (i) =>
      levelAtLeast(i.level, minLevel) &&
      (i.usedByProposalId === undefined || i.usedByProposalId === proposal.proposalId),
  );

/** "CSTĐ cơ sở in 2022, 2023 and 2024 (needs 2022–2024)": n consecutive years of a title ending in the evaluation year. */
function titleRun(input: CriterionInput, code: string, n: number): { ok: boolean; text: string } {
  const end = input.evaluationYear;
  const held = yearsHolding(input.history, [code]).filter((y) => y <= end);
  const needed = range(end - n + 1, end);
  const ok = needed.every((y) => held.includes(y));
  const found = `${nameOf(code)} in ${listYears(held)}`;
  return {
    ok,
    text: ok
      ? `${found} (${n} consecutive years ending ${end})`
      : `${found}; needs ${n} consecutive years ${listYears(needed)}`,
  };
}

// Rule 5 — Chiến sĩ thi đua cơ sở (Law Art. 23).
const cstdCoSo: Criterion = {
  id: 'cstd-co-so.standard',
  rule: '5',
  legalBasis: `${LAW}, Điều 23`,
  confirmed: true,
  severity: 'BLOCK',
  subjects: INDIVIDUAL,
  description: {
    vi: 'Đạt danh hiệu Lao động tiên tiến (Chiến sĩ tiên tiến) trong năm và hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến được công nhận, hoặc có đề tài khoa học được nghiệm thu.',
    en: 'Holds Lao động tiên tiến (or Chiến sĩ tiên tiến) for the year, and was rated HTXS or has a recognised initiative or accepted topic that year.',
  },
  check(input) {
    const year = input.evaluationYear;
    const advanced = yearsHolding(input.history, ADVANCED_TITLES).includes(year);
    const rating = ratingIn(input.history, year);
    const initiatives = usable(input, 'CO_SO').filter((i) => i.year === year);
    return verdict(
      advanced && (rating === 'HTXS' || initiatives.length > 0),
      [
        advanced ? `Lao động tiên tiến in ${year}` : `no Lao động tiên tiến (or Chiến sĩ tiên tiến) in ${year}`,
        rating ? `rated ${rating} in ${year}` : `no task rating for ${year}`,
        initiatives.length
          ? `unused initiative/topic ${listIds(initiatives)} recognised in ${year}`
          : `no unused initiative or topic recognised in ${year}`,
      ].join('; '),
    );
  },
};

// Rule 6 [U] — CSTĐ bộ/tỉnh: 3 consecutive CSTĐ cơ sở ending in the evaluation year + a ministry/province-wide initiative.
const cstdTinh: Criterion = {
  id: 'cstd-tinh.standard',
  rule: '6',
  legalBasis: 'Luật Thi đua, khen thưởng 2003 (CSTĐ bộ, ngành, tỉnh); the 2022 wording is UNCONFIRMED',
  confirmed: false,
  severity: 'BLOCK',
  subjects: INDIVIDUAL,
  ladder: ['CSTD_CO_SO'],
  description: {
    vi: 'Có 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở và có sáng kiến, đề tài có hiệu quả, phạm vi ảnh hưởng trong bộ, ngành, tỉnh.',
    en: 'Three consecutive years as CSTĐ cơ sở ending in the evaluation year, and an initiative or topic effective across the ministry or province.',
  },
  check(input) {
    if (!input.settings.cstdTinhStandard)
      return notApplied('the organisation switched off the CSTĐ tỉnh standard (rule 6 is UNCONFIRMED)');
    const run = titleRun(input, 'CSTD_CO_SO', 3);
    const initiatives = usable(input, 'TINH').filter((i) => i.year <= input.evaluationYear);
    const found = initiatives.length
      ? `unused provincial-level initiative/topic ${listIds(initiatives)}`
      : 'no unused initiative or topic recognised at provincial level or above';
    return verdict(run.ok && initiatives.length > 0, `${run.text}; ${found}`);
  },
};

/** Two CSTĐ tỉnh are consecutive when no whole 3-year cycle (rule 6) lies between them. */
const CSTD_TINH_CYCLE_YEARS = 3;

// Rule 7 — CSTĐ toàn quốc: 2 consecutive CSTĐ bộ/tỉnh + a nationwide initiative.
const cstdToanQuoc: Criterion = {
  id: 'cstd-toan-quoc.standard',
  rule: '7',
  legalBasis: `${LAW} (tiêu chuẩn Chiến sĩ thi đua toàn quốc)`,
  confirmed: true,
  severity: 'BLOCK',
  subjects: INDIVIDUAL,
  ladder: ['CSTD_TINH'],
  description: {
    vi: 'Có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp bộ, ngành, tỉnh và có sáng kiến, đề tài có hiệu quả, khả năng nhân rộng trong phạm vi toàn quốc.',
    en: 'Two consecutive CSTĐ bộ/tỉnh titles and an initiative or topic with nationwide effect recognised by the head of the ministry or province.',
  },
  check(input) {
    const held = yearsHolding(input.history, ['CSTD_TINH']).filter((y) => y <= input.evaluationYear);
    const pairs = held
      .slice(1)
      .map((later, i) => [held[i], later] as const)
      .filter(([a, b]) => b - a <= CSTD_TINH_CYCLE_YEARS);
    const pair = pairs[pairs.length - 1];
    const titles = pair
      ? `CSTĐ tỉnh in ${pair[0]} and ${pair[1]} (consecutive cycles)`
      : `CSTĐ tỉnh in ${listYears(held)}; needs 2 with at most ${CSTD_TINH_CYCLE_YEARS} years between them`;
    const initiatives = usable(input, 'TOAN_QUOC').filter((i) => i.year <= input.evaluationYear);
    const found = initiatives.length
      ? `unused nationwide initiative/topic ${listIds(initiatives)}`
      : 'no unused initiative or topic with nationwide effect';
    return verdict(pair !== undefined && initiatives.length > 0, `${titles}; ${found}`);
  },
};

// Rule 8, route 1 — Bằng khen bộ/tỉnh through 2 consecutive CSTĐ cơ sở.
const bkTinhByCstd: Criterion = {
  id: 'bk-tinh.route-cstd-co-so',
  rule: '8',
  legalBasis: `${LAW}, Điều 74(1)(d)`,
  confirmed: true,
  severity: 'BLOCK',
  subjects: INDIVIDUAL,
  ladder: ['CSTD_CO_SO'],
  description: { vi: '02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở', en: '2 consecutive years as CSTĐ cơ sở' },
  check(input) {
    const run = titleRun(input, 'CSTD_CO_SO', 2);
    return verdict(run.ok, run.text);
  },
};

// Rule 8, route 2 — ≥ 2 consecutive HTXS years with 2 unused grassroots initiatives recognised in those years.
const bkTinhByInitiatives: Criterion = {
  id: 'bk-tinh.route-htxs-initiatives',
  rule: '8',
  legalBasis: `${LAW}, Điều 74(1)(d)`,
  confirmed: true,
  severity: 'BLOCK',
  subjects: INDIVIDUAL,
  description: {
    vi: '02 năm liên tục trở lên hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng kiến (đề tài) được công nhận ở cơ sở, chưa dùng để đề nghị khen thưởng khác',
    en: '≥ 2 consecutive HTXS years with 2 grassroots initiatives or topics not used for another award',
  },
  check(input) {
    const run = runEndingAt(yearsRatedAtLeast(input.history, 'HTXS'), input.evaluationYear);
    const initiatives = usable(input, 'CO_SO').filter((i) => run.includes(i.year));
    const ratings = run.length
      ? `HTXS in ${listYears(run)} (${run.length} consecutive year${run.length === 1 ? '' : 's'})`
      : `not rated HTXS in ${input.evaluationYear}`;
    const found = `${initiatives.length} unused grassroots initiative(s)/topic(s) in those years${initiatives.length ? ` (${listIds(initiatives)})` : ''}; needs 2`;
    return verdict(run.length >= 2 && initiatives.length >= 2, `${ratings}; ${found}`);
  },
};

/** A criterion that passes when any of its routes passes; the explanation walks every route. */
function anyOf(meta: Omit<Criterion, 'check' | 'routes' | 'ladder'>, routes: readonly Criterion[]): Criterion {
  const ladder = [...new Set(routes.flatMap((r) => r.ladder ?? []))];
  return {
    ...meta,
    ...(ladder.length ? { ladder } : {}),
    routes,
    check(input) {
      const outcomes = routes.map((r) => ({ id: r.id, ...r.check(input) }));
      const passed = outcomes.some((o) => o.passed);
      const walk = outcomes.map((o, i) => `Route ${i + 1} (${routes[i].description.en}): ${o.explanation}`).join('. ');
      return {
        passed,
        explanation: `${walk}. ${passed ? 'One route suffices — passed' : 'No route passes — failed'}`,
        routes: outcomes,
      };
    },
  };
}

const bkTinh = anyOf(
  {
    id: 'bk-tinh.standard',
    rule: '8',
    legalBasis: `${LAW}, Điều 74(1)(d)`,
    confirmed: true,
    severity: 'BLOCK',
    subjects: INDIVIDUAL,
    description: {
      vi: 'Có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở, hoặc 02 năm liên tục trở lên hoàn thành xuất sắc nhiệm vụ và có 02 sáng kiến được công nhận ở cơ sở chưa dùng để khen thưởng khác.',
      en: 'Bằng khen bộ/tỉnh: 2 consecutive CSTĐ cơ sở, or ≥ 2 consecutive HTXS years with 2 unused grassroots initiatives or topics.',
    },
  },
  [bkTinhByCstd, bkTinhByInitiatives],
);

/**
 * Rules 9 and 10 share a shape: a prior award, then ≥ minYears consecutive years up to the evaluation year rated HTTNV
 * or better, with ≥ minCstd CSTĐ cơ sở and ≥ minHtxs HTXS years in that window. The window opens the year after the
 * achievement period the prior decision names, or after its decision date when it names none (NĐ 98/2023 Điều 30(9)).
 * An ad-hoc or thematic prior award is no basis (NĐ 98/2023 Điều 4(3)). The earliest counting prior award gives the
 * longest window, so it is the one checked.
 */
function afterPriorAward(
  def: Omit<Criterion, 'check' | 'ladder'> & { prior: string; minYears: number; minCstd: number; minHtxs: number },
): Criterion {
  const { prior, minYears, minCstd, minHtxs, ...meta } = def;
  return {
    ...meta,
    ladder: [prior, 'CSTD_CO_SO'],
    check(input) {
      const end = input.evaluationYear;
      const countsFrom = (a: ReceivedAward) => a.achievementPeriod?.toYear ?? yearOfDate(a.decisionDate);
      const priors = awardsOf(input.history, prior).filter((a) => countsFrom(a) < end);
      const excluded = priors.filter((a) => !countsAsMeritBasis(a));
      const noBasis = excluded.length
        ? `; ${excluded.map((a) => `${nameOf(prior)} of ${a.decisionDate} (${TYPE_NAMES[a.commendationType ?? 'PERIODIC']})`).join(', ')} not counted: ad-hoc and thematic results are no basis for a merit-based award (${meritBasisOf(input.ruleSet)})`
        : '';
      const first = priors.filter(countsAsMeritBasis).sort((a, b) => countsFrom(a) - countsFrom(b))[0];
      if (!first) return verdict(false, `no ${nameOf(prior)} decided before ${end}${noBasis}`);
      const start = countsFrom(first) + 1;
      const window = runEndingAt(yearsRatedAtLeast(input.history, 'HTTNV'), end, start);
      const cstd = yearsHolding(input.history, ['CSTD_CO_SO']).filter((y) => window.includes(y));
      const htxs = window.filter((y) => ratingIn(input.history, y) === 'HTXS');
      const period = first.achievementPeriod;
      const anchor = period
        ? `for the achievement period ${period.fromYear !== undefined && period.fromYear !== period.toYear ? `${period.fromYear}–` : ''}${period.toYear} (decided ${first.decisionDate})`
        : `decided ${first.decisionDate}`;
      const parts = [
        `${nameOf(prior)} ${anchor}`,
        window.length
          ? `HTTNV or better in ${window[0]}–${end} (${window.length} consecutive years from ${start}; needs ${minYears})`
          : `not rated HTTNV or better in ${end}; needs ${minYears} consecutive years from ${start}`,
        `CSTĐ cơ sở in ${listYears(cstd)} (${cstd.length}; needs ${minCstd})`,
        ...(minHtxs > 0 ? [`HTXS in ${listYears(htxs)} (${htxs.length}; needs ${minHtxs})`] : []),
      ];
      return verdict(
        window.length >= minYears && cstd.length >= minCstd && htxs.length >= minHtxs,
        parts.join('; ') + noBasis,
      );
    },
  };
}

const bkThuTuong = afterPriorAward({
  id: 'bk-thu-tuong.standard',
  rule: '9',
  legalBasis: `${LAW}, Điều 73(1)(b)`,
  confirmed: true,
  severity: 'BLOCK',
  subjects: INDIVIDUAL,
  prior: 'BK_TINH',
  minYears: 5,
  minCstd: 3,
  minHtxs: 0,
  description: {
    vi: 'Đã được tặng Bằng khen cấp bộ, ngành, tỉnh, sau đó có 05 năm liên tục trở lên hoàn thành tốt nhiệm vụ, trong thời gian đó có 03 lần đạt danh hiệu Chiến sĩ thi đua cơ sở.',
    en: 'Holds Bằng khen bộ/tỉnh, then ≥ 5 consecutive years rated HTTNV or better with 3 CSTĐ cơ sở in that period.',
  },
});

const hcLaoDong3 = afterPriorAward({
  id: 'hc-lao-dong-3.standard',
  rule: '10',
  legalBasis: `${LAW}, Điều 44(1)(e)`,
  confirmed: true,
  severity: 'BLOCK',
  subjects: INDIVIDUAL,
  prior: 'BK_THU_TUONG',
  minYears: 5,
  minCstd: 3,
  minHtxs: 1,
  description: {
    vi: 'Đã được tặng Bằng khen của Thủ tướng Chính phủ, sau đó có 05 năm liên tục trở lên hoàn thành tốt nhiệm vụ, trong đó có ít nhất 01 năm hoàn thành xuất sắc nhiệm vụ và 03 lần đạt danh hiệu Chiến sĩ thi đua cơ sở.',
    en: 'Holds Bằng khen Thủ tướng, then ≥ 5 consecutive years rated HTTNV or better, at least one HTXS, and 3 CSTĐ cơ sở in that period.',
  },
});

/** Share of members holding Lao động tiên tiến that a Tập thể lao động tiên tiến needs (rule 11). */
const TT_LDTT_MIN_PCT = 70;

// Rule 11 — Tập thể lao động tiên tiến.
const ttLdTienTien: Criterion = {
  id: 'tt-ld-tien-tien.members-ldtt',
  rule: '11',
  legalBasis: `${LAW}, Điều 28(1)(c)`,
  confirmed: true,
  severity: 'BLOCK',
  subjects: ['COLLECTIVE'],
  description: {
    vi: 'Có ít nhất 70% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến.',
    en: 'At least 70% of the members hold Lao động tiên tiến in the year.',
  },
  check(input) {
    const year = input.evaluationYear;
    const row = input.history.collectiveYears.find((c) => c.year === year);
    if (!row || row.members <= 0) return verdict(false, `no member count for ${year}`);
    const passed = row.membersWithLdtt * 100 >= TT_LDTT_MIN_PCT * row.members;
    const pct = Math.floor((row.membersWithLdtt * 1000) / row.members) / 10;
    return verdict(
      passed,
      `${row.membersWithLdtt} of ${row.members} members (${pct}%) hold Lao động tiên tiến in ${year}; needs ${TT_LDTT_MIN_PCT}%`,
    );
  },
};

// Rule 12 — an initiative backs at most one award proposal ever.
const initiativeSingleUse: Criterion = {
  id: 'initiative.single-use',
  rule: '12',
  legalBasis: 'Công văn 5007/BNV-TĐKT (05/09/2023); Hướng dẫn 3385/BTĐKT-P.II (20/11/2023)',
  confirmed: true,
  severity: 'BLOCK',
  subjects: ALL,
  description: {
    vi: 'Mỗi sáng kiến, đề tài chỉ được dùng làm tiêu chuẩn đề nghị khen thưởng một lần (danh hiệu hoặc hình thức).',
    en: 'An initiative or topic backs at most one award proposal, title or form.',
  },
  check({ history, proposal }) {
    const cited = [...new Set(proposal.initiativeIds ?? [])];
    if (cited.length === 0) return verdict(true, 'the proposal cites no initiative or topic');
    const problems = cited.flatMap((id) => {
      const found = history.initiatives.find((i) => i.id === id);
      if (!found) return [`${id} is not a recognised initiative of this subject`];
      if (found.usedByProposalId !== undefined && found.usedByProposalId !== proposal.proposalId)
        return [`${id} already backed proposal ${found.usedByProposalId}`];
      // The registry: the same initiative (normalised identity) backing another dossier or an award, declared or not.
      const identity = identityOf(found);
      const earlier = (proposal.usedInitiatives ?? []).find(
        (u) => u.dossierId !== proposal.proposalId && sameInitiative(identity, u),
      );
      if (earlier) return [`${id} already backed ${earlierUse(earlier)} as "${earlier.initiativeId}"`];
      return [];
    });
    return verdict(
      problems.length === 0,
      problems.length ? problems.join('; ') : `${cited.join(', ')} not used by another proposal`,
    );
  },
};

// Rule 13 — one achievement, one reward.
const oneRewardPerAchievement: Criterion = {
  id: 'achievement.one-reward',
  rule: '13',
  legalBasis: `${LAW}, Điều 5(2)`,
  confirmed: true,
  severity: 'BLOCK',
  subjects: ALL,
  description: {
    vi: 'Một thành tích chỉ được khen thưởng một lần; không khen nhiều hình thức cho một thành tích.',
    en: 'One achievement may not receive several rewards or several forms.',
  },
  check({ history, proposal }) {
    if (proposal.achievementId === undefined) return verdict(true, 'the proposal names no achievement id to compare');
    const achievementId = proposal.achievementId;
    // Any dossier (any subject) that proposed or was awarded for the same achievement, from the read models.
    const elsewhere = (proposal.usedAchievements ?? []).find(
      (u) => u.dossierId !== proposal.proposalId && sameAchievement(u.achievementId, achievementId),
    );
    if (elsewhere)
      return verdict(
        false,
        `achievement ${achievementId} is already used by ${earlierUse(elsewhere)} for ${nameOf(elsewhere.awardCode)}`,
      );
    const earlier = history.awards.find((a) => a.achievementId === proposal.achievementId);
    return verdict(
      earlier === undefined,
      earlier
        ? `achievement ${proposal.achievementId} was already rewarded with ${nameOf(earlier.awardCode)} (decision of ${earlier.decisionDate})`
        : `achievement ${proposal.achievementId} has not been rewarded before`,
    );
  },
};

/** Rule 15: a cap is met when one more holder keeps the count within capPct % of the base (integer hundredths). */
export function checkQuota(quota: EligibilityQuota): CriterionOutcome {
  const after = quota.currentCount + 1;
  const passed = after * 10_000 <= Math.round(quota.capPct * 100) * quota.baseCount;
  return verdict(passed, `${after} of ${quota.baseCount} with this proposal; local cap ${quota.capPct}%`);
}

// Rule 15 — quotas off by default.
const localQuota: Criterion = {
  id: 'quota.local-cap',
  rule: '15',
  legalBasis: 'National law sets no rate or quota (Bộ Nội vụ, laodong 1404245); a cap is optional local policy',
  confirmed: true,
  severity: 'BLOCK',
  subjects: ALL,
  description: {
    vi: 'Pháp luật không quy định tỷ lệ khen thưởng; tỷ lệ chỉ áp dụng khi quy định của cơ quan, đơn vị bật lên.',
    en: 'No national quota; a local cap applies only when the rule set enables quotas and the organisation sets one.',
  },
  check({ ruleSet, settings }) {
    if (!ruleSet.quotasEnabled) return notApplied(`rule set ${ruleSet.version} sets no quota (national law sets none)`);
    if (!settings.quota) return notApplied('the organisation sets no cap for this award');
    return checkQuota(settings.quota);
  },
};

// Rule 16 [U] — at most one state-level form per subject per year; a warning.
const oneStateAwardPerYear: Criterion = {
  id: 'state-award.one-per-year',
  rule: '16',
  legalBasis: 'Thông tư 12/2019/TT-BNV (superseded); UNCONFIRMED under current law',
  confirmed: false,
  severity: 'WARNING',
  subjects: ALL,
  description: {
    vi: 'Mỗi năm không quá một hình thức khen thưởng cấp Nhà nước cho một đối tượng, trừ khen thưởng đột xuất, quá trình cống hiến, niên hạn.',
    en: 'At most one state-level form per subject per year, except ad-hoc, long-service and seniority awards.',
  },
  check({ awardCode, evaluationYear, history, proposal, settings }) {
    if (!settings.oneStateAwardPerYearWarning)
      return notApplied('the organisation switched this warning off (rule 16 is UNCONFIRMED)');
    if (findAward(awardCode)?.level !== 'STATE') return notApplied(`${nameOf(awardCode)} is not a state-level form`);
    const type = proposal.commendationType ?? 'PERIODIC';
    if (EXEMPT_FROM_RULE_16.includes(type)) return notApplied(`${type} awards are exempt`);
    const same = history.awards.filter(
      (a) =>
        a.year === evaluationYear &&
        findAward(a.awardCode)?.level === 'STATE' &&
        !EXEMPT_FROM_RULE_16.includes(a.commendationType ?? 'PERIODIC'),
    );
    return verdict(
      same.length === 0,
      same.length
        ? `already holds ${same.map((a) => nameOf(a.awardCode)).join(', ')} for ${evaluationYear}`
        : `no other state-level form for ${evaluationYear}`,
    );
  },
};

// Rule 17 [U] — newcomers excluded from annual titles; per-organisation, off by default.
const newcomerExcluded: Criterion = {
  id: 'newcomer.excluded',
  rule: '17',
  legalBasis: 'Army rule (lawnet 130570); per-organisation policy, UNCONFIRMED',
  confirmed: false,
  severity: 'BLOCK',
  subjects: ALL,
  description: {
    vi: 'Cá nhân mới tuyển dụng, tập thể mới thành lập chưa đủ thời gian quy định không xét danh hiệu thi đua năm.',
    en: 'People recruited or collectives formed less than the set number of months ago are not considered for annual titles.',
  },
  check({ history, settings }) {
    const { enabled, minMonths } = settings.newcomerExclusion;
    if (!enabled) return notApplied('the organisation does not exclude newcomers');
    const months = history.monthsSinceJoining;
    if (months === undefined) return verdict(false, 'months since joining or forming are unknown');
    return verdict(months >= minMonths, `${months} months since joining or forming; needs ${minMonths}`);
  },
};

// Law page §2 — the award's catalog entry says whom it may go to.
const subjectKindAllowed: Criterion = {
  id: 'award.subject-kind',
  rule: '§2',
  legalBasis: 'Award catalog (shared/domain/commendation-law.md §2)',
  confirmed: true,
  severity: 'BLOCK',
  subjects: ALL,
  description: {
    vi: 'Hình thức khen thưởng phù hợp với đối tượng (cá nhân, tập thể, hộ gia đình).',
    en: 'The award may be given to this kind of subject.',
  },
  check({ awardCode, subjectKind }) {
    const subjects = findAward(awardCode)?.subjects ?? [];
    return verdict(
      subjects.includes(subjectKind),
      `${nameOf(awardCode)} goes to ${subjects.join(', ').toLowerCase() || 'nobody'}; the subject is ${subjectKind.toLowerCase()}`,
    );
  },
};

/** Every criterion by id; the per-rule-set tables refer to these ids. */
export const CRITERIA = {
  'award.subject-kind': subjectKindAllowed,
  'cstd-co-so.standard': cstdCoSo,
  'cstd-tinh.standard': cstdTinh,
  'cstd-toan-quoc.standard': cstdToanQuoc,
  'bk-tinh.standard': bkTinh,
  'bk-thu-tuong.standard': bkThuTuong,
  'hc-lao-dong-3.standard': hcLaoDong3,
  'tt-ld-tien-tien.members-ldtt': ttLdTienTien,
  'initiative.single-use': initiativeSingleUse,
  'achievement.one-reward': oneRewardPerAchievement,
  'quota.local-cap': localQuota,
  'state-award.one-per-year': oneStateAwardPerYear,
  'newcomer.excluded': newcomerExcluded,
} satisfies Record<string, Criterion>;
export type CriterionId = keyof typeof CRITERIA;
