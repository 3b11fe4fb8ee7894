import type { Actor } from '../shared/actor';
import type { DossierEvent, EventEnvelope } from './events';
import { evolve } from './evolve';
import type { DossierState } from './types';

/**
 * Wraps one command's events for storage (seq, actor, time, bound rule set, request id) and returns the state after
 * them. The workflow and every tool that writes events use this, so stored events have one shape.
 */
export function envelop(
  state: DossierState,
  events: readonly DossierEvent[],
  meta: { actor: Actor; occurredAt: string; requestId: string },
): { envelopes: EventEnvelope[]; next: DossierState } {
  let next = state;
  const envelopes = events.map((event): EventEnvelope => {
    next = evolve(next, event);
    return {
      streamId: state.dossierId,
      seq: next.seq,
      type: event.type,
      data: event.data,
      actorId: meta.actor.userId,
      actorRole: meta.actor.role,
      ...(meta.actor.onBehalfOf ? { onBehalfOf: meta.actor.onBehalfOf } : {}),
      occurredAt: meta.occurredAt,
      ruleSetVersion: next.ruleSetVersion ?? null,
      requestId: meta.requestId,
    };
  });
  return { envelopes, next };
}

/**
 * The business event inside a stored envelope. Only envelop() builds envelopes and only the event store keeps them,
 * so an envelope's type and data always belong together as the DossierEvent union says.
 */
export const eventOf = (e: Pick<EventEnvelope, 'type' | 'data'>): DossierEvent =>
  ({ type: e.type, data: e.data }) as DossierEvent;
