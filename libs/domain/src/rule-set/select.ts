import type { CentralCouncilRule, CouncilRule, RuleSet } from './types';
import { RULE_SETS } from './rule-sets';

/** The rule set in force on an ISO date (YYYY-MM-DD, Asia/Ho_Chi_Minh), or undefined before the first one. */
export function ruleSetInForce(isoDate: string, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet | undefined {
  return ruleSets.find((r) => r.effectiveFrom <= isoDate && (r.effectiveTo === undefined || isoDate <= r.effectiveTo));
}

export function ruleSetByVersion(version: string, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet | undefined {
  return ruleSets.find((r) => r.version === version);
}

/** The law-level version of a rule set: its own, or the shipped one a province's override is based on. */
export const lawVersionOf = (r: RuleSet): string => r.baseVersion ?? r.version;

/** The rule set a dossier is bound to: its snapshot (a province's override) or the shipped one of its version. */
export function ruleSetOf(state: { ruleSetVersion?: string; ruleSet?: RuleSet }): RuleSet | undefined {
  return state.ruleSet ?? ruleSetByVersion(state.ruleSetVersion ?? '');
}

export function councilRuleFor(ruleSet: RuleSet, awardCode: string): CouncilRule {
  return { ...ruleSet.council.default, ...ruleSet.council.byAward[awardCode] };
}

/** The calendar date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) of an instant given in epoch milliseconds. */
export function vietnamDate(epochMs: number): string {
  return new Date(epochMs + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The shipped rule set of a rule set's law version (itself for a shipped one): law-level data a province cannot change. */
export const shippedRuleSetOf = (r: RuleSet, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet =>
  ruleSetByVersion(lawVersionOf(r), ruleSets) ?? r;

/** The appraisal period for an award: its own in the rule set, else the rule set's default. */
export function appraisalWDFor(ruleSet: RuleSet, awardCode: string): number {
  return ruleSet.deadlines.appraisalWDByAward?.[awardCode] ?? ruleSet.deadlines.appraisalWD;
}

/** Whether a state-level award is publicly posted at the proposing level before the council (rule 23, a rule-set list). */
export function requiresPublicPosting(ruleSet: RuleSet, awardCode: string): boolean {
  const list = ruleSet.stateRoute.publicPosting ?? shippedRuleSetOf(ruleSet).stateRoute.publicPosting;
  return list?.awards.includes(awardCode) ?? true;
}

/** The Central Council's standing-review rule (rule 25): always the shipped law's, whatever a province's file holds. */
export function centralCouncilRuleOf(ruleSet: RuleSet): CentralCouncilRule {
  const shipped = shippedRuleSetOf(ruleSet).centralCouncil;
  if (shipped) return shipped;
  return { quorum: [2, 3], threshold: { share: [1, 2], strict: true }, legalBasis: 'Nghị định 98/2023/NĐ-CP, Điều 47' };
}
