import type { Actor } from '../shared/actor';
import type { DossierCommand } from './commands';
import type { DossierEvent } from './events';
import { type DossierState } from './types';
import { exampleBkThuTuongContent, exampleBkTinhContent } from './examples';
import type { RoundSnapshot } from './variants';
import { checkDossierParts } from '../eligibility/dossier-parts';
import { RULE_SET_2025 } from '../rule-set/rule-sets';
import { givenStream, thenEvents, thenRejected, when as whenAt } from './given-when-then';

/** Procedure variants (law page §7): ad-hoc intake (rule 31), the simplified procedure (Law Art. 85), thematic rounds (rule 32). */
const OCT_2025 = Date.UTC(2025, 9, 15, 3); // 10:00 in Hà Nội, 15/10/2025 (a Wednesday)
const actor = (role: Actor['role'], userId = role.toLowerCase(), unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});
const clerk = actor('UNIT_CLERK', 'clerk', 'SGDDT');
const head = actor('UNIT_HEAD', 'head', 'SGDDT');

const content = exampleBkTinhContent(2024);
const withoutMinutes = content.parts.filter((p) => p.kind !== 'BIEN_BAN');
type CreateData = Extract<DossierCommand, { type: 'CreateDossier' }>['data'];
const createData = (over: Partial<CreateData> = {}): CreateData => ({
  awardCode: 'BK_TINH',
  unitCode: 'SGDDT',
  title: 'Bằng khen',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
  achievements: 'Cứu người trong lũ',
  ...content,
  ...over,
});
const created = (over: Partial<CreateData> = {}): DossierEvent => ({ type: 'DossierCreated', data: createData(over) });
const round: RoundSnapshot = {
  roundId: 'r-1',
  name: 'Phong trào chuyển đổi số 2025',
  opensOn: '2025-10-01',
  closesOn: '2025-10-31',
  awardCodes: ['BK_TINH'],
};

const given = givenStream('d-1');
const when = (state: DossierState, command: DossierCommand, who: Actor, now = OCT_2025) =>
  whenAt(state, command, who, now);
const submit = (r?: RoundSnapshot): DossierCommand => ({ type: 'SubmitDossier', data: r ? { round: r } : {} });

describe('the commendation type on a dossier (Law Art. 8)', () => {
  it('is carried from CreateDossier into DossierCreated and the state', () => {
    const [event] = thenEvents(
      when(given(), { type: 'CreateDossier', data: createData({ commendationType: 'LONG_SERVICE' }) }, clerk),
    );
    expect(event).toMatchObject({ type: 'DossierCreated', data: { commendationType: 'LONG_SERVICE' } });
    expect(given(event).commendationType).toBe('LONG_SERVICE');
  });
  it('reaches the eligibility assessment: an ad-hoc state-level award escapes rule 16 (one state-level form a year)', () => {
    const bkTtg = exampleBkThuTuongContent(2024);
    const state = given(
      created({ awardCode: 'BK_THU_TUONG', ...bkTtg, commendationType: 'AD_HOC', achievementDate: '2025-10-01' }),
    );
    const [submitted] = thenEvents(when(state, submit(), clerk));
    const rule16 =
      submitted.type === 'DossierSubmitted'
        ? submitted.data.eligibility?.criteria.find((c) => c.rule === '16')
        : undefined;
    expect(rule16?.explanation).toBe('Not applied: AD_HOC awards are exempt');
  });
  it('a periodic dossier (no type named) is unchanged: submitted as before', () => {
    expect(thenEvents(when(given(created()), submit(), clerk)).map((e) => e.type)).toEqual(['DossierSubmitted']);
    expect(given(created()).commendationType).toBeUndefined();
  });
  it('a periodic dossier still needs the biên bản', () => {
    expect(thenRejected(when(given(created({ parts: withoutMinutes })), submit(), clerk))).toMatchObject({
      rule: 'dossier.parts-complete',
    });
  });
});

describe('ad-hoc (đột xuất) dossiers, rule 31 [U]: intake ≤ 45 days after the achievement', () => {
  it('must name the achievement date', () => {
    expect(
      thenRejected(when(given(), { type: 'CreateDossier', data: createData({ commendationType: 'AD_HOC' }) }, clerk)),
    ).toMatchObject({ code: 'INVALID', rule: 'ad-hoc.achievement-date' });
  });
  it('on time: 45 days after the achievement is still accepted', () => {
    expect(
      thenEvents(
        when(given(created({ commendationType: 'AD_HOC', achievementDate: '2025-08-31' })), submit(), clerk),
      ).map((e) => e.type),
    ).toEqual(['DossierSubmitted']);
  });
  it('late: 46 days after the achievement is refused with the rule and its explanation', () => {
    const rejection = thenRejected(
      when(given(created({ commendationType: 'AD_HOC', achievementDate: '2025-08-30' })), submit(), clerk),
    );
    expect(rejection).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'ad-hoc.intake-window',
      details: { rule: '31', intakeDays: 45, elapsedDays: 46 },
    });
    expect(rejection.message).toMatch(/Rule 31.*45 days.*UNCONFIRMED/);
  });
  it('the intake window is a rule-set setting with an UNCONFIRMED note', () => {
    expect(RULE_SET_2025.variants.adHoc).toMatchObject({ intakeDays: 45, confirmed: false });
    expect(RULE_SET_2025.variants.adHoc.note).toMatch(/UNCONFIRMED/);
  });
});

describe('the simplified procedure (Law Art. 85)', () => {
  const simplified = created({
    commendationType: 'AD_HOC',
    achievementDate: '2025-10-01',
    simplified: true,
    parts: withoutMinutes,
  });
  it('is for ad-hoc dossiers only', () => {
    expect(
      thenRejected(when(given(), { type: 'CreateDossier', data: createData({ simplified: true }) }, clerk)),
    ).toMatchObject({ rule: 'simplified.ad-hoc-only' });
  });
  it('accepts the simplified package without the biên bản of the council', () => {
    expect(thenEvents(when(given(simplified), submit(), clerk)).map((e) => e.type)).toEqual(['DossierSubmitted']);
  });
  it('the package is data: tờ trình and báo cáo thành tích, no biên bản', () => {
    expect(
      checkDossierParts({
        awardCode: 'BK_TINH',
        subjectKind: 'INDIVIDUAL',
        parts: withoutMinutes,
        ruleSetVersion: RULE_SET_2025.version,
        variant: 'SIMPLIFIED',
      }),
    ).toEqual({ complete: true, missing: [] });
    expect(
      checkDossierParts({
        awardCode: 'BK_TINH',
        subjectKind: 'INDIVIDUAL',
        parts: [],
        ruleSetVersion: RULE_SET_2025.version,
        variant: 'SIMPLIFIED',
      }).missing.map((m) => m.part),
    ).toEqual(['TO_TRINH', 'BAO_CAO_THANH_TICH']);
  });
  it('an ad-hoc dossier that is not simplified still needs the biên bản', () => {
    expect(
      thenRejected(
        when(
          given(created({ commendationType: 'AD_HOC', achievementDate: '2025-10-01', parts: withoutMinutes })),
          submit(),
          clerk,
        ),
      ).rule,
    ).toBe('dossier.parts-complete');
  });
  it('the appraisal clock is shorter: the rule set’s simplified appraisal working days', () => {
    const state = given(simplified, ...thenEvents(when(given(simplified), submit(), clerk)));
    const events = thenEvents(when(state, { type: 'ApproveAtUnit', data: {} }, head));
    expect(events[1]).toEqual({
      type: 'AppraisalClockStarted',
      data: { deadline: '2025-10-22', workingDays: RULE_SET_2025.variants.simplified.appraisalWD },
    });
    expect(RULE_SET_2025.variants.simplified.appraisalWD).toBeLessThan(RULE_SET_2025.deadlines.appraisalWD);
  });
});

describe('thematic rounds (theo đợt / chuyên đề), rule 32 [U]', () => {
  const thematic = created({ commendationType: 'THEMATIC', roundId: 'r-1' });
  it('a thematic dossier names its round', () => {
    expect(
      thenRejected(when(given(), { type: 'CreateDossier', data: createData({ commendationType: 'THEMATIC' }) }, clerk))
        .rule,
    ).toBe('round.named');
  });
  it('inside the window, for an award the round accepts: submitted', () => {
    expect(thenEvents(when(given(thematic), submit(round), clerk)).map((e) => e.type)).toEqual(['DossierSubmitted']);
  });
  it('outside the window: refused with the window', () => {
    const rejection = thenRejected(when(given(thematic), submit({ ...round, closesOn: '2025-10-14' }), clerk));
    expect(rejection).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'round.open',
      details: { rule: '32', closesOn: '2025-10-14' },
    });
  });
  it('before the round opens: refused', () => {
    expect(thenRejected(when(given(thematic), submit({ ...round, opensOn: '2025-10-16' }), clerk)).rule).toBe(
      'round.open',
    );
  });
  it('an award the round does not accept: refused with the awards it takes', () => {
    const rejection = thenRejected(when(given(thematic), submit({ ...round, awardCodes: ['GK_DON_VI'] }), clerk));
    expect(rejection).toMatchObject({ rule: 'round.award', details: { awardCodes: ['GK_DON_VI'] } });
  });
  it('no round passed in (unknown round): refused', () => {
    expect(thenRejected(when(given(thematic), submit(), clerk)).rule).toBe('round.open');
  });
});
