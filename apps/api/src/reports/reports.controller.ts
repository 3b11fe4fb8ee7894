import { Controller, Get, Headers, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import type { Response } from 'express';
import { AWARD_CODES, type AwardLevel } from '@tdkt/domain';
import {
  StatisticsQueries,
  type AwardCountRow,
  type DirectWorkerShare,
  type FiveYearReport,
  type FiveYearRow,
  type StageTime,
  type StatisticsFilter,
} from '@tdkt/persistence';
import { Roles } from '../auth/auth.guard';
import type { CsvColumn } from './csv';
import { LIST_FORMATS, listDownload, listFormatOf, XLSX_CONTENT_TYPE } from './xlsx';
import { AwardsReportDto, FiveYearReportDto, ProcessingTimesReportDto } from './reports.dto';

const MAX_PERIOD_YEARS = 10;
const LEVELS: readonly AwardLevel[] = ['STATE', 'PROVINCIAL', 'GRASSROOTS'];
const CODE = /^[A-Za-z0-9_.-]{1,50}$/;

/** A constraint comparing this year with another field of the same query; skipped until both are integers. */
function ComparedWith(other: string, holds: (value: number, other: number) => boolean, message: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: `comparedWith_${other}`,
      target: target.constructor,
      propertyName,
      options: { message },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const otherValue: unknown = Reflect.get(args.object, other);
          return !Number.isInteger(value) || !Number.isInteger(otherValue) || holds(Number(value), Number(otherValue));
        },
      },
    });
}

class PeriodQuery {
  @ApiProperty({ example: 2021, description: 'First year of the period (inclusive)' })
  @Type(() => Number)
  @IsInt()
  @Min(1945)
  @Max(2100)
  @ComparedWith('toYear', (from, to) => from <= to, 'fromYear must not be after toYear')
  fromYear!: number;

  @ApiProperty({
    example: 2025,
    description: `Last year of the period (inclusive); at most ${MAX_PERIOD_YEARS} years in all`,
  })
  @Type(() => Number)
  @IsInt()
  @Min(1945)
  @Max(2100)
  @ComparedWith(
    'fromYear',
    (to, from) => to - from < MAX_PERIOD_YEARS,
    `the period fromYear–toYear may cover at most ${MAX_PERIOD_YEARS} years`,
  )
  toYear!: number;

  @ApiPropertyOptional({
    enum: LIST_FORMATS,
    description: `csv also when the request sends Accept: text/csv; xlsx (an Excel workbook, Vietnamese headers) also with Accept: ${XLSX_CONTENT_TYPE}`,
  })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format?: 'json' | 'csv' | 'xlsx';
}

export class StatisticsQuery extends PeriodQuery {
  @ApiPropertyOptional({ example: 'MAU' })
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: 'provinceCode must be 1–50 letters, digits, _ . -' })
  provinceCode?: string;
  @ApiPropertyOptional({ example: 'SGDDT' })
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: 'unitCode must be 1–50 letters, digits, _ . -' })
  unitCode?: string;
  @ApiPropertyOptional({ enum: AWARD_CODES }) @IsOptional() @IsIn(AWARD_CODES as string[]) awardCode?: string;
  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS as string[]) level?: AwardLevel;
}

export class FiveYearQuery extends PeriodQuery {
  @ApiProperty({ example: 'MAU' })
  @IsString()
  @Matches(CODE, { message: 'provinceCode must be 1–50 letters, digits, _ . -' })
  provinceCode!: string;
}

const LEVEL_VI: Record<string, string> = { STATE: 'Nhà nước', PROVINCIAL: 'Tỉnh', GRASSROOTS: 'Cơ sở' };
const DECIDER_VI: Record<string, string> = {
  PRESIDENT: 'Chủ tịch nước',
  PRIME_MINISTER: 'Thủ tướng Chính phủ',
  PROVINCIAL_CHAIRMAN: 'Chủ tịch UBND tỉnh',
  UNIT_HEAD: 'Thủ trưởng đơn vị',
};

const AWARD_COLUMNS: CsvColumn<AwardCountRow>[] = [
  { header: 'Năm', value: (r) => r.year },
  { header: 'Mã hình thức', value: (r) => r.awardCode },
  { header: 'Hình thức khen thưởng', value: (r) => r.awardName },
  { header: 'Cấp', value: (r) => LEVEL_VI[r.level] ?? r.level },
  { header: 'Thẩm quyền quyết định', value: (r) => DECIDER_VI[r.decider] ?? r.decider },
  { header: 'Mã đơn vị', value: (r) => r.unitCode },
  { header: 'Đơn vị', value: (r) => r.unitName },
  { header: 'Mã tỉnh', value: (r) => r.provinceCode },
  { header: 'Tổng số', value: (r) => r.total },
  { header: 'Cá nhân', value: (r) => r.individuals },
  { header: 'Tập thể', value: (r) => r.collectives },
  { header: 'Hộ gia đình', value: (r) => r.households },
  { header: 'Cá nhân trực tiếp lao động, công tác', value: (r) => r.directWorkers },
];

const STAGE_COLUMNS: CsvColumn<StageTime>[] = [
  { header: 'Mã giai đoạn', value: (r) => r.stage },
  { header: 'Giai đoạn', value: (r) => r.label },
  { header: 'Số hồ sơ', value: (r) => r.count },
  { header: 'Trung vị (ngày)', value: (r) => r.medianDays },
  { header: 'Phân vị 90 (ngày)', value: (r) => r.p90Days },
];

const FIVE_YEAR_COLUMNS: CsvColumn<FiveYearRow>[] = [
  { header: 'STT', value: (r) => r.no },
  { header: 'Hình thức khen thưởng', value: (r) => r.label },
  { header: 'Cấp', value: (r) => LEVEL_VI[r.level] ?? r.level },
  { header: 'Tổng số', value: (r) => r.count },
  { header: 'Cá nhân', value: (r) => r.individuals },
  { header: 'Tập thể', value: (r) => r.collectives },
  { header: 'Hộ gia đình', value: (r) => r.households },
  { header: 'Mã hình thức', value: (r) => r.awardCodes.join('; ') },
];

export interface AwardsReport {
  filter: StatisticsFilter;
  rows: AwardCountRow[];
  directWorkers: DirectWorkerShare;
}

export interface ProcessingTimesReport {
  filter: StatisticsFilter;
  stages: StageTime[];
}

const filterOf = (q: StatisticsQuery): StatisticsFilter => ({
  fromYear: q.fromYear,
  toYear: q.toYear,
  ...(q.provinceCode ? { provinceCode: q.provinceCode } : {}),
  ...(q.unitCode ? { unitCode: q.unitCode } : {}),
  ...(q.awardCode ? { awardCode: q.awardCode } : {}),
  ...(q.level ? { level: q.level } : {}),
});

/**
 * Statistics and the province's five-year commendation report (shared/domain/seed-article.md), as JSON, as CSV
 * or as an Excel workbook (.xlsx) with Vietnamese headers. Read from the statistics read model, which is projected from the event table.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR')
@ApiProduces('application/json', 'text/csv', XLSX_CONTENT_TYPE)
@Controller('reports')
export class ReportsController {
  constructor(private readonly statistics: StatisticsQueries) {}

  @Get('awards')
  @ApiOkResponse({
    type: AwardsReportDto,
    description:
      'Awards by year, form, level and unit, with the share going to people who work directly at the grassroots',
  })
  async awards(
    @Query() q: StatisticsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AwardsReport | string | StreamableFile> {
    const filter = filterOf(q);
    const rows = await this.statistics.awards(filter);
    const format = listFormatOf(q.format, accept);
    if (format !== 'json')
      return listDownload(res, format, `khen-thuong-${q.fromYear}-${q.toYear}`, rows, AWARD_COLUMNS, 'Khen thưởng');
    return { filter, rows, directWorkers: await this.statistics.directWorkerShare(filter) };
  }

  @Get('processing-times')
  @ApiOkResponse({
    type: ProcessingTimesReportDto,
    description: 'Median and 90th percentile of the calendar days each stage took, by the year the stage ended',
  })
  async processingTimes(
    @Query() q: StatisticsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProcessingTimesReport | string | StreamableFile> {
    const filter = filterOf(q);
    const stages = await this.statistics.processingTimes(filter);
    const format = listFormatOf(q.format, accept);
    if (format !== 'json')
      return listDownload(
        res,
        format,
        `thoi-gian-xu-ly-${q.fromYear}-${q.toYear}`,
        stages,
        STAGE_COLUMNS,
        'Thời gian xử lý',
      );
    return { filter, stages };
  }

  @Get('five-year')
  @ApiOkResponse({
    type: FiveYearReportDto,
    description: "The seed article's report: each category with its count, individuals, collectives and households",
  })
  async fiveYear(
    @Query() q: FiveYearQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FiveYearReport | string | StreamableFile> {
    const report = await this.statistics.fiveYearReport({
      provinceCode: q.provinceCode,
      fromYear: q.fromYear,
      toYear: q.toYear,
    });
    const format = listFormatOf(q.format, accept);
    if (format !== 'json')
      return listDownload(
        res,
        format,
        `bao-cao-khen-thuong-${q.provinceCode}-${q.fromYear}-${q.toYear}`,
        report.rows,
        FIVE_YEAR_COLUMNS,
        'Báo cáo khen thưởng',
      );
    return report;
  }
}
