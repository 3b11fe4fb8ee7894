/** Cờ thi đua (Luật Điều 25, 26): a collective that does not lead its emulation block is refused, naming block and rank. */
import { assessEligibility } from './eligibility';
import { emptyHistory } from './history';
import { RULE_SET_2025 } from '../rule-set/rule-sets';
import type { BlockStanding } from '../emulation/standing';

const standing = (rank: number, year = 2026): BlockStanding => ({
  blockId: 'b1',
  blockName: 'Khối Văn hóa – Xã hội',
  year,
  rank,
  rankedMembers: 4,
});
const assess = (awardCode: string, blockStanding?: BlockStanding) =>
  assessEligibility({
    awardCode,
    subjectKind: 'COLLECTIVE',
    evaluationYear: 2026,
    ruleSetVersion: RULE_SET_2025.version,
    history: emptyHistory('t'),
    ...(blockStanding ? { blockStanding } : {}),
  });
const find = (r: ReturnType<typeof assess>, id: string) => r.criteria.find((c) => c.id === id);

describe.each([
  ['CO_TD_TINH', 'Điều 26'],
  ['CO_TD_CHINH_PHU', 'Điều 25'],
])('%s reads the block ranking of the evaluation year', (award, article) => {
  it('given the collective leads its block, then the criterion passes and the not-encoded warning is gone', () => {
    const r = assess(award, standing(1));
    expect(find(r, 'block.leadership')).toMatchObject({ passed: true, severity: 'BLOCK' });
    expect(find(r, 'standard.not-encoded')).toBeUndefined();
    expect(r.eligible).toBe(true);
  });
  it('given the collective ranks 3rd, then it is refused, naming the block and its rank', () => {
    const r = assess(award, standing(3));
    expect(r.eligible).toBe(false);
    expect(find(r, 'block.leadership')).toMatchObject({
      passed: false,
      severity: 'BLOCK',
      explanation: 'Does not lead its emulation block Khối Văn hóa – Xã hội in 2026: rank 3 of 4',
    });
    expect(find(r, 'block.leadership')?.legalBasis).toContain(article);
  });
  it('given no ranking (or one of another year), then the warning "standard not encoded: block leadership" stays', () => {
    for (const r of [assess(award), assess(award, standing(3, 2025))]) {
      expect(find(r, 'block.leadership')).toBeUndefined();
      expect(find(r, 'standard.not-encoded')).toMatchObject({
        severity: 'WARNING',
        explanation: 'standard not encoded: block leadership — the appraiser checks it',
      });
      expect(r.eligible).toBe(true);
    }
  });
});

it('a block standing does not touch awards other than the flags', () => {
  expect(find(assess('TT_LD_XUAT_SAC', standing(3)), 'block.leadership')).toBeUndefined();
});
