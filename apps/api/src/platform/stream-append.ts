import { randomUUID } from 'node:crypto';
import { envelopeEvents, type Actor, type StoredEnvelope, Refused } from '@tdkt/domain';
import { ConcurrentAppendError, type EventStore } from '@tdkt/persistence';

/**
 * Appends what a decider accepted to a stream the API writes itself (movements, registrations, exemplary models, the
 * award fund, nominees' priority facts): after the stream's last event, as the actor, with a fresh request id. When
 * another writer got there first nothing is written and the caller gets a 409 naming the stream's rule.
 */
export async function appendDecided<E extends { type: string; data: unknown }>(
  events: EventStore,
  streamId: string,
  stream: readonly { seq: number }[],
  decided: readonly E[],
  actor: Actor,
  conflict: { rule: string; message: string },
): Promise<void> {
  try {
    const envelopes = envelopeEvents(streamId, stream.length ? stream[stream.length - 1].seq : 0, decided, {
      actor,
      occurredAt: new Date().toISOString(),
      requestId: randomUUID(),
    });
    // E is one stream kind's event union (its decider's output), so its envelopes are among the stored ones.
    await events.append(envelopes as unknown as StoredEnvelope[]);
  } catch (e) {
    if (e instanceof ConcurrentAppendError) throw Refused.conflict(conflict.message, conflict.rule);
    throw e;
  }
}
