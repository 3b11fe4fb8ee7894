import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PlausibleDate } from '../platform/validation';
import { BALLOTS, BLOCK_YEAR_PHASES, FLAG_KINDS, type Ballot, type FlagKind } from '@tdkt/domain';

const UNIT_CODE = /^[A-Za-z0-9._-]{1,64}$/;

export class BlockIdParam {
  @ApiProperty({ format: 'uuid', description: 'The emulation block id' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}
export class BlockYearIdParam {
  @ApiProperty({ format: 'uuid', description: 'The block year id' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class BlockMemberDto {
  @ApiProperty({ example: 'SGDDT' })
  @IsString()
  @Matches(UNIT_CODE, { message: 'unitCode is a unit code' })
  unitCode!: string;
  @ApiProperty({ example: 'Sở Giáo dục và Đào tạo' }) @IsString() @Length(1, 300) name!: string;
}

export class FormBlockDto {
  @ApiProperty({ example: 'KHOI-VHXH', description: 'Short code, unique in the province' })
  @IsString()
  @Matches(UNIT_CODE, { message: 'code is 1–64 letters, digits, . _ -' })
  code!: string;
  @ApiProperty({ example: 'Khối Văn hóa – Xã hội' }) @IsString() @Length(3, 300) name!: string;
  @ApiProperty({ type: [BlockMemberDto], description: 'Member units in rotation order (who leads first, second…)' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BlockMemberDto)
  members!: BlockMemberDto[];
}

export class OpenBlockYearDto {
  @ApiProperty({ example: 2026, description: 'The emulation year' }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional({
    description: 'Head unit, when the block elects other than the rotation (needs departureReason)',
  })
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE)
  head?: string;
  @ApiPropertyOptional({ description: 'Deputy unit, when the block elects other than the rotation' })
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE)
  deputy?: string;
  @ApiPropertyOptional({ description: 'Why the election departs from the rotation' })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  departureReason?: string;
}

export class ScoringCriterionDto {
  @ApiProperty({ example: 'C1' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,32}$/, { message: 'code is 1–32 letters, digits, . _ -' })
  code!: string;
  @ApiProperty({ example: 'Hoàn thành nhiệm vụ chuyên môn' }) @IsString() @Length(1, 500) title!: string;
  @ApiProperty({ example: 60 }) @IsNumber() @Min(0.5) @Max(1000) maxPoints!: number;
  @ApiProperty({ example: true }) @IsBoolean() evidenceRequired!: boolean;
}

export class ScoringTemplateDto {
  @ApiProperty({ type: [ScoringCriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ScoringCriterionDto)
  criteria!: ScoringCriterionDto[];
  @ApiProperty({ example: 5 }) @IsNumber() @Min(0) @Max(1000) maxBonus!: number;
  @ApiProperty({ example: 10 }) @IsNumber() @Min(0) @Max(1000) maxPenalty!: number;
}

export class PledgeDto {
  @ApiProperty({ example: 'SGDDT', description: 'The member unit signing the pledge (ký giao ước)' })
  @IsString()
  @Matches(UNIT_CODE, { message: 'unitCode is a unit code' })
  unitCode!: string;
}

export class OpenSelfAssessmentDto {
  @ApiPropertyOptional({ example: 10, description: 'Working days until the deadline (default 10, [U])' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  workingDays?: number;
}

export class MidYearRemarkDto {
  @ApiProperty({ example: 'SGDDT', description: 'A member unit of the block' })
  @IsString()
  @Matches(UNIT_CODE, { message: 'unitCode is a unit code' })
  unitCode!: string;
  @ApiProperty({ example: 'Cần đẩy nhanh tiến độ tiêu chí 1', description: "The block's remark on the member" })
  @IsString()
  @Length(1, 2000)
  remark!: string;
}

export class MidYearCheckDto {
  @ApiProperty({
    example: '2026-07-10',
    description: "The day the mid-year check (sơ kết 6 tháng) was held: within the block's year, not in the future",
  })
  @PlausibleDate('past', '2000-01-01')
  heldOn!: string;
  @ApiProperty({ example: 'Các đơn vị hoàn thành 55% kế hoạch năm.', description: 'The summary of the first half' })
  @IsString()
  @Length(3, 5000)
  summary!: string;
  @ApiPropertyOptional({ type: [MidYearRemarkDto], description: 'Remarks on members of the block, one per member' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MidYearRemarkDto)
  remarks?: MidYearRemarkDto[];
}

export class CriterionScoreDto {
  @ApiProperty({ example: 'C1' }) @IsString() @Length(1, 32) criterionCode!: string;
  @ApiProperty({ example: 55 }) @IsNumber() @Min(0) @Max(1000) points!: number;
  @ApiProperty({ type: [String], example: ['12/BC-SGDDT'], description: 'Evidence references (documents, file ids)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  evidence!: string[];
}

export class SelfAssessmentDto {
  @ApiProperty({ example: 'SGDDT' })
  @IsString()
  @Matches(UNIT_CODE, { message: 'unitCode is a unit code' })
  unitCode!: string;
  @ApiProperty({ type: [CriterionScoreDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores!: CriterionScoreDto[];
  @ApiProperty({ example: 2 }) @IsNumber() @Min(0) @Max(1000) bonus!: number;
  @ApiProperty({ example: 0 }) @IsNumber() @Min(0) @Max(1000) penalty!: number;
  @ApiPropertyOptional({ example: 'Bằng khen của Thủ tướng Chính phủ cho phong trào chuyển đổi số', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  bonusReason?: string;
  @ApiPropertyOptional({ example: 'Chậm nộp báo cáo quý II', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  penaltyReason?: string;
}

export class ScoreAdjustmentDto {
  @ApiProperty({ example: 'SYT' })
  @IsString()
  @Matches(UNIT_CODE, { message: 'unitCode is a unit code' })
  unitCode!: string;
  @ApiProperty({ example: 'C1', description: 'A criterion code, or BONUS / PENALTY' })
  @IsString()
  @Length(1, 32)
  target!: string;
  @ApiProperty({ example: 50 }) @IsNumber() @Min(0) @Max(1000) points!: number;
  @ApiProperty({ example: 'Minh chứng chưa đủ' }) @IsString() @Length(3, 2000) reason!: string;
}

export class FlagVoteTallyDto {
  @ApiProperty({ example: 'SGDDT', description: 'A proposed unit' })
  @IsString()
  @Matches(UNIT_CODE, { message: 'unitCode is a unit code' })
  unitCode!: string;
  @ApiProperty({
    enum: FLAG_KINDS,
    description: "The flag voted on: the province's or the Government's",
  })
  @IsIn(FLAG_KINDS, { message: 'flag is PROVINCIAL or GOVERNMENT' })
  flag!: FlagKind;
  @ApiProperty({ example: 3, description: 'Member units present voting for the proposal' })
  @IsInt()
  @Min(0)
  @Max(100)
  votesFor!: number;
}

export class BlockMeetingVoteDto {
  @ApiProperty({
    enum: BALLOTS,
    description: 'Open vote (biểu quyết công khai) or secret ballot (bỏ phiếu kín)',
  })
  @IsIn(BALLOTS, { message: 'method is OPEN or SECRET' })
  method!: Ballot;
  @ApiProperty({
    type: [String],
    example: ['SGDDT', 'SYT', 'SVHTTDL'],
    description: 'Member units present (one vote each); at least two thirds of the members ([U], rule set)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(UNIT_CODE, { each: true, message: 'present lists unit codes' })
  present!: string[];
  @ApiProperty({
    type: [FlagVoteTallyDto],
    description:
      'One tally per proposed unit and flag; each needs more than half of the members present ([U], rule set)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FlagVoteTallyDto)
  tallies!: FlagVoteTallyDto[];
}

export class FlagProposalsDto {
  @ApiProperty({ type: [String], description: 'Units proposed for the Cờ thi đua of the province' })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(UNIT_CODE, { each: true })
  provincial!: string[];
  @ApiProperty({ type: [String], description: 'Units put forward for the Cờ thi đua of the Government' })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(UNIT_CODE, { each: true })
  government!: string[];
  @ApiProperty({ example: '2027-03-02' })
  @IsISO8601({ strict: true }, { message: 'meetingDate must be an ISO date (YYYY-MM-DD)' })
  meetingDate!: string;
  @ApiProperty({ example: '03/BB-KVHXH', description: 'The block meeting minutes (biên bản)' })
  @IsString()
  @Length(1, 200)
  minutesRef!: string;
  @ApiProperty({ type: BlockMeetingVoteDto, description: "The block meeting's vote on the proposals" })
  @IsObject({ message: 'vote records the meeting’s vote (method, present, tallies)' })
  @ValidateNested()
  @Type(() => BlockMeetingVoteDto)
  vote!: BlockMeetingVoteDto;
}

export class BlockViewDto {
  @ApiProperty() blockId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() provinceCode!: string;
  @ApiProperty({ type: [BlockMemberDto] }) members!: BlockMemberDto[];
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class BlockYearViewDto {
  @ApiProperty() blockYearId!: string;
  @ApiProperty() blockId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({
    // A block year is in the read model once it is opened: never NEW.
    enum: BLOCK_YEAR_PHASES.filter((p) => p !== 'NEW'),
  })
  phase!: string;
  @ApiProperty() headUnit!: string;
  @ApiProperty() deputyUnit!: string;
  @ApiProperty({ nullable: true, type: String }) selfAssessmentDeadline!: string | null;
  @ApiProperty({
    description:
      'The block year as the domain holds it: template, pledges, assessments, adjustments, ranking, proposals',
    type: 'object',
    additionalProperties: true,
  })
  state!: Record<string, unknown>;
  @ApiProperty() updatedAt!: string;
}

export class BlockWithYearsDto extends BlockViewDto {
  @ApiProperty({ type: [BlockYearViewDto] }) years!: BlockYearViewDto[];
}

export class ProposalDossierDto {
  @ApiProperty({ example: 'SGDDT' }) unitCode!: string;
  @ApiProperty({ enum: FLAG_KINDS }) flag!: FlagKind;
  @ApiProperty({ example: 'CO_TD_TINH', description: 'The award the proposal became, as the rule set names it' })
  awardCode!: string;
  @ApiProperty({ format: 'uuid', description: 'The draft nomination dossier (GET /api/dossiers/{id})' })
  dossierId!: string;
}

export class ProposalDossiersResultDto {
  @ApiProperty({ type: BlockYearViewDto, description: 'The block year, recording which dossier each proposal became' })
  blockYear!: BlockYearViewDto;
  @ApiProperty({ type: [ProposalDossierDto], description: "The caller's unit's proposals and their dossiers" })
  dossiers!: ProposalDossierDto[];
}
