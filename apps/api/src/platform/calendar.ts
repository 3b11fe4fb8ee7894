import { Injectable, Logger } from '@nestjs/common';
import { calendarCoverageToday, loadOperatorCalendar, type OperatorCalendar } from '@tdkt/config';
import type { CalendarCoverage, CalendarYear } from '@tdkt/domain';

/**
 * The holiday calendar: the shipped years plus the operator's year files (TDKT_CALENDAR_FILES, TDKT_CALENDAR_DIR),
 * read and checked once at start-up — a bad file stops the API with the file and the field named. The years go with
 * every command to the workflows, which compute the deadlines; a calendar that runs out within 90 days is logged at
 * start-up and shown by /api/health.
 */
@Injectable()
export class HolidayCalendarProvider {
  private readonly operator: OperatorCalendar = loadOperatorCalendar();

  constructor() {
    const logger = new Logger('HolidayCalendar');
    const coverage = this.coverage();
    if (this.operator.files.length) logger.log(`calendar files: ${this.operator.files.join(', ')}`);
    if (coverage.warning) logger.warn(coverage.warning);
  }

  /** The years from the operator's files, attached to each command (empty without files). */
  get years(): CalendarYear[] {
    return this.operator.years;
  }

  coverage(now = Date.now()): CalendarCoverage {
    return calendarCoverageToday(this.operator.calendar, now);
  }
}
