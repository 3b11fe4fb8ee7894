import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { AwardHistoryQueries, CouncilSessions, Directory, DossierQueries, EventStore, IdempotencyKeys, SecretBallotBox } from '@tdkt/persistence';
import type { AppConfig } from '@tdkt/config';
import { closePlatform, platformProviders } from '@tdkt/platform';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from './tokens';

/** Configuration, the database and the Temporal client: built once, closed on shutdown. */
@Global()
@Module({
  providers: [
    ...platformProviders('tdkt-api'),
    { provide: EventStore, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new EventStore(ds) },
    { provide: DossierQueries, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new DossierQueries(ds) },
    { provide: Directory, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new Directory(ds) },
    { provide: AwardHistoryQueries, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new AwardHistoryQueries(ds) },
    { provide: CouncilSessions, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new CouncilSessions(ds) },
    { provide: IdempotencyKeys, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new IdempotencyKeys(ds) },
    // The box's key is derived from the application secret, in memory only; the worker derives the same one to count.
    { provide: SecretBallotBox, inject: [DATA_SOURCE, CONFIG], useFactory: (ds: DataSource, c: AppConfig) => new SecretBallotBox(ds, c.piiHashKey) },
  ],
  exports: [CONFIG, DATA_SOURCE, TEMPORAL_CLIENT, EventStore, DossierQueries, Directory, AwardHistoryQueries, CouncilSessions, IdempotencyKeys, SecretBallotBox],
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
