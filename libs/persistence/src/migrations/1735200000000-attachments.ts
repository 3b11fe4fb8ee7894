import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments: the embedded store's bytes (chunks of at most 256 KiB per object, and one row per complete object,
 * written in one transaction), and the dossier_file read model projected from the ATTACHMENT streams.
 */
export class Attachments1735200000000 implements MigrationInterface {
  name = 'Attachments1735200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment_blob (
        storage_key text PRIMARY KEY,
        size bigint NOT NULL,
        chunks int NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE attachment_blob_chunk (
        storage_key text NOT NULL,
        chunk_no int NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (storage_key, chunk_no)
      )`);
    await q.query(`
      CREATE TABLE dossier_file (
        file_id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL,
        stream_id uuid NOT NULL,
        seq int NOT NULL,
        part text NOT NULL,
        lineage_id uuid NOT NULL,
        version int NOT NULL,
        current boolean NOT NULL,
        replaced_by uuid,
        name text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_role text NOT NULL,
        uploaded_at timestamptz NOT NULL,
        CONSTRAINT dossier_file_version UNIQUE (lineage_id, version)
      )`);
    await q.query(`CREATE INDEX dossier_file_dossier ON dossier_file (dossier_id, part, lineage_id, version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_file, attachment_blob_chunk, attachment_blob`);
  }
}
