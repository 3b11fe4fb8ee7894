import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { PlausibleDate } from '../platform/validation';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AWARD_CODES,
  COPY_KINDS,
  DOSSIER_PART_KINDS,
  INITIATIVE_LEVELS,
  TASK_RATINGS,
  type DeclaredRecord,
  type DossierPart,
  RECOGNITION_KINDS,
} from '@tdkt/domain';

const COMMENDATION_TYPES = [
  'PERIODIC',
  'AD_HOC',
  'THEMATIC',
  'LONG_SERVICE',
  'SENIORITY',
  'FOREIGN_RELATIONS',
] as const;
const Year = () => (target: object, key: string) => {
  IsInt()(target, key);
  Min(1945)(target, key);
  Max(2100)(target, key);
};

/** One part of the dossier (thành phần hồ sơ): tờ trình, báo cáo thành tích, biên bản, evidence … */
export class DossierPartDto {
  @ApiProperty({ enum: DOSSIER_PART_KINDS }) @IsIn(DOSSIER_PART_KINDS) kind!: (typeof DOSSIER_PART_KINDS)[number];
  @ApiPropertyOptional({ description: 'Document reference (number/date or file name)' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  ref?: string;
  @ApiPropertyOptional({ enum: COPY_KINDS }) @IsOptional() @IsIn(COPY_KINDS) copy?: (typeof COPY_KINDS)[number];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confirmedBySubmittingLevel?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() statesNoPartyOrMassOrganisation?: boolean;
}

export class YearRatingDto {
  @ApiProperty() @Year() year!: number;
  @ApiProperty({ enum: TASK_RATINGS }) @IsIn(TASK_RATINGS) rating!: (typeof TASK_RATINGS)[number];
}

/** The achievement period a decision names (thời gian lập thành tích): the five-year windows count from its end. */
export class AchievementPeriodDto {
  @ApiPropertyOptional() @IsOptional() @Year() fromYear?: number;
  @ApiProperty() @Year() toYear!: number;
}

export class ReceivedAwardDto {
  @ApiProperty({ enum: AWARD_CODES }) @IsIn(AWARD_CODES as string[]) awardCode!: string;
  @ApiProperty() @Year() year!: number;
  @ApiProperty({ example: '2024-12-20' }) @PlausibleDate('past', '1945-01-01') decisionDate!: string;
  @ApiProperty({ description: 'The achievement the award rewarded' })
  @IsString()
  @Length(1, 100)
  achievementId!: string;
  @ApiPropertyOptional({ enum: COMMENDATION_TYPES })
  @IsOptional()
  @IsIn(COMMENDATION_TYPES)
  commendationType?: (typeof COMMENDATION_TYPES)[number];
  @ApiPropertyOptional({
    type: AchievementPeriodDto,
    description: 'The achievement period the decision names; the decision date counts when absent',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AchievementPeriodDto)
  achievementPeriod?: AchievementPeriodDto;
}

/** The decision that recognised an initiative (rule 12: the registry matches the initiative on it and its name). */
export class InitiativeRecognitionDto {
  @ApiProperty({ example: '15/QĐ-SGDĐT' }) @IsString() @Length(1, 100) decision!: string;
  @ApiProperty({ enum: INITIATIVE_LEVELS }) @IsIn(INITIATIVE_LEVELS) level!: (typeof INITIATIVE_LEVELS)[number];
  @ApiProperty({ example: '2024-11-20' }) @PlausibleDate('past', '1945-01-01') date!: string;
}

export class InitiativeDto {
  @ApiProperty({ description: 'Name or number of the initiative as the recognition decision writes it' })
  @IsString()
  @Length(1, 100)
  id!: string;
  @ApiPropertyOptional({ type: InitiativeRecognitionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InitiativeRecognitionDto)
  recognition?: InitiativeRecognitionDto;
  @ApiProperty({ enum: RECOGNITION_KINDS }) @IsIn(RECOGNITION_KINDS) kind!: (typeof RECOGNITION_KINDS)[number];
  @ApiProperty({ enum: INITIATIVE_LEVELS }) @IsIn(INITIATIVE_LEVELS) level!: (typeof INITIATIVE_LEVELS)[number];
  @ApiProperty() @Year() year!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) usedByProposalId?: string;
}

export class CollectiveYearDto {
  @ApiProperty() @Year() year!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(1_000_000) members!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) membersWithLdtt!: number;
}

/** The nominee's record as the báo cáo thành tích declares it; the input of the eligibility checks. */
export class DeclaredRecordDto {
  @ApiPropertyOptional({ description: 'Last year of the achievement period (default: the year before submission)' })
  @IsOptional()
  @Year()
  evaluationYear?: number;
  @ApiPropertyOptional({ type: [YearRatingDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => YearRatingDto)
  ratings?: YearRatingDto[];
  @ApiPropertyOptional({ type: [ReceivedAwardDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReceivedAwardDto)
  awards?: ReceivedAwardDto[];
  @ApiPropertyOptional({ type: [InitiativeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InitiativeDto)
  initiatives?: InitiativeDto[];
  @ApiPropertyOptional({ type: [CollectiveYearDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => CollectiveYearDto)
  collectiveYears?: CollectiveYearDto[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1200) monthsSinceJoining?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) achievementId?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  initiativeIds?: string[];
  @ApiPropertyOptional({ enum: COMMENDATION_TYPES })
  @IsOptional()
  @IsIn(COMMENDATION_TYPES)
  commendationType?: (typeof COMMENDATION_TYPES)[number];
}

export function toDeclaredRecord(dto: DeclaredRecordDto): DeclaredRecord {
  const { ratings = [], awards = [], initiatives = [], collectiveYears = [], ...rest } = dto;
  return { ...rest, ratings, awards, initiatives, collectiveYears };
}

export function toParts(dtos: DossierPartDto[]): DossierPart[] {
  return dtos.map((p) => ({ ...p }));
}
