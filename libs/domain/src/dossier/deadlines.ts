import {
  addWorkingDaysProvisionally,
  VIETNAM_CALENDAR,
  workingDayBeforeProvisionally,
  workingDaysBetweenProvisionally,
  type HolidayCalendar,
  type ProvisionalDate,
} from '../calendar/working-days';
import { ruleSetOf } from '../rule-set/select';
import type { DossierCommand } from './commands';
import type { DossierState } from './types';

const DAY = 86_400_000;
const VN_OFFSET = 7 * 3_600_000;

/** The instant a working-day deadline passes: the end of that day in Hà Nội (00:00 of the next day, UTC+7). */
export function endOfDayInVietnam(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) + DAY - VN_OFFSET;
}

/**
 * A deadline `n` working days after `today`. Never refused: past the holiday calendar's years the days count
 * Monday–Friday (weekends only) and the result is flagged provisional, which the event records (`deadlineProvisional`).
 */
export function deadlineAfter(today: string, n: number, calendar: HolidayCalendar = VIETNAM_CALENDAR): ProvisionalDate {
  return addWorkingDaysProvisionally(today, n, calendar);
}

/** The event field that flags a deadline computed past the calendar; nothing when the calendar covered it. */
export const provisionalFlag = (deadline: ProvisionalDate): { deadlineProvisional?: true } =>
  deadline.provisional ? { deadlineProvisional: true } : {};

export function remainingWorkingDays(
  today: string,
  deadline: string,
  calendar: HolidayCalendar = VIETNAM_CALENDAR,
): number {
  return Math.max(0, workingDaysBetweenProvisionally(today, deadline, calendar).days);
}

export interface PendingTimer {
  dueAt: number;
  command: DossierCommand;
}

/**
 * The next thing the engine itself must do for a dossier, and when: expire a supplement request, remind before the
 * appraisal deadline, escalate an overdue appraisal, close council voting. Pure: the workflow sleeps until dueAt and
 * issues the command through the same decide → append → evolve path as any user command.
 */
export function pendingTimer(
  state: DossierState,
  calendar: HolidayCalendar = VIETNAM_CALENDAR,
): PendingTimer | undefined {
  const ruleSet = ruleSetOf(state);
  if (!ruleSet) return undefined;
  if (state.status === 'SUPPLEMENT_REQUESTED' && state.supplement)
    return { dueAt: endOfDayInVietnam(state.supplement.deadline), command: { type: 'ExpireSupplement', data: {} } };
  if (state.status === 'APPRAISAL' && state.appraisal?.deadline && !state.appraisal.overdue) {
    const deadline = state.appraisal.deadline;
    if (!state.appraisal.reminded) {
      // Remind at the start of the working day `reminderBeforeWD` days before the deadline.
      const remindOn = reminderDate(deadline, ruleSet.deadlines.reminderBeforeWD, calendar);
      if (remindOn)
        return { dueAt: endOfDayInVietnam(remindOn) - DAY, command: { type: 'RemindAppraisalDeadline', data: {} } };
    }
    return { dueAt: endOfDayInVietnam(deadline), command: { type: 'EscalateOverdueAppraisal', data: {} } };
  }
  // State route: the public posting (rule 23) and the Ministry's public consultation (rule 24) end on their own.
  if (state.status === 'PUBLIC_POSTING' && state.posting)
    return { dueAt: endOfDayInVietnam(state.posting.deadline), command: { type: 'ClosePublicPosting', data: {} } };
  if (state.status === 'MOHA_PUBLIC_CONSULTATION' && state.central?.consultation)
    return {
      dueAt: endOfDayInVietnam(state.central.consultation.deadline),
      command: { type: 'CloseCentralConsultation', data: {} },
    };
  if (state.status === 'COUNCIL_VOTING' && state.council?.deadline)
    return { dueAt: endOfDayInVietnam(state.council.deadline), command: { type: 'CloseCouncilVoting', data: {} } };
  return undefined;
}

/** The working day `n` working days before `deadline` (weekends only past the calendar, like the deadline itself). */
function reminderDate(deadline: string, n: number, calendar: HolidayCalendar): string | undefined {
  return n > 0 ? workingDayBeforeProvisionally(deadline, n, calendar).date : deadline;
}
