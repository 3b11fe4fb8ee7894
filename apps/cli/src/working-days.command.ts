import { calendarCoverageToday, ConfigError, loadOperatorCalendar, type OperatorCalendar } from '@tdkt/config';
import {
  CalendarOutOfRangeError,
  InvalidDateError,
  addWorkingDays,
  describeDay,
  nonWorkingDaysBetween,
  workingDaysBetween,
  type DayDescription,
  type HolidayEntry,
} from '@tdkt/domain';
import type { CliCommand, CommandOutcome } from './command';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const ok = (lines: readonly string[]): CommandOutcome => ({ kind: 'ok', lines });
const badArguments = (message: string): CommandOutcome => ({ kind: 'usage', message });
const WHOLE_NUMBER = /^\d+$/;

/** The shipped calendar with the operator's year files (TDKT_CALENDAR_FILES, TDKT_CALENDAR_DIR), read once. */
let loaded: OperatorCalendar | undefined;
const operator = (): OperatorCalendar => (loaded ??= loadOperatorCalendar());
const calendar = () => operator().calendar;

const dated = (date: string) => `${date} ${WEEKDAYS[describeDay(date, calendar()).weekday]}`;
const named = (e: HolidayEntry) => `${e.nameVi} — ${e.nameEn}${e.unconfirmed ? ' [unconfirmed]' : ''}`;
const skippedLine = (day: DayDescription) =>
  `  ${day.date} ${WEEKDAYS[day.weekday]}  ${day.entries.length > 0 ? day.entries.map(named).join('; ') : 'weekend'}`;

function add(date: string, n: number): CommandOutcome {
  const due = addWorkingDays(date, n, calendar());
  // Adding 0 to a day off also skips that day itself; otherwise the start day never counts.
  const skipped = [
    ...(n === 0 && due !== date ? [describeDay(date, calendar())] : []),
    ...nonWorkingDaysBetween(date, due, calendar()),
  ];
  return ok([
    `${dated(due)} is ${n} working day${n === 1 ? '' : 's'} after ${dated(date)}`,
    skipped.length === 0
      ? 'No non-working days skipped.'
      : `Skipped ${skipped.length} non-working day${skipped.length === 1 ? '' : 's'}:`,
    ...skipped.map(skippedLine),
  ]);
}

function holidays(year: number): CommandOutcome {
  const { calendar: cal, files, years } = operator();
  if (!cal.years.includes(year))
    return { kind: 'failed', message: new CalendarOutOfRangeError(year, cal.years).message };
  const entries = cal.entries.filter((e) => e.date.startsWith(`${year}-`));
  const fromFile = years.some((y) => y.year === year);
  const coverage = calendarCoverageToday(cal);
  return ok([
    `Holidays, compensatory and swapped days of ${year} (public sector; ${fromFile ? `from the calendar files: ${files.join(', ')}` : 'shipped with the release'}):`,
    ...entries.flatMap((e) => [
      `${dated(e.date)}  ${e.kind.padEnd(20)} ${named(e)}`,
      `    source: ${e.source}`,
      ...(e.note ? [`    note: ${e.note}`] : []),
    ]),
    `Calendar years: ${cal.years.join(', ')}; covered until ${coverage.coveredUntil ?? '(today has no data)'}. Past it deadlines are counted weekends only and flagged provisional.`,
    ...(coverage.warning ? [`WARNING: ${coverage.warning}`] : []),
  ]);
}

type Form = { usage: string; arity: number; run(args: readonly string[]): CommandOutcome };

const FORMS: Readonly<Record<string, Form>> = {
  add: {
    usage: 'add <YYYY-MM-DD> <n>        the n-th working day after the date, and the days skipped',
    arity: 2,
    run: ([date, n]) =>
      WHOLE_NUMBER.test(n) ? add(date, Number(n)) : badArguments(`n must be a whole number ≥ 0, got "${n}"`),
  },
  between: {
    usage: 'between <from> <to>         the number of working days in (from, to]',
    arity: 2,
    run: ([from, to]) => ok([String(workingDaysBetween(from, to, calendar()))]),
  },
  holidays: {
    usage: "holidays <year>             the year's holidays and swaps with their sources",
    arity: 1,
    run: ([year]) => (/^\d{4}$/.test(year) ? holidays(Number(year)) : badArguments(`Not a year: "${year}"`)),
  },
};

/** `working-days …`: deadlines in Vietnamese working days on the national calendar (shipped years + the operator's files). */
export const workingDaysCommand: CliCommand = {
  usage: Object.values(FORMS).map((form) => form.usage),
  run([name, ...args]) {
    const form = name === undefined ? undefined : FORMS[name];
    if (!form) return badArguments(name ? `Unknown working-days command "${name}"` : 'Missing working-days command');
    if (args.length !== form.arity)
      return badArguments(
        `working-days ${name} takes ${form.arity} argument${form.arity === 1 ? '' : 's'}, got ${args.length}`,
      );
    try {
      return form.run(args);
    } catch (error) {
      if (error instanceof InvalidDateError) return badArguments(error.message);
      if (error instanceof CalendarOutOfRangeError || error instanceof ConfigError)
        return { kind: 'failed', message: error.message };
      throw error;
    }
  },
};
