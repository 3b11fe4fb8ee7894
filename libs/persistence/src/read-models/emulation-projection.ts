import type { EntityManager } from 'typeorm';
import {
  evolveBlockYear,
  initialBlockYearState,
  type BlockEvent,
  type BlockYearEvent,
  type BlockYearState,
  type StoredEnvelope,
} from '@tdkt/domain';

/** Emulation blocks: one row per block, from its EmulationBlockFormed event. */
export async function projectEmulationBlock(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as BlockEvent;
  if (event.type !== 'EmulationBlockFormed') return;
  const d = event.data;
  await m.query(
    `INSERT INTO emulation_block_view (id, code, name, province_code, members, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.streamId, d.code, d.name, d.provinceCode, JSON.stringify(d.members), e.actorId, e.occurredAt],
  );
}

/**
 * Block years: the row stores the state the domain's evolve gives (the read side stores, the domain names), plus the
 * columns queries filter on; the ranking, once made, one row per member for the eligibility of the Cờ thi đua.
 */
export async function projectBlockYear(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as BlockYearEvent;
  const [row] = (await m.query(`SELECT state FROM block_year_view WHERE id = $1`, [e.streamId])) as {
    state: BlockYearState;
  }[];
  const state = evolveBlockYear(row?.state ?? initialBlockYearState(e.streamId), event);
  const opening = state.opening;
  if (!opening) return;
  await m.query(
    `INSERT INTO block_year_view (id, block_id, year, phase, head_unit, deputy_unit, self_assessment_deadline, state, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (id) DO UPDATE SET phase = EXCLUDED.phase, self_assessment_deadline = EXCLUDED.self_assessment_deadline, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [
      e.streamId,
      opening.blockId,
      opening.year,
      state.phase,
      opening.leadership.head,
      opening.leadership.deputy,
      state.selfAssessmentDeadline ?? null,
      JSON.stringify(state),
      e.occurredAt,
    ],
  );
  if (event.type === 'BlockYearRanked' || event.type === 'BlockYearClosed') {
    await m.query(`DELETE FROM block_ranking WHERE block_year_id = $1`, [e.streamId]);
    for (const r of event.data.ranking)
      await m.query(
        `INSERT INTO block_ranking (block_year_id, block_id, block_name, year, unit_code, rank, total, ranked_members, closed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          e.streamId,
          opening.blockId,
          opening.blockName,
          opening.year,
          r.unitCode,
          r.rank,
          r.total,
          event.data.ranking.length,
          event.type === 'BlockYearClosed',
        ],
      );
  }
}
