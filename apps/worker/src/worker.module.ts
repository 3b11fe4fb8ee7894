import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Client } from '@temporalio/client';
import { DecisionNumbers, DossierQueries, EventStore, SecretBallotBox } from '@tdkt/persistence';
import type { AppConfig } from '@tdkt/config';
import { closePlatform, CONFIG, DATA_SOURCE, platformProviders, TEMPORAL_CLIENT } from '@tdkt/platform';
import { createDossierActivities } from './activities';
import { createSessionActivities } from './session-activities';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import { createEmulationActivities } from './emulation-activities';
import { createCentralActivities, InProcessCentralGateway } from './central-gateway';

export { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT };
export const ACTIVITIES = Symbol('ACTIVITIES');

/** The worker's dependency graph: configuration, the database, and the activities built on it. */
@Module({
  providers: [
    // Session and central activities act on dossier workflows through the client, like the API does.
    ...platformProviders('tdkt-worker'),
    {
      provide: ACTIVITIES,
      inject: [DATA_SOURCE, TEMPORAL_CLIENT, CONFIG],
      useFactory: (ds: DataSource, temporal: Client, config: AppConfig) => {
        const eventStore = new EventStore(ds);
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
  exports: [CONFIG, DATA_SOURCE, ACTIVITIES, TEMPORAL_CLIENT],
})
export class WorkerModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await closePlatform(this.dataSource, this.temporal);
  }
}
