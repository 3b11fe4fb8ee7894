import { types } from 'pg';
import { QueryErrorLogger } from './query-logger';
import { PreparingClient } from './prepared-client';
export { QueryErrorLogger } from './query-logger';
import { DataSource, type Logger } from 'typeorm';
import { InitialSchema1732500000000 } from './migrations/1732500000000-initial-schema';
import { DossierDeadlines1732600000000 } from './migrations/1732600000000-dossier-deadlines';
import { Statistics1732700000000 } from './migrations/1732700000000-statistics';
import { AwardHistory1732900000000 } from './migrations/1732900000000-award-history';
import { CouncilSessions1733000000000 } from './migrations/1733000000000-council-sessions';
import { CouncilSeat1733600000000 } from './migrations/1733600000000-council-seat';
import { DossierVariants1733750000000 } from './migrations/1733750000000-dossier-variants';
import { RecoveryTasks1733500000000 } from './migrations/1733500000000-recovery-tasks';
import { Inbox1732800000000 } from './migrations/1732800000000-inbox';
import { DecisionRegister1733800000000 } from './migrations/1733800000000-decision-register';
import { AwardHistoryPeriod1734100000000 } from './migrations/1734100000000-award-history-period';
import { InitiativeUse1734110000000 } from './migrations/1734110000000-initiative-use';
import { AuditAnchor1734200000000 } from './migrations/1734200000000-audit-anchor';
import { IdempotencyKeys1734000000000 } from './migrations/1734000000000-idempotency-keys';
import { SealedBallotBox1734400000000 } from './migrations/1734400000000-sealed-ballot-box';
import { EmulationBlocks1734900000000 } from './migrations/1734900000000-emulation-blocks';
import { DirectoryStreams1734700000000 } from './migrations/1734700000000-directory-streams';
import { Movements1735000000000 } from './migrations/1735000000000-movements';
import { Registrations1735010000000 } from './migrations/1735010000000-registrations';
import { IssuedDocumentFiles1735350000000 } from './migrations/1735350000000-issued-document-files';
import { Attachments1735200000000 } from './migrations/1735200000000-attachments';
import { ExemplaryModels1735400000000 } from './migrations/1735400000000-exemplary-models';
import { NomineePriority1735410000000 } from './migrations/1735410000000-nominee-priority';
import { AwardFund1735420000000 } from './migrations/1735420000000-award-fund';
import { AdminJobs1735500000000 } from './migrations/1735500000000-admin-jobs';
import { DossierProgress1735600000000 } from './migrations/1735600000000-dossier-progress';
import { DossierCounts1735910000000 } from './migrations/1735910000000-dossier-counts';
import { BoardIndexOrder1735910000001 } from './migrations/1735910000001-board-index-order';
import { StreamId1735920000000 } from './migrations/1735920000000-stream-id';
import { StatisticsMovement1735930000000 } from './migrations/1735930000000-statistics-movement';
import { StatisticsAggregates1735960000000 } from './migrations/1735960000000-statistics-aggregates';
import { DossierTasks1735963000000 } from './migrations/1735963000000-dossier-tasks';
import { DirectoryImportJobs1735968000000 } from './migrations/1735968000000-directory-import-jobs';

// Calendar dates (Postgres `date`) stay ISO strings: a JS Date would shift them by the process's time zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export const MIGRATIONS = [
  InitialSchema1732500000000,
  DossierDeadlines1732600000000,
  Statistics1732700000000,
  Inbox1732800000000,
  AwardHistory1732900000000,
  CouncilSessions1733000000000,
  RecoveryTasks1733500000000,
  CouncilSeat1733600000000,
  DossierVariants1733750000000,
  DecisionRegister1733800000000,
  IdempotencyKeys1734000000000,
  AwardHistoryPeriod1734100000000,
  InitiativeUse1734110000000,
  AuditAnchor1734200000000,
  SealedBallotBox1734400000000,
  EmulationBlocks1734900000000,
  DirectoryStreams1734700000000,
  Movements1735000000000,
  Registrations1735010000000,
  Attachments1735200000000,
  IssuedDocumentFiles1735350000000,
  ExemplaryModels1735400000000,
  NomineePriority1735410000000,
  AwardFund1735420000000,
  AdminJobs1735500000000,
  DossierProgress1735600000000,
  DossierCounts1735910000000,
  BoardIndexOrder1735910000001,
  StreamId1735920000000,
  StatisticsMovement1735930000000,
  StatisticsAggregates1735960000000,
  DossierTasks1735963000000,
  DirectoryImportJobs1735968000000,
];

/** A TypeORM data source on a Postgres URL. The schema comes from migrations only; synchronize stays off. */
export function createDataSource(
  url: string,
  options: { poolSize?: number; applicationName?: string; logger?: Logger } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    // Statements with parameters go as named prepared statements (prepared-client.ts).
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'tdkt',
      Client: PreparingClient,
    },
    logging: ['error'],
    // Failed queries are logged without their parameters (personal data), see QueryErrorLogger.
    logger: options.logger ?? new QueryErrorLogger(),
  });
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/** The readiness probe of a process's database connection: resolves when Postgres answers on it. */
export async function databaseAnswers(dataSource: DataSource): Promise<void> {
  if (!dataSource.isInitialized) throw new Error('not connected yet');
  await dataSource.query('SELECT 1');
}
