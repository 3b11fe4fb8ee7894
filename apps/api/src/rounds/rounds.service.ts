import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { decideCreateRound, envelopeEvents, Refused, type Actor, type RoundDefinition } from '@tdkt/domain';
import { EventStore, RoundQueries, type RoundView } from '@tdkt/persistence';

/**
 * Opening a thematic round: the domain decides, its one event is appended as the round's own stream (no workflow runs
 * for a round), and the answer is read from the read model the append has updated.
 */
@Injectable()
export class RoundsService {
  constructor(
    private readonly events: EventStore,
    private readonly rounds: RoundQueries,
  ) {}

  async create(actor: Actor, input: RoundDefinition): Promise<RoundView> {
    const decision = decideCreateRound(input, actor);
    if (!decision.ok) throw Refused.of(decision.rejection);
    const roundId = randomUUID();
    const requestId = randomUUID();
    const occurredAt = new Date().toISOString();
    await this.events.append(envelopeEvents(roundId, 0, decision.value, { actor, occurredAt, requestId }));
    const round = await this.rounds.findById(roundId);
    if (!round) throw new Error(`round ${roundId} was not projected`);
    return round;
  }
}
