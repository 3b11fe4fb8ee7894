import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseHealthIndicator, TemporalHealthIndicator } from './health.indicators';

/**
 * The API's readiness on the standard NestJS health module (@nestjs/terminus): HealthCheckService and the two
 * dependency indicators. HealthController (GET /api/health/live, /ready and /api/health) is declared by AppModule,
 * since GET /api/health reads the app's one HolidayCalendarProvider.
 */
@Module({
  imports: [TerminusModule],
  providers: [DatabaseHealthIndicator, TemporalHealthIndicator],
  exports: [TerminusModule, DatabaseHealthIndicator, TemporalHealthIndicator],
})
export class HealthModule {}
