import type { CouncilRule } from '../rule-set/types';
import { tally } from './tally';

const secret90: CouncilRule = {
  ballot: 'SECRET',
  threshold: { share: [9, 10], strict: false },
  denominator: 'TOTAL',
  allowWrittenVotes: true,
  quorum: [2, 3],
};
const majorityOfPresent: CouncilRule = {
  ballot: 'OPEN',
  threshold: { share: [1, 2], strict: true },
  denominator: 'PRESENT',
  allowWrittenVotes: false,
  quorum: [2, 3],
};
const votes = (yes: number, no: number) =>
  [...Array(yes).fill({ approve: true }), ...Array(no).fill({ approve: false })] as { approve: boolean }[];

describe('threshold boundaries', () => {
  it('90% of 10 total members: exactly 9 approvals passes', () =>
    expect(tally(secret90, 10, votes(9, 1)).passed).toBe(true));
  it('90% of 10 total members: one vote under (8) fails', () =>
    expect(tally(secret90, 10, votes(8, 2)).passed).toBe(false));
  it('the TOTAL denominator counts absent members against the threshold', () =>
    expect(tally(secret90, 10, votes(8, 0)).passed).toBe(false));
  it('the PRESENT denominator counts only those present', () =>
    expect(tally(majorityOfPresent, 9, votes(4, 3)).passed).toBe(true));
  it('a tie is not a majority', () => expect(tally(majorityOfPresent, 8, votes(3, 3)).passed).toBe(false));
});

describe('quorum (2/3 of all members present)', () => {
  it('exactly 2/3 present meets quorum', () =>
    expect(tally(majorityOfPresent, 9, votes(6, 0))).toMatchObject({ quorumMet: true, passed: true }));
  it('one under 2/3 fails quorum and the vote cannot pass', () =>
    expect(tally(majorityOfPresent, 9, votes(5, 0))).toMatchObject({ quorumMet: false, passed: false }));
});
