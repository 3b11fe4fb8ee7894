import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import type { DataSource } from 'typeorm';
import {
  Anchors,
  AwardHistoryQueries,
  AttachmentQueries,
  BoardQueries,
  InboxQueries,
  CouncilSessions,
  Directory,
  DossierQueries,
  EmulationQueries,
  EventStore,
  MovementQueries,
  RegistrationQueries,
  ExemplaryModelQueries,
  NomineePriorityQueries,
  AwardFundQueries,
  IdempotencyKeys,
  RecoveryTaskQueries,
  RoundQueries,
  SecretBallotBox,
  StatisticsQueries,
} from '@tdkt/persistence';
import type { AppConfig } from '@tdkt/config';
import { closePlatform, platformProviders } from '@tdkt/platform';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from './tokens';

/** Every repository and query class over the database, registered once here and injected where needed. */
const REPOSITORIES = [
  EventStore,
  AttachmentQueries,
  DossierQueries,
  Directory,
  AwardHistoryQueries,
  CouncilSessions,
  IdempotencyKeys,
  BoardQueries,
  InboxQueries,
  StatisticsQueries,
  RecoveryTaskQueries,
  RoundQueries,
  EmulationQueries,
  MovementQueries,
  RegistrationQueries,
  ExemplaryModelQueries,
  NomineePriorityQueries,
  AwardFundQueries,
  Anchors,
] as const;

/** Configuration, the database and the Temporal client: built once, closed on shutdown. */
@Global()
@Module({
  providers: [
    ...platformProviders('tdkt-api'),
    ...REPOSITORIES.map((R) => ({ provide: R, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new R(ds) })),
    // The box's key is derived from the application secret, in memory only; the worker derives the same one to count.
    {
      provide: SecretBallotBox,
      inject: [DATA_SOURCE, CONFIG],
      useFactory: (ds: DataSource, c: AppConfig) => new SecretBallotBox(ds, c.piiHashKey),
    },
    // Every command the API sends to a workflow goes through the one gateway.
    {
      provide: WorkflowGateway,
      inject: [TEMPORAL_CLIENT, CONFIG],
      useFactory: (client: Client, c: AppConfig) =>
        new WorkflowGateway(client, { taskQueue: c.temporal.taskQueue, searchAttributes: c.temporal.searchAttributes }),
    },
  ],
  exports: [CONFIG, DATA_SOURCE, TEMPORAL_CLIENT, ...REPOSITORIES, SecretBallotBox, WorkflowGateway],
})
export class PlatformModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await closePlatform(this.dataSource, this.temporal);
  }
}
