/**
 * `npm run migrate`: applies pending TypeORM migrations as the schema's owner (DATABASE_MIGRATION_URL, else
 * DATABASE_URL), then grants the runtime role (TDKT_DB_RUNTIME_ROLE, default tdkt_app) what the API and the worker need.
 */
import { ConfigError } from '@tdkt/config';
import { createDataSource, DEFAULT_RUNTIME_ROLE, grantRuntimeRole, runMigrations } from '@tdkt/persistence';

async function main(): Promise<void> {
  const url = process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL;
  if (!url) throw new ConfigError(['DATABASE_MIGRATION_URL (the schema owner) or DATABASE_URL is required']);
  const role = process.env.TDKT_DB_RUNTIME_ROLE ?? DEFAULT_RUNTIME_ROLE;
  const ds = await createDataSource(url, { applicationName: 'tdkt-migrate' }).initialize();
  try {
    const applied = await runMigrations(ds);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
    const granted = await grantRuntimeRole(ds, role);
    console.log(
      granted
        ? `runtime role ${role}: read and write on the read models; INSERT and SELECT only on ${granted.appendOnly.join(', ')}`
        : `runtime role ${role} does not exist: create it (LOGIN, owning nothing) and run migrate again, or grant by hand`,
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
