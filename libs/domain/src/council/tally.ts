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
  const present = votes.length;
  const approvals = votes.filter((v) => v.approve).length;
  const [qn, qd] = rule.quorum;
  const quorumMet = present * qd >= qn * members;
  const denominator = rule.denominator === 'TOTAL' ? members : present;
  const [tn, td] = rule.threshold.share;
  const enough = rule.threshold.strict ? approvals * td > tn * denominator : approvals * td >= tn * denominator;
  const passed = quorumMet && denominator > 0 && enough;
  return { members, present, approvals, rejections: present - approvals, quorumMet, passed };
}
