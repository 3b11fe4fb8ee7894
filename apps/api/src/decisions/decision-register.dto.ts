import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SUBJECT_KINDS } from '@tdkt/domain';
import { LIST_FORMATS, XLSX_CONTENT_TYPE } from '../reports/xlsx';

/** A series and year of the register, from the query string. */
export class RegisterQuery {
  @ApiProperty({
    example: 'PROVINCIAL_CHAIRMAN:HN',
    description: "The issuing authority's series, as the allocations name it",
  })
  @IsString()
  @Length(1, 200)
  authority!: string;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2200) year!: number;
}

export class VoidNumberDto extends RegisterQuery {
  @ApiProperty({ example: 13, description: 'The number in the series (13 of "13/QĐ-UBND")' })
  @IsInt()
  @Min(1)
  number!: number;
  @ApiProperty({ example: 'Số đã cấp nhưng quyết định không ban hành' }) @IsString() @Length(3, 1000) reason!: string;
}

export class AwardeesQuery extends RegisterQuery {
  @ApiProperty({ example: 12, description: 'The number in the series (12 of "12/QĐ-UBND")' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  number!: number;
  @ApiPropertyOptional({
    enum: LIST_FORMATS,
    description: `csv or xlsx (an Excel workbook, Vietnamese headers) for the list as a file; also by Accept: text/csv or ${XLSX_CONTENT_TYPE}`,
  })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format?: 'json' | 'csv' | 'xlsx';
}

export class RegisterDossierDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() signerId!: string;
  @ApiProperty({ example: '2026-12-18' }) signedOn!: string;
  @ApiProperty({ type: String, nullable: true, description: "The dossier's status now (REVOKED after a revocation)" })
  status!: string | null;
}

export class RegisterVoidedDto {
  @ApiProperty() reason!: string;
  @ApiProperty() voidedBy!: string;
  @ApiProperty() voidedRole!: string;
  @ApiProperty() voidedAt!: string;
}

/** One allocated number: the dossiers its decision awarded, or its voiding (the number stays used). */
export class RegisterEntryDto {
  @ApiProperty({ example: 12 }) number!: number;
  @ApiProperty({ example: '12/QĐ-UBND' }) formatted!: string;
  @ApiProperty() allocatedAt!: string;
  @ApiProperty({ type: [RegisterDossierDto] }) dossiers!: RegisterDossierDto[];
  @ApiProperty({ type: RegisterVoidedDto, nullable: true }) voided!: RegisterVoidedDto | null;
}

/** The decision register (sổ quyết định) of one issuing authority's series and year. */
export class RegisterDto {
  @ApiProperty({ example: 'PROVINCIAL_CHAIRMAN:HN' }) authority!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: "The register's own stream (voidings) in the event table" }) streamId!: string;
  @ApiProperty({ description: 'The last number allocated in the series (0 before the first)' }) lastNumber!: number;
  @ApiProperty({ type: [RegisterEntryDto] }) entries!: RegisterEntryDto[];
}

export class DecisionAwardeeDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) nomineeKind!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ example: '2026-03-02' }) signedOn!: string;
  @ApiProperty({ type: String, nullable: true, description: "The dossier's status now (REVOKED after a revocation)" })
  status!: string | null;
}

export class DecisionAwardeesDto {
  @ApiProperty() authority!: string;
  @ApiProperty() year!: number;
  @ApiProperty() number!: number;
  @ApiProperty({ example: '12/QĐ-UBND' }) formatted!: string;
  @ApiProperty({ type: [DecisionAwardeeDto] }) awardees!: DecisionAwardeeDto[];
}
