import type { Decider } from '../award/catalog';

export const BALLOTS = ['OPEN', 'SECRET'] as const;
export type Ballot = (typeof BALLOTS)[number];
/** Which number a vote threshold is a share of: every member of the council, or the members present. */
export type Denominator = 'TOTAL' | 'PRESENT';

/** An exact share, e.g. [2, 3] for two thirds: no rounding at the boundaries. */
export type Share = readonly [numerator: number, denominator: number];

/** How a council decides on one award: ballot kind, threshold, denominator (law page rules 25–26). */
export interface CouncilRule {
  ballot: Ballot;
  /** Approvals needed: at least `share` of the denominator, or more than it when `strict` (a simple majority). */
  threshold: { share: Share; strict: boolean };
  denominator: Denominator;
  /** Absent members may send a written vote that counts as present. */
  allowWrittenVotes: boolean;
  /** Members present needed for a valid session: at least this share of all members. */
  quorum: Share;
}

/** Deadlines, in working days (ngày làm việc). */
export interface DeadlineRule {
  /** The appraisal period when the award has none of its own ([U], default 10). */
  appraisalWD: number;
  /**
   * The appraisal period per award (historically 10, 15 or 30 days by award, law page §6.2); an award not listed takes
   * `appraisalWD`. Absent in rule sets snapshotted before it existed (then every award takes `appraisalWD`).
   */
  appraisalWDByAward?: Readonly<Record<string, number>>;
  supplementWD: number;
  publicPostingWD: number;
  centralPublicConsultationWD: number;
  decisionWD: number;
  /** Working days a council has to vote once voting opens ([U], default 5). */
  councilVotingWD: number;
  /**
   * Working days to put a dossier to the council again after a session without quorum ([U]: no legal period was found;
   * default 10). Absent in old snapshots: the default.
   */
  councilRetryWD?: number;
  reminderBeforeWD: number;
}

/** A legal rule set: effective-dated configuration a dossier is bound to at submission and keeps for life. */
export interface RuleSet {
  version: string;
  /** For a province's override: the shipped rule set it is based on (eligibility tables and parts are per law). */
  baseVersion?: string;
  label: string;
  /** First day in force, ISO date (Asia/Ho_Chi_Minh). */
  effectiveFrom: string;
  /** Last day in force, inclusive; absent while in force. */
  effectiveTo?: string;
  legalBasis: string[];
  /** Levels of local government that may appear on a route. */
  localLevels: ReadonlyArray<'PROVINCE' | 'DISTRICT' | 'COMMUNE'>;
  council: { default: CouncilRule; byAward: Record<string, Partial<CouncilRule>> };
  deadlines: DeadlineRule;
  /**
   * Issuer code in decision numbers per decider, e.g. PROVINCIAL_CHAIRMAN → "UBND" gives "12/QĐ-UBND". `{unitCode}`
   * stands for the deciding unit's own code (a unit head numbers decisions in the unit's series).
   */
  issuerCode: Record<Decider, string>;
  /** The state route (rules 3, 23, 24, 28): the tờ trình's series and which awards need what at the centre. */
  stateRoute: StateRouteRule;
  /** Bonus money (tiền thưởng) per award, for recovering it after a revocation (rules 34–35). */
  bonus: BonusTable;
  /** Optional per-organisation quotas; national law sets none (rule 15), so off by default. */
  quotasEnabled: boolean;
  /** Procedure variants (law page §7): ad-hoc intake (rule 31) and the simplified procedure (Law Art. 85). */
  variants: VariantRule;
  /**
   * The Central Council's standing review (rule 25): fixed by the decree, never by a province's file. Absent in rule
   * sets snapshotted before it existed: then the shipped rule set of the same law version applies.
   */
  centralCouncil?: CentralCouncilRule;
  /**
   * The article of the Law and of the decree that revocation (Ch. VII) rests on. Absent in old snapshots: the shipped
   * rule set's applies.
   */
  revocationLegalBasis?: string;
  /**
   * Where the rule "ad-hoc and thematic results are no basis for a higher merit-based award" is written. Absent in old
   * snapshots: NĐ 98/2023 Điều 4(3).
   */
  meritBasisLegalBasis?: string;
  /**
   * Registration for emulation (đăng ký thi đua): which annual titles need it, by when, and what a proposal without it
   * gets. Left to the province. Absent in rule sets snapshotted before it existed: no registration check.
   */
  registration?: RegistrationRule;
  /**
   * The emulation blocks' flag proposals (khối thi đua suy tôn Cờ thi đua): how many a block may propose, how its
   * meeting votes, and which awards the proposals become. Left to the province's block regulation. Absent in rule sets
   * snapshotted before it existed: the shipped defaults.
   */
  emulation?: EmulationRule;
}

/**
 * How many members a block may propose for each flag (law page §9: "how many leading units may be proposed" is the
 * province's regulation; national law sets no quota, rule 15). Every value [U].
 */
export interface FlagQuotaSettings {
  provincialPerBlock: number;
  /** Members from which the provincial quota grows by one. */
  largeBlockFrom: number;
  governmentPerBlock: number;
}

/** The block meeting's vote on its proposals (open or secret): quorum of the members, then a majority of those present. */
export interface FlagVoteRule {
  /** Member units present needed: at least this share of all members. */
  quorum: Share;
  /** Votes for a proposed unit needed: more than (strict) or at least this share of the members present. */
  threshold: { share: Share; strict: boolean };
}

/** The block year's settings a province sets in its block regulation; every value [U]. */
export interface EmulationRule {
  flagQuotas: FlagQuotaSettings;
  flagVote: FlagVoteRule;
  /** The award a proposal for the province's flag, and for the Government's, becomes (the award catalog's code). */
  flagAwards: { provincial: string; government: string };
  note: string;
}

/** Registration for annual titles (law page §3.1 step 1); every value [U], local policy. */
export interface RegistrationRule {
  /** A proposal for one of `titles` whose nominee the unit did not register (accepted) for the year: WARNING or REFUSE. */
  missing: 'WARNING' | 'REFUSE';
  /** The last day to register: this many working days into the year ([U], default 20). */
  deadlineWorkingDays: number;
  /** The annual titles one registers for. */
  titles: string[];
  note: string;
}

/** How the Central Council's standing committee decides: quorum of all members, then a majority. */
export interface CentralCouncilRule {
  /** Members present needed: at least this share of all members. */
  quorum: Share;
  /** Approvals needed: more than (strict) or at least this share of the members present. */
  threshold: { share: Share; strict: boolean };
  legalBasis: string;
}

/** Settings of the ad-hoc (đột xuất) and simplified procedures; UNCONFIRMED values carry a note. */
export interface VariantRule {
  /** Rule 31 [U]: calendar days from the achievement to the submission of an ad-hoc dossier. */
  adHoc: { intakeDays: number; legalBasis: string; confirmed: boolean; note: string };
  /**
   * Law Art. 85 (simplified procedure): the appraisal working days (the law page: historically "no fixed time", so a
   * default), and the steps of the route it keeps (the law page does not say it drops one, so all of them).
   */
  simplified: { appraisalWD: number; steps: readonly string[]; legalBasis: string; confirmed: boolean; note: string };
}

/** One award's bonus as a multiple of the base salary (lương cơ sở), per the subject the rate is set for. */
export interface BonusRate {
  individual?: number;
  collective?: number;
  /** False where the law page marks the rate UNCONFIRMED or it is applied by analogy. */
  confirmed: boolean;
  /** The article that sets the rate, e.g. "Nghị định 152/2025/NĐ-CP, Điều 51(1)". */
  legalBasis?: string;
  note?: string;
}

/** The base salary (mức lương cơ sở) in force from a date, and the decree that set it. */
export interface BaseSalary {
  /** First day in force, ISO date. */
  from: string;
  vnd: number;
  legalBasis: string;
}

/**
 * Rule 35: bonus = multiplier × the base salary in force on the decision date; a household gets `householdFactor` ×
 * the individual rate.
 */
export interface BonusTable {
  /**
   * The base salaries by the date they took effect (effective-dated, ascending). Absent in rule sets snapshotted
   * before the table existed: those use `baseSalaryVnd` whatever the date (their old meaning).
   */
  baseSalaries?: readonly BaseSalary[];
  /** The single base salary of rule sets snapshotted before `baseSalaries`; the latest entry's amount otherwise. */
  baseSalaryVnd: number;
  baseSalaryBasis: string;
  householdFactor: number;
  /** Where the multipliers come from. */
  legalBasis: string;
  /** By award code; an award not listed has no sourced rate. */
  rates: Readonly<Record<string, BonusRate>>;
}

/** A list of awards a step of the state route applies to, with where it comes from. */
export interface AwardList {
  awards: readonly string[];
  legalBasis: string;
  /** False where the law page marks the list UNCONFIRMED: a default a province's legal officer must verify. */
  confirmed: boolean;
  note?: string;
}

export interface StateRouteRule {
  /** Issuer code of the provincial chairman's tờ trình to the centre: "UBND" gives "45/TTr-UBND". */
  proposalIssuerCode: string;
  /**
   * The awards publicly posted at the proposing level before the council (rule 23). Absent in a province's rule set
   * snapshotted before it existed: the shipped rule set of the same law version applies (it is law, not a setting).
   */
  publicPosting?: AwardList;
  /** Consultation (hiệp y / lấy ý kiến) the Ministry of Home Affairs records before accepting its appraisal. */
  hiepY: AwardList;
  /** The Ministry's own public consultation (centralPublicConsultationWD) then the Central Council standing committee. */
  centralConsultation: AwardList;
}
