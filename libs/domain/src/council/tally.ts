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
 * Counts a council's votes under its rule: quorum on members present, then approvals against the threshold
 * share of the denominator (all members, or those present). Integer arithmetic in hundredths avoids float edges.
 */
export function tally(rule: CouncilRule, members: number, votes: ReadonlyArray<{ approve: boolean }>): Tally {
  const present = votes.length;
  const approvals = votes.filter((v) => v.approve).length;
  const quorumMet = present * 10_000 >= Math.round(rule.quorumPct * 100) * members;
  const denominator = rule.denominator === 'TOTAL' ? members : present;
  const passed = quorumMet && denominator > 0 && approvals * 10_000 >= Math.round(rule.thresholdPct * 100) * denominator;
  return { members, present, approvals, rejections: present - approvals, quorumMet, passed };
}
