import type { DossierEvent } from './events';
import { councilStepOf, routeOf } from './route';
import type { Route } from '../award/catalog';
import type { DossierState, DossierStatus } from './types';

/** Where a council vote without quorum sends the dossier back to, to be put to the council again. */
const quorumlessReturnsTo = (state: DossierState, route: Route): DossierStatus =>
  route === 'GRASSROOTS' ? 'UNIT_REVIEW' : councilStepOf(state);

/** Why a dossier the council voted down is rejected (the state's rejection reason and the read model's). */
export const COUNCIL_REJECTED_REASON = 'Council did not pass the dossier';
/** Why a state-level dossier the Central Council's standing committee voted down is rejected. */
export const STANDING_REVIEW_REJECTED_REASON = 'The Central Council standing committee did not pass the dossier';

type StatusOf<T extends DossierEvent['type']> = (
  status: DossierStatus,
  event: Extract<DossierEvent, { type: T }>,
  quorumless: () => DossierStatus,
) => DossierStatus;
const same = (status: DossierStatus): DossierStatus => status;

/**
 * The status machine, one row per event type: the status a dossier in `status` has after the event. The state's
 * evolve() and the read model's row fold both take the status from here. A council vote without quorum sends the
 * dossier back where the event says (`returnedTo`); events recorded before it said so ask `quorumless`, which the
 * caller answers from what it knows (the state its route step, the read model its row's route).
 */
const STATUS_AFTER: { [T in DossierEvent['type']]: StatusOf<T> } = {
  DossierCreated: () => 'DRAFT',
  DossierContentUpdated: same,
  DossierSubmitted: () => 'UNIT_REVIEW',
  UnitApproved: () => 'APPRAISAL',
  DossierReturned: () => 'RETURNED',
  AppraisalAccepted: same,
  CouncilRetryClockStarted: same,
  CouncilVotingOpened: () => 'COUNCIL_VOTING',
  ScheduledForCouncil: () => 'COUNCIL_VOTING',
  VoteCast: same,
  CouncilVotingClosed: (_, e, quorumless) =>
    !e.data.quorumMet ? (e.data.returnedTo ?? quorumless()) : e.data.passed ? 'AWAITING_DECISION' : 'REJECTED',
  DossierAwarded: () => 'AWARDED',
  DossierRejected: () => 'REJECTED',
  DossierWithdrawn: () => 'WITHDRAWN',
  AppraisalClockStarted: same,
  SupplementRequested: () => 'SUPPLEMENT_REQUESTED',
  AppraisalClockPaused: same,
  SupplementProvided: () => 'APPRAISAL',
  AppraisalClockResumed: same,
  AppraisalDeadlineReminded: same,
  AppraisalOverdue: same,
  PublicPostingOpened: () => 'PUBLIC_POSTING',
  ObjectionRecorded: same,
  PublicPostingClosed: (_, e) => (e.data.objections > 0 ? 'COMPLAINT_REVIEW' : 'READY_FOR_COUNCIL'),
  ObjectionReviewRecorded: () => 'READY_FOR_COUNCIL',
  ProposalSigned: () => 'FORWARDED_TO_CENTRE',
  CentralStageOpened: () => 'MOHA_APPRAISAL',
  HiepYRecorded: same,
  CentralSupplementRequested: () => 'CENTRAL_SUPPLEMENT_REQUESTED',
  CentralSupplementProvided: () => 'MOHA_APPRAISAL',
  CentralAppraisalAccepted: (_, e) => (e.data.consultation ? 'MOHA_PUBLIC_CONSULTATION' : 'SUBMITTED_TO_PM'),
  CentralConsultationClosed: () => 'CENTRAL_COUNCIL_STANDING_REVIEW',
  StandingReviewRecorded: (status, e) => (!e.data.quorumMet ? status : e.data.passed ? 'SUBMITTED_TO_PM' : 'REJECTED'),
  ProposedToPresident: () => 'SUBMITTED_TO_PRESIDENT',
  AwardRevoked: () => 'REVOKED',
  RecoveryTasksOpened: () => 'RECOVERY_PENDING',
  RecoveryRecorded: same,
  RecoveryCompleted: () => 'CLOSED',
};

/** The status after `event` of a dossier in `status` (see STATUS_AFTER). */
export function statusAfter(
  status: DossierStatus,
  event: DossierEvent,
  quorumless: () => DossierStatus,
): DossierStatus {
  return (STATUS_AFTER[event.type] as StatusOf<DossierEvent['type']>)(status, event, quorumless);
}

/** Applies one event to the state. Pure and total: every event type has exactly one effect. */
export function evolve(state: DossierState, event: DossierEvent): DossierState {
  const next: DossierState = { ...state, seq: state.seq + 1 };
  const status = statusAfter(state.status, event, () =>
    quorumlessReturnsTo(next, routeOf(next.awardCode) ?? 'PROVINCIAL'),
  );
  switch (event.type) {
    case 'DossierCreated': {
      const { record, parts, ...rest } = event.data;
      return { ...next, status, ...rest, record: record ?? next.record, parts: parts ?? next.parts };
    }
    case 'DossierContentUpdated': {
      const { title, achievements, record, parts } = event.data;
      return {
        ...next,
        ...(title ? { title } : {}),
        ...(achievements ? { achievements } : {}),
        ...(record ? { record } : {}),
        ...(parts ? { parts } : {}),
      };
    }
    case 'DossierSubmitted':
      return {
        ...next,
        status,
        ruleSetVersion: event.data.ruleSetVersion,
        ...(event.data.ruleSet ? { ruleSet: event.data.ruleSet } : {}),
        returnReason: undefined,
      };
    case 'UnitApproved':
      return { ...next, status };
    case 'DossierReturned':
      return {
        ...next,
        status,
        returnReason: event.data.reason,
        council: undefined,
        appraisal: undefined,
        supplement: undefined,
      };
    case 'AppraisalAccepted':
      return { ...next, appraisal: undefined };
    case 'CouncilRetryClockStarted':
      return { ...next, councilRetry: { deadline: event.data.deadline } };
    case 'CouncilVotingOpened':
      return {
        councilRetry: undefined,
        ...next,
        status,
        council: {
          members: event.data.members,
          rule: event.data.rule,
          votes: [],
          ...(event.data.deadline ? { deadline: event.data.deadline } : {}),
        },
      };
    case 'ScheduledForCouncil':
      return {
        ...next,
        councilRetry: undefined,
        status,
        appraisal: undefined,
        council: { members: event.data.members, rule: event.data.rule, votes: [], sessionId: event.data.sessionId },
      };
    case 'VoteCast':
      return next.council
        ? { ...next, council: { ...next.council, votes: [...next.council.votes, event.data] } }
        : next;
    case 'CouncilVotingClosed':
      // Without quorum nothing was decided: the secretariat (the unit head, for a grassroots award) opens voting again.
      if (!event.data.quorumMet)
        return {
          ...next,
          status,
          council: undefined,
        };
      return {
        ...next,
        status,
        ...(event.data.passed ? {} : { rejectionReason: COUNCIL_REJECTED_REASON }),
      };
    case 'DossierAwarded':
      return { ...next, status, decision: event.data.decision };
    case 'DossierRejected':
      return { ...next, status, rejectionReason: event.data.reason };
    case 'DossierWithdrawn':
      return { ...next, status };
    case 'AppraisalClockStarted':
      return { ...next, appraisal: { deadline: event.data.deadline, reminded: false, overdue: false } };
    case 'SupplementRequested':
      return { ...next, status, supplement: { ...event.data } };
    case 'AppraisalClockPaused':
      return {
        ...next,
        appraisal: { reminded: false, overdue: next.appraisal?.overdue ?? false, remainingWD: event.data.remainingWD },
      };
    case 'SupplementProvided':
      return {
        ...next,
        status,
        supplement: undefined,
        ...(event.data.parts ? { parts: event.data.parts } : {}),
      };
    case 'AppraisalClockResumed':
      return {
        ...next,
        appraisal: { deadline: event.data.deadline, reminded: false, overdue: next.appraisal?.overdue ?? false },
      };
    case 'AppraisalDeadlineReminded':
      return next.appraisal ? { ...next, appraisal: { ...next.appraisal, reminded: true } } : next;
    case 'AppraisalOverdue':
      return next.appraisal ? { ...next, appraisal: { ...next.appraisal, reminded: true, overdue: true } } : next;
    case 'PublicPostingOpened':
      return {
        ...next,
        status,
        appraisal: undefined,
        posting: { deadline: event.data.deadline, workingDays: event.data.workingDays, objections: [] },
      };
    case 'ObjectionRecorded':
      return next.posting
        ? { ...next, posting: { ...next.posting, objections: [...next.posting.objections, event.data] } }
        : next;
    case 'PublicPostingClosed':
      return { ...next, status };
    case 'ObjectionReviewRecorded':
      return {
        ...next,
        status,
        ...(next.posting ? { posting: { ...next.posting, review: event.data } } : {}),
      };
    case 'ProposalSigned':
      return { ...next, status, proposal: event.data.proposal };
    case 'CentralStageOpened':
      return { ...next, status, central: { ...event.data } };
    case 'HiepYRecorded':
      return next.central ? { ...next, central: { ...next.central, hiepY: event.data } } : next;
    case 'CentralSupplementRequested':
      return { ...next, status, supplement: { ...event.data, deadline: '' } };
    case 'CentralSupplementProvided':
      return {
        ...next,
        status,
        supplement: undefined,
        ...(event.data.parts ? { parts: event.data.parts } : {}),
      };
    case 'CentralAppraisalAccepted': {
      const { consultation } = event.data;
      return {
        ...next,
        status,
        ...(consultation && next.central ? { central: { ...next.central, consultation } } : {}),
      };
    }
    case 'CentralConsultationClosed':
      return { ...next, status };
    case 'StandingReviewRecorded':
      if (!event.data.quorumMet) return next;
      next.councilRetry = undefined;
      return event.data.passed
        ? { ...next, status }
        : {
            ...next,
            status,
            rejectionReason: STANDING_REVIEW_REJECTED_REASON,
          };
    case 'ProposedToPresident':
      return { ...next, status };
    case 'AwardRevoked': {
      const { ground, reason, decisionRef, revokedOn } = event.data;
      return {
        ...next,
        status,
        revocation: { ground, reason, decisionRef, revokedOn, tasks: [], recovered: [] },
      };
    }
    case 'RecoveryTasksOpened':
      return next.revocation ? { ...next, status, revocation: { ...next.revocation, tasks: event.data.tasks } } : next;
    case 'RecoveryRecorded':
      return next.revocation
        ? { ...next, revocation: { ...next.revocation, recovered: [...next.revocation.recovered, event.data] } }
        : next;
    case 'RecoveryCompleted':
      return next.revocation
        ? { ...next, status, revocation: { ...next.revocation, completedOn: event.data.completedOn } }
        : { ...next, status };
  }
}

export const evolveAll = (state: DossierState, events: readonly DossierEvent[]): DossierState =>
  events.reduce(evolve, state);
