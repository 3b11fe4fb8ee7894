import type { EntityManager } from 'typeorm';
import type { AwardImportEvent, StoredEnvelope } from '@tdkt/domain';
import { nameUuid } from '../imports/name-uuid';

/** The row id an imported award takes in award_history (whose key is a dossier id): derived from import and row. */
export const importedAwardId = (importId: string, row: number): string => nameUuid(`award-import:${importId}:${row}`);

/**
 * Award imports: the register of imported files, and each imported award as a row of the award history eligibility
 * reads (recordedAwardsFor joins on the subject key, so an imported award counts like one decided here).
 */
export async function projectAwardImport(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as unknown as AwardImportEvent;
  if (event.type === 'AwardImportStarted') {
    await m.query(
      `INSERT INTO award_import (id, file_sha256, file_name, rows, imported_by, imported_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.streamId, event.data.fileSha256, event.data.fileName, event.data.rows, e.actorId, e.occurredAt],
    );
  } else if (event.type === 'AwardImported') {
    const a = event.data;
    await m.query(
      `INSERT INTO award_history (dossier_id, subject_key, subject_kind, full_name, unit_code, award_code, year, decision_number, decided_on, achievement_id, commendation_type, period_to, import_id, import_row)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'PERIODIC', $7, $11, $12)`,
      [
        importedAwardId(e.streamId, a.rowNumber),
        a.subjectKey,
        a.subjectKind,
        a.fullName,
        a.unitCode,
        a.awardCode,
        a.year,
        a.decisionNumber,
        a.decidedOn,
        `${a.decisionNumber}#${a.awardCode}#${a.year}`,
        e.streamId,
        a.rowNumber,
      ],
    );
    await m.query(`UPDATE award_import SET imported_rows = imported_rows + 1 WHERE id = $1`, [e.streamId]);
  }
}
