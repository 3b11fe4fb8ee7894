import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@tdkt/persistence';

/** A benchmark's own database on the server of DATABASE_URL, open, and how to close and drop it. */
export interface BenchDatabase {
  ds: DataSource;
  url: string;
  /** Closes the data source and drops the database (however the run ended). */
  drop: () => Promise<void>;
}

/** Creates a database named `<prefix>_<random>` next to DATABASE_URL's and opens it (no migrations run yet). */
export async function benchDatabase(prefix: string, options: { poolSize?: number } = {}): Promise<BenchDatabase> {
  const base = new URL(process.env.DATABASE_URL ?? '');
  const at = (database: string) => Object.assign(new URL(base.toString()), { pathname: `/${database}` }).toString();
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new Client({ connectionString: at('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = at(name);
  const ds = await createDataSource(url, options.poolSize ? { poolSize: options.poolSize } : {}).initialize();
  return {
    ds,
    url,
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Runs a benchmark's main: exits when it ends (with process.exitCode, 0 if unset), 1 with the error printed when it throws. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(Number(process.exitCode ?? 0)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
