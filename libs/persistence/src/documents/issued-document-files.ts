import type { DataSource, EntityManager } from 'typeorm';

export interface IssuedDocumentFile {
  streamId: string;
  kind: string;
  subjectId: string;
  sha256: string;
  pdf: Buffer;
  issuedAt: string;
}

/** The PDFs of issued documents (append-only): written with their DocumentIssued event, read back as issued. */
export class IssuedDocumentFiles {
  constructor(private readonly dataSource: DataSource) {}

  /** Inside the transaction that appends DocumentIssued; a second row for the stream fails on the primary key. */
  async put(m: EntityManager, f: IssuedDocumentFile): Promise<void> {
    await m.query(
      `INSERT INTO issued_document_file (stream_id, kind, subject_id, sha256, pdf, issued_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [f.streamId, f.kind, f.subjectId, f.sha256, f.pdf, f.issuedAt],
    );
  }

  async get(streamId: string): Promise<IssuedDocumentFile | undefined> {
    const [r] = (await this.dataSource.query(
      `SELECT stream_id, kind, subject_id, sha256, pdf, issued_at FROM issued_document_file WHERE stream_id = $1`,
      [streamId],
    )) as {
      stream_id: string;
      kind: string;
      subject_id: string;
      sha256: string;
      pdf: Buffer;
      issued_at: Date;
    }[];
    return (
      r && {
        streamId: r.stream_id,
        kind: r.kind,
        subjectId: r.subject_id,
        sha256: r.sha256,
        pdf: r.pdf,
        issuedAt: r.issued_at.toISOString(),
      }
    );
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
