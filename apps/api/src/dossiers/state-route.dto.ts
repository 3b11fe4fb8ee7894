import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOSSIER_PART_KINDS, type DossierPartKind } from '@tdkt/domain';
import { DecisionDto } from './dossier.dto';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

/** An objection received during the public posting (rule 23): where it came from and what it says. */
export class ObjectionDto {
  @ApiProperty({ example: 'Đơn phản ánh của ông Nguyễn Văn A, ngày 03/07/2025' })
  @IsString()
  @IsNotEmpty()
  @Length(2, 500)
  source!: string;

  @ApiProperty({ example: 'Thành tích nêu trong báo cáo chưa chính xác' })
  @IsString()
  @IsNotEmpty()
  @Length(3, 4000)
  text!: string;
}

/** The secretariat's review of the objections, reported to the council with the dossier. */
export class ObjectionReviewDto {
  @ApiProperty({ example: 'Đã xác minh: phản ánh không có cơ sở' })
  @IsString()
  @IsNotEmpty()
  @Length(3, 4000)
  outcome!: string;

  @ApiProperty({ description: 'true when an objection was found well-founded' })
  @IsBoolean()
  upheld!: boolean;
}

/** The chairman's tờ trình to the centre: approve signs it (numbered in the province's series), or refuse with a reason. */
export class ProposalDto {
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;

  @ApiPropertyOptional({ description: 'Required when refusing' })
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  reason?: string;
}

/** A consultation (hiệp y) the Ministry of Home Affairs records, where the rule set requires one. */
export class HiepYDto {
  @ApiProperty({ example: 'UBND tỉnh' })
  @IsString()
  @Length(2, 300)
  agency!: string;

  @ApiProperty()
  @IsBoolean()
  agrees!: boolean;

  @ApiProperty({ example: 'Nhất trí đề nghị khen thưởng' })
  @IsString()
  @Length(2, 4000)
  opinion!: string;
}

export const CENTRAL_APPRAISAL_OUTCOMES = ['ACCEPT', 'REQUEST_SUPPLEMENT', 'REJECT'] as const;

/** The Ministry of Home Affairs' appraisal: accept, request a supplement (listing the parts), or reject with a reason. */
export class CentralAppraisalDto {
  @ApiProperty({ enum: CENTRAL_APPRAISAL_OUTCOMES })
  @IsIn(CENTRAL_APPRAISAL_OUTCOMES as readonly string[] as string[])
  outcome!: (typeof CENTRAL_APPRAISAL_OUTCOMES)[number];

  @ApiPropertyOptional({ description: 'Required to reject or request a supplement' })
  @ValidateIf((o: CentralAppraisalDto) => o.outcome !== 'ACCEPT')
  @IsString()
  @Length(3, 2000)
  reason?: string;

  @ApiPropertyOptional({ enum: DOSSIER_PART_KINDS, isArray: true, description: 'Required to request a supplement' })
  @ValidateIf((o: CentralAppraisalDto) => o.outcome === 'REQUEST_SUPPLEMENT' || o.missingParts !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsIn(DOSSIER_PART_KINDS, { each: true })
  missingParts?: DossierPartKind[];
}

/** The Central Council standing committee's review (rule 25: valid with 2/3 of all members present; majority decides). */
export class StandingReviewDto {
  @ApiProperty({ minimum: 1, maximum: 200 }) @IsInt() @Min(1) @Max(200) members!: number;
  @ApiProperty({ minimum: 0, maximum: 200 }) @IsInt() @Min(0) @Max(200) present!: number;
  @ApiProperty({ minimum: 0, maximum: 200 }) @IsInt() @Min(0) @Max(200) approvals!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export const CENTRAL_DECIDERS = ['PRIME_MINISTER', 'PRESIDENT'] as const;

/** The centre's decision: whose it is (the Prime Minister's or the President's), approve, or reject with a reason. */
/** The central decider's decision: a DecisionDto that says whose decision it is. */
export class CentralDecisionDto extends DecisionDto {
  @ApiProperty({
    enum: CENTRAL_DECIDERS,
    description: 'Whose decision this is; recorded as the actor acting on behalf of',
  })
  @IsIn(CENTRAL_DECIDERS as readonly string[] as string[])
  decidedBy!: (typeof CENTRAL_DECIDERS)[number];
}
