import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { Connection } from '@temporalio/client';
import { CONFIG } from '../platform/tokens';
import {
  DatabaseHealthIndicator,
  TEMPORAL_PROBE_CONNECTION,
  TemporalHealthIndicator,
  temporalProbeConnection,
} from './health.indicators';

/**
 * The API's readiness on the standard NestJS health module (@nestjs/terminus): HealthCheckService and the two
 * dependency indicators. HealthController (GET /api/health/live, /ready and /api/health) is declared by AppModule,
 * since GET /api/health reads the app's one HolidayCalendarProvider.
 */
@Module({
  imports: [TerminusModule],
  providers: [
    { provide: TEMPORAL_PROBE_CONNECTION, inject: [CONFIG], useFactory: temporalProbeConnection },
    DatabaseHealthIndicator,
    TemporalHealthIndicator,
  ],
  exports: [TerminusModule, DatabaseHealthIndicator, TemporalHealthIndicator],
})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_PROBE_CONNECTION) private readonly probeConnection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.probeConnection.close();
  }
}
