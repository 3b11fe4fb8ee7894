import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Client, Connection } from '@temporalio/client';
import { loadConfig, temporalConnectionOptions, type AppConfig } from '@tdkt/config';
import { createDataSource, DecisionNumbers, EventStore } from '@tdkt/persistence';
import { createDossierActivities } from './activities';
import { createSessionActivities } from './session-activities';
import { createCentralActivities, InProcessCentralGateway } from './central-gateway';

export const CONFIG = Symbol('CONFIG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const ACTIVITIES = Symbol('ACTIVITIES');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** The worker's dependency graph: configuration, the database, and the activities built on it. */
@Module({
  providers: [
    { provide: CONFIG, useFactory: (): AppConfig => loadConfig() },
    {
      provide: DATA_SOURCE,
      inject: [CONFIG],
      useFactory: (config: AppConfig): Promise<DataSource> => createDataSource(config.databaseUrl, { applicationName: 'tdkt-worker' }).initialize(),
    },
    {
      // Session activities act on dossier workflows through the client, like the API does.
      provide: TEMPORAL_CLIENT,
      inject: [CONFIG],
      useFactory: async (c: AppConfig): Promise<Client> =>
        new Client({ connection: await Connection.connect(temporalConnectionOptions(c.temporal)), namespace: c.temporal.namespace }),
    },
    {
      provide: ACTIVITIES,
      inject: [DATA_SOURCE, TEMPORAL_CLIENT],
      useFactory: (ds: DataSource, temporal: Client) => {
        const eventStore = new EventStore(ds);
        return {
          ...createDossierActivities({ eventStore, decisionNumbers: new DecisionNumbers(ds) }),
          ...createSessionActivities({ eventStore, dataSource: ds, temporal }),
          // The centre of the state route: replace the in-process gateway with a real integration here.
          ...createCentralActivities(new InProcessCentralGateway()),
        };
      },
    },
  ],
  exports: [CONFIG, DATA_SOURCE, ACTIVITIES, TEMPORAL_CLIENT],
})
export class WorkerModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await this.temporal.connection.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
