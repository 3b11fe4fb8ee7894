import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { AWARD_CODES, type AwardLevel } from '@tdkt/domain';
import { LIST_FORMATS, XLSX_CONTENT_TYPE } from './xlsx';

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

/** A period of years (at most ten), and the answer's format. */
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

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only the dossiers that come from this movement (GET /api/movements; a thematic round counts as its movement). ' +
      'A movement that does not exist is a 400 on movementId.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'movementId must be a UUID' })
  movementId?: string;
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

export const AWARD_GROUPINGS = ['form', 'movement'] as const;

export class AwardsQuery extends StatisticsQuery {
  @ApiPropertyOptional({
    enum: AWARD_GROUPINGS,
    description:
      'The rows of the CSV and .xlsx answers: by year, form and unit (form, the default), or by the movement the ' +
      'dossiers come from (movement; those of none as "Không thuộc phong trào"). JSON always carries both.',
  })
  @IsOptional()
  @IsIn(AWARD_GROUPINGS)
  groupBy?: (typeof AWARD_GROUPINGS)[number];
}

export class FiveYearQuery extends PeriodQuery {
  @ApiProperty({ example: 'MAU' })
  @IsString()
  @Matches(CODE, { message: 'provinceCode must be 1–50 letters, digits, _ . -' })
  provinceCode!: string;
}
