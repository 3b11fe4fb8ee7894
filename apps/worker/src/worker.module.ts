import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Client } from '@temporalio/client';
import { DecisionNumbers, DossierQueries, SecretBallotBox, eventStoreWithReadModels } from '@tdkt/persistence';
import type { AppConfig } from '@tdkt/config';
import { closePlatform, CONFIG, platformProviders } from '@tdkt/platform';
import { createDossierActivities } from './activities';
import { createSessionActivities } from './session-activities';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import { createEmulationActivities } from './emulation-activities';
import { createCentralActivities, InProcessCentralGateway } from './central-gateway';

export { CONFIG, DataSource, Client };
export const ACTIVITIES = Symbol('ACTIVITIES');

/** The worker's dependency graph: configuration, the database, and the activities built on it. */
@Module({
  providers: [
    // Session and central activities act on dossier workflows through the client, like the API does.
    ...platformProviders('tdkt-worker'),
    {
      provide: ACTIVITIES,
      inject: [DataSource, Client, CONFIG],
      useFactory: (ds: DataSource, temporal: Client, config: AppConfig) => {
        const eventStore = eventStoreWithReadModels(ds);
        return {
          ...createDossierActivities({ eventStore, decisionNumbers: new DecisionNumbers(ds) }),
          ...createSessionActivities({
            eventStore,
            dossiers: new DossierQueries(ds),
            workflows: new WorkflowGateway(temporal, { taskQueue: config.temporal.taskQueue }),
            ballotBox: new SecretBallotBox(ds, config.piiHashKey),
          }),
          // The centre of the state route: replace the in-process gateway with a real integration here.
          ...createCentralActivities(new InProcessCentralGateway()),
          ...createEmulationActivities({ eventStore }),
        };
      },
    },
  ],
  exports: [CONFIG, DataSource, ACTIVITIES, Client],
})
export class WorkerModule implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await closePlatform(this.dataSource, this.temporal);
  }
}
