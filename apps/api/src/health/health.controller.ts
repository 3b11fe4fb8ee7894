import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import {
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { databaseAnswers } from '@tdkt/persistence';
import { Public } from '../auth/auth.guard';
import { HolidayCalendarProvider } from '../platform/calendar';
import { DatabaseHealthIndicator, TemporalHealthIndicator } from './health.indicators';

class CalendarHealthDto {
  @ApiProperty({
    description: 'Years the holiday calendar holds data for (shipped and from TDKT_CALENDAR_FILES)',
    type: [Number],
  })
  years!: number[];
  @ApiProperty({
    description: 'Last day of the unbroken run of years holding today; null when today has no data',
    nullable: true,
    type: String,
  })
  coveredUntil!: string | null;
  @ApiProperty({ description: 'Days from today to coveredUntil' })
  daysLeft!: number;
  @ApiPropertyOptional({
    description:
      'Set when the calendar runs out within 90 days: deadlines past it are weekends-only and flagged provisional',
  })
  warning?: string;
}

class HealthDto {
  @ApiProperty() status!: string;
  @ApiProperty() database!: string;
  @ApiProperty({ type: CalendarHealthDto }) calendar!: CalendarHealthDto;
}

class LiveDto {
  @ApiProperty({ example: 'alive' }) status!: string;
}

class ReadinessIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiProperty({ description: 'How long the probe took (ms)' }) responseTime!: number;
  @ApiPropertyOptional({ description: 'Why it is down (the error, credentials masked; or the 2 s timeout)' })
  message?: string;
}

class ReadinessIndicatorsDto {
  @ApiPropertyOptional({ type: ReadinessIndicatorDto, description: 'SELECT 1 on the runtime connection' })
  database?: ReadinessIndicatorDto;
  @ApiPropertyOptional({
    type: ReadinessIndicatorDto,
    description: "DescribeNamespace on the Temporal frontend (the API's namespace exists and answers)",
  })
  temporal?: ReadinessIndicatorDto;
}

/** Terminus's health-check result: `info` the indicators up, `error` those down, `details` all of them. */
class ReadinessResultDto {
  @ApiPropertyOptional({ type: ReadinessIndicatorsDto }) info?: ReadinessIndicatorsDto;
  @ApiPropertyOptional({ type: ReadinessIndicatorsDto }) error?: ReadinessIndicatorsDto;
  @ApiProperty({ type: ReadinessIndicatorsDto }) details!: ReadinessIndicatorsDto;
}

class ReadyDto extends ReadinessResultDto {
  @ApiProperty({ enum: ['ok'] }) status!: string;
}

class NotReadyDto extends ReadinessResultDto {
  @ApiProperty({ enum: ['error', 'shutting_down'], description: '`shutting_down` while the API stops' })
  status!: string;
  @ApiPropertyOptional({ description: 'The request id (X-Request-Id), as in every error body' }) requestId?: string;
}

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
