import type { EntityManager } from 'typeorm';
import {
  evolveRegistration,
  initialRegistrationState,
  type RegistrationEvent,
  type RegistrationState,
  type StoredEnvelope,
} from '@tdkt/domain';

/** Đăng ký thi đua: the row stores the domain's state; the subjects are rewritten with the registration's status. */
export async function projectRegistration(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const [row] = (await m.query(`SELECT state FROM registration_view WHERE id = $1`, [e.streamId])) as {
    state: RegistrationState;
  }[];
  const state = evolveRegistration(row?.state ?? initialRegistrationState(e.streamId), {
    type: e.type,
    data: e.data,
  } as RegistrationEvent);
  if (state.status === 'NEW' || !state.unitCode || !state.year || !state.deadline) return;
  await m.query(
    `INSERT INTO registration_view (id, unit_code, province_code, year, status, deadline, state, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, deadline = EXCLUDED.deadline, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [
      e.streamId,
      state.unitCode,
      state.provinceCode ?? '',
      state.year,
      state.status,
      state.deadline,
      JSON.stringify(state),
      e.occurredAt,
    ],
  );
  await m.query(`DELETE FROM registered_subject WHERE registration_id = $1`, [e.streamId]);
  for (const s of state.subjects)
    await m.query(
      `INSERT INTO registered_subject (registration_id, unit_code, year, award_code, kind, name, status) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [e.streamId, state.unitCode, state.year, s.awardCode, s.kind, s.name, state.status],
    );
}
