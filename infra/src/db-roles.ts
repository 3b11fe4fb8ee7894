/**
 * The embedded default's database roles: the schema's owner (migrations) and the runtime role the API and the worker
 * connect as (it owns nothing: INSERT and SELECT on the event table, no UPDATE, DELETE, TRUNCATE, ALTER or DROP).
 * Created by the superuser embedded Postgres starts with; their passwords are generated once and kept next to the
 * data folder's own (`<dataDir>.owner.password`, `<dataDir>.runtime.password`, mode 600, git-ignored .cache/tdkt).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { DEFAULT_RUNTIME_ROLE } from '@tdkt/persistence';

export const OWNER_ROLE = 'tdkt_owner';

export interface DatabaseUrls {
  /** The embedded server's superuser: creating roles and databases, nothing else. */
  superuser: string;
  /** The schema's owner: migrations (DATABASE_MIGRATION_URL). */
  owner: string;
  /** The API's and the worker's connection (DATABASE_URL). */
  runtime: string;
}

function passwordFile(file: string): string {
  if (!existsSync(file)) writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * Creates (or resets the passwords of) the owner and runtime roles, gives the owner the database and every object
 * an earlier version created as the superuser, and returns the three URLs. Idempotent: every `npm run up` runs it.
 */
export async function provisionRoles(
  superuserUrl: string,
  dataDir: string,
  runtimeRole = process.env.TDKT_DB_RUNTIME_ROLE ?? DEFAULT_RUNTIME_ROLE,
): Promise<DatabaseUrls> {
  const url = new URL(superuserUrl);
  const database = url.pathname.slice(1);
  const roles = [
    { name: OWNER_ROLE, password: passwordFile(`${dataDir}.owner.password`) },
    { name: runtimeRole, password: passwordFile(`${dataDir}.runtime.password`) },
  ];
  const admin = new Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    for (const { name, password } of roles) {
      const exists = (await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [name])).rowCount;
      await admin.query(
        `${exists ? 'ALTER' : 'CREATE'} ROLE ${admin.escapeIdentifier(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${admin.escapeLiteral(password)}`,
      );
    }
    const owner = admin.escapeIdentifier(OWNER_ROLE);
    await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(database)} OWNER TO ${owner}`);
    // A database migrated before the roles existed: its tables and functions pass to the owner (sequences follow their tables).
    await admin.query(`
      DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> '${OWNER_ROLE}' LOOP
          EXECUTE format('ALTER TABLE %s OWNER TO ${OWNER_ROLE}', r.name);
        END LOOP;
        FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${OWNER_ROLE}' LOOP
          EXECUTE format('ALTER FUNCTION %s OWNER TO ${OWNER_ROLE}', r.name);
        END LOOP;
      END $$`);
    await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  } finally {
    await admin.end();
  }
  const as = (role: { name: string; password: string }) => {
    const u = new URL(superuserUrl);
    u.username = role.name;
    u.password = encodeURIComponent(role.password);
    return u.toString();
  };
  return { superuser: superuserUrl, owner: as(roles[0]), runtime: as(roles[1]) };
}
