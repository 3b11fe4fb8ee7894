import { PageLimit } from '../dossiers/dossier.dto';
import { Controller, Get, HttpException, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { Response } from 'express';
import { AWARD_CODES, COMMENDATION_TYPES, DOSSIER_STATUSES, HOLDERS, STAGES, vietnamDate, type Actor, type Stage } from '@tdkt/domain';
import { BoardQueries, type BoardFilter, type BoardRow, type BoardSort, type DossierScope } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from '../dossiers/dossier-access';
import { body } from '../platform/errors';
import { csvDownloadHeaders, toCsv, type CsvColumn } from '../reports/csv';

const STATUSES: string[] = DOSSIER_STATUSES.filter((s) => s !== 'NEW');
const SORTS: BoardSort[] = ['updated', 'deadline'];
/** The CSV export holds at most this many rows; more asks the user to narrow the filters. */
export const MAX_CSV_ROWS = 10_000;

const list = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.split(',').filter((s) => s !== '') : value);
const bool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class BoardFilterQuery {
  @ApiPropertyOptional({ enum: STATUSES, isArray: true, description: 'One or more statuses, comma-separated or repeated' })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(STATUSES.length)
  @IsIn(STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ enum: AWARD_CODES })
  @IsOptional()
  @IsIn(AWARD_CODES as string[])
  awardCode?: string;

  @ApiPropertyOptional({ enum: COMMENDATION_TYPES, description: 'Loại hình khen thưởng (Law Art. 8)' })
  @IsOptional()
  @IsIn(COMMENDATION_TYPES as string[])
  commendationType?: string;

  @ApiPropertyOptional({ example: 'SGDDT' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,50}$/, { message: 'unitCode must be 1–50 letters, digits, _ . -' })
  unitCode?: string;

  @ApiPropertyOptional({ enum: HOLDERS, description: 'Role that must act next' })
  @IsOptional()
  @IsIn(HOLDERS)
  heldBy?: string;

  @ApiPropertyOptional({ description: 'true: only overdue appraisals; false: none of them' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ example: '2025-10-01', description: 'Only deadlines strictly before this date (dossiers without a deadline drop out)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'deadlineBefore must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadlineBefore must be a date YYYY-MM-DD' })
  deadlineBefore?: string;

  @ApiPropertyOptional({ example: '2025-09-01', description: 'Only deadlines strictly after this date (dossiers without a deadline drop out)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'deadlineAfter must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadlineAfter must be a date YYYY-MM-DD' })
  deadlineAfter?: string;
}

export class BoardQuery extends BoardFilterQuery {
  @ApiPropertyOptional({ enum: SORTS, default: 'updated', description: 'updated: last change first; deadline: nearest legal deadline first, none last' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: BoardSort;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (same sort)' })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  cursor?: string;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: `csv: every matching row (at most ${MAX_CSV_ROWS}) in the chosen sort; cursor and limit do not apply` })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class BoardRowDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiPropertyOptional({ type: String, nullable: true, enum: HOLDERS, description: 'Role that must act next' }) heldBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Legal deadline now running (ISO date, Asia/Ho_Chi_Minh)' }) deadline!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['APPRAISAL', 'SUPPLEMENT', 'COUNCIL_VOTING', 'DECISION', 'PUBLIC_POSTING', 'CENTRAL_PUBLIC_CONSULTATION', 'COUNCIL_RETRY'] }) deadlineKind!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Working days from today to the deadline; negative when overdue; null without a deadline or outside the calendar' })
  daysLeft!: number | null;
  @ApiProperty() councilSize!: number;
  @ApiProperty() votesCast!: number;
  @ApiProperty() updatedAt!: string;
}

export class BoardPageDto {
  @ApiProperty({ description: 'The day daysLeft counts from (Asia/Ho_Chi_Minh)' }) today!: string;
  @ApiProperty({ type: [BoardRowDto] }) items!: BoardRowDto[];
  @ApiPropertyOptional({ description: 'Pass as cursor, with the same sort and filters, for the next page; absent on the last page' }) nextCursor?: string;
}

export class BoardCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Matching dossiers per status, every status present', type: 'object', additionalProperties: { type: 'number' } })
  byStatus!: Record<string, number>;
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
  async list(@CurrentActor() actor: Actor, @Query() q: BoardQuery, @Res({ passthrough: true }) res: Response): Promise<BoardPageDto | string> {
    const today = vietnamDate(Date.now());
    const scope = scopeOf(actor);
    const filter = filterOf(q);
    if (q.format === 'csv') return this.csv(res, scope, filter, q.sort ?? 'updated', today);
    const page = await this.board.page(scope, filter, { sort: q.sort ?? 'updated', limit: q.limit ?? 50, today, ...(q.cursor ? { cursor: q.cursor } : {}) });
    return { today, ...page };
  }

  @Get('counts')
  @ApiOkResponse({ type: BoardCountsDto })
  counts(@CurrentActor() actor: Actor, @Query() q: BoardFilterQuery): Promise<BoardCountsDto> {
    return this.board.counts(scopeOf(actor), filterOf(q));
  }

  private async csv(res: Response, scope: DossierScope, filter: BoardFilter, sort: BoardSort, today: string): Promise<string> {
    const { total } = await this.board.counts(scope, filter);
    if (total > MAX_CSV_ROWS)
      throw new HttpException(
        body(422, `${total} dossiers match; a CSV export holds at most ${MAX_CSV_ROWS}. Narrow it with status, awardCode, unitCode, heldBy, overdue or deadline filters.`),
        422,
      );
    const rows: BoardRow[] = [];
    for await (const page of this.board.all(scope, filter, { sort, today, pageSize: 1000 })) {
      rows.push(...page.slice(0, MAX_CSV_ROWS - rows.length));
      if (rows.length >= MAX_CSV_ROWS) break;
    }
    for (const [name, value] of Object.entries(csvDownloadHeaders(`bang-theo-doi-ho-so-${today}.csv`))) res.setHeader(name, value);
    res.setHeader('x-total-count', String(rows.length));
    return toCsv(rows, COLUMNS);
  }
}
