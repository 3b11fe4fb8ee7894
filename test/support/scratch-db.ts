/**
 * A database of its own on the run's Postgres, for tests that must own every row (rebuilds). Dropped at the end.
 * `migrate: false` leaves it empty, for a test that migrates it step by step.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@tdkt/persistence';

export async function scratchDatabase(
  options: { migrate?: boolean } = {},
): Promise<{ ds: DataSource; url: string; drop(): Promise<void> }> {
  // A superuser creates the database and the test owns it entirely (the run's DATABASE_URL is the app's runtime role).
  const base = new URL(process.env.TDKT_TEST_SUPERUSER_URL ?? process.env.DATABASE_URL ?? '');
  const name = `scratch_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const adminUrl = new URL(base.toString());
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const ds = await createDataSource(url.toString()).initialize();
  if (options.migrate !== false) await runMigrations(ds);
  return {
    ds,
    url: url.toString(),
    async drop() {
      await ds.destroy();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
