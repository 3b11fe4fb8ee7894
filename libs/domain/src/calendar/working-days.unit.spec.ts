import type { HolidayEntry } from './holidays';
import {
  CalendarOutOfRangeError,
  InvalidCalendarError,
  InvalidDateError,
  VIETNAM_CALENDAR,
  addWorkingDays,
  addWorkingDaysProvisionally,
  buildCalendar,
  describeDay,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingDaysBetween,
  workingDayBeforeProvisionally,
  workingDaysBetween,
  workingDaysBetweenProvisionally,
} from './working-days';

/** Every calendar date from `first` to `last`, inclusive (test helper; the code under test has its own arithmetic). */
const datesFrom = (first: string, last: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const aDayOff = (date: string, extra: Partial<HolidayEntry> = {}): HolidayEntry => ({
  date,
  kind: 'HOLIDAY',
  nameVi: 'Ngày nghỉ của tỉnh',
  nameEn: 'Provincial day off',
  source: 'test',
  ...extra,
});

describe('the shipped holiday data', () => {
  const years = VIETNAM_CALENDAR.years;
  it('given the shipped data, then it covers 2024 to 2027', () => expect(years).toEqual([2024, 2025, 2026, 2027]));
  it.each(years)('given %i, then every swapped day off is paid back by exactly one Saturday worked', (year) => {
    const ofKind = (kind: HolidayEntry['kind']) =>
      VIETNAM_CALENDAR.entries.filter((e) => e.kind === kind && e.date.startsWith(`${year}-`)).length;
    expect(ofKind('SWAPPED_DAY_OFF')).toBe(ofKind('SWAPPED_WORKING_DAY'));
  });
  it('given an unconfirmed entry, then it says why in a note', () =>
    expect(VIETNAM_CALENDAR.entries.filter((e) => e.unconfirmed && !e.note)).toEqual([]));
});

describe('weekends are not working days', () => {
  it('given Friday 2025-03-07, when adding 1 working day, then it is Monday 2025-03-10', () =>
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-10'));
  it('given an ordinary weekend, then Saturday and Sunday are not working days and Monday is', () =>
    expect(['2025-03-08', '2025-03-09', '2025-03-10'].map((d) => isWorkingDay(d))).toEqual([false, false, true]));
  it('given a working day, when adding 0, then it is the same day', () =>
    expect(addWorkingDays('2025-03-05', 0)).toBe('2025-03-05'));
  it('given a Saturday, when adding 0, then it is the next working day (Monday)', () =>
    expect(addWorkingDays('2025-03-08', 0)).toBe('2025-03-10'));
  it('given a Saturday, when adding 1, then the Saturday does not count: Monday is the first working day after it', () =>
    expect(addWorkingDays('2025-03-08', 1)).toBe('2025-03-10'));
  it('given Friday 2025-03-07, when adding 5 working days, then it is Friday 2025-03-14', () =>
    expect(addWorkingDays('2025-03-07', 5)).toBe('2025-03-14'));
});

describe('Tết Nguyên Đán is skipped as announced', () => {
  it('given Tết Ất Tỵ 2025 (25/1–2/2, Monday 27/1 swapped), then no day of the block is a working day', () =>
    expect(datesFrom('2025-01-25', '2025-02-02').filter((d) => isWorkingDay(d))).toEqual([]));
  it('given Friday 2025-01-24, when taking the next working day, then it is Monday 2025-02-03', () =>
    expect(nextWorkingDay('2025-01-24')).toBe('2025-02-03'));
  it('given Tết Bính Ngọ 2026 (14/2–22/2), then no day of the block is a working day', () =>
    expect(datesFrom('2026-02-14', '2026-02-22').filter((d) => isWorkingDay(d))).toEqual([]));
  it('given Friday 2026-02-13, when taking the next working day, then it is Monday 2026-02-23', () =>
    expect(nextWorkingDay('2026-02-13')).toBe('2026-02-23'));
  it('given Tết Giáp Thìn 2024 (8/2–14/2), then Thursday 8/2 to Wednesday 14/2 are days off and Thursday 15/2 works', () =>
    expect(datesFrom('2024-02-07', '2024-02-15').map((d) => isWorkingDay(d))).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]));
  it('given a 10-working-day supplement period starting Thursday 2026-02-12, then it ends on Thursday 2026-03-05, after Tết', () =>
    expect(addWorkingDays('2026-02-12', 10)).toBe('2026-03-05'));
  it('given a 10-working-day supplement period starting Friday 2025-01-24, then it ends on Thursday 2025-02-13 (Saturday 8/2 worked back counts)', () =>
    expect(addWorkingDays('2025-01-24', 10)).toBe('2025-02-13'));
  it('given the 2026 supplement period, then the skipped days are the Tết block and the two weekends after it', () =>
    expect(nonWorkingDaysBetween('2026-02-12', '2026-03-05').map((d) => d.date)).toEqual([
      ...datesFrom('2026-02-14', '2026-02-22'),
      '2026-02-28',
      '2026-03-01',
    ]));
});

describe('swapped days: the day off is skipped, the Saturday worked back counts', () => {
  it('given Saturday 2025-02-08 worked back for 27/1, then it is a working day', () =>
    expect(isWorkingDay('2025-02-08')).toBe(true));
  it('given Friday 2025-02-07, when adding 1 working day, then it is Saturday 2025-02-08', () =>
    expect(addWorkingDays('2025-02-07', 1)).toBe('2025-02-08'));
  it('given Saturday 2024-05-04 worked back for Monday 29/4, then it counts and 29/4 does not', () =>
    expect([isWorkingDay('2024-05-04'), isWorkingDay('2024-04-29')]).toEqual([true, false]));
  it('given Friday 2025-04-25, when adding 1 working day, then it is Saturday 2025-04-26, worked back for Friday 2/5', () =>
    expect(addWorkingDays('2025-04-25', 1)).toBe('2025-04-26'));
  it('given Tuesday 2025-04-29, when adding 1 working day, then 30/4, 1/5, swapped 2/5 and the weekend are skipped: Monday 2025-05-05', () =>
    expect(addWorkingDays('2025-04-29', 1)).toBe('2025-05-05'));
  it('given the 2026 New Year swap, then Friday 2/1 is off and Saturday 10/1 is worked', () =>
    expect([isWorkingDay('2026-01-02'), isWorkingDay('2026-01-10')]).toEqual([false, true]));
});

describe('Quốc khánh: 2/9 and the announced adjacent day', () => {
  it('given 2025 (adjacent day Monday 1/9), when adding 1 working day to Friday 29/8, then it is Wednesday 2025-09-03', () =>
    expect(addWorkingDays('2025-08-29', 1)).toBe('2025-09-03'));
  it('given 2024 (adjacent day Tuesday 3/9), when adding 1 working day to Friday 30/8, then it is Wednesday 2024-09-04', () =>
    expect(addWorkingDays('2024-08-30', 1)).toBe('2024-09-04'));
  it('given 2026 (1/9 and 2/9, Monday 31/8 swapped), when adding 1 working day to Friday 28/8, then it is Thursday 2026-09-03', () =>
    expect(addWorkingDays('2026-08-28', 1)).toBe('2026-09-03'));
});

describe('a holiday on a weekend gives the next working day off (nghỉ bù)', () => {
  it('given Giỗ Tổ 2026 on Sunday 26/4, then Monday 27/4 is off and Friday 24/4 + 1 working day is Tuesday 2026-04-28', () => {
    expect(describeDay('2026-04-27', VIETNAM_CALENDAR)).toMatchObject({
      working: false,
      entries: [{ kind: 'COMPENSATORY_DAY_OFF' }],
    });
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
  });
  it('given 1/5/2027 on a Saturday, then Monday 2027-05-03 is off', () =>
    expect(isWorkingDay('2027-05-03')).toBe(false));
});

describe('dates outside the years with holiday data are refused', () => {
  it('given a date in 2023, when asking whether it is a working day, then CalendarOutOfRangeError names 2023', () => {
    expect(() => isWorkingDay('2023-12-29')).toThrow(CalendarOutOfRangeError);
    expect(() => isWorkingDay('2023-12-29')).toThrow(/2023/);
  });
  it('given a deadline that runs into 2028, when adding, then CalendarOutOfRangeError names 2028', () =>
    expect(() => addWorkingDays('2027-12-30', 5)).toThrow(
      expect.objectContaining({ name: 'CalendarOutOfRangeError', year: 2028 }),
    ));
  it('given an end date in 2028, when counting between, then it throws instead of counting', () =>
    expect(() => workingDaysBetween('2027-12-01', '2028-01-05')).toThrow(CalendarOutOfRangeError));
  it('given a deadline ending on the last working day of 2027, then it is computed', () =>
    expect(addWorkingDays('2027-12-29', 2)).toBe('2027-12-31'));
});

describe('bad input is refused', () => {
  it.each(['2025-02-30', '2025-2-3', '03/02/2025', ''])('given the date "%s", then InvalidDateError', (date) =>
    expect(() => isWorkingDay(date)).toThrow(InvalidDateError),
  );
  it.each([-1, 1.5, Number.NaN])('given n = %p, then RangeError', (n) =>
    expect(() => addWorkingDays('2025-03-03', n)).toThrow(RangeError),
  );
});

describe('a province can use its own calendar', () => {
  const provincial = buildCalendar([...VIETNAM_CALENDAR.entries, aDayOff('2025-03-12')]);
  it('given a provincial day off on Wednesday 2025-03-12, when adding 1 working day to Tuesday, then Thursday', () =>
    expect(addWorkingDays('2025-03-11', 1, provincial)).toBe('2025-03-13'));
  it('given the shipped calendar, then the provincial day stays a working day', () =>
    expect(isWorkingDay('2025-03-12')).toBe(true));
  it('given entries for 2030 only, then 2030 is covered and 2029 is not', () => {
    const cal = buildCalendar([aDayOff('2030-01-01')]);
    expect(isWorkingDay('2030-01-02', cal)).toBe(true);
    expect(() => isWorkingDay('2029-12-31', cal)).toThrow(/2029/);
  });
  it('given a make-up working day on a weekday, when building, then InvalidCalendarError', () =>
    expect(() => buildCalendar([aDayOff('2025-03-12', { kind: 'SWAPPED_WORKING_DAY' })])).toThrow(
      InvalidCalendarError,
    ));
  it('given a date both worked back and off, when building, then InvalidCalendarError', () =>
    expect(() =>
      buildCalendar([aDayOff('2025-03-15', { kind: 'SWAPPED_WORKING_DAY' }), aDayOff('2025-03-15')]),
    ).toThrow(InvalidCalendarError));
});

describe('workingDaysBetween counts (from, to] and agrees with addWorkingDays', () => {
  it('given 2025, then (2025-01-01, 2025-12-31] holds 251 working days', () =>
    expect(workingDaysBetween('2025-01-01', '2025-12-31')).toBe(251));
  it('given the same day, then 0; given the dates reversed, then the negative count', () => {
    expect(workingDaysBetween('2026-02-12', '2026-02-12')).toBe(0);
    expect(workingDaysBetween('2026-03-05', '2026-02-12')).toBe(-10);
  });

  const starts = datesFrom('2024-01-01', '2027-11-30');
  it('given every day D of 2024–2027 and n in 1..15, then add(D, n) is a working day, later than add(D, n-1), and between(D, add(D, n)) = n', () => {
    const failures: string[] = [];
    for (const d of starts) {
      let previous = d;
      for (let n = 1; n <= 15; n += 1) {
        const due = addWorkingDays(d, n);
        if (
          !isWorkingDay(due) ||
          due <= previous ||
          workingDaysBetween(d, due) !== n ||
          workingDaysBetween(due, d) !== -n
        )
          failures.push(`${d} + ${n} = ${due}`);
        previous = due;
      }
    }
    expect(failures).toEqual([]);
  });
  it('given every day D, when adding 0, then a working day D is kept and a day off moves to the next working day (between = 1)', () => {
    const failures = starts.filter((d) => {
      const due = addWorkingDays(d, 0);
      return isWorkingDay(d) ? due !== d : due !== nextWorkingDay(d) || workingDaysBetween(d, due) !== 1;
    });
    expect(failures).toEqual([]);
  });
  it('given any three dates a ≤ b ≤ c, then between(a, b) + between(b, c) = between(a, c)', () => {
    const failures: string[] = [];
    for (let i = 0; i + 120 < starts.length; i += 17) {
      const [a, b, c] = [starts[i], starts[i + 45], starts[i + 120]];
      if (workingDaysBetween(a, b) + workingDaysBetween(b, c) !== workingDaysBetween(a, c))
        failures.push(`${a} ${b} ${c}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('past the calendar: weekends only, flagged provisional, never refused', () => {
  it('given a 5-working-day deadline from Thursday 2027-12-30, then Thursday 2028-01-06 counted Monday–Friday, provisional', () =>
    expect(addWorkingDaysProvisionally('2027-12-30', 5)).toEqual({ date: '2028-01-06', provisional: true }));
  it('given a deadline inside the calendar, then the same date as addWorkingDays and not provisional', () =>
    expect(addWorkingDaysProvisionally('2026-02-12', 10)).toEqual({
      date: addWorkingDays('2026-02-12', 10),
      provisional: false,
    }));
  it('given a count that reaches 2028, then it is weekends-only there and flagged', () =>
    expect(workingDaysBetweenProvisionally('2027-12-31', '2028-01-10')).toEqual({ days: 6, provisional: true }));
  it('given the working day 3 before Tuesday 2028-01-04, then Thursday 2027-12-30, flagged (2028 has no data)', () =>
    expect(workingDayBeforeProvisionally('2028-01-04', 3)).toEqual({ date: '2027-12-30', provisional: true }));
  it('given the working day 1 before Monday 2026-02-23 (after Tết), then Friday 2026-02-13, exact', () =>
    expect(workingDayBeforeProvisionally('2026-02-23', 1)).toEqual({ date: '2026-02-13', provisional: false }));
});

describe('prefix sums agree with a day-by-day walk, inside and on both sides of the calendar', () => {
  /** The reference: walk day by day, holidays where the year has data, Monday–Friday elsewhere. */
  const naiveWorking = (date: string, cal = provincialGap): boolean => {
    const entries = cal.years.includes(Number(date.slice(0, 4))) ? (cal.byDate.get(date) ?? []) : [];
    if (entries.length) return entries[0].kind === 'SWAPPED_WORKING_DAY';
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  const naiveAdd = (date: string, n: number): string => {
    const days = datesFrom(date, '2032-12-31').slice(1);
    let left = n;
    for (const d of days) if (naiveWorking(d) && --left === 0) return d;
    throw new Error('past the test range');
  };
  /** A calendar with a gap (2029 without data) between its years, to cover every branch of the index. */
  const provincialGap = buildCalendar(
    [...VIETNAM_CALENDAR.entries, aDayOff('2030-03-12')],
    [...VIETNAM_CALENDAR.years, 2028, 2030],
  );
  it('given every 11th day from 2022 to 2031 and n in {1, 7, 30, 250}, then add and between match the walk', () => {
    const failures: string[] = [];
    for (const d of datesFrom('2022-01-01', '2031-06-30').filter((_, i) => i % 11 === 0)) {
      for (const n of [1, 7, 30, 250]) {
        const due = addWorkingDaysProvisionally(d, n, provincialGap).date;
        if (due !== naiveAdd(d, n) || workingDaysBetweenProvisionally(d, due, provincialGap).days !== n)
          failures.push(`${d} + ${n} = ${due}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
