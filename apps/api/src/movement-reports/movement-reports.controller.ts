import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProduces,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ROLES } from '@tdkt/domain';
import { Roles } from '../auth/auth.guard';
import { MovementIdParam } from '../movements/movements.dto';
import { MovementReportsService } from './movement-reports.service';
import { REVIEW_KINDS, type ReviewKind } from './review-report';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class ReviewReportQuery {
  @ApiPropertyOptional({ enum: REVIEW_KINDS, default: 'FINAL', description: 'MID_TERM: sơ kết; FINAL: tổng kết' })
  @IsOptional()
  @IsIn(REVIEW_KINDS as readonly string[])
  kind?: ReviewKind;
}

/**
 * A movement's review report (sơ kết, tổng kết): participants, dossiers, awards by level and form, priority shares,
 * exemplary models, as .xlsx or PDF. Counts and names of models only, no personal data beyond what the models show.
 */
@ApiTags('movements')
@ApiBearerAuth()
@Controller('movements')
export class MovementReportsController {
  constructor(private readonly reports: MovementReportsService) {}

  @Get(':id/review-report.xlsx')
  @Roles(...ROLES)
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description: 'The workbook: Tổng hợp, Đơn vị tham gia, Hồ sơ, Khen thưởng, Ưu tiên, Điển hình tiên tiến',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  async xlsx(@Param() p: MovementIdParam, @Query() q: ReviewReportQuery): Promise<StreamableFile> {
    const report = await this.reports.report(p.id, q.kind ?? 'FINAL');
    const bytes = await this.reports.xlsx(report);
    return new StreamableFile(bytes, {
      type: XLSX,
      disposition: `attachment; filename="bao-cao-${report.kind === 'FINAL' ? 'tong-ket' : 'so-ket'}-${p.id}.xlsx"`,
      length: bytes.length,
    });
  }

  @Get(':id/review-report.pdf')
  @Roles(...ROLES)
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The same report as PDF (A4)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiServiceUnavailableResponse({ description: 'No PDF renderer (Chromium) available: retry later' })
  async pdf(@Param() p: MovementIdParam, @Query() q: ReviewReportQuery): Promise<StreamableFile> {
    const report = await this.reports.report(p.id, q.kind ?? 'FINAL');
    const bytes = await this.reports.pdfOf(report);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `inline; filename="bao-cao-${report.kind === 'FINAL' ? 'tong-ket' : 'so-ket'}-${p.id}.pdf"`,
      length: bytes.length,
    });
  }
}
