import { Controller, Get, HttpException, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { findAward, vietnamDate, type Actor } from '@tdkt/domain';
import { BoardQueries, type BoardFilter, type BoardRow, type BoardSort } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { BoardFilterQuery, MAX_CSV_ROWS } from '../board/board.controller';
import { scopeOf } from '../dossiers/dossier-access';
import { body } from '../platform/errors';
import type { CsvColumn } from '../reports/csv';
import { listDownload, XLSX_CONTENT_TYPE } from '../reports/xlsx';

const SORTS: BoardSort[] = ['updated', 'deadline'];

export class BoardExportQuery extends BoardFilterQuery {
  @ApiPropertyOptional({ enum: SORTS, default: 'updated' }) @IsOptional() @IsIn(SORTS) sort?: BoardSort;
}

const filterOf = (q: BoardFilterQuery): BoardFilter => ({
  ...(q.status?.length ? { statuses: q.status } : {}),
  ...(q.awardCode ? { awardCode: q.awardCode } : {}),
  ...(q.commendationType ? { commendationType: q.commendationType } : {}),
  ...(q.unitCode ? { unitCode: q.unitCode } : {}),
  ...(q.heldBy ? { heldBy: q.heldBy } : {}),
  ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
  ...(q.deadlineBefore ? { deadlineBefore: q.deadlineBefore } : {}),
  ...(q.deadlineAfter ? { deadlineAfter: q.deadlineAfter } : {}),
});

const COLUMNS: CsvColumn<BoardRow>[] = [
  { header: 'Mã hồ sơ', value: (r) => r.id },
  { header: 'Trích yếu', value: (r) => r.title },
  { header: 'Người, tập thể được đề nghị', value: (r) => r.nomineeName },
  { header: 'Mã hình thức', value: (r) => r.awardCode },
  { header: 'Hình thức khen thưởng', value: (r) => findAward(r.awardCode)?.nameVi ?? r.awardCode },
  { header: 'Mã đơn vị', value: (r) => r.unitCode },
  { header: 'Giai đoạn', value: (r) => r.stage },
  { header: 'Trạng thái', value: (r) => r.status },
  { header: 'Đang xử lý', value: (r) => r.heldBy },
  { header: 'Hạn xử lý', value: (r) => r.deadline },
  { header: 'Loại hạn', value: (r) => r.deadlineKind },
  { header: 'Số ngày làm việc còn lại', value: (r) => r.daysLeft },
  { header: 'Quá hạn', value: (r) => r.overdue },
  { header: 'Cập nhật lúc', value: (r) => r.updatedAt },
];

/**
 * The board as an Excel workbook (.xlsx, Vietnamese headers): the rows GET /api/board lists for the same filters, in
 * the chosen sort, at most as many as its CSV. Beside the board's own controller, which keeps JSON and CSV.
 */
@ApiTags('board')
@ApiBearerAuth()
@Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR')
@Controller('board')
export class BoardExportController {
  constructor(private readonly board: BoardQueries) {}

  @Get('export.xlsx')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'bang-theo-doi-ho-so-<today>.xlsx: one worksheet, header row in Vietnamese', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 422, description: `More than ${MAX_CSV_ROWS} dossiers match: narrow the filters`, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } })
  async xlsx(@CurrentActor() actor: Actor, @Query() q: BoardExportQuery, @Res({ passthrough: true }) res: Response): Promise<StreamableFile | string> {
    const today = vietnamDate(Date.now());
    const scope = scopeOf(actor);
    const filter = filterOf(q);
    const { total } = await this.board.counts(scope, filter);
    if (total > MAX_CSV_ROWS)
      throw new HttpException(body(422, `${total} dossiers match; an export holds at most ${MAX_CSV_ROWS}. Narrow it with status, awardCode, unitCode, heldBy, overdue or deadline filters.`), 422);
    const rows: BoardRow[] = [];
    for await (const page of this.board.all(scope, filter, { sort: q.sort ?? 'updated', today, pageSize: 1000 })) {
      rows.push(...page.slice(0, MAX_CSV_ROWS - rows.length));
      if (rows.length >= MAX_CSV_ROWS) break;
    }
    res.setHeader('x-total-count', String(rows.length));
    return listDownload(res, 'xlsx', `bang-theo-doi-ho-so-${today}`, rows, COLUMNS, 'Bảng theo dõi hồ sơ');
  }
}
