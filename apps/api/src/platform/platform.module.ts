import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import { DataSource } from 'typeorm';
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
  AdminJobs,
  AwardImportJobs,
  IdempotencyKeys,
  RecoveryTaskQueries,
  RoundQueries,
  SecretBallotBox,
  StatisticsQueries,
  eventStoreWithReadModels,
  DecisionNumbers,
  DecisionRegister,
  DirectoryAdmin,
  DirectoryImporter,
  IssuedDocumentFiles,
} from '@tdkt/persistence';
import type { AppConfig } from '@tdkt/config';
import { closePlatform, platformProviders } from '@tdkt/platform';
import { CONFIG } from './tokens';

/** Every repository and query class over the database, registered once here and injected where needed. */
const REPOSITORIES = [
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
  DecisionNumbers,
  AdminJobs,
  AwardImportJobs,
  IssuedDocumentFiles,
] as const;

/** Every write-side class that appends events outside a workflow (registers, directory, its import), registered once. */
const WRITERS = [DecisionRegister, DirectoryAdmin, DirectoryImporter] as const;

/** Configuration, the database and the Temporal client: built once, closed on shutdown. */
@Global()
@Module({
  providers: [
    ...platformProviders('tdkt-api'),
    ...REPOSITORIES.map((R) => ({ provide: R, inject: [DataSource], useFactory: (ds: DataSource) => new R(ds) })),
    // The event store is handed the inline read models it keeps current in each append's transaction.
    { provide: EventStore, inject: [DataSource], useFactory: eventStoreWithReadModels },
    ...WRITERS.map((W) => ({
      provide: W,
      inject: [DataSource, EventStore],
      useFactory: (ds: DataSource, events: EventStore) => new W(ds, events),
    })),
    // The box's key is derived from the application secret, in memory only; the worker derives the same one to count.
    {
      provide: SecretBallotBox,
      inject: [DataSource, CONFIG],
      useFactory: (ds: DataSource, c: AppConfig) => new SecretBallotBox(ds, c.piiHashKey),
    },
    // Every command the API sends to a workflow goes through the one gateway.
    {
      provide: WorkflowGateway,
      inject: [Client, CONFIG],
      useFactory: (client: Client, c: AppConfig) =>
        new WorkflowGateway(client, { taskQueue: c.temporal.taskQueue, searchAttributes: c.temporal.searchAttributes }),
    },
  ],
  exports: [CONFIG, DataSource, Client, EventStore, ...REPOSITORIES, ...WRITERS, SecretBallotBox, WorkflowGateway],
})
export class PlatformModule implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await closePlatform(this.dataSource, this.temporal);
  }
}
