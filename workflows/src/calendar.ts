import { calendarWithYears, type CalendarYear, type HolidayCalendar } from '@tdkt/domain';

/**
 * The holiday calendar a workflow computes deadlines with. The operator's calendar files are read by the API, which
 * attaches their years to every command it sends (`calendarYears`); the workflow keeps the last ones it received.
 * They travel in the update's arguments, so a replay sees the same data and computes the same dates, and a running
 * dossier picks up a new year's file with its next command. Histories without them use the shipped calendar.
 */
export class WorkflowCalendar {
  /** The years received last, as JSON: the same files on every command rebuild nothing. */
  private key = '[]';
  private built: HolidayCalendar = calendarWithYears();

  /** The calendar for a command: the years it carries, or the last ones received. */
  for(request: { calendarYears?: CalendarYear[] }): HolidayCalendar {
    if (!request.calendarYears || JSON.stringify(request.calendarYears) === this.key) return this.built;
    return calendarWithYears(request.calendarYears);
  }

  /** Keeps the command's years (called once the command runs, not in the validator). */
  adopt(request: { calendarYears?: CalendarYear[] }): HolidayCalendar {
    const key = request.calendarYears && JSON.stringify(request.calendarYears);
    if (key && key !== this.key) {
      this.key = key;
      this.built = calendarWithYears(request.calendarYears);
    }
    return this.built;
  }

  current(): HolidayCalendar {
    return this.built;
  }
}
