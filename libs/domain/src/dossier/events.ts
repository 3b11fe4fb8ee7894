import type { RuleSet } from '../rule-set/types';
import type { CouncilRule } from '../rule-set/types';
import type { DossierPart } from '../eligibility/dossier-parts';
import type { RecoveryItem, RecoveryTask, RevocationGround } from './revocation-model';
import type {
  DeclaredRecord,
  DossierStatus,
  IssuedDecision,
  Nominee,
  ObjectionReview,
  SignedProposal,
  Vote,
} from './types';
import type { VariantClaims } from './variants';
import type { Envelope } from '../shared/envelope';
import type { Decider } from '../award/catalog';

/** Business events of a dossier: what happened, in the past tense. The event table stores exactly these. */
/**
 * Set on a deadline computed past the holiday calendar's years: those days were counted Monday–Friday (weekends only),
 * so the date may be earlier than the holidays announced later would make it. Absent when the calendar covered it.
 */
export interface DeadlineFlag {
  deadlineProvisional?: true;
}

export type DossierEvent =
  | {
      type: 'DossierCreated';
      data: {
        awardCode: string;
        unitCode: string;
        title: string;
        nominee: Nominee;
        achievements: string;
        record?: DeclaredRecord;
        parts?: DossierPart[];
      } & VariantClaims;
    }
  | {
      type: 'DossierContentUpdated';
      data: { title?: string; achievements?: string; record?: DeclaredRecord; parts?: DossierPart[] };
    }
  /** The eligibility assessment the submission passed, kept for the audit: each criterion and what it found. */
  | {
      type: 'DossierSubmitted';
      data: {
        ruleSetVersion: string;
        ruleSet?: RuleSet;
        eligibility?: {
          evaluationYear: number;
          criteria: { id: string; rule: string; passed: boolean; severity: string; explanation: string }[];
        };
      };
    }
  | { type: 'UnitApproved'; data: { note?: string } }
  | { type: 'DossierReturned'; data: { reason: string; from: string } }
  | { type: 'AppraisalAccepted'; data: { note?: string } }
  /** objectionReview: on the state route, the objections received during posting and their review, for the council. */
  | {
      type: 'CouncilVotingOpened';
      data: {
        members: string[];
        rule: CouncilRule;
        deadline?: string;
        objectionReview?: ObjectionReview;
      } & DeadlineFlag;
    }
  | { type: 'VoteCast'; data: Vote }
  | {
      type: 'ScheduledForCouncil';
      data: { sessionId: string; rule: CouncilRule; members: string[]; objectionReview?: ObjectionReview };
    }
  /** returnedTo: without quorum, where the dossier goes back (absent in events written before: evolve derives it). */
  | {
      type: 'CouncilVotingClosed';
      data: {
        members: number;
        present: number;
        approvals: number;
        rejections: number;
        quorumMet: boolean;
        passed: boolean;
        sessionId?: string;
        returnedTo?: DossierStatus;
      };
    }
  /** After a council (or the Central Council's standing committee) without quorum: the date to put the dossier to it again. */
  | { type: 'CouncilRetryClockStarted'; data: { deadline: string; workingDays: number } & DeadlineFlag }
  | { type: 'DossierAwarded'; data: { decision: IssuedDecision } }
  | { type: 'DossierRejected'; data: { reason: string; by: string } }
  | { type: 'DossierWithdrawn'; data: { reason: string } }
  | { type: 'AppraisalClockStarted'; data: { deadline: string; workingDays: number } & DeadlineFlag }
  | { type: 'SupplementRequested'; data: { missingParts: string[]; reason: string; deadline: string } & DeadlineFlag }
  | { type: 'AppraisalClockPaused'; data: { remainingWD: number } }
  | { type: 'SupplementProvided'; data: { note?: string; parts?: DossierPart[] } }
  | { type: 'AppraisalClockResumed'; data: { deadline: string; remainingWD: number } & DeadlineFlag }
  | { type: 'AppraisalDeadlineReminded'; data: { deadline: string; to: 'SECRETARIAT_OFFICER' } }
  | { type: 'AppraisalOverdue'; data: { deadline: string; escalatedTo: 'SECRETARIAT_HEAD' } }
  // State route, provincial part (rules 3, 23, 28).
  | { type: 'PublicPostingOpened'; data: { deadline: string; workingDays: number } & DeadlineFlag }
  | { type: 'ObjectionRecorded'; data: { source: string; text: string; receivedOn: string } }
  | { type: 'PublicPostingClosed'; data: { deadline: string; objections: number } }
  | { type: 'ObjectionReviewRecorded'; data: ObjectionReview }
  | { type: 'ProposalSigned'; data: { proposal: SignedProposal } }
  // State route, central stage (rules 3, 24, 25, 28), appended by the central-stage workflow to the same stream.
  | { type: 'CentralStageOpened'; data: { reference: string; hiepYRequired: boolean; consultationRequired: boolean } }
  | { type: 'HiepYRecorded'; data: { agency: string; agrees: boolean; opinion: string } }
  | { type: 'CentralSupplementRequested'; data: { missingParts: string[]; reason: string } }
  | { type: 'CentralSupplementProvided'; data: { note?: string; parts?: DossierPart[] } }
  | {
      type: 'CentralAppraisalAccepted';
      data: { consultation?: { deadline: string; workingDays: number } & DeadlineFlag };
    }
  | { type: 'CentralConsultationClosed'; data: { deadline: string } }
  | {
      type: 'StandingReviewRecorded';
      data: { members: number; present: number; approvals: number; quorumMet: boolean; passed: boolean; note?: string };
    }
  | { type: 'ProposedToPresident'; data: { note?: string } }
  // Revocation after the award (rule 34), appended to the same stream by the revocation workflow.
  /** annulledBy: for a state-level award, the authority whose annulment decision (decisionRef) the province records. */
  | {
      type: 'AwardRevoked';
      data: {
        ground: RevocationGround;
        clause: string;
        legalBasis: string;
        reason: string;
        decisionRef: string;
        revokedDecisionNumber: string;
        revokedOn: string;
        annulledBy?: Decider;
      };
    }
  | { type: 'RecoveryTasksOpened'; data: { tasks: RecoveryTask[] } }
  | { type: 'RecoveryRecorded'; data: { item: RecoveryItem; recordedOn: string; note?: string; amountVnd?: number } }
  | { type: 'RecoveryCompleted'; data: { completedOn: string } };

export type DossierEventType = DossierEvent['type'];

/** An event as stored: the business event plus who, when, under which rules, for which request, and its place. */
export type EventEnvelope = Envelope<DossierEvent>;
