import { calendarWithYears } from '../calendar/calendar-file';
import type { Actor } from '../shared/actor';
import { decide } from './decide';
import type { DossierEvent } from './events';
import { exampleBkTinhContent } from './examples';
import { givenStream, thenEvents } from './given-when-then';

/** Deadlines past the holiday calendar's years: weekends only, flagged provisional in the event, never refused. */
const head: Actor = { userId: 'head', role: 'UNIT_HEAD', unitCode: 'SGDDT' };
const at = (isoLocal: string) => Date.parse(`${isoLocal}+07:00`);
const underReview = givenStream('d-cal')(
  {
    type: 'DossierCreated',
    data: {
      awardCode: 'BK_TINH',
      unitCode: 'SGDDT',
      title: 'Bằng khen',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
      achievements: 'Xuất sắc',
      ...exampleBkTinhContent(2027),
    },
  },
  { type: 'DossierSubmitted', data: { ruleSetVersion: 'LAW2022+ND152+TT15/2025' } },
);
const approve = { type: 'ApproveAtUnit', data: {} } as const;
const clockOf = (events: DossierEvent[]) => events.find((e) => e.type === 'AppraisalClockStarted')?.data;

describe('an appraisal clock that runs past the calendar', () => {
  it('given the unit head approves on Monday 2027-12-20 (10 WD reach 2028, which has no data), then the deadline is Monday–Friday counted and flagged provisional', () => {
    const events = thenEvents(decide(underReview, approve, { actor: head, now: at('2027-12-20T10:00:00') }));
    // 21–24, 27–31/12 (9 working days in 2027), then Saturday 1 and Sunday 2/1 skipped: Monday 2028-01-03.
    expect(clockOf(events)).toEqual({ deadline: '2028-01-03', workingDays: 10, deadlineProvisional: true });
  });
  it('given the same day with a 2028 calendar file (Monday 3/1 a compensatory day off), then the deadline is exact and not flagged', () => {
    const calendar = calendarWithYears([
      {
        year: 2028,
        entries: [
          {
            date: '2028-01-03',
            kind: 'COMPENSATORY_DAY_OFF',
            nameVi: 'Nghỉ bù Tết Dương lịch',
            nameEn: "New Year's Day (compensatory)",
            source: 'test',
          },
        ],
      },
    ]);
    const events = thenEvents(decide(underReview, approve, { actor: head, now: at('2027-12-20T10:00:00'), calendar }));
    expect(clockOf(events)).toEqual({ deadline: '2028-01-04', workingDays: 10 });
  });
  it('given an approval whose deadline stays inside the calendar, then no flag', () =>
    expect(clockOf(thenEvents(decide(underReview, approve, { actor: head, now: at('2027-03-01T10:00:00') })))).toEqual({
      deadline: '2027-03-15',
      workingDays: 10,
    }));
});
