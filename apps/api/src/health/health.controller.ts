import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { databaseAnswers } from '@tdkt/persistence';
import { Public } from '../auth/auth.guard';
import { HolidayCalendarProvider } from '../platform/calendar';
import { DatabaseHealthIndicator, TemporalHealthIndicator } from './health.indicators';
import { HealthDto, LiveDto, ReadyDto, NotReadyDto } from './health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: HolidayCalendarProvider,
    private readonly healthChecks: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
  ) {}

  /** Liveness: the process serves HTTP. No I/O, so a database or Temporal outage never restarts the API. */
  @Public()
  @Get('live')
  @ApiOkResponse({ type: LiveDto })
  live(): LiveDto {
    return { status: 'alive' };
  }

  /**
   * Readiness, by terminus: the database and Temporal each answer within 2 s. Otherwise HealthCheckService throws a
   * 503 carrying the result, which the error filter answers as it is (the failing check under `error`) with the
   * request id.
   */
  @Public()
  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: ReadyDto })
  @ApiServiceUnavailableResponse({
    type: NotReadyDto,
    description: 'A dependency does not answer: take this replica out of the load balancer',
  })
  ready(): Promise<HealthCheckResult> {
    return this.healthChecks.check([() => this.database.isHealthy(), () => this.temporal.isHealthy()]);
  }

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  async health(): Promise<HealthDto> {
    await databaseAnswers(this.dataSource);
    const { years, coveredUntil, daysLeft, warning } = this.calendar.coverage();
    return {
      status: 'ok',
      database: 'ok',
      calendar: { years: [...years], coveredUntil, daysLeft, ...(warning ? { warning } : {}) },
    };
  }
}
