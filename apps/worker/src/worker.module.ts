import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Client } from '@temporalio/client';
import {
  DecisionNumbers,
  DossierQueries,
  EventStore,
  SecretBallotBox,
  eventStoreWithReadModels,
} from '@tdkt/persistence';
import type { AppConfig } from '@tdkt/config';
import { closePlatform, CONFIG, platformProviders } from '@tdkt/platform';
import { createDossierActivities } from './activities';
import { createSessionActivities } from './session-activities';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import { createEmulationActivities } from './emulation-activities';
import { createCentralActivities, InProcessCentralGateway } from './central-gateway';

export { CONFIG, DataSource, Client };
export const ACTIVITIES = Symbol('ACTIVITIES');

/** The worker's dependency graph: configuration, the database, its repositories, and the activities built on them. */
@Module({
  providers: [
    // Session and central activities act on dossier workflows through the client, like the API does.
    ...platformProviders('tdkt-worker'),
    // The worker's repositories and gateway, each registered once and injected into the activities.
    { provide: EventStore, inject: [DataSource], useFactory: eventStoreWithReadModels },
    ...[DecisionNumbers, DossierQueries].map((R) => ({
      provide: R,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new R(ds),
    })),
    {
      provide: SecretBallotBox,
      inject: [DataSource, CONFIG],
      useFactory: (ds: DataSource, config: AppConfig) => new SecretBallotBox(ds, config.piiHashKey),
    },
    {
      provide: WorkflowGateway,
      inject: [Client, CONFIG],
      useFactory: (temporal: Client, config: AppConfig) =>
        new WorkflowGateway(temporal, { taskQueue: config.temporal.taskQueue }),
    },
    {
      provide: ACTIVITIES,
      inject: [EventStore, DecisionNumbers, DossierQueries, SecretBallotBox, WorkflowGateway],
      useFactory: (
        eventStore: EventStore,
        decisionNumbers: DecisionNumbers,
        dossiers: DossierQueries,
        ballotBox: SecretBallotBox,
        workflows: WorkflowGateway,
      ) => ({
        ...createDossierActivities({ eventStore, decisionNumbers }),
        ...createSessionActivities({ eventStore, dossiers, workflows, ballotBox }),
        // The centre of the state route: replace the in-process gateway with a real integration here.
        ...createCentralActivities(new InProcessCentralGateway()),
        ...createEmulationActivities({ eventStore }),
      }),
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
