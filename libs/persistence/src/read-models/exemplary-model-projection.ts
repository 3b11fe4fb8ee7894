import type { EntityManager } from 'typeorm';
import {
  evolveExemplaryModel,
  initialExemplaryModelState,
  type ExemplaryModelEvent,
  type ExemplaryModelState,
  type StoredEnvelope,
} from '@tdkt/domain';

/** Exemplary models: the row stores the state the domain's evolve gives, plus the columns queries filter on. */
export async function projectExemplaryModel(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as ExemplaryModelEvent;
  const [row] = (await m.query(`SELECT state FROM exemplary_model_view WHERE id = $1`, [e.streamId])) as {
    state: ExemplaryModelState;
  }[];
  const state = evolveExemplaryModel(row?.state ?? initialExemplaryModelState(e.streamId), event);
  const d = state.definition;
  if (!d || state.stage === 'NEW') return;
  await m.query(
    `INSERT INTO exemplary_model_view (id, title, subject_kind, subject_name, unit_code, field, movement_id, stage, found_on, state, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
     ON CONFLICT (id) DO UPDATE SET stage = EXCLUDED.stage, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [
      e.streamId,
      d.title,
      d.subject.kind,
      d.subject.name,
      d.subject.unitCode,
      d.field,
      d.movementId ?? null,
      state.stage,
      d.foundOn,
      JSON.stringify(state),
      e.actorId,
      e.occurredAt,
    ],
  );
}
