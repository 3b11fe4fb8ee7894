import { addWorkingDays, CalendarOutOfRangeError, isWorkingDay, VIETNAM_CALENDAR, workingDaysBetween, type HolidayCalendar } from '../calendar/working-days';
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

/** A deadline `n` working days after `today`, or an error message when the calendar has no data for the years. */
export function deadlineAfter(today: string, n: number, calendar: HolidayCalendar = VIETNAM_CALENDAR): { ok: true; date: string } | { ok: false; message: string } {
  try {
    return { ok: true, date: addWorkingDays(today, n, calendar) };
  } catch (e) {
    if (e instanceof CalendarOutOfRangeError) return { ok: false, message: e.message };
    throw e;
  }
}

export function remainingWorkingDays(today: string, deadline: string, calendar: HolidayCalendar = VIETNAM_CALENDAR): number {
  return Math.max(0, workingDaysBetween(today, deadline, calendar));
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
export function pendingTimer(state: DossierState, calendar: HolidayCalendar = VIETNAM_CALENDAR): PendingTimer | undefined {
  const ruleSet = ruleSetOf(state);
  if (!ruleSet) return undefined;
  if (state.status === 'SUPPLEMENT_REQUESTED' && state.supplement)
    return { dueAt: endOfDayInVietnam(state.supplement.deadline), command: { type: 'ExpireSupplement', data: {} } };
  if (state.status === 'APPRAISAL' && state.appraisal?.deadline && !state.appraisal.overdue) {
    const deadline = state.appraisal.deadline;
    if (!state.appraisal.reminded) {
      // Remind at the start of the working day `reminderBeforeWD` days before the deadline.
      const remindOn = reminderDate(deadline, ruleSet.deadlines.reminderBeforeWD, calendar);
      if (remindOn) return { dueAt: endOfDayInVietnam(remindOn) - DAY, command: { type: 'RemindAppraisalDeadline', data: {} } };
    }
    return { dueAt: endOfDayInVietnam(deadline), command: { type: 'EscalateOverdueAppraisal', data: {} } };
  }
  // State route: the public posting (rule 23) and the Ministry's public consultation (rule 24) end on their own.
  if (state.status === 'PUBLIC_POSTING' && state.posting)
    return { dueAt: endOfDayInVietnam(state.posting.deadline), command: { type: 'ClosePublicPosting', data: {} } };
  if (state.status === 'MOHA_PUBLIC_CONSULTATION' && state.central?.consultation)
    return { dueAt: endOfDayInVietnam(state.central.consultation.deadline), command: { type: 'CloseCentralConsultation', data: {} } };
  if (state.status === 'COUNCIL_VOTING' && state.council?.deadline)
    return { dueAt: endOfDayInVietnam(state.council.deadline), command: { type: 'CloseCouncilVoting', data: {} } };
  return undefined;
}

/** The working day `n` working days before `deadline` (walking back day by day), or undefined outside the calendar. */
function reminderDate(deadline: string, n: number, calendar: HolidayCalendar): string | undefined {
  try {
    let day = deadline;
    let left = n;
    while (left > 0) {
      day = new Date(endOfDayInVietnam(day) + VN_OFFSET - 2 * DAY).toISOString().slice(0, 10);
      if (isWorkingDay(day, calendar)) left--;
    }
    return day;
  } catch (e) {
    if (e instanceof CalendarOutOfRangeError) return undefined;
    throw e;
  }
}
