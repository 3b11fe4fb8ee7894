import type { Actor } from '../shared/actor';
import { envelopeEvents } from '../shared/envelope';
import type { DossierEvent, EventEnvelope } from './events';
import { evolve } from './evolve';
import type { DossierState } from './types';

/**
 * Wraps one command's events for storage (seq, actor, time, bound rule set, request id) and returns the state after
 * them. The workflow and every tool that writes events use this, so stored events have one shape: each envelope is
 * built by the one builder (`envelopeEvents`), with the rule set bound as of that event (a submission binds it).
 */
export function envelop(
  state: DossierState,
  events: readonly DossierEvent[],
  meta: { actor: Actor; occurredAt: string; requestId: string },
): { envelopes: EventEnvelope[]; next: DossierState } {
  let next = state;
  const envelopes = events.flatMap((event): EventEnvelope[] => {
    next = evolve(next, event);
    return envelopeEvents(state.dossierId, next.seq - 1, [event], { ...meta, ruleSetVersion: next.ruleSetVersion });
  });
  return { envelopes, next };
}

/**
 * The business event inside a stored envelope. Only envelop() builds envelopes and only the event store keeps them,
 * so an envelope's type and data always belong together as the DossierEvent union says.
 */
export const eventOf = (e: Pick<EventEnvelope, 'type' | 'data'>): DossierEvent =>
  ({ type: e.type, data: e.data }) as DossierEvent;
