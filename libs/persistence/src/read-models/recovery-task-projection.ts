import type { EntityManager } from 'typeorm';
import type { DossierEvent, StoredEnvelope } from '@tdkt/domain';

/**
 * Recovery tasks of a revoked award (rule 34): opened with the revocation, each stamped when its recovery is recorded.
 * A task is open while recovered_on is null.
 */
export async function projectRecoveryTasks(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as DossierEvent;
  if (event.type === 'RecoveryTasksOpened') {
    for (const task of event.data.tasks) {
      const bonus = task.item === 'BONUS' ? task : undefined;
      await m.query(
        `INSERT INTO recovery_task (dossier_id, item, description, amount_vnd, multiplier, basis, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          e.streamId,
          task.item,
          task.description,
          bonus?.amountVnd ?? null,
          bonus?.multiplier ?? null,
          bonus?.basis ?? null,
          e.occurredAt,
        ],
      );
    }
  } else if (event.type === 'RecoveryRecorded') {
    const { item, recordedOn, note, amountVnd } = event.data;
    await m.query(
      `UPDATE recovery_task SET recovered_on = $3, recorded_by = $4, recovered_amount_vnd = $5, note = $6 WHERE dossier_id = $1 AND item = $2`,
      [e.streamId, item, recordedOn, e.actorId, amountVnd ?? null, note ?? null],
    );
  }
}
