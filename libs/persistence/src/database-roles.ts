import type { DataSource } from 'typeorm';

/** The runtime role's name unless TDKT_DB_RUNTIME_ROLE names another. */
export const DEFAULT_RUNTIME_ROLE = 'tdkt_app';

/**
 * Tables whose rows are never changed or removed: those guarded by a trigger function named `*_append_only`
 * (dossier_event_append_only, audit_append_only). A new append-only table needs only such a trigger to be covered.
 */
async function appendOnlyTables(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    `SELECT DISTINCT c.relname AS name FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE n.nspname = 'public' AND NOT t.tgisinternal AND p.proname LIKE '%append_only' ORDER BY 1`,
  )) as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * What the role the API and the worker connect as may do, granted by the schema's owner after the migrations
 * (`npm run migrate`, `npm run up`, the test runner). It owns nothing, so it can neither ALTER (disable or drop a
 * trigger) nor DROP a table; on the append-only tables it may INSERT and SELECT only; the read models (every other
 * table) it may read and write, truncate included (rebuild); the migration log it may only read. Idempotent.
 * Returns the append-only tables, or undefined when the role does not exist (the operator grants by hand then).
 */
export async function grantRuntimeRole(
  ds: DataSource,
  role: string = DEFAULT_RUNTIME_ROLE,
): Promise<{ appendOnly: string[] } | undefined> {
  const [exists] = (await ds.query(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [role])) as {
    rolsuper: boolean;
  }[];
  if (!exists) return undefined;
  if (exists.rolsuper)
    throw new Error(`the runtime role ${role} is a superuser: it would bypass every grant and trigger`);
  const who = `"${role.replace(/"/g, '""')}"`;
  const appendOnly = await appendOnlyTables(ds);
  await ds.transaction(async (m) => {
    await m.query(`GRANT USAGE ON SCHEMA public TO ${who}`);
    await m.query(`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO ${who}`);
    await m.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${who}`);
    for (const table of appendOnly)
      await m.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "${table}" FROM ${who}`);
    await m.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migration FROM ${who}`);
    // The worker empties the secret-ballot box at close and rewrites its tables (VACUUM FULL) so no version of it stays:
    // MAINTAIN on those two tables only (PostgreSQL 17+; on an older server VACUUM skips them with a warning).
    const [{ v }] = (await m.query(`SELECT current_setting('server_version_num')::int AS v`)) as { v: number }[];
    if (v >= 170000) await m.query(`GRANT MAINTAIN ON secret_ballot_tally, secret_ballot_box TO ${who}`);
  });
  return { appendOnly };
}
