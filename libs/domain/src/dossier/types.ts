import type { Actor } from '../shared/actor';
import type { HolidayCalendar } from '../calendar/working-days';
import type { CouncilRule, RuleSet } from '../rule-set/types';
import type { SubjectKind } from '../award/catalog';
import type { DossierPart } from '../eligibility/dossier-parts';
import type {
  CommendationType,
  CollectiveYear,
  ReceivedAward,
  RecognisedInitiative,
  YearRating,
} from '../eligibility/history';
import type { Revocation } from './revocation-model';
import type { VariantClaims } from './variants';

/** Where a dossier (hồ sơ đề nghị khen thưởng) stands. */
export const DOSSIER_STATUSES = [
  'NEW',
  'DRAFT',
  'UNIT_REVIEW',
  'APPRAISAL',
  'SUPPLEMENT_REQUESTED',
  // State route, provincial part (rules 3, 23): public posting, review of objections, then the council.
  'PUBLIC_POSTING',
  'COMPLAINT_REVIEW',
  'READY_FOR_COUNCIL',
  'COUNCIL_VOTING',
  'AWAITING_DECISION',
  // State route, central stage (rules 3, 24, 25): run by the central-stage child workflow.
  'FORWARDED_TO_CENTRE',
  'MOHA_APPRAISAL',
  'CENTRAL_SUPPLEMENT_REQUESTED',
  'MOHA_PUBLIC_CONSULTATION',
  'CENTRAL_COUNCIL_STANDING_REVIEW',
  'SUBMITTED_TO_PM',
  'SUBMITTED_TO_PRESIDENT',
  'AWARDED',
  'REJECTED',
  'RETURNED',
  'WITHDRAWN',
  // After an award (rule 34, Law Ch. VII): revoked, its award objects and bonus being recovered, then closed.
  'REVOKED',
  'RECOVERY_PENDING',
  'CLOSED',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
/** Where the dossier's own workflow ends. An award may later be revoked by a revocation workflow of its own. */
export const FINAL_STATUSES: readonly DossierStatus[] = ['AWARDED', 'REJECTED', 'WITHDRAWN'];
/** The person, collective or household proposed. Personal data (citizen id) arrives here only as a keyed hash. */
export interface Nominee {
  kind: SubjectKind;
  fullName: string;
  position?: string;
  citizenIdHash?: string;
  birthDate?: string;
  /** Works directly at the grassroots (người trực tiếp lao động, công tác): the law gives them priority (Art. 5(2)). */
  directWorker?: boolean;
}

/**
 * What the unit declares about the nominee in the báo cáo thành tích (achievement report): year ratings, awards
 * already received (with their decisions), recognised initiatives — the input of the eligibility checks, together
 * with the awards this system itself has recorded.
 */
export interface DeclaredRecord {
  /** Last year of the achievement period; the year before submission when absent. */
  evaluationYear?: number;
  ratings: YearRating[];
  awards: ReceivedAward[];
  initiatives: RecognisedInitiative[];
  collectiveYears: CollectiveYear[];
  monthsSinceJoining?: number;
  /** The achievement this proposal rewards (the dossier id when absent) and the initiatives it cites. */
  achievementId?: string;
  initiativeIds?: string[];
  commendationType?: CommendationType;
}

export const emptyRecord = (): DeclaredRecord => ({ ratings: [], awards: [], initiatives: [], collectiveYears: [] });

/** The key under which a subject's awards are kept: the citizen-id hash when known, else unit + normalised name. */
export function subjectKeyOf(nominee: Nominee, unitCode: string): string {
  if (nominee.citizenIdHash) return `cid:${nominee.citizenIdHash}`;
  const name = nominee.fullName.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return `${nominee.kind.toLowerCase()}:${unitCode}:${name}`;
}

export interface IssuedDecision {
  number: string;
  authority: string;
  year: number;
  signerId: string;
  signedOn: string;
  legalBasis: string[];
  /** Hash of the dossier's last event before the decision: deleting later rows from the chain becomes detectable. */
  chainHeadAtSigning?: string;
}

export interface Objection {
  source: string;
  text: string;
  receivedOn: string;
}

export interface PublicPosting {
  deadline: string;
  workingDays: number;
  objections: Objection[];
  /** The secretariat's review of the objections; reported to the council with the dossier (rule 23). */
  review?: ObjectionReview;
}

export interface ObjectionReview {
  objections: number;
  outcome: string;
  /** True when the review found an objection well-founded; the council still decides. */
  upheld: boolean;
}

export interface SignedProposal {
  number: string;
  authority: string;
  year: number;
  signerId: string;
  signedOn: string;
}

export interface CentralStage {
  reference: string;
  hiepYRequired: boolean;
  consultationRequired: boolean;
  hiepY?: { agency: string; agrees: boolean; opinion: string };
  consultation?: { deadline: string; workingDays: number };
}

export interface Vote {
  memberId: string;
  approve: boolean;
}

export interface DossierState extends VariantClaims {
  dossierId: string;
  status: DossierStatus;
  awardCode: string;
  unitCode: string;
  title: string;
  nominee?: Nominee;
  achievements: string;
  record: DeclaredRecord;
  parts: DossierPart[];
  ruleSetVersion?: string;
  /** A province's effective rule set, snapshotted at submission when it overrides the shipped one. */
  ruleSet?: RuleSet;
  /** Council evaluation: per-dossier voting (members, votes) or a council session that decides it (sessionId). */
  council?: { members: string[]; rule: CouncilRule; votes: Vote[]; deadline?: string; sessionId?: string };
  /** The secretariat's appraisal clock: a deadline while running, the working days left while paused. */
  appraisal?: { deadline?: string; remainingWD?: number; reminded: boolean; overdue: boolean };
  supplement?: { deadline: string; missingParts: string[]; reason: string };
  /** After a council without quorum: the date by which the dossier is put to the council again. */
  councilRetry?: { deadline: string };
  decision?: IssuedDecision;
  /** State route: the public posting at the proposing level (rule 23), its objections and their review. */
  posting?: PublicPosting;
  /** State route: the tờ trình the provincial chairman signed to the centre. */
  proposal?: SignedProposal;
  /** State route: what the central stage requires and has recorded (rules 3, 24). */
  central?: CentralStage;
  returnReason?: string;
  rejectionReason?: string;
  /** The award's revocation and the recovery of its award objects and bonus, once revoked. */
  revocation?: Revocation;
  /** Number of events applied; the next event gets seq + 1. */
  seq: number;
}

export const initialDossierState = (dossierId: string): DossierState => ({
  dossierId,
  status: 'NEW',
  awardCode: '',
  unitCode: '',
  title: '',
  achievements: '',
  record: emptyRecord(),
  parts: [],
  seq: 0,
});

/** What decide() needs besides state and command: who acts and when (epoch ms of the workflow clock). */
export interface CommandContext {
  actor: Actor;
  now: number;
  /**
   * Submission without the completeness and eligibility checks: only for replaying workflow histories recorded before
   * the checks existed (the workflow sets it from patched()), never for a new command.
   */
  legacySubmission?: boolean;
  /**
   * Public posting for every state-level award, as before the rule set listed the posted awards: only for replaying
   * workflow histories recorded before the list (the workflow sets it from patched()), never for a new command.
   */
  legacyPostingForEveryStateAward?: boolean;
  /**
   * The holiday calendar deadlines are computed with (the shipped one when absent). In a workflow it comes from the
   * command's arguments (the operator's calendar files, attached by the API), so a replay computes the same dates.
   */
  calendar?: HolidayCalendar;
}
