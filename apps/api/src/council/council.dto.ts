import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlausibleDate } from '../platform/validation';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import { ATTENDANCES, type Attendance } from '@tdkt/domain';

export class ConveneSessionDto {
  @ApiProperty({ example: 'Phiên họp Hội đồng TĐKT tỉnh tháng 12' }) @IsString() @Length(3, 300) title!: string;
  @ApiProperty({
    example: '2026-12-18',
    description: 'Last day of voting (Asia/Ho_Chi_Minh), today or later; the session closes itself at its end',
  })
  @PlausibleDate('future')
  deadline!: string;
  @ApiProperty({ type: [String], description: 'Dossiers under appraisal to put on the agenda' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  dossierIds!: string[];
}

export class SessionIdParam {
  @ApiProperty({ format: 'uuid', description: 'The council session id' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class AttendanceDto {
  @ApiProperty() @IsString() @Length(1, 100) memberId!: string;
  @ApiProperty({ enum: ATTENDANCES })
  @IsIn(ATTENDANCES)
  attendance!: Attendance;
}

export class ConflictDto {
  @ApiProperty() @IsUUID() dossierId!: string;
  @ApiProperty() @IsString() @Length(3, 1000) reason!: string;
}

export class SessionVoteDto {
  @ApiProperty() @IsUUID() dossierId!: string;
  @ApiProperty() @IsBoolean() approve!: boolean;
}

export class ListSessionsQuery {
  @ApiPropertyOptional({ enum: ['OPEN', 'CLOSED'] }) @IsOptional() @IsIn(['OPEN', 'CLOSED']) status?: 'OPEN' | 'CLOSED';
}

export class SessionDecisionDto {
  @ApiPropertyOptional({
    type: [String],
    description:
      "Dossiers to award under the one decision; default: the session's whole agenda (those not AWAITING_DECISION are reported, not awarded)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  dossierIds?: string[];
  @ApiPropertyOptional({
    type: [String],
    example: ['Luật Thi đua, khen thưởng số 06/2022/QH15'],
    description: "Legal basis (căn cứ); default: the rule set's",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(3, 500, { each: true })
  legalBasis?: string[];
}
