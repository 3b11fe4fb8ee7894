/**
 * The year's scoring template of a block (bảng tiêu chí chấm điểm), the members' scores and the ranking. Law page §9:
 * criteria tables, self- vs cross-scoring and how many may be proposed are each province's block regulation — [U],
 * encoded here as the common practice with the rule stated.
 */
import { reject, type Rejection } from '../shared/errors';
import { EMULATION_DEFAULTS } from '../rule-set/rule-sets';
import type { FlagQuotaSettings } from '../rule-set/types';

export interface ScoringCriterion {
  code: string;
  title: string;
  maxPoints: number;
  /** The member must cite evidence (a document reference) for any points on it. */
  evidenceRequired: boolean;
}

export interface ScoringTemplate {
  criteria: ScoringCriterion[];
  /** Most bonus points (điểm thưởng) a member may claim; 0 when the template has none. */
  maxBonus: number;
  /** Most penalty points (điểm trừ) that can be deducted. */
  maxPenalty: number;
}

export interface CriterionScore {
  criterionCode: string;
  points: number;
  /** Document references (số/ký hiệu văn bản, file ids) backing the points. */
  evidence: string[];
}

export interface SelfAssessment {
  unitCode: string;
  scores: CriterionScore[];
  bonus: number;
  penalty: number;
  /** What the bonus points are claimed for (e.g. the award or initiative behind them); optional. */
  bonusReason?: string;
  /** What the penalty points deduct for; optional. */
  penaltyReason?: string;
  submittedOn: string;
}

/** A cross-review adjustment (chấm chéo): the block sets a member's points on one criterion, or its bonus/penalty, with a reason. */
export interface ScoreAdjustment {
  unitCode: string;
  /** A criterion code, or 'BONUS' / 'PENALTY'. */
  target: string;
  points: number;
  reason: string;
}

export interface RankedMember {
  unitCode: string;
  /** Criteria points after adjustments, before bonus and penalty. */
  criteriaPoints: number;
  bonus: number;
  penalty: number;
  total: number;
  rank: number;
  /** False when the member sent no self-assessment by the deadline: it is ranked with 0 points. */
  assessed: boolean;
}

export function validateTemplate(t: ScoringTemplate): Rejection | undefined {
  if (t.criteria.length === 0)
    return reject('INVALID', 'block.template', 'A scoring template has at least one criterion');
  const codes = t.criteria.map((c) => c.code);
  if (new Set(codes).size !== codes.length) return reject('INVALID', 'block.template', 'Criterion codes are unique');
  if (codes.some((c) => c === 'BONUS' || c === 'PENALTY'))
    return reject('INVALID', 'block.template', 'BONUS and PENALTY are reserved codes');
  if (t.criteria.some((c) => !(c.maxPoints > 0)))
    return reject('INVALID', 'block.template', 'Every criterion has positive maximum points');
  if (t.maxBonus < 0 || t.maxPenalty < 0)
    return reject('INVALID', 'block.template', 'Bonus and penalty maxima are not negative');
  return undefined;
}

/** A self-assessment within the template: known criteria once each, points within 0..max, evidence where required. */
export function validateAssessment(t: ScoringTemplate, a: Omit<SelfAssessment, 'submittedOn'>): Rejection | undefined {
  const seen = new Set<string>();
  for (const s of a.scores) {
    const c = t.criteria.find((x) => x.code === s.criterionCode);
    if (!c)
      return reject(
        'INVALID',
        'block.assessment-criteria',
        `Criterion ${s.criterionCode} is not in the block's template`,
      );
    if (seen.has(c.code)) return reject('INVALID', 'block.assessment-criteria', `Criterion ${c.code} is scored twice`);
    seen.add(c.code);
    if (s.points < 0 || s.points > c.maxPoints)
      return reject(
        'RULE_VIOLATION',
        'block.points-within-max',
        `${c.code}: ${s.points} points is outside 0–${c.maxPoints}`,
      );
    if (c.evidenceRequired && s.points > 0 && s.evidence.length === 0)
      return reject(
        'RULE_VIOLATION',
        'block.evidence-required',
        `${c.code} (${c.title}) needs evidence for its points`,
      );
  }
  if (a.bonus < 0 || a.bonus > t.maxBonus)
    return reject('RULE_VIOLATION', 'block.points-within-max', `Bonus ${a.bonus} is outside 0–${t.maxBonus}`);
  if (a.penalty < 0 || a.penalty > t.maxPenalty)
    return reject('RULE_VIOLATION', 'block.points-within-max', `Penalty ${a.penalty} is outside 0–${t.maxPenalty}`);
  return undefined;
}

export function validateAdjustment(t: ScoringTemplate, adj: ScoreAdjustment): Rejection | undefined {
  if (!adj.reason.trim()) return reject('INVALID', 'block.adjustment-reason', 'An adjustment states its reason');
  const max =
    adj.target === 'BONUS'
      ? t.maxBonus
      : adj.target === 'PENALTY'
        ? t.maxPenalty
        : t.criteria.find((c) => c.code === adj.target)?.maxPoints;
  if (max === undefined)
    return reject(
      'INVALID',
      'block.assessment-criteria',
      `${adj.target} is not a criterion of the template, BONUS or PENALTY`,
    );
  if (adj.points < 0 || adj.points > max)
    return reject(
      'RULE_VIOLATION',
      'block.points-within-max',
      `${adj.target}: ${adj.points} points is outside 0–${max}`,
    );
  return undefined;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Ranking (xếp hạng) of a block's members. Total = criteria points + bonus − penalty, after the block's adjustments
 * (the last adjustment of a target wins). Tie-breaking [U], in this order:
 *   1. the higher total;
 *   2. the fewer penalty points (a clean record beats bonus points);
 *   3. the more criteria points (the core tasks before the bonus);
 * members still equal share the rank (1, 1, 3 …): the block meeting chooses between them, and a shared first place
 * means each of them leads the block. A member without a self-assessment counts 0 and ranks after the assessed ones.
 * Pure; unit codes order equal members only for display.
 */
export function rankMembers(
  members: readonly string[],
  assessments: readonly SelfAssessment[],
  adjustments: readonly ScoreAdjustment[],
): RankedMember[] {
  const rows = members.map((unitCode) => {
    const own = assessments.find((a) => a.unitCode === unitCode);
    const points = new Map<string, number>((own?.scores ?? []).map((s) => [s.criterionCode, s.points]));
    let bonus = own?.bonus ?? 0;
    let penalty = own?.penalty ?? 0;
    for (const adj of adjustments.filter((a) => a.unitCode === unitCode)) {
      if (adj.target === 'BONUS') bonus = adj.points;
      else if (adj.target === 'PENALTY') penalty = adj.points;
      else points.set(adj.target, adj.points);
    }
    const criteriaPoints = round2([...points.values()].reduce((s, p) => s + p, 0));
    return {
      unitCode,
      criteriaPoints,
      bonus,
      penalty,
      total: round2(criteriaPoints + bonus - penalty),
      assessed: own !== undefined,
    };
  });
  const key = (r: (typeof rows)[number]) => [r.assessed ? 0 : 1, -r.total, r.penalty, -r.criteriaPoints] as const;
  const cmp = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return 0;
  };
  const sorted = [...rows].sort((a, b) => cmp(a, b) || a.unitCode.localeCompare(b.unitCode));
  return sorted
    .map((r, i) => ({ ...r, rank: i > 0 && cmp(sorted[i - 1], r) === 0 ? 0 : i + 1 }))
    .map((r, i, all) => {
      // A shared rank takes the rank of the first member it ties with.
      let j = i;
      while (all[j].rank === 0) j--;
      return { ...r, rank: all[j].rank };
    });
}

/**
 * How many members a block may propose for each flag: the rule set's `emulation.flagQuotas` ([U], the province's
 * block regulation; national law sets no quota, rule 15). The default is the shipped rule sets' (one Cờ thi đua of the
 * province per block, two from ten members, at most one put forward for the Government's): it is what commands
 * recorded before the quota travelled in them were decided with.
 */
export const DEFAULT_FLAG_QUOTAS: FlagQuotaSettings = EMULATION_DEFAULTS.flagQuotas;

export function flagQuota(
  memberCount: number,
  s: FlagQuotaSettings = DEFAULT_FLAG_QUOTAS,
): { provincial: number; government: number } {
  return {
    provincial: s.provincialPerBlock + (memberCount >= s.largeBlockFrom ? 1 : 0),
    government: s.governmentPerBlock,
  };
}

/**
 * The block meeting's proposals (suy tôn) checked against the ranking: within the quota, and each proposed member
 * ranked within the quota's places (a member sharing the last place may be chosen); the Government's flag only for a
 * member also proposed for the province's and ranked first.
 */
export function checkFlagProposals(
  ranking: readonly RankedMember[],
  proposal: { provincial: string[]; government: string[] },
  s: FlagQuotaSettings = DEFAULT_FLAG_QUOTAS,
): Rejection | undefined {
  const quota = flagQuota(ranking.length, s);
  if (proposal.provincial.length > quota.provincial)
    return reject(
      'RULE_VIOLATION',
      'block.flag-quota',
      `The block may propose ${quota.provincial} unit(s) for the Cờ thi đua of the province, not ${proposal.provincial.length}`,
    );
  if (proposal.government.length > quota.government)
    return reject(
      'RULE_VIOLATION',
      'block.flag-quota',
      `The block may propose ${quota.government} unit(s) for the Cờ thi đua of the Government, not ${proposal.government.length}`,
    );
  for (const unit of proposal.provincial) {
    const row = ranking.find((r) => r.unitCode === unit);
    if (!row) return reject('INVALID', 'block.flag-member', `${unit} is not a member of the block`);
    if (row.rank > quota.provincial)
      return reject(
        'RULE_VIOLATION',
        'block.flag-leading',
        `${unit} ranks ${row.rank} of ${ranking.length}; only the first ${quota.provincial} may be proposed`,
      );
  }
  for (const unit of proposal.government) {
    if (!proposal.provincial.includes(unit))
      return reject(
        'RULE_VIOLATION',
        'block.flag-government',
        `${unit} is proposed for the Government's flag but not for the province's`,
      );
    const row = ranking.find((r) => r.unitCode === unit);
    if (!row || row.rank !== 1)
      return reject(
        'RULE_VIOLATION',
        'block.flag-government',
        `${unit} does not lead the block (rank ${row?.rank ?? '-'})`,
      );
  }
  return undefined;
}
