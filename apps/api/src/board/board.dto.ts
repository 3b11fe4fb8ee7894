import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  AWARD_CODES,
  COMMENDATION_TYPES,
  DEADLINE_KINDS,
  DOSSIER_STATUSES,
  HOLDERS,
  STAGES,
  type Stage,
} from '@tdkt/domain';
import type { BoardSort } from '@tdkt/persistence';
import { PageLimit } from '../dossiers/dossier.dto';

const STATUSES: string[] = DOSSIER_STATUSES.filter((s) => s !== 'NEW');
const SORTS: BoardSort[] = ['updated', 'deadline'];
/** The CSV export holds at most this many rows; more asks the user to narrow the filters. */
export const MAX_CSV_ROWS = 10_000;

const list = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').filter((s) => s !== '') : value;
const bool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class BoardFilterQuery {
  @ApiPropertyOptional({
    enum: STATUSES,
    isArray: true,
    description: 'One or more statuses, comma-separated or repeated',
  })
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

  @ApiPropertyOptional({
    example: '2025-10-01',
    description: 'Only deadlines strictly before this date (dossiers without a deadline drop out)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'deadlineBefore must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadlineBefore must be a date YYYY-MM-DD' })
  deadlineBefore?: string;

  @ApiPropertyOptional({
    example: '2025-09-01',
    description: 'Only deadlines strictly after this date (dossiers without a deadline drop out)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'deadlineAfter must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadlineAfter must be a date YYYY-MM-DD' })
  deadlineAfter?: string;
}

/** The filters and the sort: what an export of the board takes. */
export class BoardExportQuery extends BoardFilterQuery {
  @ApiPropertyOptional({
    enum: SORTS,
    default: 'updated',
    description: 'updated: last change first; deadline: nearest legal deadline first, none last',
  })
  @IsOptional()
  @IsIn(SORTS)
  sort?: BoardSort;
}

export class BoardQuery extends BoardExportQuery {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (same sort)' })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  cursor?: string;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: `csv: every matching row (at most ${MAX_CSV_ROWS}) in the chosen sort; cursor and limit do not apply`,
  })
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
  @ApiPropertyOptional({ type: String, nullable: true, enum: HOLDERS, description: 'Role that must act next' })
  heldBy!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Legal deadline now running (ISO date, Asia/Ho_Chi_Minh)',
  })
  deadline!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    enum: DEADLINE_KINDS,
  })
  deadlineKind!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'Working days from today to the deadline; negative when overdue; null without a deadline or outside the calendar',
  })
  daysLeft!: number | null;
  @ApiProperty() councilSize!: number;
  @ApiProperty() votesCast!: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The award decision’s number (số quyết định) once signed',
  })
  decisionNumber!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class BoardPageDto {
  @ApiProperty({ description: 'The day daysLeft counts from (Asia/Ho_Chi_Minh)' }) today!: string;
  @ApiProperty({ type: [BoardRowDto] }) items!: BoardRowDto[];
  @ApiPropertyOptional({
    description: 'Pass as cursor, with the same sort and filters, for the next page; absent on the last page',
  })
  nextCursor?: string;
}

export class BoardCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({
    description: 'Matching dossiers per status, every status present',
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  byStatus!: Record<string, number>;
}
