import type { EntityManager } from 'typeorm';
import type { StoredEnvelope } from '@tdkt/domain';

/**
 * dossier_file: one row per attached file version, projected from the ATTACHMENT streams. A new version marks the one
 * it replaces as no longer current; no row is ever removed (the old file stays listed and downloadable).
 */
export async function projectAttachment(m: EntityManager, e: StoredEnvelope): Promise<void> {
  if (e.type !== 'AttachmentAdded') return;
  const f = e.data;
  await m.query(
    `INSERT INTO dossier_file (file_id, dossier_id, stream_id, seq, part, lineage_id, version, current, name, content_type, size, sha256, storage_key, uploaded_by, uploaded_role, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (file_id) DO NOTHING`,
    [
      f.fileId,
      f.dossierId,
      e.streamId,
      e.seq,
      f.part,
      f.lineageId,
      f.version,
      f.name,
      f.contentType,
      f.size,
      f.sha256,
      f.storageKey,
      e.actorId,
      e.actorRole,
      e.occurredAt,
    ],
  );
  if (f.replacesFileId)
    await m.query(`UPDATE dossier_file SET current = false, replaced_by = $2 WHERE file_id = $1`, [
      f.replacesFileId,
      f.fileId,
    ]);
}
