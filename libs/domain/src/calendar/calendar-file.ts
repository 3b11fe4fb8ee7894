import { VIETNAM_HOLIDAYS, type HolidayEntry, type HolidayKind } from './holidays';
import { buildCalendar, type HolidayCalendar } from './working-days';

/**
 * One year of holidays as the operator supplies it (a JSON file per year, listed in TDKT_CALENDAR_FILES), so a year
 * the release does not ship — 2028 — or the announced version of a year shipped as expected (2027) needs no release.
 * A file's year replaces the shipped entries of that year as a whole.
 *
 * ```json
 * { "year": 2028, "entries": [{ "date": "2028-01-01", "kind": "HOLIDAY", "nameVi": "Tết Dương lịch",
 *   "nameEn": "New Year's Day", "source": "Bộ luật Lao động 2019, Điều 112 khoản 1" }, …] }
 * ```
 */
export interface CalendarYear {
  year: number;
  entries: HolidayEntry[];
}

/** The calendar warns this many days before the last day it holds data for. */
export const CALENDAR_WARNING_DAYS = 90;

const KINDS: readonly HolidayKind[] = ['HOLIDAY', 'COMPENSATORY_DAY_OFF', 'SWAPPED_DAY_OFF', 'SWAPPED_WORKING_DAY'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const dayOf = (date: string): number | undefined => {
  if (!ISO_DATE.test(date)) return undefined;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date ? undefined : t / DAY_MS;
};
const weekendDay = (day: number): boolean => [0, 6].includes(new Date(day * DAY_MS).getUTCDay());
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Checks one year's file before it is used; every problem names its field (`entries[3].kind …`), nothing is applied partly. */
export function validateCalendarYear(
  file: unknown,
): { ok: true; value: CalendarYear } | { ok: false; problems: string[] } {
  if (!file || typeof file !== 'object' || Array.isArray(file))
    return { ok: false, problems: ['the file must hold a JSON object { "year": …, "entries": [...] }'] };
  const f = file as { year?: unknown; entries?: unknown };
  const problems: string[] = [];
  const year = f.year;
  const validYear = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2200;
  if (!validYear) problems.push(`year must be a whole year such as 2028, got ${JSON.stringify(year)}`);
  if (!Array.isArray(f.entries) || f.entries.length === 0)
    problems.push('entries must be a non-empty list of holiday entries');
  const entries: unknown[] = Array.isArray(f.entries) ? f.entries : [];
  const kindsByDate = new Map<string, HolidayKind[]>();
  entries.forEach((raw, i) => {
    const at = `entries[${i}]`;
    if (!raw || typeof raw !== 'object') return problems.push(`${at} must be an object`);
    const e = raw as Partial<Record<keyof HolidayEntry, unknown>>;
    const day = typeof e.date === 'string' ? dayOf(e.date) : undefined;
    if (day === undefined)
      problems.push(`${at}.date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(e.date)}`);
    else if (validYear && Number(String(e.date).slice(0, 4)) !== year)
      problems.push(`${at}.date ${String(e.date)} lies outside the file's year ${String(year)}`);
    const kind = KINDS.find((k) => k === e.kind);
    if (!kind) problems.push(`${at}.kind must be one of ${KINDS.join(', ')}, got ${JSON.stringify(e.kind)}`);
    for (const field of ['nameVi', 'nameEn', 'source'] as const)
      if (!isText(e[field])) problems.push(`${at}.${field} is required (text)`);
    if (e.unconfirmed !== undefined && e.unconfirmed !== true) problems.push(`${at}.unconfirmed is true or absent`);
    if (e.unconfirmed === true && !isText(e.note)) problems.push(`${at}.note must say why the entry is unconfirmed`);
    if (e.note !== undefined && typeof e.note !== 'string') problems.push(`${at}.note must be text`);
    if (day === undefined || !kind) return;
    if (kind === 'SWAPPED_WORKING_DAY' && !weekendDay(day))
      problems.push(
        `${at}.kind SWAPPED_WORKING_DAY on ${String(e.date)}: a make-up working day must be a Saturday or Sunday`,
      );
    if ((kind === 'COMPENSATORY_DAY_OFF' || kind === 'SWAPPED_DAY_OFF') && weekendDay(day))
      problems.push(`${at}.kind ${kind} on ${String(e.date)}: the day is already a weekend day`);
    const onDate = [...(kindsByDate.get(String(e.date)) ?? []), kind];
    kindsByDate.set(String(e.date), onDate);
    if (onDate.includes('SWAPPED_WORKING_DAY') && onDate.some((k) => k !== 'SWAPPED_WORKING_DAY'))
      problems.push(`${at}.date ${String(e.date)} is both a make-up working day and a day off`);
  });
  return problems.length
    ? { ok: false, problems }
    : { ok: true, value: { year: year as number, entries: entries as HolidayEntry[] } };
}

/**
 * The shipped national calendar with the operator's years: a supplied year replaces the shipped one, a new year is
 * added. Two files for one year are refused by the loader, not here.
 */
export function calendarWithYears(years: readonly CalendarYear[] = []): HolidayCalendar {
  const byYear = new Map<number, readonly HolidayEntry[]>(
    Object.entries(VIETNAM_HOLIDAYS).map(([y, entries]) => [Number(y), entries]),
  );
  for (const y of years) byYear.set(y.year, y.entries);
  return buildCalendar([...byYear.values()].flat(), [...byYear.keys()]);
}

export interface CalendarCoverage {
  years: readonly number[];
  /** The last day of the unbroken run of years with data that holds `today`; null when today's year has none. */
  coveredUntil: string | null;
  /** Days from today to coveredUntil (0 when today's year has no data). */
  daysLeft: number;
  /** Set within CALENDAR_WARNING_DAYS of the end: deadlines past it are computed weekends-only and flagged provisional. */
  warning?: string;
}

/** How long the calendar lasts from `today` (YYYY-MM-DD), and the warning to give when it runs out within 90 days. */
export function calendarCoverage(calendar: HolidayCalendar, today: string): CalendarCoverage {
  const year = Number(today.slice(0, 4));
  let last = year;
  while (calendar.years.includes(last)) last += 1;
  const coveredUntil = last > year ? `${last - 1}-12-31` : null;
  const daysLeft = coveredUntil
    ? Math.round((Date.parse(`${coveredUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS)
    : 0;
  const warning =
    daysLeft <= CALENDAR_WARNING_DAYS
      ? `The holiday calendar ${coveredUntil ? `runs out on ${coveredUntil} (${daysLeft} days left)` : `has no data for ${year}`}: deadlines past it are computed with weekends only and flagged provisional. Add ${coveredUntil ? last : year}'s holidays as a calendar file (TDKT_CALENDAR_FILES).`
      : undefined;
  return { years: calendar.years, coveredUntil, daysLeft, ...(warning ? { warning } : {}) };
}
