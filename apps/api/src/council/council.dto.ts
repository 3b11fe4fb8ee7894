import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class ConveneSessionDto {
  @ApiProperty({ example: 'Phiên họp Hội đồng TĐKT tỉnh tháng 12' }) @IsString() @Length(3, 300) title!: string;
  @ApiProperty({ example: '2026-12-18', description: 'Last day of voting (Asia/Ho_Chi_Minh); the session closes itself at its end' })
  @IsISO8601({ strict: true })
  deadline!: string;
  @ApiProperty({ type: [String], description: 'Dossiers under appraisal to put on the agenda' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  dossierIds!: string[];
}

export class SessionIdParam {
  @IsUUID('all', { message: 'id must be a UUID' }) id!: string;
}

export class AttendanceDto {
  @ApiProperty() @IsString() @Length(1, 100) memberId!: string;
  @ApiProperty({ enum: ['PRESENT', 'ABSENT', 'WRITTEN_VOTE'] }) @IsIn(['PRESENT', 'ABSENT', 'WRITTEN_VOTE']) attendance!: 'PRESENT' | 'ABSENT' | 'WRITTEN_VOTE';
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
