import type { EntityManager } from 'typeorm';
import type { RoundEvent, StoredEnvelope } from '@tdkt/domain';

/** Thematic rounds (rule 32): one row per round, from its own stream. Every other event is ignored. */
export async function projectRound(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as RoundEvent;
  if (event.type === 'RoundCreated') {
    const d = event.data;
    await m.query(
      `INSERT INTO round_view (id, name, opens_on, closes_on, award_codes, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [e.streamId, d.name, d.opensOn, d.closesOn, d.awardCodes, e.actorId, e.occurredAt],
    );
  }
}
