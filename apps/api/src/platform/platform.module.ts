import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { loadConfig, temporalConnectionOptions, type AppConfig } from '@tdkt/config';
import { AwardHistoryQueries, CouncilSessions, createDataSource, Directory, DossierQueries, EventStore } from '@tdkt/persistence';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from './tokens';

/** Configuration, the database and the Temporal client: built once, closed on shutdown. */
@Global()
@Module({
  providers: [
    { provide: CONFIG, useFactory: (): AppConfig => loadConfig() },
    {
      provide: DATA_SOURCE,
      inject: [CONFIG],
      useFactory: (c: AppConfig): Promise<DataSource> => createDataSource(c.databaseUrl, { applicationName: 'tdkt-api' }).initialize(),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [CONFIG],
      useFactory: async (c: AppConfig): Promise<Client> =>
        new Client({ connection: await Connection.connect(temporalConnectionOptions(c.temporal)), namespace: c.temporal.namespace }),
    },
    { provide: EventStore, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new EventStore(ds) },
    { provide: DossierQueries, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new DossierQueries(ds) },
    { provide: Directory, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new Directory(ds) },
    { provide: AwardHistoryQueries, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new AwardHistoryQueries(ds) },
    { provide: CouncilSessions, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new CouncilSessions(ds) },
  ],
  exports: [CONFIG, DATA_SOURCE, TEMPORAL_CLIENT, EventStore, DossierQueries, Directory, AwardHistoryQueries, CouncilSessions],
})
export class PlatformModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.connection.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
