import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { databaseAnswers } from '@tdkt/persistence';
import { readiness } from '@tdkt/platform';
import { Public } from './auth/auth.guard';
import { HolidayCalendarProvider } from './platform/calendar';

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

class CheckDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'How long the probe took (ms)' }) ms!: number;
  @ApiPropertyOptional({ description: 'Why it failed (no credentials)' }) error?: string;
}

class ChecksDto {
  @ApiProperty({ type: CheckDto, description: 'SELECT 1 on the runtime connection' }) database!: CheckDto;
  @ApiProperty({
    type: CheckDto,
    description: "DescribeNamespace on the Temporal frontend (the API's namespace exists and answers)",
  })
  temporal!: CheckDto;
}

class ReadyDto {
  @ApiProperty({ enum: ['ready', 'not-ready'] }) status!: string;
  @ApiProperty({ type: ChecksDto }) checks!: ChecksDto;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    private readonly calendar: HolidayCalendarProvider,
  ) {}

  /** Liveness: the process serves HTTP. No I/O, so a database or Temporal outage never restarts the API. */
  @Public()
  @Get('live')
  @ApiOkResponse({ type: LiveDto })
  live(): LiveDto {
    return { status: 'alive' };
  }

  /** Readiness: the database and Temporal both answer within 2 s; 503 with the failing check otherwise. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadyDto })
  @ApiServiceUnavailableResponse({
    type: ReadyDto,
    description: 'A dependency does not answer: take this replica out of the load balancer',
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadyDto> {
    const { ready, checks } = await readiness({
      database: () => databaseAnswers(this.dataSource),
      // The call's own deadline, so an unreachable frontend leaves no call pending after the probe gave up.
      temporal: () =>
        this.temporal.connection.withDeadline(Date.now() + 2000, () =>
          this.temporal.workflowService.describeNamespace({ namespace: this.temporal.options.namespace }),
        ),
    });
    res.status(ready ? 200 : 503);
    res.setHeader('Cache-Control', 'no-store');
    return { status: ready ? 'ready' : 'not-ready', checks: { database: checks.database, temporal: checks.temporal } };
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
