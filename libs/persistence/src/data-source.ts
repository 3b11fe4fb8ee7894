import { DataSource } from 'typeorm';
import { InitialSchema1732500000000 } from './migrations/1732500000000-initial-schema';

export const MIGRATIONS = [InitialSchema1732500000000];

/** A TypeORM data source on a Postgres URL. The schema comes from migrations only; synchronize stays off. */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? 'tdkt' },
    logging: ['error'],
  });
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
