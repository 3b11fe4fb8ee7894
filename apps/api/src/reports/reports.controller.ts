import { Controller, Get, Headers, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { StatisticsQueries, type FiveYearReport } from '@tdkt/persistence';
import { Roles } from '../auth/auth.guard';
import { listDownload, listFormatOf, XLSX_CONTENT_TYPE } from './xlsx';
import { AWARD_COLUMNS, FIVE_YEAR_COLUMNS, MOVEMENT_AWARD_COLUMNS, STAGE_COLUMNS } from './report-columns';
import { AwardsQuery, FiveYearQuery, StatisticsQuery } from './reports-query.dto';
import { ReportsService } from './reports.service';
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
@ApiBadRequestResponse({
  description: 'A query parameter out of range, or a movementId naming no movement (the message names the field)',
})
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly statistics: StatisticsQueries,
    private readonly reports: ReportsService,
  ) {}

  @Get('awards')
  @ApiOkResponse({
    type: AwardsReportDto,
    description:
      'Awards by year, form, level and unit, and by the movement their dossiers come from, with the share going to ' +
      'people who work directly at the grassroots; CSV and .xlsx carry the rows of `groupBy`',
  })
  async awards(
    @Query() q: AwardsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AwardsReport | string | StreamableFile> {
    const filter = await this.reports.filterOf(q);
    const format = listFormatOf(q.format, accept);
    if (format !== 'json' && q.groupBy === 'movement')
      return listDownload(
        res,
        format,
        `khen-thuong-theo-phong-trao-${q.fromYear}-${q.toYear}`,
        await this.statistics.awardsByMovement(filter),
        MOVEMENT_AWARD_COLUMNS,
        'Theo phong trào',
      );
    const rows = await this.statistics.awards(filter);
    if (format !== 'json')
      return listDownload(res, format, `khen-thuong-${q.fromYear}-${q.toYear}`, rows, AWARD_COLUMNS, 'Khen thưởng');
    return {
      filter,
      rows,
      byMovement: await this.statistics.awardsByMovement(filter),
      directWorkers: await this.statistics.directWorkerShare(filter),
    };
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
    const filter = await this.reports.filterOf(q);
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
    const report = await this.statistics.fiveYearReport(await this.reports.fiveYearParams(q));
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
