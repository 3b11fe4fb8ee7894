import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@tdkt/config';
import { createDataSource, DecisionNumbers, EventStore } from '@tdkt/persistence';
import { createDossierActivities } from './activities';

export const CONFIG = Symbol('CONFIG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const ACTIVITIES = Symbol('ACTIVITIES');

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
      provide: ACTIVITIES,
      inject: [DATA_SOURCE],
      useFactory: (ds: DataSource) => createDossierActivities({ eventStore: new EventStore(ds), decisionNumbers: new DecisionNumbers(ds) }),
    },
  ],
  exports: [CONFIG, DATA_SOURCE, ACTIVITIES],
})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
