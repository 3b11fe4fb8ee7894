import { Controller, Get, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { findAward, vietnamDate, type Actor, Refused } from '@tdkt/domain';
import { BoardQueries, type BoardFilter, type BoardRow, type BoardSort, type DossierScope } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from '../dossiers/dossier-access';
import type { CsvColumn } from '../reports/csv';
import { listDownload, XLSX_CONTENT_TYPE } from '../reports/xlsx';
import {
  BoardCountsDto,
  BoardExportQuery,
  BoardFilterQuery,
  BoardPageDto,
  BoardQuery,
  MAX_CSV_ROWS,
} from './board.dto';

export { BoardFilterQuery, MAX_CSV_ROWS } from './board.dto';

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
  { header: 'Số quyết định', value: (r) => r.decisionNumber },
  { header: 'Cập nhật lúc', value: (r) => r.updatedAt },
];

/**
 * The secretariat's dossier board (bảng theo dõi hồ sơ): every dossier's stage, holder and legal deadline with the
 * working days left, filtered and sorted, as pages, counts by status, or a CSV file. Reads dossier_view only.
 */
@ApiTags('board')
@ApiBearerAuth()
@Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR')
@Controller('board')
export class BoardController {
  constructor(private readonly board: BoardQueries) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: BoardPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: BoardQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BoardPageDto | StreamableFile | string> {
    const today = vietnamDate(Date.now());
    const scope = scopeOf(actor);
    const filter = filterOf(q);
    if (q.format === 'csv') return this.download(res, 'csv', scope, filter, q.sort ?? 'updated', today);
    const page = await this.board.page(scope, filter, {
      sort: q.sort ?? 'updated',
      limit: q.limit ?? 50,
      today,
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    return { today, ...page };
  }

  @Get('counts')
  @ApiOkResponse({ type: BoardCountsDto })
  counts(@CurrentActor() actor: Actor, @Query() q: BoardFilterQuery): Promise<BoardCountsDto> {
    return this.board.counts(scopeOf(actor), filterOf(q));
  }

  /** The board as an Excel workbook (.xlsx, Vietnamese headers): the rows the CSV holds, in the chosen sort. */
  @Get('export.xlsx')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({
    description: 'bang-theo-doi-ho-so-<today>.xlsx: one worksheet, header row in Vietnamese',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({
    status: 422,
    description: `More than ${MAX_CSV_ROWS} dossiers match: narrow the filters`,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  })
  async xlsx(
    @CurrentActor() actor: Actor,
    @Query() q: BoardExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | string> {
    return this.download(res, 'xlsx', scopeOf(actor), filterOf(q), q.sort ?? 'updated', vietnamDate(Date.now()));
  }

  /** Every matching row (at most MAX_CSV_ROWS, else 422) as a CSV or .xlsx download. */
  private async download(
    res: Response,
    format: 'csv' | 'xlsx',
    scope: DossierScope,
    filter: BoardFilter,
    sort: BoardSort,
    today: string,
  ): Promise<StreamableFile | string> {
    const { total } = await this.board.counts(scope, filter);
    if (total > MAX_CSV_ROWS)
      throw new Refused(
        'RULE_VIOLATION',
        `${total} dossiers match; an export holds at most ${MAX_CSV_ROWS}. Narrow it with status, awardCode, unitCode, heldBy, overdue or deadline filters.`,
      );
    const rows: BoardRow[] = [];
    for await (const page of this.board.all(scope, filter, { sort, today, pageSize: 1000 })) {
      rows.push(...page.slice(0, MAX_CSV_ROWS - rows.length));
      if (rows.length >= MAX_CSV_ROWS) break;
    }
    res.setHeader('x-total-count', String(rows.length));
    return listDownload(res, format, `bang-theo-doi-ho-so-${today}`, rows, COLUMNS, 'Bảng theo dõi hồ sơ');
  }
}
