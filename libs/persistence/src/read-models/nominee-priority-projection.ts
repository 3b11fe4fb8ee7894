import type { EntityManager } from 'typeorm';
import type { NomineePriorityEvent, StoredEnvelope } from '@tdkt/domain';

/** A nominee's priority facts, one row per dossier: each NomineePriorityRecorded replaces the row (absent = not recorded). */
export async function projectNomineePriority(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as NomineePriorityEvent;
  if (event.type !== 'NomineePriorityRecorded') return;
  const { dossierId, priority: p } = event.data;
  await m.query(
    `INSERT INTO nominee_priority (dossier_id, occupation_group, gender, ethnic_minority, area_class, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (dossier_id) DO UPDATE SET occupation_group = EXCLUDED.occupation_group, gender = EXCLUDED.gender, ethnic_minority = EXCLUDED.ethnic_minority,
       area_class = EXCLUDED.area_class, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [
      dossierId,
      p.occupationGroup ?? null,
      p.gender ?? null,
      p.ethnicMinority ?? null,
      p.areaClass ?? null,
      e.actorId,
      e.occurredAt,
    ],
  );
}
