import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CalendarHealthDto {
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

export class HealthDto {
  @ApiProperty() status!: string;
  @ApiProperty() database!: string;
  @ApiProperty({ type: CalendarHealthDto }) calendar!: CalendarHealthDto;
}

export class LiveDto {
  @ApiProperty({ example: 'alive' }) status!: string;
}

export class ReadinessIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiProperty({ description: 'How long the probe took (ms)' }) responseTime!: number;
  @ApiPropertyOptional({ description: 'Why it is down (the error, credentials masked; or the 2 s timeout)' })
  message?: string;
}

export class ReadinessIndicatorsDto {
  @ApiPropertyOptional({ type: ReadinessIndicatorDto, description: 'SELECT 1 on the runtime connection' })
  database?: ReadinessIndicatorDto;
  @ApiPropertyOptional({
    type: ReadinessIndicatorDto,
    description: "DescribeNamespace on the Temporal frontend (the API's namespace exists and answers)",
  })
  temporal?: ReadinessIndicatorDto;
}

/** Terminus's health-check result: `info` the indicators up, `error` those down, `details` all of them. */
export class ReadinessResultDto {
  @ApiPropertyOptional({ type: ReadinessIndicatorsDto }) info?: ReadinessIndicatorsDto;
  @ApiPropertyOptional({ type: ReadinessIndicatorsDto }) error?: ReadinessIndicatorsDto;
  @ApiProperty({ type: ReadinessIndicatorsDto }) details!: ReadinessIndicatorsDto;
}

export class ReadyDto extends ReadinessResultDto {
  @ApiProperty({ enum: ['ok'] }) status!: string;
}

export class NotReadyDto extends ReadinessResultDto {
  @ApiProperty({ enum: ['error', 'shutting_down'], description: '`shutting_down` while the API stops' })
  status!: string;
  @ApiPropertyOptional({ description: 'The request id (X-Request-Id), as in every error body' }) requestId?: string;
}
