import type { Actor } from '../shared/actor';
import type { Decision } from '../shared/errors';
import { thenEvents, thenRejected } from '../shared/given-when-then';
import type { RoundEvent } from '../round/round';
import {
  decideMovement,
  evolveMovementAll,
  initialMovementState,
  type MovementCommand,
  type MovementDefinition,
  type MovementEvent,
  type MovementState,
} from './movement';

// given events / when a command / then events or a rejection.
const given = (...events: (MovementEvent | RoundEvent)[]): MovementState =>
  evolveMovementAll(initialMovementState('m1'), events);
const when = (
  state: MovementState,
  command: MovementCommand,
  actor: Actor = secretariat,
  today = '2026-03-01',
): Decision<MovementEvent[]> => decideMovement(state, command, { actor, today });

const secretariat: Actor = { userId: 's1', role: 'SECRETARIAT_OFFICER' };
const definition: MovementDefinition = {
  name: 'Phong trào thi đua "Chung sức xây dựng nông thôn mới" năm 2026',
  kind: 'REGULAR',
  scope: { level: 'PROVINCE', code: 'MAU' },
  period: { from: '2026-01-15', to: '2026-12-31' },
  objectives: ['Hoàn thành 100% chỉ tiêu nông thôn mới'],
  criteria: ['Số xã đạt chuẩn', 'Thu nhập bình quân'],
  launchDecision: { number: '12/QĐ-UBND', date: '2026-01-15', signer: 'Chủ tịch UBND tỉnh' },
  coOrganisers: ['Liên đoàn Lao động tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh'],
  awardCodes: ['BK_TINH', 'CO_TD_TINH'],
  quotas: [{ awardCode: 'BK_TINH', max: 20 }],
  milestones: { midTermReview: '2026-06-30', finalReview: '2026-12-20' },
};
const launched: MovementEvent = { type: 'MovementLaunched', data: definition };
const step = (
  from: 'LAUNCHED' | 'IN_PROGRESS' | 'REVIEWED',
  to: 'IN_PROGRESS' | 'REVIEWED' | 'CLOSED',
  on = '2026-03-01',
): MovementEvent => ({ type: 'MovementStatusChanged', data: { from, to, on } });

describe('launching a movement (Luật Điều 16–17)', () => {
  it('the secretariat launches it with its decision, period, objectives, criteria, co-organisers, quotas and milestones', () => {
    expect(thenEvents(when(given(), { type: 'LaunchMovement', data: definition }))).toEqual([launched]);
    expect(given(launched)).toMatchObject({ status: 'LAUNCHED', source: 'MOVEMENT', definition });
  });
  it('a unit head may not launch a provincial movement', () => {
    expect(
      thenRejected(
        when(
          given(),
          { type: 'LaunchMovement', data: definition },
          { userId: 'h', role: 'UNIT_HEAD', unitCode: 'SYT' },
        ),
      ).code,
    ).toBe('FORBIDDEN');
  });
  it('a period that ends before it starts, or a final review before the mid-term, is refused', () => {
    expect(
      thenRejected(
        when(given(), {
          type: 'LaunchMovement',
          data: { ...definition, period: { from: '2026-12-31', to: '2026-01-01' } },
        }),
      ).rule,
    ).toBe('movement.period');
    expect(
      thenRejected(
        when(given(), {
          type: 'LaunchMovement',
          data: { ...definition, milestones: { midTermReview: '2026-06-30', finalReview: '2026-05-01' } },
        }),
      ).rule,
    ).toBe('movement.milestones');
  });
  it('a movement states objectives and criteria; unknown awards and a quota of 0 are refused', () => {
    expect(
      thenRejected(when(given(), { type: 'LaunchMovement', data: { ...definition, objectives: ['  '] } })).rule,
    ).toBe('movement.objectives');
    expect(thenRejected(when(given(), { type: 'LaunchMovement', data: { ...definition, criteria: [] } })).rule).toBe(
      'movement.criteria',
    );
    expect(
      thenRejected(when(given(), { type: 'LaunchMovement', data: { ...definition, awardCodes: ['NO_SUCH'] } })).rule,
    ).toBe('movement.awards');
    expect(
      thenRejected(
        when(given(), { type: 'LaunchMovement', data: { ...definition, quotas: [{ awardCode: 'BK_TINH', max: 0 }] } }),
      ).rule,
    ).toBe('movement.quotas');
  });
  it('quotas are optional (the law sets none)', () => {
    const { quotas: _none, ...withoutQuotas } = definition;
    expect(thenEvents(when(given(), { type: 'LaunchMovement', data: withoutQuotas }))[0].data).not.toHaveProperty(
      'quotas',
    );
  });
  it('a movement is launched once', () => {
    expect(thenRejected(when(given(launched), { type: 'LaunchMovement', data: definition })).rule).toBe(
      'movement.launched-once',
    );
  });
});

describe('a movement’s status: LAUNCHED → IN_PROGRESS → REVIEWED → CLOSED', () => {
  it('goes forward one step at a time', () => {
    expect(thenEvents(when(given(launched), { type: 'ChangeMovementStatus', data: { to: 'IN_PROGRESS' } }))).toEqual([
      step('LAUNCHED', 'IN_PROGRESS'),
    ]);
    expect(thenRejected(when(given(launched), { type: 'ChangeMovementStatus', data: { to: 'CLOSED' } })).rule).toBe(
      'movement.status-order',
    );
    expect(
      thenRejected(
        when(given(launched, step('LAUNCHED', 'IN_PROGRESS')), {
          type: 'ChangeMovementStatus',
          data: { to: 'LAUNCHED' },
        }),
      ).rule,
    ).toBe('movement.status-order');
  });
  it('is marked reviewed only from its final review (tổng kết) date', () => {
    const running = given(launched, step('LAUNCHED', 'IN_PROGRESS'));
    expect(
      thenRejected(when(running, { type: 'ChangeMovementStatus', data: { to: 'REVIEWED' } }, secretariat, '2026-12-19'))
        .rule,
    ).toBe('movement.final-review-date');
    expect(
      thenEvents(
        when(
          running,
          { type: 'ChangeMovementStatus', data: { to: 'REVIEWED', note: 'Hội nghị tổng kết' } },
          secretariat,
          '2026-12-20',
        ),
      ),
    ).toEqual([
      {
        type: 'MovementStatusChanged',
        data: { from: 'IN_PROGRESS', to: 'REVIEWED', on: '2026-12-20', note: 'Hội nghị tổng kết' },
      },
    ]);
  });
  it('a closed movement goes nowhere; an unknown one is refused', () => {
    const closed = given(
      launched,
      step('LAUNCHED', 'IN_PROGRESS'),
      step('IN_PROGRESS', 'REVIEWED'),
      step('REVIEWED', 'CLOSED'),
    );
    expect(closed.status).toBe('CLOSED');
    expect(closed.transitions).toHaveLength(3);
    expect(thenRejected(when(closed, { type: 'ChangeMovementStatus', data: { to: 'CLOSED' } })).rule).toBe(
      'movement.status-order',
    );
    expect(thenRejected(when(given(), { type: 'ChangeMovementStatus', data: { to: 'IN_PROGRESS' } })).rule).toBe(
      'movement.known',
    );
  });
});

describe('a thematic round is a thematic movement (nothing rewritten)', () => {
  const round: RoundEvent = {
    type: 'RoundCreated',
    data: { name: 'Chuyển đổi số 2025', opensOn: '2025-10-01', closesOn: '2025-10-31', awardCodes: ['BK_TINH'] },
  };
  it('RoundCreated reads as the launch of a THEMATIC movement over the intake window with the round’s awards', () => {
    expect(given(round)).toMatchObject({
      status: 'LAUNCHED',
      source: 'ROUND',
      definition: {
        name: 'Chuyển đổi số 2025',
        kind: 'THEMATIC',
        period: { from: '2025-10-01', to: '2025-10-31' },
        awardCodes: ['BK_TINH'],
        milestones: { finalReview: '2025-10-31' },
      },
    });
  });
  it('its status advances like any movement, reviewed from the end of the window', () => {
    const running = given(round, step('LAUNCHED', 'IN_PROGRESS'));
    expect(
      thenRejected(when(running, { type: 'ChangeMovementStatus', data: { to: 'REVIEWED' } }, secretariat, '2025-10-30'))
        .rule,
    ).toBe('movement.final-review-date');
    expect(
      thenEvents(when(running, { type: 'ChangeMovementStatus', data: { to: 'REVIEWED' } }, secretariat, '2025-11-03')),
    ).toHaveLength(1);
  });
});

describe('a review’s ceremony follows the decisions it presents', () => {
  const decisions = [
    { dossierId: 'd1', number: '101/QĐ-UBND', date: '2026-12-10' },
    { dossierId: 'd2', number: '115/QĐ-UBND', date: '2026-12-18' },
    { dossierId: 'd3', number: '3/QĐ-SYT', date: '2026-11-30' },
  ];
  const ceremony = (ceremonyDate: string, milestone: 'MID_TERM' | 'FINAL' = 'FINAL'): MovementCommand => ({
    type: 'ScheduleReviewCeremony',
    data: { milestone, ceremonyDate, decisions },
  });

  it('a ceremony before the latest decision is refused, naming that decision and its date', () => {
    const r = thenRejected(when(given(launched), ceremony('2026-12-17')));
    expect([r.code, r.rule]).toEqual(['RULE_VIOLATION', 'movement.ceremony-after-decisions']);
    expect(r.message).toContain('would precede decision 115/QĐ-UBND of 2026-12-18');
  });
  it('on or after it, the ceremony is set with the decision it follows; setting it again replaces it', () => {
    const [e] = thenEvents(when(given(launched), ceremony('2026-12-18')));
    expect(e).toEqual({
      type: 'MovementCeremonyScheduled',
      data: { milestone: 'FINAL', ceremonyDate: '2026-12-18', latestDecision: decisions[1] },
    });
    const [again] = thenEvents(when(given(launched, e), ceremony('2026-12-22')));
    expect(given(launched, e, again).ceremonies).toEqual([again.data]);
  });
  it('without decisions any date does; a mid-term ceremony needs a mid-term review; a closed movement sets none', () => {
    const none: MovementCommand = {
      type: 'ScheduleReviewCeremony',
      data: { milestone: 'MID_TERM', ceremonyDate: '2026-06-30', decisions: [] },
    };
    expect(thenEvents(when(given(launched), none))[0]).toEqual({
      type: 'MovementCeremonyScheduled',
      data: { milestone: 'MID_TERM', ceremonyDate: '2026-06-30' },
    });
    const noMidTerm: MovementEvent = {
      type: 'MovementLaunched',
      data: { ...definition, milestones: { finalReview: '2026-12-20' } },
    };
    expect(thenRejected(when(given(noMidTerm), none)).rule).toBe('movement.milestones');
    expect(thenRejected(when(given(launched), ceremony('2026-13-01'))).rule).toBe('movement.ceremony-date');
    const closed = given(
      launched,
      step('LAUNCHED', 'IN_PROGRESS'),
      step('IN_PROGRESS', 'REVIEWED', '2026-12-20'),
      step('REVIEWED', 'CLOSED', '2026-12-31'),
    );
    expect(thenRejected(when(closed, ceremony('2027-01-05'))).rule).toBe('movement.ceremony-closed');
  });
});
