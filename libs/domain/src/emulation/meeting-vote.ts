/**
 * The block meeting's vote on its flag proposals (họp khối bình xét, suy tôn): the block ranks its members, then the
 * member units present vote, openly or by secret ballot, on each unit proposed for the Cờ thi đua. Only the counts are
 * recorded (a secret ballot's choices never leave the meeting). Quorum and threshold come from the rule set's
 * `emulation.flagVote` ([U]: the provincial council's own rule by analogy — two thirds of the members present, more
 * than half of those present for each proposed unit; no text was found for block meetings).
 */
import { reject, type Rejection } from '../shared/errors';
import type { FlagVoteRule } from '../rule-set/types';

export const FLAG_KINDS = ['PROVINCIAL', 'GOVERNMENT'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface FlagVoteTally {
  unitCode: string;
  flag: FlagKind;
  /** Member units voting for the proposal. */
  votesFor: number;
}

export interface BlockMeetingVote {
  method: 'OPEN' | 'SECRET';
  /** The member units present (each represented by its head or a delegate): one vote each. */
  present: string[];
  /** One tally per proposed unit and flag. */
  tallies: FlagVoteTally[];
}

const meets = (count: number, of: number, share: readonly [number, number], strict: boolean) =>
  strict ? count * share[1] > of * share[0] : count * share[1] >= of * share[0];

const shareText = ([n, d]: readonly [number, number]) => (n === 1 && d === 2 ? 'half' : `${n}/${d}`);

/** The vote backs every proposal: a quorum present, one tally per proposed unit and flag, each carried. */
export function checkMeetingVote(
  members: readonly string[],
  proposal: { provincial: string[]; government: string[] },
  vote: BlockMeetingVote,
  rule: FlagVoteRule,
): Rejection | undefined {
  if (vote.method !== 'OPEN' && vote.method !== 'SECRET')
    return reject('INVALID', 'block.vote-method', 'The block meeting votes OPEN or SECRET');
  const present = new Set(vote.present);
  const stranger = vote.present.find((u) => !members.includes(u));
  if (stranger || present.size !== vote.present.length)
    return reject(
      'INVALID',
      'block.vote-present',
      stranger ? `${stranger} is not a member of the block` : 'A member unit is listed present twice',
    );
  if (!meets(present.size, members.length, rule.quorum, false))
    return reject(
      'RULE_VIOLATION',
      'block.vote-quorum',
      `${present.size} of ${members.length} member units present; the meeting needs at least ${shareText(rule.quorum)} of them`,
      { present: present.size, members: members.length, quorum: rule.quorum },
    );
  const wanted: { unitCode: string; flag: FlagKind }[] = [
    ...proposal.provincial.map((unitCode) => ({ unitCode, flag: 'PROVINCIAL' as const })),
    ...proposal.government.map((unitCode) => ({ unitCode, flag: 'GOVERNMENT' as const })),
  ];
  const key = (t: { unitCode: string; flag: FlagKind }) => `${t.flag}:${t.unitCode}`;
  const keys = vote.tallies.map(key);
  if (new Set(keys).size !== keys.length || keys.length !== wanted.length || wanted.some((w) => !keys.includes(key(w))))
    return reject(
      'INVALID',
      'block.vote-tally',
      'The vote records one tally for each proposed unit and flag, and none for a unit not proposed',
    );
  for (const t of vote.tallies) {
    if (!Number.isInteger(t.votesFor) || t.votesFor < 0 || t.votesFor > present.size)
      return reject(
        'INVALID',
        'block.vote-tally',
        `${t.unitCode}: ${t.votesFor} votes for is not a whole number of 0–${present.size} (the members present)`,
      );
    if (!meets(t.votesFor, present.size, rule.threshold.share, rule.threshold.strict))
      return reject(
        'RULE_VIOLATION',
        'block.vote-majority',
        `${t.unitCode} has ${t.votesFor} of ${present.size} votes for the ${t.flag === 'PROVINCIAL' ? "province's" : "Government's"} flag; it needs ${rule.threshold.strict ? 'more than' : 'at least'} ${shareText(rule.threshold.share)} of the members present`,
        { unitCode: t.unitCode, flag: t.flag, votesFor: t.votesFor, present: present.size },
      );
  }
  return undefined;
}
