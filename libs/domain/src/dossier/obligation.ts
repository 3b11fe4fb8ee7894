/**
 * Who holds a dossier and by when (the domain names both; read models store them). A council without quorum sends the
 * dossier back with a new clock, so no non-final state is left without a due date.
 */
import { VIETNAM_CALENDAR, type HolidayCalendar } from '../calendar/working-days';
import type { Tally } from '../council/tally';
import { appraisalWDFor, ruleSetOf, vietnamDate } from '../rule-set/select';
import type { RuleSet } from '../rule-set/types';
import { deadlineAfter, provisionalFlag } from './deadlines';
import type { DossierEvent } from './events';
import { councilStepOf, routeOf } from './route';
import { progressOf } from './progress';
import { FINAL_STATUSES, type CommandContext, type DossierState, type DossierStatus } from './types';

/** Where a council without quorum sends the dossier: the unit's council again, or where the council takes it up. */
export function quorumlessReturnsTo(state: DossierState): DossierStatus {
  return routeOf(state.awardCode) === 'GRASSROOTS' ? 'UNIT_REVIEW' : councilStepOf(state);
}

/** The council retry period of a rule set ([U], default 10 WD); old snapshots lack it. */
export const councilRetryWDOf = (ruleSet: RuleSet): number => ruleSet.deadlines.councilRetryWD ?? 10;

/**
 * Closes a council's voting. With quorum: the result. Without: the dossier goes back (`returnedTo`, named here so the
 * read side does not re-derive it) with a new clock — the appraisal clock when it returns to the secretariat's
 * appraisal, else the council retry clock.
 */
export function closeCouncil(
  state: DossierState,
  result: Tally & { sessionId?: string },
  { now, calendar }: Pick<CommandContext, 'now' | 'calendar'>,
): DossierEvent[] {
  if (result.quorumMet) return [{ type: 'CouncilVotingClosed', data: result }];
  const returnedTo = quorumlessReturnsTo(state);
  const closed: DossierEvent = { type: 'CouncilVotingClosed', data: { ...result, returnedTo } };
  const ruleSet = ruleSetOf(state);
  if (!ruleSet) return [closed];
  const today = vietnamDate(now);
  if (returnedTo === 'APPRAISAL') {
    const workingDays = appraisalWDFor(ruleSet, state.awardCode);
    const deadline = deadlineAfter(today, workingDays, calendar);
    return [
      closed,
      { type: 'AppraisalClockStarted', data: { deadline: deadline.date, workingDays, ...provisionalFlag(deadline) } },
    ];
  }
  return [closed, councilRetryClock(ruleSet, today, calendar)];
}

/** The clock to put a dossier to a council (or the Central Council's standing committee) again. */
export function councilRetryClock(ruleSet: RuleSet, today: string, calendar?: HolidayCalendar): DossierEvent {
  const workingDays = councilRetryWDOf(ruleSet);
  const deadline = deadlineAfter(today, workingDays, calendar);
  return {
    type: 'CouncilRetryClockStarted',
    data: { deadline: deadline.date, workingDays, ...provisionalFlag(deadline) },
  };
}

/**
 * [U] Working days the holder has in a stage the law gives no clock of its own (no source found; defaults a province's
 * legal officer verifies). MoHA appraisal: the historical 10 WD (rule 29).
 */
export const STAGE_WD: Readonly<Partial<Record<DossierStatus, number>>> = {
  DRAFT: 10,
  RETURNED: 10,
  UNIT_REVIEW: 5,
  READY_FOR_COUNCIL: 10,
  COMPLAINT_REVIEW: 10,
  COUNCIL_VOTING: 10,
  FORWARDED_TO_CENTRE: 10,
  MOHA_APPRAISAL: 10,
  CENTRAL_SUPPLEMENT_REQUESTED: 10,
  CENTRAL_COUNCIL_STANDING_REVIEW: 10,
  SUBMITTED_TO_PM: 10,
  SUBMITTED_TO_PRESIDENT: 10,
  REVOKED: 10,
  RECOVERY_PENDING: 30,
};

/**
 * The legal clocks a dossier can have running, each the date its holder must act by: what the read model stores as a
 * row's deadline kind.
 */
export const DEADLINE_KINDS = [
  'APPRAISAL',
  'SUPPLEMENT',
  'COUNCIL_VOTING',
  'DECISION',
  'PUBLIC_POSTING',
  'CENTRAL_PUBLIC_CONSULTATION',
  'COUNCIL_RETRY',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Obligation {
  holder: string;
  /** ISO date by which the holder must act. */
  due: string;
  /** Which clock gives the date. */
  clock: string;
}

/**
 * Who holds a non-final dossier and its due date: the running legal clock (appraisal, supplement, posting, council,
 * the Ministry's consultation, a council retry), else the stage's period from the day the stage began
 * (`stageStartedOn`, the date of the event that entered it; the decision's own period for AWAITING_DECISION).
 * Undefined for a final dossier (AWARDED, REJECTED, WITHDRAWN, CLOSED).
 */
export function obligationOf(
  state: DossierState,
  stageStartedOn: string,
  calendar: HolidayCalendar = VIETNAM_CALENDAR,
): Obligation | undefined {
  if (FINAL_STATUSES.includes(state.status) || state.status === 'CLOSED' || state.status === 'NEW') return undefined;
  const route = routeOf(state.awardCode) ?? 'PROVINCIAL';
  const holder = progressOf(state.status, route, state.appraisal?.overdue ?? false).holder ?? 'UNKNOWN';
  const running = runningClock(state);
  if (running) return { holder, due: running.due, clock: running.clock };
  const ruleSet = ruleSetOf(state);
  const days =
    state.status === 'AWAITING_DECISION' ? (ruleSet?.deadlines.decisionWD ?? 10) : (STAGE_WD[state.status] ?? 10);
  return {
    holder,
    due: deadlineAfter(stageStartedOn, days, calendar).date,
    clock: `${state.status} (${days} WD from ${stageStartedOn})`,
  };
}

function runningClock(state: DossierState): { due: string; clock: DeadlineKind } | undefined {
  switch (state.status) {
    case 'APPRAISAL':
      return state.appraisal?.deadline ? { due: state.appraisal.deadline, clock: 'APPRAISAL' } : undefined;
    case 'SUPPLEMENT_REQUESTED':
      return state.supplement?.deadline ? { due: state.supplement.deadline, clock: 'SUPPLEMENT' } : undefined;
    case 'PUBLIC_POSTING':
      return state.posting ? { due: state.posting.deadline, clock: 'PUBLIC_POSTING' } : undefined;
    case 'COUNCIL_VOTING':
      return state.council?.deadline ? { due: state.council.deadline, clock: 'COUNCIL_VOTING' } : undefined;
    case 'MOHA_PUBLIC_CONSULTATION':
      return state.central?.consultation
        ? { due: state.central.consultation.deadline, clock: 'CENTRAL_PUBLIC_CONSULTATION' }
        : undefined;
    case 'UNIT_REVIEW':
    case 'READY_FOR_COUNCIL':
    case 'CENTRAL_COUNCIL_STANDING_REVIEW':
      return state.councilRetry ? { due: state.councilRetry.deadline, clock: 'COUNCIL_RETRY' } : undefined;
    default:
      return undefined;
  }
}
