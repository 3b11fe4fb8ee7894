import { RULE_SET_2024, RULE_SET_2025 } from './rule-sets';
import { appraisalWDFor, centralCouncilRuleOf } from './select';
import type { RuleSet } from './types';

/** Each rule set cites the texts in force for its period (law page rule 1). */
describe('citations per rule set', () => {
  it('given the 2024 rule set, then nothing in it cites Nghị định 152/2025', () => {
    expect(JSON.stringify(RULE_SET_2024)).not.toContain('152/2025');
  });
  it('the 2024 set cites NĐ 98/2023 Điều 46(1) for the Ministry of Home Affairs public consultation; the 2025 set NĐ 152/2025 Điều 60(3)', () => {
    expect(RULE_SET_2024.stateRoute.centralConsultation.legalBasis).toContain('Nghị định 98/2023/NĐ-CP, Điều 46(1)');
    expect(RULE_SET_2025.stateRoute.centralConsultation.legalBasis).toContain('Nghị định 152/2025/NĐ-CP, Điều 60(3)');
  });
  it('the 2025 set cites NĐ 152/2025 where it replaced NĐ 98/2023: posting Điều 44(2), the bonus tables, the simplified procedure', () => {
    expect(RULE_SET_2025.stateRoute.publicPosting?.legalBasis).toContain('Nghị định 152/2025/NĐ-CP, Điều 44(2)');
    expect(RULE_SET_2025.bonus.legalBasis).toContain('Nghị định 152/2025/NĐ-CP');
    expect(RULE_SET_2025.variants.simplified.legalBasis).toContain('Nghị định 152/2025/NĐ-CP');
    expect(RULE_SET_2024.variants.simplified.legalBasis).toContain('Nghị định 98/2023/NĐ-CP');
  });
  it('revocation rests on Luật Điều 93 and the decree of the period', () => {
    expect(RULE_SET_2024.revocationLegalBasis).toBe(
      'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 93; Nghị định 98/2023/NĐ-CP (details Điều 93(9))',
    );
    expect(RULE_SET_2025.revocationLegalBasis).toContain('Điều 93; Nghị định 152/2025/NĐ-CP');
  });
});

describe('the appraisal period is per award in the rule set (law page §6.2)', () => {
  it("given no award-specific period, then every award takes today's 10 WD", () => {
    expect(appraisalWDFor(RULE_SET_2025, 'BK_TINH')).toBe(10);
    expect(appraisalWDFor(RULE_SET_2025, 'HC_DOC_LAP_1')).toBe(10);
  });
  it('given a period for an award, then that award takes it and the others keep the default', () => {
    const withPeriods: RuleSet = {
      ...RULE_SET_2025,
      deadlines: { ...RULE_SET_2025.deadlines, appraisalWDByAward: { BK_THU_TUONG: 15, HC_DOC_LAP_1: 30 } },
    };
    expect([
      appraisalWDFor(withPeriods, 'BK_THU_TUONG'),
      appraisalWDFor(withPeriods, 'HC_DOC_LAP_1'),
      appraisalWDFor(withPeriods, 'BK_TINH'),
    ]).toEqual([15, 30, 10]);
  });
  it('a rule set snapshotted before the per-award periods existed takes its single period', () => {
    const { appraisalWDByAward: _omitted, ...old } = RULE_SET_2025.deadlines;
    expect(appraisalWDFor({ ...RULE_SET_2025, deadlines: { ...old, appraisalWD: 7 } }, 'BK_THU_TUONG')).toBe(7);
  });
});

describe('the Central Council standing review (NĐ 98/2023 Điều 47, rule 25)', () => {
  it('meets with at least 2/3 of all members and decides by a majority, in both rule sets', () => {
    for (const r of [RULE_SET_2024, RULE_SET_2025])
      expect(centralCouncilRuleOf(r)).toMatchObject({ quorum: [2, 3], threshold: { share: [1, 2], strict: true } });
  });
  it("a province's council settings do not reach it", () => {
    const province: RuleSet = {
      ...RULE_SET_2025,
      version: `${RULE_SET_2025.version}@MAU`,
      baseVersion: RULE_SET_2025.version,
      council: { ...RULE_SET_2025.council, default: { ...RULE_SET_2025.council.default, quorum: [1, 2] } },
      centralCouncil: undefined,
    };
    expect(centralCouncilRuleOf(province).quorum).toEqual([2, 3]);
  });
});
