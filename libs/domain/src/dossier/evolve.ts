import type { DossierEvent } from './events';
import type { DossierState } from './types';

/** Applies one event to the state. Pure and total: every event type has exactly one effect. */
export function evolve(state: DossierState, event: DossierEvent): DossierState {
  const next: DossierState = { ...state, seq: state.seq + 1 };
  switch (event.type) {
    case 'DossierCreated':
      return { ...next, status: 'DRAFT', ...event.data };
    case 'DossierSubmitted':
      return { ...next, status: 'UNIT_REVIEW', ruleSetVersion: event.data.ruleSetVersion, returnReason: undefined };
    case 'UnitApproved':
      return { ...next, status: 'APPRAISAL' };
    case 'DossierReturned':
      return { ...next, status: 'RETURNED', returnReason: event.data.reason, council: undefined };
    case 'AppraisalAccepted':
      return next;
    case 'CouncilVotingOpened':
      return { ...next, status: 'COUNCIL_VOTING', council: { members: event.data.members, rule: event.data.rule, votes: [] } };
    case 'VoteCast':
      return next.council ? { ...next, council: { ...next.council, votes: [...next.council.votes, event.data] } } : next;
    case 'CouncilVotingClosed':
      return { ...next, status: event.data.passed ? 'AWAITING_DECISION' : 'REJECTED', ...(event.data.passed ? {} : { rejectionReason: 'Council did not pass the dossier' }) };
    case 'DossierAwarded':
      return { ...next, status: 'AWARDED', decision: event.data.decision };
    case 'DossierRejected':
      return { ...next, status: 'REJECTED', rejectionReason: event.data.reason };
    case 'DossierWithdrawn':
      return { ...next, status: 'WITHDRAWN' };
  }
}

export const evolveAll = (state: DossierState, events: readonly DossierEvent[]): DossierState => events.reduce(evolve, state);
