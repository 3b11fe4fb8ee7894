import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { Public } from './auth/auth.guard';
import { HolidayCalendarProvider } from './platform/calendar';
import { DATA_SOURCE } from './platform/tokens';

class CalendarHealthDto {
  @ApiProperty({ description: 'Years the holiday calendar holds data for (shipped and from TDKT_CALENDAR_FILES)', type: [Number] })
  years!: number[];
  @ApiProperty({ description: 'Last day of the unbroken run of years holding today; null when today has no data', nullable: true, type: String })
  coveredUntil!: string | null;
  @ApiProperty({ description: 'Days from today to coveredUntil' })
  daysLeft!: number;
  @ApiPropertyOptional({ description: 'Set when the calendar runs out within 90 days: deadlines past it are weekends-only and flagged provisional' })
  warning?: string;
}

class HealthDto {
  @ApiProperty() status!: string;
  @ApiProperty() database!: string;
  @ApiProperty({ type: CalendarHealthDto }) calendar!: CalendarHealthDto;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly calendar: HolidayCalendarProvider,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  async health(): Promise<HealthDto> {
    await this.dataSource.query('SELECT 1');
    const { years, coveredUntil, daysLeft, warning } = this.calendar.coverage();
    return { status: 'ok', database: 'ok', calendar: { years: [...years], coveredUntil, daysLeft, ...(warning ? { warning } : {}) } };
  }
}
