import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AWARD_CODES,
  MOVEMENT_KINDS,
  MOVEMENT_SCOPES,
  MOVEMENT_STATUSES,
  REVIEW_MILESTONES,
  type ReviewMilestone,
  type MovementKind,
  type MovementScopeLevel,
  type MovementStatus,
} from '@tdkt/domain';

const isoDate = (field: string) =>
  IsISO8601({ strict: true }, { message: `${field} must be an ISO date (YYYY-MM-DD)` });

export class MovementIdParam {
  @ApiProperty({ format: 'uuid', description: 'The movement id (a thematic round’s id is its movement id)' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class MovementScopeDto {
  @ApiProperty({ enum: MOVEMENT_SCOPES, example: 'PROVINCE' })
  @IsIn(MOVEMENT_SCOPES as readonly string[])
  level!: MovementScopeLevel;
  @ApiProperty({
    example: 'MAU',
    description:
      'PROVINCE: the province code (the secretariat’s own); BLOCK: the emulation block’s code; UNIT: the unit code',
  })
  @IsString()
  @Length(1, 64)
  code!: string;
}

export class MovementPeriodDto {
  @ApiProperty({ example: '2026-01-15' }) @isoDate('from') from!: string;
  @ApiProperty({ example: '2026-12-31', description: 'Inclusive' }) @isoDate('to') to!: string;
}

export class LaunchDecisionDto {
  @ApiProperty({ example: '12/QĐ-UBND', description: 'Số quyết định phát động' })
  @IsString()
  @Length(1, 100)
  number!: string;
  @ApiProperty({ example: '2026-01-15' }) @isoDate('date') date!: string;
  @ApiProperty({ example: 'Chủ tịch UBND tỉnh', description: 'Người ký (chức vụ)' })
  @IsString()
  @Length(1, 300)
  signer!: string;
}

export class AwardQuotaDto {
  @ApiProperty({ enum: AWARD_CODES, example: 'BK_TINH' }) @IsIn(AWARD_CODES as string[]) awardCode!: string;
  @ApiProperty({ example: 20 }) @IsInt() @Min(1) @Max(100000) max!: number;
}

export class MovementMilestonesDto {
  @ApiPropertyOptional({ example: '2026-06-30', description: 'Sơ kết (mid-term review)' })
  @IsOptional()
  @isoDate('midTermReview')
  midTermReview?: string;
  @ApiProperty({ example: '2026-12-20', description: 'Tổng kết (final review)' })
  @isoDate('finalReview')
  finalReview!: string;
}

export class LaunchMovementDto {
  @ApiProperty({ example: 'Phong trào thi đua "Chung sức xây dựng nông thôn mới" năm 2026' })
  @IsString()
  @Length(3, 300)
  name!: string;
  @ApiProperty({ enum: MOVEMENT_KINDS, description: 'REGULAR: thường xuyên; THEMATIC: theo đợt / chuyên đề' })
  @IsIn(MOVEMENT_KINDS as readonly string[])
  kind!: MovementKind;
  @ApiProperty({ type: MovementScopeDto }) @ValidateNested() @Type(() => MovementScopeDto) scope!: MovementScopeDto;
  @ApiProperty({ type: MovementPeriodDto }) @ValidateNested() @Type(() => MovementPeriodDto) period!: MovementPeriodDto;
  @ApiProperty({ type: [String], example: ['Hoàn thành 100% chỉ tiêu xây dựng nông thôn mới'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  objectives!: string[];
  @ApiProperty({ type: [String], example: ['Số xã đạt chuẩn nông thôn mới'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  criteria!: string[];
  @ApiProperty({ type: LaunchDecisionDto })
  @ValidateNested()
  @Type(() => LaunchDecisionDto)
  launchDecision!: LaunchDecisionDto;
  @ApiProperty({
    type: [String],
    example: ['Liên đoàn Lao động tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh'],
    description: 'Đơn vị phối hợp phát động',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  coOrganisers!: string[];
  @ApiProperty({
    enum: AWARD_CODES,
    isArray: true,
    example: ['BK_TINH', 'CO_TD_TINH'],
    description: 'Titles and forms the movement leads to',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsIn(AWARD_CODES as string[], { each: true })
  awardCodes!: string[];
  @ApiPropertyOptional({
    type: [AwardQuotaDto],
    description:
      'Optional local caps per title or form (the launcher’s; the law sets none): a dossier of the movement submitted beyond one is refused (eligibility criterion movement.quota)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AwardQuotaDto)
  quotas?: AwardQuotaDto[];
  @ApiProperty({ type: MovementMilestonesDto })
  @ValidateNested()
  @Type(() => MovementMilestonesDto)
  milestones!: MovementMilestonesDto;
}

export class MovementStatusDto {
  @ApiProperty({
    enum: MOVEMENT_STATUSES,
    description: 'The next status: LAUNCHED → IN_PROGRESS → REVIEWED (from the final review date) → CLOSED',
  })
  @IsIn(MOVEMENT_STATUSES as readonly string[])
  to!: MovementStatus;
  @ApiPropertyOptional({ example: 'Hội nghị tổng kết ngày 20/12/2026' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class ReviewCeremonyDto {
  @ApiProperty({ enum: REVIEW_MILESTONES, description: 'The review: MID_TERM (sơ kết) or FINAL (tổng kết)' })
  @IsIn(REVIEW_MILESTONES as readonly string[], { message: 'milestone is MID_TERM or FINAL' })
  milestone!: ReviewMilestone;
  @ApiProperty({
    example: '2026-12-22',
    description: "The ceremony's date: not before the latest decision on the movement's awarded dossiers",
  })
  @isoDate('ceremonyDate')
  ceremonyDate!: string;
}

export class MovementListQuery {
  @ApiPropertyOptional({ enum: MOVEMENT_KINDS }) @IsOptional() @IsIn(MOVEMENT_KINDS as readonly string[]) kind?: string;
  @ApiPropertyOptional({ enum: MOVEMENT_STATUSES })
  @IsOptional()
  @IsIn(MOVEMENT_STATUSES as readonly string[])
  status?: string;
}

export class MovementViewDto {
  @ApiProperty() movementId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: MOVEMENT_KINDS }) kind!: string;
  @ApiProperty({
    enum: MOVEMENT_SCOPES,
    nullable: true,
    type: String,
    description: 'Null for a round (rounds name no scope)',
  })
  scopeLevel!: string | null;
  @ApiProperty({ nullable: true, type: String }) scopeCode!: string | null;
  @ApiProperty() periodFrom!: string;
  @ApiProperty() periodTo!: string;
  @ApiProperty({ enum: MOVEMENT_STATUSES }) status!: string;
  @ApiProperty({
    enum: ['MOVEMENT', 'ROUND'],
    description: 'ROUND: a thematic round (rule 32) read as a THEMATIC movement',
  })
  source!: string;
  @ApiProperty({
    description:
      'The movement as the domain holds it: definition (objectives, criteria, launch decision, co-organisers, awards, quotas, milestones) and transitions',
    type: 'object',
    additionalProperties: true,
  })
  state!: Record<string, unknown>;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class MovementDossierCountDto {
  @ApiProperty() awardCode!: string;
  @ApiProperty() status!: string;
  @ApiProperty() count!: number;
}

export class MovementQuotaUseDto {
  @ApiProperty() awardCode!: string;
  @ApiProperty({ description: 'The launcher’s cap for the award within the movement' }) max!: number;
  @ApiProperty({
    description:
      'Dossiers of the movement for the award holding a place: submitted and in progress, or awarded (not drafts, returned, withdrawn, rejected or revoked)',
  })
  taken!: number;
}

export class MovementWithDossiersDto extends MovementViewDto {
  @ApiProperty({ type: [MovementDossierCountDto], description: 'Dossiers naming the movement, per award and status' })
  dossiers!: MovementDossierCountDto[];
  @ApiProperty({
    type: [MovementQuotaUseDto],
    description:
      'The movement’s quotas with the places taken; a submission beyond a quota is refused (eligibility criterion movement.quota)',
  })
  quotaUse!: MovementQuotaUseDto[];
}
