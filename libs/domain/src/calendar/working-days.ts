import { VIETNAM_HOLIDAY_YEARS, VIETNAM_HOLIDAYS, type HolidayEntry } from './holidays';

/**
 * Working days (ngày làm việc) in Viet Nam: Monday–Friday minus holidays, compensatory and swapped days off, plus the
 * weekend days worked back (làm bù). Dates are ISO strings (YYYY-MM-DD) already in Asia/Ho_Chi_Minh; arithmetic is on
 * whole UTC day numbers. This module is bundled into Temporal workflows, so it never reads the clock or a time zone.
 *
 * Deadline convention: "n working days after D" is the n-th working day strictly after D. D itself never counts,
 * working day or not, so workingDaysBetween(D, addWorkingDays(D, n)) === n for every n ≥ 1.
 *
 * Every date given, and every date a computation walks over, must lie in a year the calendar has data for; otherwise
 * CalendarOutOfRangeError. A deadline must not silently treat Tết as ordinary working days.
 */

export class CalendarOutOfRangeError extends Error {
  constructor(
    readonly year: number,
    readonly coveredYears: readonly number[],
  ) {
    super(`The working-day calendar has no holiday data for ${year} (it covers ${coveredYears.join(', ')}); add ${year}'s holidays before computing dates in it`);
    this.name = 'CalendarOutOfRangeError';
  }
}

export class InvalidDateError extends Error {
  constructor(readonly value: string) {
    super(`Not a calendar date in the form YYYY-MM-DD: "${value}"`);
    this.name = 'InvalidDateError';
  }
}

/** Holiday data that contradicts itself, e.g. a make-up working day on a Wednesday. */
export class InvalidCalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCalendarError';
  }
}

/** The holiday entries of the years it covers, indexed by date. Build it with buildCalendar. */
export interface HolidayCalendar {
  /** Sorted; a date in any other year is refused. */
  readonly years: readonly number[];
  readonly entries: readonly HolidayEntry[];
  readonly byDate: ReadonlyMap<string, readonly HolidayEntry[]>;
}

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface DayDescription {
  date: string;
  weekday: Weekday;
  working: boolean;
  /** The entries that make the day what it is; empty for an ordinary weekday or weekend day. */
  entries: readonly HolidayEntry[];
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Days since 1970-01-01 of an ISO date; rejects malformed and impossible dates such as 2025-02-30. */
function toDay(date: string): number {
  const match = ISO_DATE.exec(date);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : NaN;
  if (!Number.isInteger(day) || fromDay(day) !== date) throw new InvalidDateError(date);
  return day;
}

/** 1970-01-01 was a Thursday. */
const weekdayOf = (day: number): Weekday => ((((day + 4) % 7) + 7) % 7) as Weekday;
const isWeekend = (day: number): boolean => weekdayOf(day) === 0 || weekdayOf(day) === 6;
const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Index and check holiday entries, e.g. the shipped ones plus a province's own. `years` defaults to those the entries fall in. */
export function buildCalendar(entries: readonly HolidayEntry[], years?: readonly number[]): HolidayCalendar {
  const covered = [...new Set(years ?? entries.map((e) => yearOf(e.date)))].sort((a, b) => a - b);
  const byDate = new Map<string, HolidayEntry[]>();
  for (const entry of entries) {
    const day = toDay(entry.date);
    if (!covered.includes(yearOf(entry.date))) throw new InvalidCalendarError(`${entry.date} (${entry.nameEn}) lies outside the calendar's years ${covered.join(', ')}`);
    if (entry.kind === 'SWAPPED_WORKING_DAY' && !isWeekend(day))
      throw new InvalidCalendarError(`${entry.date} is a make-up working day but not a weekend day`);
    if ((entry.kind === 'COMPENSATORY_DAY_OFF' || entry.kind === 'SWAPPED_DAY_OFF') && isWeekend(day))
      throw new InvalidCalendarError(`${entry.date} is a ${entry.kind} but already a weekend day`);
    byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), entry]);
  }
  for (const [date, onDate] of byDate) {
    const working = onDate.filter((e) => e.kind === 'SWAPPED_WORKING_DAY').length;
    if (working > 0 && working < onDate.length) throw new InvalidCalendarError(`${date} is both a make-up working day and a day off`);
  }
  return { years: covered, entries: [...entries], byDate };
}

/** The shipped national calendar (holidays.ts), used when no calendar is passed. */
export const VIETNAM_CALENDAR: HolidayCalendar = buildCalendar(Object.values(VIETNAM_HOLIDAYS).flat(), VIETNAM_HOLIDAY_YEARS);

function workingOn(day: number, calendar: HolidayCalendar): boolean {
  const date = fromDay(day);
  ensureCovered(date, calendar);
  const entries = calendar.byDate.get(date) ?? [];
  if (entries.length > 0) return entries[0].kind === 'SWAPPED_WORKING_DAY';
  return !isWeekend(day);
}

function ensureCovered(date: string, calendar: HolidayCalendar): void {
  if (!calendar.years.includes(yearOf(date))) throw new CalendarOutOfRangeError(yearOf(date), calendar.years);
}

export function isWorkingDay(date: string, calendar: HolidayCalendar = VIETNAM_CALENDAR): boolean {
  return workingOn(toDay(date), calendar);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, calendar: HolidayCalendar = VIETNAM_CALENDAR): string {
  return addWorkingDays(date, 1, calendar);
}

/**
 * The n-th working day strictly after `date` (n ≥ 0). Adding 0 gives `date` itself when it is a working day and the
 * next working day when it is not: the day a clock starting on `date` actually starts.
 */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar = VIETNAM_CALENDAR): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`The number of working days must be a whole number ≥ 0, got ${n}`);
  let day = toDay(date);
  const startsOnWorkingDay = workingOn(day, calendar);
  if (n === 0 && startsOnWorkingDay) return date;
  // Adding 0 to a non-working day walks like adding 1: to the first working day after it.
  for (let left = Math.max(n, 1); left > 0; ) {
    day += 1;
    if (workingOn(day, calendar)) left -= 1;
  }
  return fromDay(day);
}

/** The working days in (from, to]; negative, the count in (to, from], when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar = VIETNAM_CALENDAR): number {
  const [a, b] = [toDay(from), toDay(to)];
  ensureCovered(from, calendar);
  ensureCovered(to, calendar);
  const [low, high] = a <= b ? [a, b] : [b, a];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) if (workingOn(day, calendar)) count += 1;
  return a <= b ? count : -count;
}

export function describeDay(date: string, calendar: HolidayCalendar = VIETNAM_CALENDAR): DayDescription {
  const day = toDay(date);
  return { date, weekday: weekdayOf(day), working: workingOn(day, calendar), entries: calendar.byDate.get(date) ?? [] };
}

/** The non-working days in (from, to], in order: what a deadline from `from` to `to` skipped. */
export function nonWorkingDaysBetween(from: string, to: string, calendar: HolidayCalendar = VIETNAM_CALENDAR): DayDescription[] {
  const [first, last] = [toDay(from) + 1, toDay(to)];
  const skipped: DayDescription[] = [];
  for (let day = first; day <= last; day += 1) {
    const description = describeDay(fromDay(day), calendar);
    if (!description.working) skipped.push(description);
  }
  return skipped;
}
