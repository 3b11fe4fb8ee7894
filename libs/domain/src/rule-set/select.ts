import type { CouncilRule, RuleSet } from './types';
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
