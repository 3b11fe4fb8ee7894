import { Controller, Get, Headers, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { StatisticsQueries, type FiveYearReport } from '@tdkt/persistence';
import { Roles } from '../auth/auth.guard';
import { listDownload, listFormatOf, XLSX_CONTENT_TYPE } from './xlsx';
import { AWARD_COLUMNS, filterOf, FIVE_YEAR_COLUMNS, STAGE_COLUMNS } from './report-columns';
import { FiveYearQuery, StatisticsQuery } from './reports-query.dto';
import {
  AwardsReportDto,
  FiveYearReportDto,
  ProcessingTimesReportDto,
  type AwardsReport,
  type ProcessingTimesReport,
} from './reports.dto';

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
