import type { Decider } from '../award/catalog';

export type Ballot = 'OPEN' | 'SECRET';
/** Which number a vote threshold is a share of: every member of the council, or the members present. */
export type Denominator = 'TOTAL' | 'PRESENT';

/** How a council decides on one award: ballot kind, threshold, denominator (law page rules 25–26). */
export interface CouncilRule {
  ballot: Ballot;
  /** Share of the denominator, in percent, that must approve. Approval needs approvals*100 >= thresholdPct*denominator. */
  thresholdPct: number;
  denominator: Denominator;
  /** Absent members may send a written vote that counts as present. */
  allowWrittenVotes: boolean;
  /** Minimum share of members present, in percent, for the session to be valid. */
  quorumPct: number;
}

/** Deadlines, in working days (ngày làm việc). */
export interface DeadlineRule {
  appraisalWD: number;
  supplementWD: number;
  publicPostingWD: number;
  centralPublicConsultationWD: number;
  decisionWD: number;
  reminderBeforeWD: number;
}

/** A legal rule set: effective-dated configuration a dossier is bound to at submission and keeps for life. */
export interface RuleSet {
  version: string;
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
  /** Issuer code in decision numbers per decider, e.g. PROVINCIAL_CHAIRMAN → "UBND" gives "12/QĐ-UBND". */
  issuerCode: Record<Decider, string>;
  /** Optional per-organisation quotas; national law sets none (rule 15), so off by default. */
  quotasEnabled: boolean;
}
