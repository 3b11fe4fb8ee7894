import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { FUND_SOURCES, ROUTES, type FundSource } from '@tdkt/domain';

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

export class FundDossierParam {
  @ApiProperty({ format: 'uuid', description: 'The decided dossier' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class FundPaymentDto {
  @ApiProperty({ example: 3510000, description: 'Whole đồng' })
  @IsInt({ message: 'amountVnd is a whole number of đồng' })
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountVnd!: number;
  @ApiProperty({ example: '2026-03-20' })
  @IsISO8601({ strict: true }, { message: 'paidOn must be an ISO date (YYYY-MM-DD)' })
  paidOn!: string;
  @ApiProperty({
    enum: FUND_SOURCES,
    description: 'Ngân sách nhà nước, đóng góp của tổ chức, cá nhân, nguồn hợp pháp khác (Luật Điều 90)',
  })
  @IsIn(FUND_SOURCES as readonly string[])
  source!: FundSource;
  @ApiProperty({ example: 'PC 15/2026', description: 'The voucher (chứng từ chi)' })
  @IsString()
  @Length(1, 200)
  voucherRef!: string;
  @ApiPropertyOptional({ example: 'Chi tại Hội nghị tổng kết' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class FundListQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Decision year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: 'unitCode is a unit code' })
  unitCode?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: 'provinceCode is a code' })
  provinceCode?: string;
}

export class FundTotalsQuery {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fromYear!: number;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) toYear!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: 'provinceCode is a code' })
  provinceCode?: string;
}

export class FundEntryDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty({ enum: [...ROUTES, 'UNKNOWN'] }) level!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() subjectKind!: string;
  @ApiProperty({ type: String, nullable: true }) ruleSetVersion!: string | null;
  @ApiProperty() decisionNumber!: string;
  @ApiProperty() authority!: string;
  @ApiProperty() decidedOn!: string;
  @ApiProperty() year!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Multiplier × base salary on the decision date (rule 35); null when the rule set has no rate',
  })
  dueVnd!: number | null;
  @ApiProperty({ type: Number, nullable: true }) multiplier!: number | null;
  @ApiProperty({ type: Number, nullable: true }) baseSalaryVnd!: number | null;
  @ApiProperty() basis!: string;
  @ApiProperty() paidVnd!: number;
  @ApiProperty({ type: String, nullable: true }) lastPaidOn!: string | null;
  @ApiProperty({ type: Number, nullable: true }) outstandingVnd!: number | null;
  @ApiProperty({ type: String, nullable: true }) revokedOn!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'After a revocation: the amount actually paid' })
  toRecoverVnd!: number | null;
  @ApiProperty({ type: Number, nullable: true }) recoveredVnd!: number | null;
}

export class FundPaymentRowDto extends FundPaymentDto {
  @ApiProperty() seq!: number;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedAt!: string;
}

export class FundEntryWithPaymentsDto extends FundEntryDto {
  @ApiProperty({ type: [FundPaymentRowDto] }) payments!: FundPaymentRowDto[];
}

export class FundYearTotalDto {
  @ApiProperty() year!: number;
  @ApiProperty() decisions!: number;
  @ApiProperty({ description: 'Decisions whose award has no rate in the rule set' }) withoutRate!: number;
  @ApiProperty() dueVnd!: number;
  @ApiProperty() paidVnd!: number;
  @ApiProperty() revoked!: number;
  @ApiProperty() recoveredVnd!: number;
}

export class FundSourceTotalDto {
  @ApiProperty({ description: 'Payment year' }) year!: number;
  @ApiProperty({ enum: FUND_SOURCES }) source!: string;
  @ApiProperty() payments!: number;
  @ApiProperty() paidVnd!: number;
}

export class FundTotalsDto {
  @ApiProperty({ type: [FundYearTotalDto], description: 'By decision year' }) byYear!: FundYearTotalDto[];
  @ApiProperty({ type: [FundSourceTotalDto], description: 'By payment year and source' })
  bySource!: FundSourceTotalDto[];
}
