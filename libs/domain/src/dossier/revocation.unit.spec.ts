import { bonusFor } from '../award/bonus';
import { RULE_SET_2024, RULE_SET_2025 } from '../rule-set/rule-sets';
import type { SubjectKind } from '../award/catalog';
import type { Actor } from '../shared/actor';
import type { DossierCommand } from './commands';
import type { DossierEvent } from './events';
import { evolveAll } from './evolve';
import { REVOCATION_GROUND_INFO, REVOCATION_GROUNDS } from './revocation';
import { progressOf } from './progress';
import type { DossierState } from './types';
import { givenStream, thenEvents, thenRejected, when as whenAt } from './given-when-then';

/** Given events / when command / then events or rejection: revocation after the award (rule 34) and recovery (rule 35). */
const DEC_2025 = Date.UTC(2025, 11, 2, 3);
const actor = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});
const secretariatHead = actor('SECRETARIAT_HEAD', 'sh');
const secretariat = actor('SECRETARIAT_OFFICER', 'so');
const chairman = actor('PROVINCIAL_DECIDER', 'chair');
const head = actor('UNIT_HEAD', 'head', 'SGDDT');
const otherHead = actor('UNIT_HEAD', 'head2', 'SYT');
const clerk = actor('UNIT_CLERK', 'clerk', 'SGDDT');

/** An awarded dossier's stream, for any award and nominee kind. */
function awarded(awardCode: string, kind: SubjectKind = 'INDIVIDUAL', number = '12/QĐ-UBND'): DossierEvent[] {
  return [
    {
      type: 'DossierCreated',
      data: {
        awardCode,
        unitCode: 'SGDDT',
        title: 'Khen thưởng',
        nominee: { kind, fullName: 'Lê Thị Hoa' },
        achievements: 'Hoàn thành xuất sắc',
      },
    },
    { type: 'DossierSubmitted', data: { ruleSetVersion: RULE_SET_2025.version } },
    {
      type: 'CouncilVotingOpened',
      data: { members: ['m1'], rule: RULE_SET_2025.council.default, deadline: '2025-07-08' },
    },
    {
      type: 'CouncilVotingClosed',
      data: { members: 1, present: 1, approvals: 1, rejections: 0, quorumMet: true, passed: true },
    },
    {
      type: 'DossierAwarded',
      data: {
        decision: {
          number,
          authority: 'PROVINCIAL_CHAIRMAN',
          year: 2025,
          signerId: 'chair',
          signedOn: '2025-07-10',
          legalBasis: [],
        },
      },
    },
  ];
}
const given = givenStream('r-1');
const when = (state: DossierState, command: DossierCommand, who: Actor) => whenAt(state, command, who, DEC_2025);
const revoke = (over: Partial<{ ground: string; reason: string; decisionRef: string }> = {}): DossierCommand => ({
  type: 'RevokeAward',
  data: {
    ground: 'FALSE_INFORMATION_OR_FORGERY',
    reason: 'Báo cáo thành tích kê khai sai số liệu',
    decisionRef: '45/QĐ-UBND',
    ...over,
  } as Extract<DossierCommand, { type: 'RevokeAward' }>['data'],
});
const recover = (item: 'AWARD_OBJECT' | 'BONUS', amountVnd?: number): DossierCommand => ({
  type: 'RecordRecovery',
  data: { item, ...(amountVnd !== undefined ? { amountVnd } : {}) },
});
const bonusTask = (events: DossierEvent[]) => {
  const opened = events.find((e) => e.type === 'RecoveryTasksOpened');
  return opened?.type === 'RecoveryTasksOpened' ? opened.data.tasks.find((t) => t.item === 'BONUS') : undefined;
};

describe('the grounds of Law Ch. VII are data', () => {
  it('four grounds, clauses a–d, each with a Vietnamese and an English label', () => {
    expect(REVOCATION_GROUNDS.map((g) => REVOCATION_GROUND_INFO[g].clause)).toEqual(['a', 'b', 'c', 'd']);
    for (const g of REVOCATION_GROUNDS)
      expect(REVOCATION_GROUND_INFO[g]).toEqual({
        clause: expect.any(String),
        vi: expect.any(String),
        en: expect.any(String),
      });
  });
});

describe('revoking a provincial award', () => {
  it('the secretariat head revokes an awarded dossier on a ground with a reason: the award is revoked and two recovery tasks open', () => {
    const events = thenEvents(when(given(...awarded('BK_TINH')), revoke(), secretariatHead));
    expect(events.map((e) => e.type)).toEqual(['AwardRevoked', 'RecoveryTasksOpened']);
    expect(events[0].data).toEqual({
      ground: 'FALSE_INFORMATION_OR_FORGERY',
      clause: 'b',
      legalBasis: `Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 93; Nghị định 152/2025/NĐ-CP (the article detailing Điều 93(9) UNCONFIRMED), ground (b)`,
      reason: 'Báo cáo thành tích kê khai sai số liệu',
      decisionRef: '45/QĐ-UBND',
      revokedDecisionNumber: '12/QĐ-UBND',
      revokedOn: '2025-12-02',
    });
    const after = evolveAll(given(...awarded('BK_TINH')), events);
    expect(after.status).toBe('RECOVERY_PENDING');
    expect(after.revocation?.tasks.map((t) => t.item)).toEqual(['AWARD_OBJECT', 'BONUS']);
    expect(progressOf(after.status).holder).toBe('SECRETARIAT_OFFICER');
  });
  it('the provincial chairman may revoke it too', () => {
    expect(thenEvents(when(given(...awarded('BK_TINH')), revoke(), chairman))[0].type).toBe('AwardRevoked');
  });
  // Corrected by the legal review (issue 8): NĐ 152/2025 Điều 54 gives Bằng khen tỉnh 1.5; the test used to assert "no rate".
  it('Bằng khen tỉnh: 1.5 × 2,340,000 = 3,510,000 VND to recover (NĐ 152/2025 Điều 54)', () => {
    expect(bonusTask(thenEvents(when(given(...awarded('BK_TINH')), revoke(), secretariatHead)))).toMatchObject({
      amountVnd: 3_510_000,
      multiplier: 1.5,
      baseSalaryVnd: 2_340_000,
    });
  });
  it('Chiến sĩ thi đua cấp tỉnh: 3 × 2,340,000 = 7,020,000 VND to recover (rule 35)', () => {
    expect(bonusTask(thenEvents(when(given(...awarded('CSTD_TINH')), revoke(), secretariatHead)))).toMatchObject({
      amountVnd: 7_020_000,
      multiplier: 3,
    });
  });
  it('a unit head does not revoke a provincial award', () => {
    expect(thenRejected(when(given(...awarded('BK_TINH')), revoke(), head))).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'revocation.revoke-role',
    });
  });
  it('the secretariat officer does not revoke', () => {
    expect(thenRejected(when(given(...awarded('BK_TINH')), revoke(), secretariat)).code).toBe('FORBIDDEN');
  });
});

describe('revocation needs an award, a ground and a written reason', () => {
  it('only from AWARDED', () => {
    expect(thenRejected(when(given(...awarded('BK_TINH').slice(0, 4)), revoke(), secretariatHead))).toMatchObject({
      code: 'WRONG_STATE',
      rule: 'dossier.RevokeAward.state',
    });
  });
  it('a ground outside Law Ch. VII is refused', () => {
    expect(thenRejected(when(given(...awarded('BK_TINH')), revoke({ ground: 'DISLIKED' }), secretariatHead)).rule).toBe(
      'revocation.ground',
    );
  });
  it('a blank or token reason is refused', () => {
    expect(thenRejected(when(given(...awarded('BK_TINH')), revoke({ reason: '   ' }), secretariatHead)).rule).toBe(
      'revocation.reason-required',
    );
    expect(thenRejected(when(given(...awarded('BK_TINH')), revoke({ reason: 'sai' }), secretariatHead)).rule).toBe(
      'revocation.reason-required',
    );
  });
  it('the revoking decision must be cited', () => {
    expect(thenRejected(when(given(...awarded('BK_TINH')), revoke({ decisionRef: ' ' }), secretariatHead)).rule).toBe(
      'revocation.decision-ref',
    );
  });
  it('an award is revoked once', () => {
    const revoked = given(
      ...awarded('BK_TINH'),
      ...thenEvents(when(given(...awarded('BK_TINH')), revoke(), secretariatHead)),
    );
    expect(thenRejected(when(revoked, revoke(), secretariatHead)).code).toBe('WRONG_STATE');
  });
});

describe('revoking a grassroots award', () => {
  it('the unit head revokes a CSTĐ cơ sở of the unit: 1 × 2,340,000 VND', () => {
    const events = thenEvents(
      when(
        given(...awarded('CSTD_CO_SO', 'INDIVIDUAL', '1/QĐ-SGDDT')),
        revoke({ ground: 'FRAUDULENT_DECLARATION' }),
        head,
      ),
    );
    expect(bonusTask(events)).toMatchObject({ amountVnd: 2_340_000, multiplier: 1 });
    expect(progressOf(evolveAll(given(...awarded('CSTD_CO_SO')), events).status, 'GRASSROOTS').holder).toBe(
      'UNIT_CLERK',
    );
  });
  it("another unit's head, the secretariat head and the chairman do not", () => {
    const s = given(...awarded('CSTD_CO_SO'));
    expect(thenRejected(when(s, revoke(), otherHead)).rule).toBe('unit.own-dossiers');
    expect(thenRejected(when(s, revoke(), secretariatHead)).rule).toBe('revocation.revoke-role');
    expect(thenRejected(when(s, revoke(), chairman)).rule).toBe('revocation.revoke-role');
  });
  it('Lao động tiên tiến: 0.3 × the base salary = 702,000 VND', () => {
    expect(bonusTask(thenEvents(when(given(...awarded('LD_TIEN_TIEN')), revoke(), head)))).toMatchObject({
      amountVnd: 702_000,
      multiplier: 0.3,
    });
  });
  it('a household gets 1.5 × the individual rate: Giấy khen 0.45 × 2,340,000 = 1,053,000 VND', () => {
    expect(bonusTask(thenEvents(when(given(...awarded('GIAY_KHEN', 'HOUSEHOLD')), revoke(), head)))).toMatchObject({
      amountVnd: 1_053_000,
      multiplier: 0.45,
    });
  });
  it('a collective takes the collective rate: Tập thể lao động tiên tiến 0.8 × 2,340,000 = 1,872,000 VND', () => {
    expect(
      bonusTask(thenEvents(when(given(...awarded('TT_LD_TIEN_TIEN', 'COLLECTIVE')), revoke(), head))),
    ).toMatchObject({ amountVnd: 1_872_000, multiplier: 0.8 });
  });
});

describe('revoking a state-level award (Chương VII applies to every form)', () => {
  const stateAwarded = (awardCode: string, authority: 'PRIME_MINISTER' | 'PRESIDENT', number: string): DossierEvent[] =>
    awarded(awardCode).map((e) =>
      e.type === 'DossierAwarded' ? { ...e, data: { decision: { ...e.data.decision, number, authority } } } : e,
    );
  it("given a Bằng khen Thủ tướng, when the secretariat head records the Prime Minister's annulment, then it is revoked and recovery opens (3.5 × the base salary)", () => {
    const s = given(...stateAwarded('BK_THU_TUONG', 'PRIME_MINISTER', '88/QĐ-TTg'));
    const events = thenEvents(when(s, revoke({ decisionRef: '120/QĐ-TTg' }), secretariatHead));
    expect(events[0]).toMatchObject({
      type: 'AwardRevoked',
      data: { annulledBy: 'PRIME_MINISTER', decisionRef: '120/QĐ-TTg', revokedDecisionNumber: '88/QĐ-TTg' },
    });
    expect(bonusTask(events)).toMatchObject({ amountVnd: 8_190_000, multiplier: 3.5 });
    const pending = evolveAll(s, events);
    expect(pending.status).toBe('RECOVERY_PENDING');
    expect(progressOf(pending.status, 'STATE').holder).toBe('SECRETARIAT_OFFICER');
    expect(thenEvents(when(pending, recover('AWARD_OBJECT'), secretariat))[0].type).toBe('RecoveryRecorded');
  });
  it("a Huân chương is annulled by the President: the province's own decision is refused", () => {
    const s = given(...stateAwarded('HC_LAO_DONG_3', 'PRESIDENT', '501/QĐ-CTN'));
    expect(thenRejected(when(s, revoke({ decisionRef: '45/QĐ-UBND' }), chairman))).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'revocation.competent-authority',
    });
    expect(thenEvents(when(s, revoke({ decisionRef: '77/QĐ-CTN' }), chairman))[0]).toMatchObject({
      data: { annulledBy: 'PRESIDENT' },
    });
  });
  it('a unit head does not record it', () => {
    expect(
      thenRejected(
        when(
          given(...stateAwarded('BK_THU_TUONG', 'PRIME_MINISTER', '88/QĐ-TTg')),
          revoke({ decisionRef: '120/QĐ-TTg' }),
          head,
        ),
      ).rule,
    ).toBe('revocation.revoke-role');
  });
});

describe('recording the recovery', () => {
  const pending = () => {
    const s = given(...awarded('BK_TINH'));
    return evolveAll(s, thenEvents(when(s, revoke(), secretariatHead)));
  };

  it('the first recovered item leaves the dossier pending', () => {
    const events = thenEvents(when(pending(), recover('AWARD_OBJECT'), secretariat));
    expect(events).toEqual([{ type: 'RecoveryRecorded', data: { item: 'AWARD_OBJECT', recordedOn: '2025-12-02' } }]);
    expect(evolveAll(pending(), events).status).toBe('RECOVERY_PENDING');
  });
  it('the last one completes the recovery and closes the dossier', () => {
    const s = evolveAll(pending(), thenEvents(when(pending(), recover('AWARD_OBJECT'), secretariat)));
    const events = thenEvents(when(s, recover('BONUS', 1_500_000), secretariat));
    expect(events).toEqual([
      { type: 'RecoveryRecorded', data: { item: 'BONUS', recordedOn: '2025-12-02', amountVnd: 1_500_000 } },
      { type: 'RecoveryCompleted', data: { completedOn: '2025-12-02' } },
    ]);
    const closed = evolveAll(s, events);
    expect(closed.status).toBe('CLOSED');
    expect(closed.revocation?.recovered.map((r) => r.item)).toEqual(['AWARD_OBJECT', 'BONUS']);
  });
  it('an item is recorded once', () => {
    const s = evolveAll(pending(), thenEvents(when(pending(), recover('AWARD_OBJECT'), secretariat)));
    expect(thenRejected(when(s, recover('AWARD_OBJECT'), secretariat)).rule).toBe('recovery.item-once');
  });
  it('an amount belongs to the bonus only, in whole đồng', () => {
    expect(thenRejected(when(pending(), recover('AWARD_OBJECT', 10), secretariat)).rule).toBe('recovery.amount');
    expect(thenRejected(when(pending(), recover('BONUS', 10.5), secretariat)).rule).toBe('recovery.amount');
  });
  it('the bonus recovered is at most what the award fund ledger records as paid (the API adds it)', () => {
    const paid = (amountVnd: number, paidVnd: number): DossierCommand => ({
      type: 'RecordRecovery',
      data: { item: 'BONUS', amountVnd, paidVnd },
    });
    const over = thenRejected(when(pending(), paid(2_000_001, 2_000_000), secretariat));
    expect([over.code, over.rule]).toEqual(['RULE_VIOLATION', 'recovery.within-paid']);
    expect(over.message).toContain('2000001 đồng exceeds the 2000000 đồng');
    expect(thenRejected(when(pending(), paid(1, 0), secretariat)).rule).toBe('recovery.within-paid');
    expect(thenEvents(when(pending(), paid(2_000_000, 2_000_000), secretariat))).toEqual([
      { type: 'RecoveryRecorded', data: { item: 'BONUS', recordedOn: '2025-12-02', amountVnd: 2_000_000 } },
    ]);
    // A command recorded before the ledger's amount travelled in it (none): decided as then.
    expect(thenEvents(when(pending(), recover('BONUS', 3_510_000), secretariat))[0].type).toBe('RecoveryRecorded');
  });
  it("a unit's staff do not record the recovery of a provincial award", () => {
    expect(thenRejected(when(pending(), recover('BONUS'), clerk)).rule).toBe('revocation.recover-role');
  });
  it('nothing to record before a revocation', () => {
    expect(thenRejected(when(given(...awarded('BK_TINH')), recover('BONUS'), secretariat)).code).toBe('WRONG_STATE');
  });
  it('no dossier command applies after the revocation', () => {
    expect(thenRejected(when(pending(), { type: 'WithdrawDossier', data: { reason: 'Rút' } }, clerk)).code).toBe(
      'WRONG_STATE',
    );
  });
});

describe('bonus tables in the rule sets (rule 35)', () => {
  it('the base salary is the one in force on the decision date: 1,490,000 / 1,800,000 / 2,340,000', () => {
    // given a CSTĐ cơ sở (1 × base salary) decided on three dates, when the bonus is computed, then the salary of that date
    expect(bonusFor(RULE_SET_2025.bonus, 'CSTD_CO_SO', 'INDIVIDUAL', '2023-06-30')).toMatchObject({
      amountVnd: 1_490_000,
      baseSalaryVnd: 1_490_000,
    });
    expect(bonusFor(RULE_SET_2025.bonus, 'CSTD_CO_SO', 'INDIVIDUAL', '2023-07-01')).toMatchObject({
      amountVnd: 1_800_000,
    });
    expect(bonusFor(RULE_SET_2024.bonus, 'CSTD_CO_SO', 'INDIVIDUAL', '2024-06-30')).toMatchObject({
      amountVnd: 1_800_000,
      confirmed: false,
    });
    expect(bonusFor(RULE_SET_2024.bonus, 'CSTD_CO_SO', 'INDIVIDUAL', '2024-07-01')).toMatchObject({
      amountVnd: 2_340_000,
      confirmed: false,
    });
    expect(bonusFor(RULE_SET_2025.bonus, 'CSTD_CO_SO', 'INDIVIDUAL', '2025-12-02')).toMatchObject({
      amountVnd: 2_340_000,
      confirmed: true,
    });
    expect(bonusFor(RULE_SET_2024.bonus, 'CSTD_CO_SO', 'INDIVIDUAL', '2024-03-01').basis).toContain(
      'Nghị định 24/2023/NĐ-CP',
    );
  });
  it('recovery after a revocation uses the decision date: a CSTĐ tỉnh decided 2024-05-10 recovers 3 × 1,800,000', () => {
    const events = awarded('CSTD_TINH').map((e) =>
      e.type === 'DossierAwarded'
        ? { ...e, data: { decision: { ...e.data.decision, signedOn: '2024-05-10', year: 2024 } } }
        : e,
    );
    expect(bonusTask(thenEvents(when(given(...events), revoke(), secretariatHead)))).toMatchObject({
      amountVnd: 5_400_000,
      baseSalaryVnd: 1_800_000,
    });
  });
  it('a rate set for individuals gives collectives nothing (Giấy khen of a collective is unsourced)', () => {
    expect(bonusFor(RULE_SET_2025.bonus, 'GIAY_KHEN', 'COLLECTIVE', '2025-12-02')).toMatchObject({ amountVnd: null });
  });
  // Corrected (issue 8): the base salary is national law (NĐ 73/2024), not a province's figure; a table snapshotted
  // before the effective-dated list keeps its single figure.
  it('a bonus table without the effective-dated list (an old snapshot) keeps its single base salary', () => {
    expect(
      bonusFor(
        { ...RULE_SET_2025.bonus, baseSalaries: undefined, baseSalaryVnd: 2_530_000 },
        'CSTD_TINH',
        'INDIVIDUAL',
        '2020-01-01',
      ).amountVnd,
    ).toBe(7_590_000);
  });
});

describe('multipliers of NĐ 152/2025 Điều 51 and 54 (2025 rule set)', () => {
  const m = (code: string, kind: SubjectKind = 'INDIVIDUAL') =>
    bonusFor(RULE_SET_2025.bonus, code, kind, '2025-12-02').multiplier;
  it.each([
    ['HC_HO_CHI_MINH', 30.5],
    ['HC_DOC_LAP_1', 15],
    ['HC_DOC_LAP_2', 12.5],
    ['HC_DOC_LAP_3', 10.5],
    ['HC_QUAN_CONG_1', 15],
    ['HC_QUAN_CONG_2', 12.5],
    ['HC_QUAN_CONG_3', 10.5],
    ['HC_LAO_DONG_1', 9],
    ['HC_LAO_DONG_2', 7.5],
    ['HC_LAO_DONG_3', 4.5],
    ['HC_CHIEN_CONG_1', 9],
    ['HC_CHIEN_CONG_2', 7.5],
    ['HC_CHIEN_CONG_3', 4.5],
    ['HC_BAO_VE_TO_QUOC_1', 9],
    ['HC_BAO_VE_TO_QUOC_2', 7.5],
    ['HC_BAO_VE_TO_QUOC_3', 4.5],
    ['HC_DAI_DOAN_KET', 7.5],
    ['HC_DUNG_CAM', 4.5],
    ['BK_THU_TUONG', 3.5],
    ['BK_TINH', 1.5],
  ])('%s: %p × the base salary for an individual', (code, multiplier) => {
    expect(m(code)).toBe(multiplier);
  });
  it('Huân chương Độc lập hạng Nhì is 12.5, not 12 (corrected)', () => {
    expect(bonusFor(RULE_SET_2025.bonus, 'HC_DOC_LAP_2', 'INDIVIDUAL', '2025-12-02')).toMatchObject({
      amountVnd: 29_250_000,
      confirmed: true,
    });
  });
  it('a collective receives twice the individual rate of an order (Điều 51(2))', () => {
    expect(m('HC_LAO_DONG_3', 'COLLECTIVE')).toBe(9);
    expect(m('HC_DOC_LAP_2', 'COLLECTIVE')).toBe(25);
  });
  it('the 2024 rule set cites NĐ 98/2023, never NĐ 152/2025, for its table', () => {
    expect(RULE_SET_2024.bonus.legalBasis).toContain('98/2023');
    expect(Object.values(RULE_SET_2024.bonus.rates).every((r) => r.legalBasis?.includes('98/2023'))).toBe(true);
  });
});
