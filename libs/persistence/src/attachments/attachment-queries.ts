import type { DataSource } from 'typeorm';
import { attachedParts, type AttachmentContentType, type DossierPart, type DossierPartKind } from '@tdkt/domain';

/** One stored version of a dossier part's file, as dossier_file holds it. */
export interface DossierFileView {
  fileId: string;
  dossierId: string;
  part: DossierPartKind;
  lineageId: string;
  version: number;
  /** False once a newer version replaced it (it stays stored and downloadable). */
  current: boolean;
  replacedBy: string | null;
  name: string;
  contentType: AttachmentContentType;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  uploadedRole: string;
  uploadedAt: string;
  /** The AttachmentAdded event's place in the dossier's ATTACHMENT stream. */
  streamId: string;
  seq: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
interface Row {
  file_id: string;
  dossier_id: string;
  stream_id: string;
  seq: number;
  part: DossierPartKind;
  lineage_id: string;
  version: number;
  current: boolean;
  replaced_by: string | null;
  name: string;
  content_type: AttachmentContentType;
  size: string;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_role: string;
  uploaded_at: Date;
}
const toView = (r: Row): DossierFileView => ({
  fileId: r.file_id,
  dossierId: r.dossier_id,
  part: r.part,
  lineageId: r.lineage_id,
  version: r.version,
  current: r.current,
  replacedBy: r.replaced_by,
  name: r.name,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  storageKey: r.storage_key,
  uploadedBy: r.uploaded_by,
  uploadedRole: r.uploaded_role,
  uploadedAt: r.uploaded_at.toISOString(),
  streamId: r.stream_id,
  seq: r.seq,
});

/** A dossier's attached files, every version, from the dossier_file read model. */
export class AttachmentQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Every version of every file of the dossier, by part, then lineage (oldest first), then version. */
  async list(dossierId: string): Promise<DossierFileView[]> {
    if (!UUID.test(dossierId)) return [];
    const rows = (await this.dataSource.query(
      `SELECT * FROM dossier_file WHERE dossier_id = $1 ORDER BY part, lineage_id, version`,
      [dossierId],
    )) as Row[];
    return rows.map(toView).sort((a, b) => a.part.localeCompare(b.part) || a.seq - b.seq);
  }

  async find(dossierId: string, fileId: string): Promise<DossierFileView | undefined> {
    if (!UUID.test(dossierId) || !UUID.test(fileId)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM dossier_file WHERE dossier_id = $1 AND file_id = $2`, [
      dossierId,
      fileId,
    ])) as Row[];
    return row && toView(row);
  }

  /**
   * The parts that have a current file, in the shape the completeness check (checkDossierParts) reads: what submission
   * may add to the declared parts (the file name as the reference; how the copy was made stays the declaration's).
   */
  async attachedParts(dossierId: string): Promise<DossierPart[]> {
    return attachedParts(await this.list(dossierId));
  }
}
