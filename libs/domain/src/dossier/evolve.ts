import type { DossierEvent } from './events';
import { councilStepOf, routeOf } from './route';
import type { Route } from '../award/catalog';
import type { DossierState, DossierStatus } from './types';

/** Where a council vote without quorum sends the dossier back to, to be put to the council again. */
const quorumlessReturnsTo = (state: DossierState, route: Route): DossierStatus =>
  route === 'GRASSROOTS' ? 'UNIT_REVIEW' : councilStepOf(state);

/** Applies one event to the state. Pure and total: every event type has exactly one effect. */
export function evolve(state: DossierState, event: DossierEvent): DossierState {
  const next: DossierState = { ...state, seq: state.seq + 1 };
  switch (event.type) {
    case 'DossierCreated': {
      const { record, parts, ...rest } = event.data;
      return { ...next, status: 'DRAFT', ...rest, record: record ?? next.record, parts: parts ?? next.parts };
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
        status: 'UNIT_REVIEW',
        ruleSetVersion: event.data.ruleSetVersion,
        ...(event.data.ruleSet ? { ruleSet: event.data.ruleSet } : {}),
        returnReason: undefined,
      };
    case 'UnitApproved':
      return { ...next, status: 'APPRAISAL' };
    case 'DossierReturned':
      return {
        ...next,
        status: 'RETURNED',
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
        status: 'COUNCIL_VOTING',
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
        status: 'COUNCIL_VOTING',
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
          status: event.data.returnedTo ?? quorumlessReturnsTo(next, routeOf(next.awardCode) ?? 'PROVINCIAL'),
          council: undefined,
        };
      return {
        ...next,
        status: event.data.passed ? 'AWAITING_DECISION' : 'REJECTED',
        ...(event.data.passed ? {} : { rejectionReason: 'Council did not pass the dossier' }),
      };
    case 'DossierAwarded':
      return { ...next, status: 'AWARDED', decision: event.data.decision };
    case 'DossierRejected':
      return { ...next, status: 'REJECTED', rejectionReason: event.data.reason };
    case 'DossierWithdrawn':
      return { ...next, status: 'WITHDRAWN' };
    case 'AppraisalClockStarted':
      return { ...next, appraisal: { deadline: event.data.deadline, reminded: false, overdue: false } };
    case 'SupplementRequested':
      return { ...next, status: 'SUPPLEMENT_REQUESTED', supplement: { ...event.data } };
    case 'AppraisalClockPaused':
      return {
        ...next,
        appraisal: { reminded: false, overdue: next.appraisal?.overdue ?? false, remainingWD: event.data.remainingWD },
      };
    case 'SupplementProvided':
      return {
        ...next,
        status: 'APPRAISAL',
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
        status: 'PUBLIC_POSTING',
        appraisal: undefined,
        posting: { deadline: event.data.deadline, workingDays: event.data.workingDays, objections: [] },
      };
    case 'ObjectionRecorded':
      return next.posting
        ? { ...next, posting: { ...next.posting, objections: [...next.posting.objections, event.data] } }
        : next;
    case 'PublicPostingClosed':
      return { ...next, status: event.data.objections > 0 ? 'COMPLAINT_REVIEW' : 'READY_FOR_COUNCIL' };
    case 'ObjectionReviewRecorded':
      return {
        ...next,
        status: 'READY_FOR_COUNCIL',
        ...(next.posting ? { posting: { ...next.posting, review: event.data } } : {}),
      };
    case 'ProposalSigned':
      return { ...next, status: 'FORWARDED_TO_CENTRE', proposal: event.data.proposal };
    case 'CentralStageOpened':
      return { ...next, status: 'MOHA_APPRAISAL', central: { ...event.data } };
    case 'HiepYRecorded':
      return next.central ? { ...next, central: { ...next.central, hiepY: event.data } } : next;
    case 'CentralSupplementRequested':
      return { ...next, status: 'CENTRAL_SUPPLEMENT_REQUESTED', supplement: { ...event.data, deadline: '' } };
    case 'CentralSupplementProvided':
      return {
        ...next,
        status: 'MOHA_APPRAISAL',
        supplement: undefined,
        ...(event.data.parts ? { parts: event.data.parts } : {}),
      };
    case 'CentralAppraisalAccepted': {
      const { consultation } = event.data;
      return {
        ...next,
        status: consultation ? 'MOHA_PUBLIC_CONSULTATION' : 'SUBMITTED_TO_PM',
        ...(consultation && next.central ? { central: { ...next.central, consultation } } : {}),
      };
    }
    case 'CentralConsultationClosed':
      return { ...next, status: 'CENTRAL_COUNCIL_STANDING_REVIEW' };
    case 'StandingReviewRecorded':
      if (!event.data.quorumMet) return next;
      next.councilRetry = undefined;
      return event.data.passed
        ? { ...next, status: 'SUBMITTED_TO_PM' }
        : {
            ...next,
            status: 'REJECTED',
            rejectionReason: 'The Central Council standing committee did not pass the dossier',
          };
    case 'ProposedToPresident':
      return { ...next, status: 'SUBMITTED_TO_PRESIDENT' };
    case 'AwardRevoked': {
      const { ground, reason, decisionRef, revokedOn } = event.data;
      return {
        ...next,
        status: 'REVOKED',
        revocation: { ground, reason, decisionRef, revokedOn, tasks: [], recovered: [] },
      };
    }
    case 'RecoveryTasksOpened':
      return next.revocation
        ? { ...next, status: 'RECOVERY_PENDING', revocation: { ...next.revocation, tasks: event.data.tasks } }
        : next;
    case 'RecoveryRecorded':
      return next.revocation
        ? { ...next, revocation: { ...next.revocation, recovered: [...next.revocation.recovered, event.data] } }
        : next;
    case 'RecoveryCompleted':
      return next.revocation
        ? { ...next, status: 'CLOSED', revocation: { ...next.revocation, completedOn: event.data.completedOn } }
        : { ...next, status: 'CLOSED' };
  }
}

export const evolveAll = (state: DossierState, events: readonly DossierEvent[]): DossierState =>
  events.reduce(evolve, state);
