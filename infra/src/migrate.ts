/** `npm run migrate`: applies pending TypeORM migrations to DATABASE_URL (any Postgres). */
import { ConfigError } from '@tdkt/config';
import { createDataSource, runMigrations } from '@tdkt/persistence';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new ConfigError(['DATABASE_URL is required']);
  const ds = await createDataSource(url, { applicationName: 'tdkt-migrate' }).initialize();
  try {
    const applied = await runMigrations(ds);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
