import { findAward } from '../award/catalog';
import type { CouncilRule, DeadlineRule, EmulationRule, RegistrationRule, RuleSet, Share } from './types';

/**
 * What a province's file may set: only what the law leaves to the province (the UNCONFIRMED values and local policy).
 * Everything else in a rule set is law (the decree's Central Council rule, the posting and consultation periods, the
 * bonus tables, the legal basis, the award lists of the state route): a file that sets it is refused at start-up.
 */
const OVERRIDABLE = {
  top: ['baseVersion', 'adoptedBy', 'council', 'deadlines', 'quotasEnabled', 'registration', 'emulation'],
  registration: ['missing', 'deadlineWorkingDays'],
  emulation: ['flagQuotas', 'flagVote'],
  flagQuotas: ['provincialPerBlock', 'largeBlockFrom', 'governmentPerBlock'],
  flagVote: ['quorum', 'threshold'],
  council: ['default', 'byAward'],
  councilRule: ['ballot', 'threshold', 'denominator', 'allowWrittenVotes', 'quorum'],
  deadlines: [
    'appraisalWD',
    'appraisalWDByAward',
    'supplementWD',
    'decisionWD',
    'councilVotingWD',
    'reminderBeforeWD',
    'councilRetryWD',
  ],
} as const;
/** Why a setting is not the province's to change, for the refusal message. */
const SET_BY_LAW: Readonly<Record<string, string>> = {
  centralCouncil:
    "the Central Council's standing review is set by the decree (NĐ 98/2023 Điều 47: 2/3 of all members, majority)",
  publicPostingWD: 'the public posting lasts 10 working days by the decree (NĐ 152/2025 Điều 44(2))',
  centralPublicConsultationWD:
    "the Ministry's public consultation lasts 10 working days by the decree (NĐ 98/2023 Điều 46(1), NĐ 152/2025 Điều 60(3))",
  bonus: 'bonus multipliers and the base salary are set by decree',
  stateRoute: 'the awards of the state route steps are set by law',
};
const isShare = (v: unknown): v is Share =>
  Array.isArray(v) &&
  v.length === 2 &&
  v.every((n) => Number.isInteger(n) && n > 0) &&
  (v as number[])[0] <= (v as number[])[1];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
function refuseUnknown(problems: string[], at: string, value: unknown, allowed: readonly string[]): void {
  if (!isRecord(value)) return;
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      problems.push(
        `${at}.${key} cannot be overridden by a province: ${SET_BY_LAW[key] ?? `not a setting the law leaves to the province (allowed: ${allowed.join(', ')})`}`,
      );
}

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
  deadlines?: Partial<
    Pick<
      DeadlineRule,
      | 'appraisalWD'
      | 'appraisalWDByAward'
      | 'supplementWD'
      | 'decisionWD'
      | 'councilVotingWD'
      | 'reminderBeforeWD'
      | 'councilRetryWD'
    >
  >;
  quotasEnabled?: boolean;
  /** Đăng ký thi đua: what a proposal without registration gets, and the deadline (the title list stays the shipped one). */
  registration?: Partial<Pick<RegistrationRule, 'missing' | 'deadlineWorkingDays'>>;
  /** The block regulation: flag quotas and the block meeting's vote (the flag awards stay the catalog's). */
  emulation?: {
    flagQuotas?: Partial<EmulationRule['flagQuotas']>;
    flagVote?: Partial<EmulationRule['flagVote']>;
  };
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
    deadlines: {
      ...base.deadlines,
      ...o.deadlines,
      appraisalWDByAward: { ...base.deadlines.appraisalWDByAward, ...o.deadlines?.appraisalWDByAward },
    },
    quotasEnabled: o.quotasEnabled ?? base.quotasEnabled,
    ...(base.registration ? { registration: { ...base.registration, ...o.registration } } : {}),
    ...(base.emulation
      ? {
          emulation: {
            ...base.emulation,
            flagQuotas: { ...base.emulation.flagQuotas, ...o.emulation?.flagQuotas },
            flagVote: { ...base.emulation.flagVote, ...o.emulation?.flagVote },
          },
        }
      : {}),
  };
}

/** Checks a province's file before it is used: a bad setting names itself; nothing is applied partly. */
export function validateProvinceRuleSets(
  file: unknown,
  shipped: readonly RuleSet[],
): { ok: true; value: ProvinceRuleSets } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const f = file as Partial<ProvinceRuleSets> | null;
  if (!f || typeof f !== 'object') return { ok: false, problems: ['the file must hold a JSON object'] };
  if (typeof f.provinceCode !== 'string' || !f.provinceCode) problems.push('provinceCode is required');
  if (!Array.isArray(f.overrides)) problems.push('overrides must be a list');
  for (const [i, o] of (Array.isArray(f.overrides) ? f.overrides : []).entries()) {
    const at = `overrides[${i}]`;
    if (!shipped.some((r) => r.version === o?.baseVersion))
      problems.push(
        `${at}.baseVersion "${o?.baseVersion}" is not a shipped rule set (${shipped.map((r) => r.version).join(', ')})`,
      );
    if (typeof o?.adoptedBy !== 'string' || !o.adoptedBy)
      problems.push(`${at}.adoptedBy names the decision that adopted it`);
    refuseUnknown(problems, at, o, OVERRIDABLE.top);
    refuseUnknown(problems, `${at}.council`, o?.council, OVERRIDABLE.council);
    refuseUnknown(problems, `${at}.council.default`, o?.council?.default, OVERRIDABLE.councilRule);
    for (const [code, rule] of Object.entries(o?.council?.byAward ?? {})) {
      if (!findAward(code)) problems.push(`${at}.council.byAward.${code} is not an award code`);
      refuseUnknown(problems, `${at}.council.byAward.${code}`, rule, OVERRIDABLE.councilRule);
    }
    refuseUnknown(problems, `${at}.deadlines`, o?.deadlines, OVERRIDABLE.deadlines);
    refuseUnknown(problems, `${at}.registration`, o?.registration, OVERRIDABLE.registration);
    if (o?.registration?.missing !== undefined && !['WARNING', 'REFUSE'].includes(o.registration.missing))
      problems.push(`${at}.registration.missing must be WARNING or REFUSE`);
    if (
      o?.registration?.deadlineWorkingDays !== undefined &&
      !(
        Number.isInteger(o.registration.deadlineWorkingDays) &&
        o.registration.deadlineWorkingDays >= 1 &&
        o.registration.deadlineWorkingDays <= 120
      )
    )
      problems.push(`${at}.registration.deadlineWorkingDays must be a whole number of working days, 1–120`);
    refuseUnknown(problems, `${at}.emulation`, o?.emulation, OVERRIDABLE.emulation);
    refuseUnknown(problems, `${at}.emulation.flagQuotas`, o?.emulation?.flagQuotas, OVERRIDABLE.flagQuotas);
    refuseUnknown(problems, `${at}.emulation.flagVote`, o?.emulation?.flagVote, OVERRIDABLE.flagVote);
    for (const [k, v] of Object.entries(o?.emulation?.flagQuotas ?? {}))
      if ((OVERRIDABLE.flagQuotas as readonly string[]).includes(k) && !(Number.isInteger(v) && v >= 0 && v <= 50))
        problems.push(`${at}.emulation.flagQuotas.${k} must be a whole number, 0–50`);
    const vote = o?.emulation?.flagVote;
    if (vote?.threshold !== undefined && !(isRecord(vote.threshold) && typeof vote.threshold.strict === 'boolean'))
      problems.push(`${at}.emulation.flagVote.threshold is { share, strict }`);
    for (const share of [vote?.quorum, vote?.threshold?.share])
      if (share !== undefined && !isShare(share))
        problems.push(`${at}.emulation.flagVote: a share is [numerator, denominator] with 0 < numerator ≤ denominator`);
    const days = (name: string, v: unknown) => {
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 120)
        problems.push(`${at}.deadlines.${name} must be a whole number of working days, 1–120`);
    };
    for (const [k, v] of Object.entries(o?.deadlines ?? {})) {
      if (!(OVERRIDABLE.deadlines as readonly string[]).includes(k)) continue;
      if (k !== 'appraisalWDByAward') days(k, v);
      else if (!isRecord(v)) problems.push(`${at}.deadlines.appraisalWDByAward maps award codes to working days`);
      else
        for (const [code, n] of Object.entries(v)) {
          if (findAward(code)) days(`appraisalWDByAward.${code}`, n);
          else problems.push(`${at}.deadlines.appraisalWDByAward.${code} is not an award code`);
        }
    }
    const rules = [o?.council?.default, ...Object.values(o?.council?.byAward ?? {})].filter(
      Boolean,
    ) as Partial<CouncilRule>[];
    for (const r of rules) {
      if (r.ballot && !['OPEN', 'SECRET'].includes(r.ballot))
        problems.push(`${at}.council: ballot must be OPEN or SECRET`);
      if (r.denominator && !['TOTAL', 'PRESENT'].includes(r.denominator))
        problems.push(`${at}.council: denominator must be TOTAL or PRESENT`);
      for (const share of [r.threshold?.share, r.quorum])
        if (share && !isShare(share))
          problems.push(`${at}.council: a share is [numerator, denominator] with 0 < numerator ≤ denominator`);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: f as ProvinceRuleSets };
}
