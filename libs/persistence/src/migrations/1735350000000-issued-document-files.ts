import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PDF of every issued official document, as issued (signed when a signer is configured): its SHA-256 is the one
 * the DocumentIssued event records, so an auditor compares the two. Append-only like the audit tables (a row is
 * written in the transaction that appends DocumentIssued, never changed); not a read model, so no rebuild touches it.
 */
export class IssuedDocumentFiles1735350000000 implements MigrationInterface {
  name = 'IssuedDocumentFiles1735350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issued_document_file (
        stream_id uuid PRIMARY KEY,
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        pdf bytea NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE TRIGGER issued_document_file_no_update BEFORE UPDATE OR DELETE ON issued_document_file FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
    );
    await q.query(
      `CREATE TRIGGER issued_document_file_no_truncate BEFORE TRUNCATE ON issued_document_file FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON issued_document_file FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE issued_document_file`);
  }
}
