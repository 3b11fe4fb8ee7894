import type { CouncilRule, DeadlineRule, RuleSet } from './types';

/**
 * A province's own settings over a shipped rule set, as it writes them in its rule-set file (JSON): council rules,
 * deadlines, quotas. Only settings the law leaves to configuration (the UNCONFIRMED values and local policy) belong
 * here; the legal basis and the award catalog stay the shipped ones.
 */
export interface RuleSetOverride {
  /** The shipped rule set this overrides, e.g. "LAW2022+ND152+TT15/2025". */
  baseVersion: string;
  /** Who adopted it and when, e.g. "Quyết định 12/2026/QĐ-UBND of tỉnh Mẫu". */
  adoptedBy: string;
  council?: { default?: Partial<CouncilRule>; byAward?: Record<string, Partial<CouncilRule>> };
  deadlines?: Partial<DeadlineRule>;
  quotasEnabled?: boolean;
}

export interface ProvinceRuleSets {
  provinceCode: string;
  overrides: RuleSetOverride[];
}

/** The effective rule set: the shipped one with the province's settings; its version names both. */
export function applyOverride(base: RuleSet, provinceCode: string, o: RuleSetOverride): RuleSet {
  const byAward = { ...base.council.byAward };
  for (const [code, rule] of Object.entries(o.council?.byAward ?? {})) byAward[code] = { ...byAward[code], ...rule };
  return {
    ...base,
    version: `${base.version}@${provinceCode}`,
    baseVersion: base.version,
    label: `${base.label} — ${o.adoptedBy}`,
    council: { default: { ...base.council.default, ...o.council?.default }, byAward },
    deadlines: { ...base.deadlines, ...o.deadlines },
    quotasEnabled: o.quotasEnabled ?? base.quotasEnabled,
  };
}

/** Checks a province's file before it is used: a bad setting names itself; nothing is applied partly. */
export function validateProvinceRuleSets(file: unknown, shipped: readonly RuleSet[]): { ok: true; value: ProvinceRuleSets } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const f = file as Partial<ProvinceRuleSets> | null;
  if (!f || typeof f !== 'object') return { ok: false, problems: ['the file must hold a JSON object'] };
  if (typeof f.provinceCode !== 'string' || !f.provinceCode) problems.push('provinceCode is required');
  if (!Array.isArray(f.overrides)) problems.push('overrides must be a list');
  for (const [i, o] of (Array.isArray(f.overrides) ? f.overrides : []).entries()) {
    const at = `overrides[${i}]`;
    if (!shipped.some((r) => r.version === o?.baseVersion)) problems.push(`${at}.baseVersion "${o?.baseVersion}" is not a shipped rule set (${shipped.map((r) => r.version).join(', ')})`);
    if (typeof o?.adoptedBy !== 'string' || !o.adoptedBy) problems.push(`${at}.adoptedBy names the decision that adopted it`);
    for (const [k, v] of Object.entries(o?.deadlines ?? {})) if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 120) problems.push(`${at}.deadlines.${k} must be a whole number of working days, 1–120`);
    const rules = [o?.council?.default, ...Object.values(o?.council?.byAward ?? {})].filter(Boolean) as Partial<CouncilRule>[];
    for (const r of rules) {
      if (r.ballot && !['OPEN', 'SECRET'].includes(r.ballot)) problems.push(`${at}.council: ballot must be OPEN or SECRET`);
      if (r.denominator && !['TOTAL', 'PRESENT'].includes(r.denominator)) problems.push(`${at}.council: denominator must be TOTAL or PRESENT`);
      for (const share of [r.threshold?.share, r.quorum])
        if (share && !(Array.isArray(share) && share.length === 2 && share.every((n) => Number.isInteger(n) && n > 0) && share[0] <= share[1]))
          problems.push(`${at}.council: a share is [numerator, denominator] with 0 < numerator ≤ denominator`);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: f as ProvinceRuleSets };
}
