import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event table (append-only, hash-chained per dossier), the dossier read model, the decision-number counters and
 * the directory of units and users.
 */
export class InitialSchema1732500000000 implements MigrationInterface {
  name = 'InitialSchema1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_event (
        id              bigserial PRIMARY KEY,
        dossier_id      uuid        NOT NULL,
        seq             integer     NOT NULL CHECK (seq > 0),
        type            text        NOT NULL,
        data            jsonb       NOT NULL,
        actor_id        text        NOT NULL,
        actor_role      text        NOT NULL,
        on_behalf_of    text,
        occurred_at     timestamptz NOT NULL,
        rule_set_version text,
        request_id      text        NOT NULL,
        prev_hash       char(64)    NOT NULL,
        hash            char(64)    NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dossier_event_stream_seq UNIQUE (dossier_id, seq)
      )`);
    await q.query(`CREATE INDEX dossier_event_type ON dossier_event (type)`);
    // Append-only: no role, the owner included, may change or remove an event through normal statements.
    await q.query(`
      CREATE FUNCTION dossier_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER dossier_event_no_update BEFORE UPDATE OR DELETE ON dossier_event FOR EACH ROW EXECUTE FUNCTION dossier_event_append_only()`,
    );
    await q.query(
      `CREATE TRIGGER dossier_event_no_truncate BEFORE TRUNCATE ON dossier_event FOR EACH STATEMENT EXECUTE FUNCTION dossier_event_append_only()`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON dossier_event FROM PUBLIC`);

    await q.query(`
      CREATE TABLE dossier_view (
        id               uuid PRIMARY KEY,
        award_code       text        NOT NULL,
        unit_code        text        NOT NULL,
        title            text        NOT NULL,
        nominee_name     text        NOT NULL,
        nominee_kind     text        NOT NULL,
        status           text        NOT NULL,
        rule_set_version text,
        council_members  text[]      NOT NULL DEFAULT '{}',
        votes_cast       integer     NOT NULL DEFAULT 0,
        decision_number  text,
        decided_on       date,
        reason           text,
        created_by       text        NOT NULL,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        last_seq         integer     NOT NULL
      )`);
    await q.query(`CREATE INDEX dossier_view_unit ON dossier_view (unit_code, updated_at DESC, id)`);
    await q.query(`CREATE INDEX dossier_view_status ON dossier_view (status, updated_at DESC, id)`);

    await q.query(`
      CREATE TABLE decision_counter (
        authority   text    NOT NULL,
        year        integer NOT NULL,
        last_number integer NOT NULL,
        PRIMARY KEY (authority, year)
      )`);
    await q.query(`
      CREATE TABLE decision_number (
        authority  text    NOT NULL,
        year       integer NOT NULL,
        number     integer NOT NULL,
        formatted  text    NOT NULL,
        dossier_id uuid    NOT NULL,
        request_id text    NOT NULL UNIQUE,
        allocated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (authority, year, number)
      )`);

    await q.query(`
      CREATE TABLE org_unit (
        code          text PRIMARY KEY,
        name          text NOT NULL,
        level         text NOT NULL CHECK (level IN ('PROVINCE', 'COMMUNE', 'AGENCY', 'ENTERPRISE')),
        province_code text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id         text PRIMARY KEY,
        username   text NOT NULL UNIQUE,
        full_name  text NOT NULL,
        role       text NOT NULL,
        unit_code  text REFERENCES org_unit (code),
        active     boolean NOT NULL DEFAULT true
      )`);
    await q.query(`CREATE INDEX app_user_role ON app_user (role) WHERE active`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app_user, org_unit, decision_number, decision_counter, dossier_view`);
    await q.query(`DROP TABLE dossier_event`);
    await q.query(`DROP FUNCTION dossier_event_append_only`);
  }
}
