import { RULE_SET_2025 } from '../rule-set/rule-sets';
import type { Actor } from '../shared/actor';
import type { DossierEvent } from '../dossier/events';
import { exampleCstdCoSoContent } from '../dossier/examples';
import { givenStream, thenEvents, thenRejected, when } from '../dossier/given-when-then';
import { identityOf, normaliseName, sameInitiative, type InitiativeUse } from './initiatives';

/** Rules 12 and 13 across every dossier and the award history: the registry's uses come with the submission. */
const JULY_2025 = Date.UTC(2025, 6, 1, 3);
const clerk: Actor = { userId: 'c', role: 'UNIT_CLERK', unitCode: 'SGDDT' };
const given = givenStream('d-new');
const initiative = {
  id: 'Sáng kiến số 12: Ứng dụng CNTT trong giảng dạy',
  kind: 'INITIATIVE' as const,
  level: 'CO_SO' as const,
  year: 2024,
  recognition: { decision: '15/QĐ-SGDĐT', level: 'CO_SO' as const, date: '2024-11-20' },
};
const base = exampleCstdCoSoContent(2024);
/** A CSTĐ cơ sở that rests on its initiative (rated HTTNV, so the initiative is the standard). */
const created = (achievementId?: string): DossierEvent => ({
  type: 'DossierCreated',
  data: {
    awardCode: 'CSTD_CO_SO',
    unitCode: 'SGDDT',
    title: 'CSTĐ cơ sở',
    nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn Bình' },
    achievements: 'Sáng kiến',
    parts: base.parts,
    record: {
      ...base.record,
      ratings: [{ year: 2024, rating: 'HTTNV' }],
      initiatives: [initiative],
      initiativeIds: [initiative.id],
      ...(achievementId ? { achievementId } : {}),
    },
  },
});
const usedElsewhere = (over: Partial<InitiativeUse> = {}): InitiativeUse => ({
  initiativeId: 'sáng kiến số 12 - ứng dụng cntt trong giảng dạy',
  ...identityOf({ id: 'sáng kiến số 12 - ứng dụng cntt trong giảng dạy', recognition: initiative.recognition }),
  dossierId: 'd-old',
  decisionNumber: '7/QĐ-SGDDT',
  ...over,
});

describe('the initiative registry matches on a normalised identity', () => {
  it('case, diacritics, đ and punctuation do not make another initiative', () => {
    expect(normaliseName('Sáng kiến số 12: Ứng dụng CNTT – Đổi mới')).toBe(
      normaliseName('sang kien so 12 ung dung cntt doi moi'),
    );
  });
  it('the same name under another recognition decision is another initiative; a use that names no decision matches by name', () => {
    const a = identityOf(initiative);
    expect(
      sameInitiative(
        a,
        identityOf({ id: initiative.id, recognition: { ...initiative.recognition, decision: '99/QĐ-SYT' } }),
      ),
    ).toBe(false);
    expect(sameInitiative(a, identityOf({ id: 'SÁNG KIẾN SỐ 12 ứng dụng cntt trong giảng dạy' }))).toBe(true);
  });
});

describe('rule 12: an initiative already used for an award in another dossier is refused by the system', () => {
  it('given the registry knows the initiative backed dossier d-old (awarded 7/QĐ-SGDDT), when this dossier cites it, then submission is refused naming both', () => {
    const rejection = thenRejected(
      when(given(created()), { type: 'SubmitDossier', data: { usedInitiatives: [usedElsewhere()] } }, clerk, JULY_2025),
    );
    expect(rejection.rule).toBe('eligibility');
    expect(rejection.message).toContain('already backed dossier d-old (decision 7/QĐ-SGDDT)');
  });
  it('without the registry knowing anything (older commands), the same dossier passes as before', () => {
    expect(thenEvents(when(given(created()), { type: 'SubmitDossier', data: {} }, clerk, JULY_2025))[0].type).toBe(
      'DossierSubmitted',
    );
  });
  it("the dossier's own earlier submission is no reuse (resubmitted after a return)", () => {
    expect(
      thenEvents(
        when(
          given(created()),
          { type: 'SubmitDossier', data: { usedInitiatives: [usedElsewhere({ dossierId: 'd-new' })] } },
          clerk,
          JULY_2025,
        ),
      )[0].type,
    ).toBe('DossierSubmitted');
  });
});

describe('rule 13: one achievement, one reward, across all dossiers', () => {
  it('given another dossier already proposed for achievement "lu-2024", when this one names it, then submission is refused naming that dossier', () => {
    const used = [
      { achievementId: 'LU-2024 ', dossierId: 'd-other', awardCode: 'BK_TINH', decisionNumber: '12/QĐ-UBND' },
    ];
    const rejection = thenRejected(
      when(given(created('lu-2024')), { type: 'SubmitDossier', data: { usedAchievements: used } }, clerk, JULY_2025),
    );
    expect(rejection.message).toContain(
      'achievement lu-2024 is already used by dossier d-other (decision 12/QĐ-UBND) for Bằng khen tỉnh',
    );
  });
  it('the submitted event keeps what the check found', () => {
    const [submitted] = thenEvents(
      when(given(created('lu-2024')), { type: 'SubmitDossier', data: { usedAchievements: [] } }, clerk, JULY_2025),
    );
    expect(submitted).toMatchObject({ type: 'DossierSubmitted', data: { ruleSetVersion: RULE_SET_2025.version } });
  });
});
