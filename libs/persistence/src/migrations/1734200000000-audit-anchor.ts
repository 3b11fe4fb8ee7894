import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anchors (audit/anchor.ts): a chained, append-only record of every stream's head, so that deleting a stream's newest
 * events or a whole stream, or rewriting a stream with recomputed hashes, is detectable. `audit_anchor` is one row per
 * anchor; `audit_anchor_head` holds the heads that changed since the previous anchor (the full set at anchor n is
 * each stream's latest row at or before n). Both refuse UPDATE, DELETE and TRUNCATE like the event table.
 */
export class AuditAnchor1734200000000 implements MigrationInterface {
  name = 'AuditAnchor1734200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_anchor (
        seq          integer     PRIMARY KEY CHECK (seq > 0),
        anchored_at  timestamptz NOT NULL,
        streams      integer     NOT NULL,
        changes_hash char(64)    NOT NULL,
        prev_hash    char(64)    NOT NULL,
        hash         char(64)    NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_anchor_head (
        anchor_seq integer  NOT NULL REFERENCES audit_anchor (seq),
        stream_id  uuid     NOT NULL,
        seq        integer  NOT NULL CHECK (seq > 0),
        hash       char(64) NOT NULL,
        PRIMARY KEY (anchor_seq, stream_id)
      )`);
    await q.query(`CREATE INDEX audit_anchor_head_stream ON audit_anchor_head (stream_id, anchor_seq DESC)`);
    await q.query(`
      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_anchor', 'audit_anchor_head']) {
      await q.query(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
      );
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_anchor_head, audit_anchor`);
    await q.query(`DROP FUNCTION audit_append_only`);
  }
}
