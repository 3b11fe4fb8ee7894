import {
  checkFlagProposals,
  flagQuota,
  rankMembers,
  validateAssessment,
  validateTemplate,
  type ScoringTemplate,
  type SelfAssessment,
} from './scoring';
import { decideFormBlock, rotateLeadership } from './block';

const template: ScoringTemplate = {
  criteria: [
    { code: 'C1', title: 'Hoàn thành nhiệm vụ chuyên môn', maxPoints: 60, evidenceRequired: true },
    { code: 'C2', title: 'Phong trào thi đua', maxPoints: 30, evidenceRequired: false },
  ],
  maxBonus: 5,
  maxPenalty: 10,
};
const assessed = (unitCode: string, c1: number, c2: number, bonus = 0, penalty = 0): SelfAssessment => ({
  unitCode,
  scores: [
    { criterionCode: 'C1', points: c1, evidence: ['12/BC-X'] },
    { criterionCode: 'C2', points: c2, evidence: [] },
  ],
  bonus,
  penalty,
  submittedOn: '2027-01-30',
});

describe('scoring template and self-assessment', () => {
  it('a template has criteria with positive maxima and unique codes', () => {
    expect(validateTemplate(template)).toBeUndefined();
    expect(validateTemplate({ ...template, criteria: [] })?.rule).toBe('block.template');
    expect(validateTemplate({ ...template, criteria: [template.criteria[0], template.criteria[0]] })?.rule).toBe(
      'block.template',
    );
    expect(validateTemplate({ ...template, criteria: [{ ...template.criteria[0], maxPoints: 0 }] })?.rule).toBe(
      'block.template',
    );
  });
  it('points above a criterion maximum, and bonus or penalty above theirs, are refused', () => {
    expect(validateAssessment(template, assessed('A', 61, 0))?.rule).toBe('block.points-within-max');
    expect(validateAssessment(template, assessed('A', 50, 0, 6))?.rule).toBe('block.points-within-max');
    expect(validateAssessment(template, assessed('A', 50, 0, 0, 11))?.rule).toBe('block.points-within-max');
  });
  it('points on a criterion that requires evidence need at least one evidence reference', () => {
    const noEvidence = { ...assessed('A', 50, 20), scores: [{ criterionCode: 'C1', points: 50, evidence: [] }] };
    expect(validateAssessment(template, noEvidence)?.rule).toBe('block.evidence-required');
    expect(
      validateAssessment(template, { ...noEvidence, scores: [{ criterionCode: 'C1', points: 0, evidence: [] }] }),
    ).toBeUndefined();
  });
  it('an unknown criterion is refused', () => {
    expect(
      validateAssessment(template, {
        ...assessed('A', 1, 1),
        scores: [{ criterionCode: 'C9', points: 1, evidence: [] }],
      })?.rule,
    ).toBe('block.assessment-criteria');
  });
});

describe('ranking: total = criteria + bonus − penalty, ties broken by fewer penalty points, then more criteria points, else shared', () => {
  it('orders by total', () => {
    const r = rankMembers(
      ['A', 'B', 'C'],
      [assessed('A', 50, 20), assessed('B', 55, 25), assessed('C', 40, 20, 5)],
      [],
    );
    expect(r.map((m) => [m.unitCode, m.total, m.rank])).toEqual([
      ['B', 80, 1],
      ['A', 70, 2],
      ['C', 65, 3],
    ]);
  });
  it('equal totals: the member with fewer penalty points ranks first', () => {
    // A: 80 + 0 − 5 = 75; B: 75 + 0 − 0 = 75.
    const r = rankMembers(['A', 'B'], [assessed('A', 55, 25, 0, 5), assessed('B', 50, 25)], []);
    expect(r.map((m) => [m.unitCode, m.rank])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
  });
  it('equal totals and penalties: more criteria points (less bonus) ranks first', () => {
    // A: 70 + 5 = 75; B: 75 + 0 = 75.
    const r = rankMembers(['A', 'B'], [assessed('A', 50, 20, 5), assessed('B', 50, 25)], []);
    expect(r.map((m) => [m.unitCode, m.rank])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
  });
  it('members equal on every key share the rank, and the next rank skips (1, 1, 3)', () => {
    const r = rankMembers(['C', 'A', 'B'], [assessed('A', 50, 20), assessed('B', 50, 20), assessed('C', 40, 20)], []);
    expect(r.map((m) => [m.unitCode, m.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
    ]);
  });
  it('the cross-review adjustment replaces the self-assessed points (the last one per target wins)', () => {
    const r = rankMembers(
      ['A', 'B'],
      [assessed('A', 55, 25), assessed('B', 50, 25)],
      [
        { unitCode: 'A', target: 'C1', points: 40, reason: 'Thiếu minh chứng' },
        { unitCode: 'A', target: 'C1', points: 45, reason: 'Bổ sung minh chứng' },
        { unitCode: 'B', target: 'PENALTY', points: 2, reason: 'Chậm báo cáo' },
      ],
    );
    expect(r.map((m) => [m.unitCode, m.total, m.rank])).toEqual([
      ['B', 73, 1],
      ['A', 70, 2],
    ]);
  });
  it('a member without a self-assessment counts 0 and ranks last, even below a negative total', () => {
    const r = rankMembers(['A', 'B'], [assessed('B', 0, 0, 0, 10)], []);
    expect(r.map((m) => [m.unitCode, m.total, m.rank, m.assessed])).toEqual([
      ['B', -10, 1, true],
      ['A', 0, 2, false],
    ]);
  });
});

describe('flag quotas [U]: one provincial flag per block (two from ten members), one for the Government, from the leaders', () => {
  const ranking = rankMembers(
    ['A', 'B', 'C'],
    [assessed('A', 50, 20), assessed('B', 50, 20), assessed('C', 40, 20)],
    [],
  );
  it('quota grows with a large block', () => {
    expect(flagQuota(4)).toEqual({ provincial: 1, government: 1 });
    expect(flagQuota(10)).toEqual({ provincial: 2, government: 1 });
  });
  it('a member sharing first place may be proposed; the block chooses between tied leaders', () => {
    expect(checkFlagProposals(ranking, { provincial: ['B'], government: ['B'] })).toBeUndefined();
  });
  it('more proposals than the quota are refused', () => {
    expect(checkFlagProposals(ranking, { provincial: ['A', 'B'], government: [] })?.rule).toBe('block.flag-quota');
  });
  it('a member below the quota places is refused, naming its rank', () => {
    const r = checkFlagProposals(ranking, { provincial: ['C'], government: [] });
    expect(r).toMatchObject({ rule: 'block.flag-leading' });
    expect(r?.message).toContain('ranks 3 of 3');
  });
  it("the Government's flag only for a member also proposed for the province's", () => {
    expect(checkFlagProposals(ranking, { provincial: ['A'], government: ['B'] })?.rule).toBe('block.flag-government');
  });
});

describe('rotation of head and deputy [U]: members lead in the block order; the deputy is next year’s head', () => {
  it('the first year: the first two members', () => {
    expect(rotateLeadership(['A', 'B', 'C'])).toEqual({ head: 'A', deputy: 'B' });
  });
  it('the next year: the member after last year’s head, and wraps around', () => {
    expect(rotateLeadership(['A', 'B', 'C'], { head: 'A', order: ['A', 'B', 'C'] })).toEqual({
      head: 'B',
      deputy: 'C',
    });
    expect(rotateLeadership(['A', 'B', 'C'], { head: 'C', order: ['A', 'B', 'C'] })).toEqual({
      head: 'A',
      deputy: 'B',
    });
  });
  it('last year’s head has left: the first later member of the old order still in the block leads', () => {
    expect(rotateLeadership(['A', 'C', 'D'], { head: 'B', order: ['A', 'B', 'C', 'D'] })).toEqual({
      head: 'C',
      deputy: 'D',
    });
    expect(rotateLeadership(['A', 'C'], { head: 'X', order: [] })).toEqual({ head: 'A', deputy: 'C' });
  });
  it('a block needs two distinct members, formed by the secretariat', () => {
    const secretariat = { userId: 's', role: 'SECRETARIAT_OFFICER' as const };
    const def = {
      code: 'K1',
      name: 'Khối 1',
      provinceCode: 'P',
      members: [
        { unitCode: 'A', name: 'A' },
        { unitCode: 'B', name: 'B' },
      ],
    };
    expect(decideFormBlock(def, secretariat).ok).toBe(true);
    expect(decideFormBlock({ ...def, members: [def.members[0]] }, secretariat)).toMatchObject({
      ok: false,
      rejection: { rule: 'block.members' },
    });
    expect(decideFormBlock({ ...def, members: [def.members[0], def.members[0]] }, secretariat)).toMatchObject({
      ok: false,
      rejection: { rule: 'block.members' },
    });
    expect(decideFormBlock(def, { userId: 'c', role: 'UNIT_CLERK', unitCode: 'A' })).toMatchObject({
      ok: false,
      rejection: { code: 'FORBIDDEN' },
    });
  });
});
