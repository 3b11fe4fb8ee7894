import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  Max,
  Min,
  IsUUID,
} from 'class-validator';
import {
  AWARD_CODES,
  COMMENDATION_TYPES,
  DOSSIER_PART_KINDS,
  DOSSIER_STATUSES,
  type CommendationType,
  type DossierPartKind,
  SUBJECT_KINDS,
  type SubjectKind,
} from '@tdkt/domain';
import { PlausibleDate } from '../platform/validation';
import { DeclaredRecordDto, DossierPartDto } from './record.dto';

/** An optional list of dossier parts (thành phần hồ sơ), each validated. */
export const DossierParts = (description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: [DossierPartDto], ...(description ? { description } : {}) }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    ValidateNested({ each: true }),
    Type(() => DossierPartDto),
  );

/** A page size from the query string: 1–200, default 50. */
export const PageLimit = () =>
  applyDecorators(
    ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(200),
  );

export class NomineeDto {
  @ApiProperty({ enum: SUBJECT_KINDS })
  @IsIn(SUBJECT_KINDS)
  kind!: SubjectKind;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  @IsString()
  @Length(2, 200)
  fullName!: string;

  @ApiPropertyOptional({ example: 'Giáo viên' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  position?: string;

  @ApiPropertyOptional({
    description: 'Citizen id (CCCD, 12 digits). Stored only as a keyed hash, never logged.',
    example: '001190000123',
  })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'citizenId must be 12 digits' })
  citizenId?: string;

  @ApiPropertyOptional({ description: 'Works directly at the grassroots (người trực tiếp lao động, công tác)' })
  @IsOptional()
  @IsBoolean()
  directWorker?: boolean;

  @ApiPropertyOptional({ example: '1985-04-12', description: 'A real date between 1900-01-01 and today' })
  @IsOptional()
  @PlausibleDate('past', '1900-01-01')
  birthDate?: string;
}

export class CreateDossierDto {
  @ApiProperty({ enum: AWARD_CODES, example: 'BK_TINH' })
  @IsIn(AWARD_CODES as string[])
  awardCode!: string;

  @ApiProperty({ example: 'Đề nghị tặng Bằng khen cho bà Nguyễn Thị Lan' })
  @IsString()
  @Length(3, 300)
  title!: string;

  @ApiProperty({ type: NomineeDto })
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee!: NomineeDto;

  @ApiProperty({ description: 'Summary of the achievements (báo cáo thành tích)' })
  @IsString()
  @Length(10, 20000)
  achievements!: string;

  @ApiPropertyOptional({ type: DeclaredRecordDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeclaredRecordDto)
  record?: DeclaredRecordDto;

  @DossierParts()
  parts?: DossierPartDto[];

  @ApiPropertyOptional({
    enum: COMMENDATION_TYPES,
    default: 'PERIODIC',
    description: 'Loại hình khen thưởng (Law Art. 8)',
  })
  @IsOptional()
  @IsIn(COMMENDATION_TYPES as string[])
  commendationType?: CommendationType;

  @ApiPropertyOptional({
    description: 'Ad-hoc (đột xuất) only: the date of the achievement; intake ≤ 45 days after it (rule 31)',
    example: '2025-09-02',
  })
  @IsOptional()
  @PlausibleDate('past', '1945-01-01')
  achievementDate?: string;

  @ApiPropertyOptional({
    description: 'Ad-hoc only: the simplified procedure (Law Art. 85) — no council minutes, shorter appraisal',
  })
  @IsOptional()
  @IsBoolean()
  simplified?: boolean;

  @ApiPropertyOptional({ description: 'Thematic only: the round (đợt / chuyên đề) the dossier answers (rule 32)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  roundId?: string;

  @ApiPropertyOptional({
    description:
      "The emulation movement (phong trào thi đua, GET /api/movements) the dossier answers, any commendation type; a thematic dossier's round is its movement",
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  movementId?: string;
}

/** Changes a draft, returned or supplement-requested dossier's content before it goes (back) up. */
export class UpdateContentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(3, 300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(10, 20000) achievements?: string;
  @ApiPropertyOptional({ type: DeclaredRecordDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeclaredRecordDto)
  record?: DeclaredRecordDto;
  @DossierParts()
  parts?: DossierPartDto[];
}

export class SupplementDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
  @DossierParts('The dossier parts after the supplement')
  parts?: DossierPartDto[];
}

export class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class ReasonDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @Length(3, 2000)
  reason!: string;
}

export class SupplementRequestDto {
  @ApiProperty({
    enum: DOSSIER_PART_KINDS,
    isArray: true,
    example: ['BIEN_BAN', 'BAO_CAO_THANH_TICH'],
    description: 'The parts the unit must add or correct',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsIn(DOSSIER_PART_KINDS, { each: true })
  missingParts!: DossierPartKind[];

  @ApiProperty()
  @IsString()
  @Length(3, 2000)
  reason!: string;

  @ApiPropertyOptional({ description: 'Working days the unit has; defaults to the rule set', minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  deadlineWD?: number;
}

export class VoteDto {
  @ApiProperty({ description: 'true approves the dossier, false rejects it' })
  @IsBoolean()
  approve!: boolean;
}

export class DecisionDto {
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;

  @ApiPropertyOptional({ description: 'Required when rejecting' })
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  reason?: string;

  @ApiPropertyOptional({ type: [String], description: 'Legal basis cited; defaults to the rule set' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(3, 500, { each: true })
  legalBasis?: string[];
}

export class ListDossiersQuery {
  @ApiPropertyOptional({ enum: DOSSIER_STATUSES })
  @IsOptional()
  @IsIn(DOSSIER_STATUSES as readonly string[] as string[])
  status?: string;

  @ApiPropertyOptional({ enum: AWARD_CODES })
  @IsOptional()
  @IsIn(AWARD_CODES as string[])
  awardCode?: string;

  @ApiPropertyOptional({ enum: COMMENDATION_TYPES })
  @IsOptional()
  @IsIn(COMMENDATION_TYPES as string[])
  commendationType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 50)
  unitCode?: string;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @PageLimit()
  limit?: number;
}

export class DossierIdParam {
  @ApiProperty({ format: 'uuid', description: 'The dossier id' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}
