import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  calendarCoverage,
  calendarWithYears,
  validateCalendarYear,
  vietnamDate,
  type CalendarCoverage,
  type CalendarYear,
  type HolidayCalendar,
} from '@tdkt/domain';
import { ConfigError } from './config-error';
import { readOperatorJson } from './operator-files';

type Env = Record<string, string | undefined>;

/**
 * The holiday calendar as operator data: one JSON file per year (see README "Holiday calendar"), listed in
 * TDKT_CALENDAR_FILES (comma-separated) and/or every `*.json` in TDKT_CALENDAR_DIR. Read and checked once at start-up:
 * a bad file stops the process with the file and the field named. A file's year is added to the shipped years, or
 * replaces a shipped year as a whole (e.g. 2027 once it is announced).
 */
export interface OperatorCalendar {
  /** The files read, in the order they were applied. */
  files: string[];
  /** The years the files hold, for the API to attach to commands (the workflows compute deadlines with them). */
  years: CalendarYear[];
  /** The shipped calendar with the files' years. */
  calendar: HolidayCalendar;
}

export function calendarFilesFrom(env: Env = process.env): { files: string[]; problems: string[] } {
  const problems: string[] = [];
  const files = (env.TDKT_CALENDAR_FILES ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const dir = env.TDKT_CALENDAR_DIR?.trim();
  if (dir) {
    try {
      if (!statSync(dir).isDirectory()) problems.push(`TDKT_CALENDAR_DIR: ${dir} is not a folder`);
      else
        files.push(
          ...readdirSync(dir)
            .filter((f) => f.endsWith('.json'))
            .sort()
            .map((f) => join(dir, f)),
        );
    } catch {
      problems.push(`TDKT_CALENDAR_DIR: ${dir} does not exist`);
    }
  }
  return { files, problems };
}

/** Reads and checks the operator's calendar files; throws ConfigError naming every bad file and field. */
export function loadOperatorCalendar(env: Env = process.env): OperatorCalendar {
  const { files, problems } = calendarFilesFrom(env);
  const years: CalendarYear[] = [];
  const fileOfYear = new Map<number, string>();
  for (const file of files) {
    const parsed = readOperatorJson(file, problems);
    if (parsed === undefined) continue;
    const checked = validateCalendarYear(parsed);
    if (!checked.ok) {
      problems.push(...checked.problems.map((p) => `${file}: ${p}`));
      continue;
    }
    const other = fileOfYear.get(checked.value.year);
    if (other) problems.push(`${file}: year ${checked.value.year} is already given by ${other}`);
    else {
      fileOfYear.set(checked.value.year, file);
      years.push(checked.value);
    }
  }
  if (problems.length) throw new ConfigError(problems.map((p) => `holiday calendar: ${p}`));
  years.sort((a, b) => a.year - b.year);
  return { files, years, calendar: calendarWithYears(years) };
}

/** How long the calendar lasts from today in Hà Nội, with the warning to log when it runs out within 90 days. */
export function calendarCoverageToday(calendar: HolidayCalendar, now: number = Date.now()): CalendarCoverage {
  return calendarCoverage(calendar, vietnamDate(now));
}
