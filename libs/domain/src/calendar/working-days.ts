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
    super(
      `The working-day calendar has no holiday data for ${year} (it covers ${coveredYears.join(', ')}); add ${year}'s holidays before computing dates in it`,
    );
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

/** The holiday entries of the years it covers, indexed by date and by day. Build it with buildCalendar. */
export interface HolidayCalendar {
  /** Sorted; a date in any other year is refused by the strict functions and counted weekends-only by the provisional ones. */
  readonly years: readonly number[];
  readonly entries: readonly HolidayEntry[];
  readonly byDate: ReadonlyMap<string, readonly HolidayEntry[]>;
  /**
   * Prefix sums over every day from 1 January of the first year to 31 December of the last: `cumulative[i]` is the
   * number of working days in [firstDay, firstDay + i] (a year without data inside the span counts weekends only).
   * Counting and adding working days is then O(1) and O(log days) instead of a walk.
   */
  readonly index: { readonly firstDay: number; readonly cumulative: readonly number[] };
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

/**
 * A date computed past the calendar's data: the days in years without holiday data were counted Monday–Friday
 * (weekends only), so the date may move when that year's holidays are added. Never a refusal.
 */
export interface ProvisionalDate {
  date: string;
  provisional: boolean;
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
const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
const firstDayOf = (year: number): number => Date.UTC(year, 0, 1) / DAY_MS;

/**
 * Monday–Friday days counted from an anchor (1970-01-05, a Monday): weekdayCount(d) − weekdayCount(d − 1) is 1 exactly
 * when d is Monday–Friday. Closed form, valid for any day, so a span without holiday data costs nothing.
 */
function weekdayCount(day: number): number {
  const m = day - 3;
  const weeks = Math.floor(m / 7);
  return 5 * weeks + Math.min(m - 7 * weeks, 5);
}

/** The day on which weekdayCount first reaches k (a Monday–Friday day). */
function dayOfWeekdayCount(k: number): number {
  const weeks = Math.floor((k - 1) / 5);
  return 7 * weeks + (k - 5 * weeks) + 3;
}

/** Index and check holiday entries, e.g. the shipped ones plus a province's own. `years` defaults to those the entries fall in. */
export function buildCalendar(entries: readonly HolidayEntry[], years?: readonly number[]): HolidayCalendar {
  const covered = [...new Set(years ?? entries.map((e) => yearOf(e.date)))].sort((a, b) => a - b);
  const byDate = new Map<string, HolidayEntry[]>();
  for (const entry of entries) {
    const day = toDay(entry.date);
    if (!covered.includes(yearOf(entry.date)))
      throw new InvalidCalendarError(
        `${entry.date} (${entry.nameEn}) lies outside the calendar's years ${covered.join(', ')}`,
      );
    if (entry.kind === 'SWAPPED_WORKING_DAY' && !isWeekend(day))
      throw new InvalidCalendarError(`${entry.date} is a make-up working day but not a weekend day`);
    if ((entry.kind === 'COMPENSATORY_DAY_OFF' || entry.kind === 'SWAPPED_DAY_OFF') && isWeekend(day))
      throw new InvalidCalendarError(`${entry.date} is a ${entry.kind} but already a weekend day`);
    byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), entry]);
  }
  for (const [date, onDate] of byDate) {
    const working = onDate.filter((e) => e.kind === 'SWAPPED_WORKING_DAY').length;
    if (working > 0 && working < onDate.length)
      throw new InvalidCalendarError(`${date} is both a make-up working day and a day off`);
  }
  const cumulative: number[] = [];
  const firstDay = covered.length ? firstDayOf(covered[0]) : 0;
  if (covered.length) {
    const coveredSet = new Set(covered);
    const end = firstDayOf(covered[covered.length - 1] + 1);
    let count = 0;
    for (let day = firstDay; day < end; day += 1) {
      const onDay = coveredSet.has(yearOfDay(day)) ? byDate.get(fromDay(day)) : undefined;
      if (onDay ? onDay[0].kind === 'SWAPPED_WORKING_DAY' : !isWeekend(day)) count += 1;
      cumulative.push(count);
    }
  }
  return { years: covered, entries: [...entries], byDate, index: { firstDay, cumulative } };
}

/** The shipped national calendar (holidays.ts), used when no calendar is passed. */
export const VIETNAM_CALENDAR: HolidayCalendar = buildCalendar(
  Object.values(VIETNAM_HOLIDAYS).flat(),
  VIETNAM_HOLIDAY_YEARS,
);

/** Working days in (index.firstDay − 1, day]: a non-decreasing count that grows by one on each working day. */
function countTo(day: number, { index: { firstDay, cumulative } }: HolidayCalendar): number {
  const last = firstDay + cumulative.length - 1;
  if (cumulative.length === 0) return weekdayCount(day);
  if (day < firstDay) return weekdayCount(day) - weekdayCount(firstDay - 1);
  if (day <= last) return cumulative[day - firstDay];
  return cumulative[cumulative.length - 1] + weekdayCount(day) - weekdayCount(last);
}

/** The first day whose countTo reaches `target` (always a working day). */
function dayOfCount(target: number, { index: { firstDay, cumulative } }: HolidayCalendar): number {
  const last = firstDay + cumulative.length - 1;
  if (cumulative.length === 0) return dayOfWeekdayCount(target);
  if (target <= 0) return dayOfWeekdayCount(target + weekdayCount(firstDay - 1));
  if (target > cumulative[cumulative.length - 1])
    return dayOfWeekdayCount(target - cumulative[cumulative.length - 1] + weekdayCount(last));
  let [low, high] = [0, cumulative.length - 1];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid] >= target) high = mid;
    else low = mid + 1;
  }
  return firstDay + low;
}

const workingOn = (day: number, calendar: HolidayCalendar): boolean =>
  countTo(day, calendar) - countTo(day - 1, calendar) === 1;

/** The first year in [from, to] (days) without holiday data, or undefined when the calendar covers them all. */
function firstUncoveredYear(fromDay: number, toDay: number, calendar: HolidayCalendar): number | undefined {
  for (let year = yearOfDay(Math.min(fromDay, toDay)); year <= yearOfDay(Math.max(fromDay, toDay)); year += 1)
    if (!calendar.years.includes(year)) return year;
  return undefined;
}

function ensureCovered(fromDay: number, toDay: number, calendar: HolidayCalendar): void {
  const year = firstUncoveredYear(fromDay, toDay, calendar);
  if (year !== undefined) throw new CalendarOutOfRangeError(year, calendar.years);
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`The number of working days must be a whole number ≥ 0, got ${n}`);
}

/** The day n working days after `day` (n = 0: `day` itself if working, else the next working day), any year. */
function addDays(day: number, n: number, calendar: HolidayCalendar): number {
  if (n === 0 && workingOn(day, calendar)) return day;
  return dayOfCount(countTo(day, calendar) + Math.max(n, 1), calendar);
}

export function isWorkingDay(date: string, calendar: HolidayCalendar = VIETNAM_CALENDAR): boolean {
  const day = toDay(date);
  ensureCovered(day, day, calendar);
  return workingOn(day, calendar);
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
  checkCount(n);
  const day = toDay(date);
  ensureCovered(day, day, calendar);
  const due = addDays(day, n, calendar);
  ensureCovered(day, due, calendar);
  return fromDay(due);
}

/**
 * addWorkingDays that never refuses a date past the calendar: days in a year without holiday data count Monday–Friday
 * (weekends only), and the result is flagged provisional. For deadlines, which must not stop because next year's
 * holidays are not announced yet.
 */
export function addWorkingDaysProvisionally(
  date: string,
  n: number,
  calendar: HolidayCalendar = VIETNAM_CALENDAR,
): ProvisionalDate {
  checkCount(n);
  const day = toDay(date);
  const due = addDays(day, n, calendar);
  return { date: fromDay(due), provisional: firstUncoveredYear(day, due, calendar) !== undefined };
}

/** The n-th working day strictly before `date` (n ≥ 1), weekends-only past the calendar and flagged so. */
export function workingDayBeforeProvisionally(
  date: string,
  n: number,
  calendar: HolidayCalendar = VIETNAM_CALENDAR,
): ProvisionalDate {
  checkCount(n);
  const day = toDay(date);
  const before = dayOfCount(countTo(day - 1, calendar) - Math.max(n, 1) + 1, calendar);
  return { date: fromDay(before), provisional: firstUncoveredYear(before, day, calendar) !== undefined };
}

/** The working days in (from, to]; negative, the count in (to, from], when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar = VIETNAM_CALENDAR): number {
  const [a, b] = [toDay(from), toDay(to)];
  ensureCovered(a, a, calendar);
  ensureCovered(b, b, calendar);
  ensureCovered(a, b, calendar);
  return countTo(b, calendar) - countTo(a, calendar);
}

/** workingDaysBetween, weekends-only in years without data and flagged provisional then. */
export function workingDaysBetweenProvisionally(
  from: string,
  to: string,
  calendar: HolidayCalendar = VIETNAM_CALENDAR,
): { days: number; provisional: boolean } {
  const [a, b] = [toDay(from), toDay(to)];
  return {
    days: countTo(b, calendar) - countTo(a, calendar),
    provisional: firstUncoveredYear(a, b, calendar) !== undefined,
  };
}

export function describeDay(date: string, calendar: HolidayCalendar = VIETNAM_CALENDAR): DayDescription {
  const day = toDay(date);
  ensureCovered(day, day, calendar);
  return { date, weekday: weekdayOf(day), working: workingOn(day, calendar), entries: calendar.byDate.get(date) ?? [] };
}

/** The non-working days in (from, to], in order: what a deadline from `from` to `to` skipped. */
export function nonWorkingDaysBetween(
  from: string,
  to: string,
  calendar: HolidayCalendar = VIETNAM_CALENDAR,
): DayDescription[] {
  const [first, last] = [toDay(from) + 1, toDay(to)];
  const skipped: DayDescription[] = [];
  for (let day = first; day <= last; day += 1) {
    const description = describeDay(fromDay(day), calendar);
    if (!description.working) skipped.push(description);
  }
  return skipped;
}
