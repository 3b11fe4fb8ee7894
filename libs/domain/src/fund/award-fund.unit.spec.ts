import type { Actor } from '../shared/actor';
import type { Decision } from '../shared/errors';
import { RULE_SET_2024, RULE_SET_2025 } from '../rule-set/rule-sets';
import {
  amountDue,
  amountToRecover,
  decideFundPayment,
  evolveAwardFund,
  initialAwardFundState,
  type AwardFundEvent,
  type AwardFundState,
  type FundedDecision,
  type FundPayment,
} from './award-fund';

const secretariat: Actor = { userId: 's1', role: 'SECRETARIAT_OFFICER', unitCode: 'UBND' };
const decision: FundedDecision = {
  dossierId: 'd1',
  awardCode: 'BK_TINH',
  unitCode: 'SGDDT',
  decisionNumber: '12/QĐ-UBND',
  decidedOn: '2026-03-02',
  dueVnd: 2_340_000,
  revoked: false,
};
const payment: FundPayment = {
  amountVnd: 2_340_000,
  paidOn: '2026-03-20',
  source: 'STATE_BUDGET',
  voucherRef: 'PC 15/2026',
};
const given = (...events: AwardFundEvent[]): AwardFundState =>
  events.reduce(evolveAwardFund, initialAwardFundState('d1'));
const when = (
  state: AwardFundState,
  p: Partial<FundPayment> = {},
  actor: Actor = secretariat,
  d: FundedDecision = decision,
): Decision<AwardFundEvent[]> =>
  decideFundPayment(
    state,
    { type: 'RecordFundPayment', data: { ...payment, ...p } },
    { actor, today: '2026-04-01', decision: d },
  );
const rule = (r: Decision<AwardFundEvent[]>) => (r.ok ? 'accepted' : r.rejection.rule);
const paid = (amountVnd: number): AwardFundEvent => ({
  type: 'AwardFundPaymentRecorded',
  data: { ...payment, amountVnd, dossierId: 'd1' },
});

describe('what a decision makes due (rule 35: multiplier × the base salary in force on the decision date)', () => {
  it('a Bằng khen of the provincial chairman: 1.5 × the base salary in force on the decision date, twice for a collective', () => {
    expect(amountDue(RULE_SET_2025, 'BK_TINH', 'INDIVIDUAL', '2025-08-01')).toMatchObject({
      multiplier: 1.5,
      baseSalaryVnd: 2_340_000,
      amountVnd: 3_510_000,
    });
    expect(amountDue(RULE_SET_2025, 'BK_TINH', 'COLLECTIVE', '2025-08-01').amountVnd).toBe(7_020_000);
  });
  it('the base salary is the one of the decision date, not of today', () => {
    const table = RULE_SET_2024.bonus;
    expect(amountDue(RULE_SET_2024, 'CSTD_CO_SO', 'INDIVIDUAL', '2024-06-30').baseSalaryVnd).toBe(
      table.baseSalaries?.length ? 1_800_000 : table.baseSalaryVnd,
    );
    expect(amountDue(RULE_SET_2024, 'CSTD_CO_SO', 'INDIVIDUAL', '2024-07-01').baseSalaryVnd).toBe(
      table.baseSalaries?.length ? 2_340_000 : table.baseSalaryVnd,
    );
  });
  it('an award without a rate in the bound rule set is due "as actually paid" (null)', () => {
    expect(amountDue(RULE_SET_2025, 'NO_SUCH_AWARD', 'INDIVIDUAL', '2026-01-01').amountVnd).toBeNull();
  });
});

describe('recording a payment from the award fund (Luật Điều 90)', () => {
  it('the secretariat records a payment of a provincial award: amount, date, source, voucher', () => {
    expect(when(given())).toEqual({
      ok: true,
      value: [{ type: 'AwardFundPaymentRecorded', data: { ...payment, dossierId: 'd1' } }],
    });
  });
  it('in instalments up to the amount due, never more', () => {
    expect(rule(when(given(paid(2_000_000)), { amountVnd: 340_000 }))).toBe('accepted');
    expect(rule(when(given(paid(2_000_000)), { amountVnd: 340_001 }))).toBe('fund.over-due');
    expect(rule(when(given(), { amountVnd: 99_999_999 }, secretariat, { ...decision, dueVnd: null }))).toBe('accepted');
  });
  it('not before the decision, not in the future, not without a voucher, a source or a positive whole amount', () => {
    expect(rule(when(given(), { paidOn: '2026-03-01' }))).toBe('fund.paid-after-decision');
    expect(rule(when(given(), { paidOn: '2026-04-02' }))).toBe('fund.paid-on');
    expect(rule(when(given(), { voucherRef: '  ' }))).toBe('fund.voucher');
    expect(rule(when(given(), { source: 'LOTTERY' as never }))).toBe('fund.source');
    expect(rule(when(given(), { amountVnd: 0 }))).toBe('fund.amount');
    expect(rule(when(given(), { amountVnd: 10.5 }))).toBe('fund.amount');
  });
  it('a revoked award is paid no more', () => {
    expect(rule(when(given(), {}, secretariat, { ...decision, revoked: true }))).toBe('fund.revoked');
  });
  it('the secretariat pays provincial awards, the deciding unit its grassroots titles', () => {
    const unitClerk: Actor = { userId: 'c', role: 'UNIT_CLERK', unitCode: 'SGDDT' };
    const grassroots: FundedDecision = { ...decision, awardCode: 'CSTD_CO_SO', dueVnd: 1_000_000 };
    expect(rule(when(given(), { amountVnd: 1_000_000 }, unitClerk, grassroots))).toBe('accepted');
    expect(rule(when(given(), {}, unitClerk))).toBe('role.RecordFundPayment');
    expect(rule(when(given(), { amountVnd: 1_000_000 }, secretariat, grassroots))).toBe('role.RecordFundPayment');
    expect(rule(when(given(), { amountVnd: 1_000_000 }, { ...unitClerk, unitCode: 'SYT' }, grassroots))).toBe(
      'role.RecordFundPayment',
    );
  });
  it('after a revocation, what is recovered is what was actually paid, not what was due', () => {
    expect(amountToRecover(given(paid(1_500_000), paid(300_000)))).toBe(1_800_000);
    expect(amountToRecover(given())).toBe(0);
  });
});
