import type { CouncilRule } from '../rule-set/types';

export interface Tally {
  members: number;
  present: number;
  approvals: number;
  rejections: number;
  quorumMet: boolean;
  passed: boolean;
}

/**
 * Counts a council's votes under its rule: quorum on members present, then approvals against the threshold share of
 * the denominator (all members, or those present). Shares are exact fractions compared by cross-multiplication.
 */
export function tally(rule: CouncilRule, members: number, votes: ReadonlyArray<{ approve: boolean }>): Tally {
  const approvals = votes.filter((v) => v.approve).length;
  return tallyCounts(rule, { members, present: votes.length, approvals, rejections: votes.length - approvals });
}

/** The same rule over counts, for sessions where attendance and votes are recorded apart (a present member may abstain). */
export function tallyCounts(
  rule: CouncilRule,
  c: { members: number; present: number; approvals: number; rejections: number },
): Tally {
  const { members, present, approvals } = c;
  const [qn, qd] = rule.quorum;
  const quorumMet = present * qd >= qn * members;
  const denominator = rule.denominator === 'TOTAL' ? members : present;
  const [tn, td] = rule.threshold.share;
  const enough = rule.threshold.strict ? approvals * td > tn * denominator : approvals * td >= tn * denominator;
  const passed = quorumMet && denominator > 0 && enough;
  return { members, present, approvals, rejections: c.rejections, quorumMet, passed };
}
