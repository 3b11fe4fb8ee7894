import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { XLSX_CONTENT_TYPE } from '../reports/xlsx';

export class AwardHistorySearchDto {
  @ApiPropertyOptional({ description: 'Citizen id (12 digits); hashed on arrival, never stored or logged' })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'citizenId must be 12 digits' })
  citizenId?: string;

  @ApiPropertyOptional({ example: 'Nguyễn Thị Lan' }) @IsOptional() @IsString() @Length(2, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) unitCode?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @IsInt() @Min(1) @Max(500) limit?: number;
}

export class AwardHistoryRowDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() subjectKind!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty() decisionNumber!: string;
  @ApiProperty() decidedOn!: string;
}

export class AwardHistoryFormatQuery {
  @ApiPropertyOptional({
    enum: ['json', 'csv', 'xlsx'],
    description: `csv or xlsx (an Excel workbook, Vietnamese headers): the same rows as a download; also by Accept: text/csv or ${XLSX_CONTENT_TYPE}`,
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}
