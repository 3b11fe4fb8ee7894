import type { Actor } from './actor';

/**
 * An event as the event table stores it: the business event (type + data) plus its stream (`dossierId` is the stream
 * id: a dossier, a council session, a decision register or a round), its place, who, when, under which rules and for
 * which request. One shape for every stream kind.
 */
export interface Envelope<E extends { type: string; data: unknown }> {
  dossierId: string;
  seq: number;
  type: E['type'];
  data: E['data'];
  actorId: string;
  actorRole: string;
  onBehalfOf?: string;
  occurredAt: string;
  ruleSetVersion: string | null;
  requestId: string;
}

/**
 * Wraps one command's events for a stream whose last event is `afterSeq`: the one envelope builder for every stream
 * kind (sessions, block years, rounds, registers, directory, imports; dossiers through envelop(), which also evolves).
 */
export function envelopeEvents<E extends { type: string; data: unknown }>(
  streamId: string,
  afterSeq: number,
  events: readonly E[],
  meta: { actor: Actor; occurredAt: string; requestId: string; ruleSetVersion?: string | null },
): Envelope<E>[] {
  return events.map((e, i) => ({
    dossierId: streamId,
    seq: afterSeq + i + 1,
    type: e.type,
    data: e.data,
    actorId: meta.actor.userId,
    actorRole: meta.actor.role,
    ...(meta.actor.onBehalfOf ? { onBehalfOf: meta.actor.onBehalfOf } : {}),
    occurredAt: meta.occurredAt,
    ruleSetVersion: meta.ruleSetVersion ?? null,
    requestId: meta.requestId,
  }));
}
