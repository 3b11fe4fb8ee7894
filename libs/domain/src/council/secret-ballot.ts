import type { CouncilRule } from '../rule-set/types';
import { reject, type Rejection } from '../shared/errors';
import { routeOf } from '../dossier/route';
import type { DossierState } from '../dossier/types';

/** Which council would vote per dossier: the provincial council, or the unit's own council (grassroots route). */
export type PerDossierCouncil = 'PROVINCIAL' | 'UNIT';

/** The one place a secret-ballot item is voted: a council session's ballot box, where no choice meets a voter's name. */
export const SECRET_BALLOT_PATH = 'POST /api/council-sessions/{sessionId}/votes';

/**
 * Per-dossier voting is an open ballot by construction: each vote is the event `VoteCast {memberId, approve}`, kept in
 * the event table, the workflow history and the dossier's history. So an item whose rule set says SECRET (law page
 * rule 26) is refused there, at every step — opening the voting and casting a vote — and goes to a council session,
 * whose secret ballot records only THAT a member took part. Refusal rather than an anonymised per-dossier path: one
 * ballot box and one counting for every secret vote, instead of a second one with its own guarantees to keep.
 */
export function perDossierVotingRefusal(
  rule: CouncilRule,
  council: PerDossierCouncil,
  awardCode: string,
): Rejection | undefined {
  if (rule.ballot !== 'SECRET') return undefined;
  const why = `${awardCode} is decided by secret ballot (its rule set), and per-dossier voting records who voted how`;
  if (council === 'PROVINCIAL')
    return reject(
      'RULE_VIOLATION',
      'council.secret-ballot',
      `${why}: put the dossier on a council session's agenda (POST /api/council-sessions) and vote in its secret ballot (${SECRET_BALLOT_PATH})`,
      {
        ballot: 'SECRET',
        secretPath: SECRET_BALLOT_PATH,
      },
    );
  return reject(
    'RULE_VIOLATION',
    'council.secret-ballot',
    `${why}: a unit's own council has no secret ballot yet (council sessions sit the provincial council only), so the unit's council cannot vote on it; withdraw the dossier or have the rule set say OPEN for it`,
    { ballot: 'SECRET', secretPath: null },
  );
}

/** A vote in the dossier's open per-dossier voting: refused if its item is secret (the API asks before sending a choice). */
export function castVoteRefusal(state: Pick<DossierState, 'awardCode' | 'council'>): Rejection | undefined {
  if (!state.council || state.council.sessionId) return undefined;
  return perDossierVotingRefusal(
    state.council.rule,
    routeOf(state.awardCode) === 'GRASSROOTS' ? 'UNIT' : 'PROVINCIAL',
    state.awardCode,
  );
}
