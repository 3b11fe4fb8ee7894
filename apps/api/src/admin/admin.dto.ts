import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { COUNCIL_SEAT_ROLES, ROLES, UNIT_KINDS } from '@tdkt/domain';

const isoDate = (field: string) =>
  IsISO8601({ strict: true }, { message: `${field} must be an ISO date (YYYY-MM-DD)` });

export class RecordUnitDto {
  @ApiProperty({ example: 'SGDDT' }) @IsString() @Length(1, 64) code!: string;
  @ApiProperty({ example: 'Sở Giáo dục và Đào tạo' }) @IsString() @Length(1, 300) name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS as unknown as string[]) kind!: string;
  @ApiPropertyOptional({
    example: 'UBND',
    type: String,
    nullable: true,
    description: 'Required for every unit but a province',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  parentCode?: string | null;
  @ApiProperty({ example: 'HN' }) @IsString() @Length(1, 64) provinceCode!: string;
  @ApiProperty({ example: '2025-07-01' }) @isoDate('validFrom') validFrom!: string;
  @ApiPropertyOptional({
    example: null,
    type: String,
    nullable: true,
    description: 'Last day (merger, split, abolition)',
  })
  @IsOptional()
  @isoDate('validTo')
  validTo?: string | null;
}

export class RecordUserDto {
  @ApiProperty({ example: 'gv.lan' }) @IsString() @Length(2, 128) userId!: string;
  @ApiProperty({ example: 'gv.lan' }) @IsString() @Length(2, 128) username!: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) @IsString() @Length(1, 200) fullName!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES as unknown as string[]) role!: string;
  @ApiProperty({ example: 'SGDDT', description: 'Every user belongs to a unit (400 when absent)' })
  @ValidateIf(() => true)
  @IsString({ message: 'unitCode is required: a user belongs to a unit' })
  @Length(1, 64)
  unitCode!: string;
  @ApiPropertyOptional({
    example: '6f1c…',
    type: String,
    nullable: true,
    description: 'The `sub` claim of this person in OIDC tokens',
  })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  oidcSub?: string | null;
  @ApiProperty({ example: '2025-07-01' }) @isoDate('validFrom') validFrom!: string;
  @ApiPropertyOptional({ example: null, type: String, nullable: true }) @IsOptional() @isoDate('validTo') validTo?:
    string | null;
}

export class DeactivateUserDto {
  @ApiProperty({ example: 'Nghỉ hưu' }) @IsString() @Length(1, 500) reason!: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Last day (default today)' })
  @IsOptional()
  @isoDate('on')
  on?: string;
}

export class OpenTermDto {
  @ApiProperty({
    example: 'UBND',
    description: 'The unit whose council this is (a PROVINCE unit for the provincial council)',
  })
  @IsString()
  @Length(1, 64)
  councilUnitCode!: string;
  @ApiProperty({ example: 'Nhiệm kỳ 2021–2026' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: '2021-06-01' }) @isoDate('from') from!: string;
  @ApiProperty({ example: '2026-05-31' }) @isoDate('to') to!: string;
}

export class AssignSeatDto {
  @ApiProperty({ example: 'council.member1' }) @IsString() @Length(1, 128) userId!: string;
  @ApiProperty({ enum: COUNCIL_SEAT_ROLES }) @IsIn(COUNCIL_SEAT_ROLES as unknown as string[]) councilRole!: string;
  @ApiProperty({ example: '2021-06-01' }) @isoDate('from') from!: string;
  @ApiPropertyOptional({ example: '2026-05-31', description: 'Default: the end of the term' })
  @IsOptional()
  @isoDate('to')
  to?: string;
}

export class EndSeatDto {
  @ApiProperty({ example: 'Chuyển công tác' }) @IsString() @Length(1, 500) reason!: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Last day on the council (default today)' })
  @IsOptional()
  @isoDate('on')
  on?: string;
}

/** Ending a seat: whose, and why. */
export class EndSeatBodyDto extends EndSeatDto {
  @ApiProperty({ example: 'council.member1' }) @IsString() @Length(1, 128) userId!: string;
}

export class UnitDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) kind!: string | null;
  @ApiProperty() level!: string;
  @ApiProperty({ nullable: true, type: String }) parentCode!: string | null;
  @ApiProperty() provinceCode!: string;
  @ApiProperty({ nullable: true, type: String }) validFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
}

export class UserDto {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String }) unitCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) oidcSub!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String }) validFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
}

export class CouncilTermDto {
  @ApiProperty() termId!: string;
  @ApiProperty() councilUnitCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class CouncilSeatDto {
  @ApiProperty() termId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: COUNCIL_SEAT_ROLES }) councilRole!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class CouncilTermWithSeatsDto extends CouncilTermDto {
  @ApiProperty({ type: [CouncilSeatDto] }) seats!: CouncilSeatDto[];
}

export class DirectoryHistoryEntryDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ example: 'DirectoryUserRecorded' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: unknown;
  @ApiProperty({ description: 'Who made the change' }) actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({
    description:
      'The request that made the change; a bulk import names its file and row: directory-import:<SHA-256>:<sheet>:<row>',
  })
  requestId!: string;
  @ApiProperty({ description: 'The event hash in the stream chain' }) hash!: string;
}

export class RowErrorDto {
  @ApiProperty({ description: 'Row number in the file (the header is row 1)' }) row!: number;
  @ApiProperty() column!: string;
  @ApiProperty() message!: string;
}

export class AwardImportJobDto {
  @ApiProperty() jobId!: string;
  @ApiProperty({
    enum: ['RUNNING', 'SUCCEEDED', 'VALIDATED', 'FAILED', 'REFUSED'],
    description:
      'VALIDATED: a dry run without errors; FAILED: row errors or an unreadable file; REFUSED: the same file was imported before',
  })
  status!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() fileSha256!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() totalRows!: number;
  @ApiProperty() doneRows!: number;
  @ApiProperty({ type: [RowErrorDto] }) errors!: RowErrorDto[];
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The import stream id (event table)' }) importId!:
    string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

export const USER_ID_PATTERN = /^[A-Za-z0-9._@-]{1,128}$/;
export class UserIdParam {
  @ApiProperty({ description: 'The user id', example: 'clerk.sgddt' })
  @Matches(USER_ID_PATTERN, { message: 'id is a user id' })
  id!: string;
}
