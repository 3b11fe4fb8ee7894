import type { ChainedEvent } from '@tdkt/persistence';

/**
 * One event of a stream as the history endpoints show it (a dossier's, a council session's): what happened, who did
 * it, when, under which rule set, and its link in the hash chain. A secret ballot's events hold only THAT a member
 * took part and the counted box, never who chose what (see README "Secret ballot").
 */
export function historyEntry(e: ChainedEvent) {
  return {
    seq: e.seq,
    type: e.type,
    data: e.data,
    actor: { userId: e.actorId, role: e.actorRole, ...(e.onBehalfOf ? { onBehalfOf: e.onBehalfOf } : {}) },
    occurredAt: e.occurredAt,
    ruleSetVersion: e.ruleSetVersion,
    hash: e.hash,
  };
}
