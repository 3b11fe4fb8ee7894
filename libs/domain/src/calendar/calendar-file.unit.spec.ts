import { calendarCoverage, calendarWithYears, validateCalendarYear, type CalendarYear } from './calendar-file';
import type { HolidayEntry } from './holidays';
import { addWorkingDays, addWorkingDaysProvisionally, isWorkingDay, VIETNAM_CALENDAR } from './working-days';

const entry = (date: string, extra: Partial<HolidayEntry> = {}): HolidayEntry => ({
  date,
  kind: 'HOLIDAY',
  nameVi: 'Tết Nguyên Đán',
  nameEn: 'Lunar New Year',
  source: 'Văn bản …/VPCP-KGVX (test)',
  ...extra,
});
/** 2028 as an operator would write it: Tết Mậu Thân falls on Wednesday 26/01/2028. */
const year2028 = {
  year: 2028,
  entries: [
    entry('2028-01-01', { nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" }),
    entry('2028-01-03', {
      kind: 'COMPENSATORY_DAY_OFF',
      nameVi: 'Nghỉ bù Tết Dương lịch',
      nameEn: 'Compensatory day off',
    }),
    ...['2028-01-24', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'].map((d) => entry(d)),
  ],
};

describe('a year file for 2028', () => {
  it('given a well-formed 2028 file, then it is accepted and the calendar covers 2024 to 2028', () => {
    const checked = validateCalendarYear(JSON.parse(JSON.stringify(year2028)));
    expect(checked).toEqual({ ok: true, value: year2028 });
    expect(calendarWithYears([year2028]).years).toEqual([2024, 2025, 2026, 2027, 2028]);
  });
  it('given the 2028 file, then a deadline across Tết 2028 skips its days and is exact (not provisional)', () => {
    const calendar = calendarWithYears([year2028]);
    expect(addWorkingDays('2028-01-21', 1, calendar)).toBe('2028-01-31');
    expect(addWorkingDaysProvisionally('2028-01-21', 1, calendar)).toEqual({ date: '2028-01-31', provisional: false });
    expect(isWorkingDay('2028-01-03', calendar)).toBe(false);
  });
  it('given a file for a shipped year, then it replaces that year as a whole', () => {
    const announced2027: CalendarYear = { year: 2027, entries: [entry('2027-02-08')] };
    const calendar = calendarWithYears([announced2027]);
    expect([isWorkingDay('2027-02-04', calendar), isWorkingDay('2027-02-08', calendar)]).toEqual([true, false]);
    expect(isWorkingDay('2027-02-04', VIETNAM_CALENDAR)).toBe(false);
  });
});

describe('a bad year file is refused, naming the field', () => {
  const problemsOf = (file: unknown) => {
    const checked = validateCalendarYear(file);
    return checked.ok ? [] : checked.problems;
  };
  it('given an unknown kind, then entries[i].kind is named', () =>
    expect(
      problemsOf({
        year: 2028,
        entries: [entry('2028-01-01'), entry('2028-01-24', { kind: 'DAY_OFF' as HolidayEntry['kind'] })],
      }),
    ).toEqual([
      'entries[1].kind must be one of HOLIDAY, COMPENSATORY_DAY_OFF, SWAPPED_DAY_OFF, SWAPPED_WORKING_DAY, got "DAY_OFF"',
    ]));
  it('given a date of another year and an impossible date, then both dates are named', () =>
    expect(problemsOf({ year: 2028, entries: [entry('2029-01-01'), entry('2028-02-30')] })).toEqual([
      "entries[0].date 2029-01-01 lies outside the file's year 2028",
      'entries[1].date must be a calendar date YYYY-MM-DD, got "2028-02-30"',
    ]));
  it('given a missing source and a make-up working day on a weekday, then each is named', () =>
    expect(
      problemsOf({
        year: 2028,
        entries: [entry('2028-01-24', { source: '' }), entry('2028-01-19', { kind: 'SWAPPED_WORKING_DAY' })],
      }),
    ).toEqual([
      'entries[0].source is required (text)',
      'entries[1].kind SWAPPED_WORKING_DAY on 2028-01-19: a make-up working day must be a Saturday or Sunday',
    ]));
  it('given no year and no entries, then both fields are named', () =>
    expect(problemsOf({ entries: [] })).toEqual([
      'year must be a whole year such as 2028, got undefined',
      'entries must be a non-empty list of holiday entries',
    ]));
  it('given an unconfirmed entry without a note, then the note is asked for', () =>
    expect(problemsOf({ year: 2028, entries: [entry('2028-01-24', { unconfirmed: true })] })).toEqual([
      'entries[0].note must say why the entry is unconfirmed',
    ]));
});

describe('the calendar warns 90 days before it runs out', () => {
  it('given the shipped calendar on 2027-10-01 (91 days left), then no warning', () =>
    expect(calendarCoverage(VIETNAM_CALENDAR, '2027-10-01')).toEqual({
      years: [2024, 2025, 2026, 2027],
      coveredUntil: '2027-12-31',
      daysLeft: 91,
    }));
  it('given the shipped calendar on 2027-10-02 (90 days left), then a warning naming the end and the year to add', () => {
    const coverage = calendarCoverage(VIETNAM_CALENDAR, '2027-10-02');
    expect(coverage).toMatchObject({ coveredUntil: '2027-12-31', daysLeft: 90 });
    expect(coverage.warning).toMatch(/runs out on 2027-12-31.*Add 2028's holidays/);
  });
  it('given the 2028 file on 2027-10-02, then no warning: it lasts until 2028-12-31', () => {
    const coverage = calendarCoverage(calendarWithYears([year2028]), '2027-10-02');
    expect(coverage.coveredUntil).toBe('2028-12-31');
    expect(coverage.warning).toBeUndefined();
  });
  it('given a day in a year without data, then it has run out', () =>
    expect(calendarCoverage(VIETNAM_CALENDAR, '2028-03-01')).toMatchObject({
      coveredUntil: null,
      daysLeft: 0,
      warning: expect.stringContaining('has no data for 2028'),
    }));
});
