import type { EntityManager } from 'typeorm';
import {
  evolveMovement,
  initialMovementState,
  type MovementEvent,
  type MovementState,
  type RoundEvent,
  type StoredEnvelope,
} from '@tdkt/domain';

/**
 * Emulation movements: the row stores the state the domain's evolve gives, plus the columns queries filter on. It
 * consumes MOVEMENT streams and thematic rounds' RoundCreated (a round is a THEMATIC movement), so a rebuild turns
 * every existing round into a movement without any event rewritten.
 */
export async function projectMovement(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as MovementEvent | RoundEvent;
  const [row] = (await m.query(`SELECT state FROM movement_view WHERE id = $1`, [e.streamId])) as {
    state: MovementState;
  }[];
  const state = evolveMovement(row?.state ?? initialMovementState(e.streamId), event);
  const d = state.definition;
  if (!d || state.status === 'NEW') return;
  await m.query(
    `INSERT INTO movement_view (id, name, kind, scope_level, scope_code, period_from, period_to, status, source, state, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [
      e.streamId,
      d.name,
      d.kind,
      d.scope?.level ?? null,
      d.scope?.code ?? null,
      d.period.from,
      d.period.to,
      state.status,
      state.source ?? 'MOVEMENT',
      JSON.stringify(state),
      e.actorId,
      e.occurredAt,
    ],
  );
}
