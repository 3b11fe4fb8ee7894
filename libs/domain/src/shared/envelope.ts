import type { Actor } from './actor';

/**
 * An event as the event table stores it: the business event (type + data) plus its stream (`streamId`: a dossier, a
 * council session, a decision register, a round, a block year…; the event table's `stream_id`), its place, who, when, under which rules and for
 * which request. One shape for every stream kind.
 */
export interface Envelope<E extends { type: string; data: unknown }> {
  streamId: string;
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
 * kind (sessions, block years, rounds, registers, directory, imports; dossiers through envelop(), which also evolves
 * and calls this for each event).
 */
export function envelopeEvents<E extends { type: string; data: unknown }>(
  streamId: string,
  afterSeq: number,
  events: readonly E[],
  meta: { actor: Actor; occurredAt: string; requestId: string; ruleSetVersion?: string | null },
): Envelope<E>[] {
  return events.map((e, i) => ({
    streamId,
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

/**
 * An envelope as a workflow history may hold it: recorded before the stream field was named `streamId` (it was
 * `dossierId`), an activity's input keeps the old name, and a retried activity or the reconcile tool reads it so.
 */
export type RecordedEnvelope<T extends Envelope<{ type: string; data: unknown }>> =
  T | (Omit<T, 'streamId'> & { dossierId: string });

/** The envelope in today's shape, whichever name its recording used for the stream. */
export function currentEnvelope<T extends Envelope<{ type: string; data: unknown }>>(e: RecordedEnvelope<T>): T {
  if ('streamId' in e && typeof e.streamId === 'string') return e as T;
  const { dossierId, ...rest } = e as Omit<T, 'streamId'> & { dossierId: string };
  return { streamId: dossierId, ...rest } as unknown as T;
}
