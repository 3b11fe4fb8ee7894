import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AWARD_CODES, REGISTERED_SUBJECT_KINDS, REGISTRATION_STATUSES } from '@tdkt/domain';

export class RegistrationIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'id must be a UUID' }) id!: string;
}

export class RegisteredSubjectDto {
  @ApiProperty({ enum: REGISTERED_SUBJECT_KINDS })
  @IsIn(REGISTERED_SUBJECT_KINDS)
  kind!: (typeof REGISTERED_SUBJECT_KINDS)[number];
  @ApiProperty({ example: 'Nguyễn Văn An', description: 'As the dossier will name the nominee' })
  @IsString()
  @Length(1, 300)
  name!: string;
  @ApiProperty({ enum: AWARD_CODES, example: 'CSTD_CO_SO' }) @IsIn(AWARD_CODES as string[]) awardCode!: string;
}

export class SubmitRegistrationDto {
  @ApiProperty({ example: 2026, description: 'The emulation year registered for' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
  @ApiProperty({ type: [RegisteredSubjectDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => RegisteredSubjectDto)
  subjects!: RegisteredSubjectDto[];
}

export class ReviewRegistrationDto {
  @ApiProperty({ description: 'true: accept; false: return to the unit (needs reason)' }) @IsBoolean() accept!: boolean;
  @ApiPropertyOptional({ example: 'Thiếu danh sách tập thể' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class RegistrationListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'unitCode is a unit code' })
  unitCode?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

export class RegistrationViewDto {
  @ApiProperty() registrationId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() provinceCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status!: string;
  @ApiProperty() deadline!: string;
  @ApiProperty({
    description: 'Subjects and the returns with their reasons, as the domain holds them',
    type: 'object',
    additionalProperties: true,
  })
  state!: Record<string, unknown>;
  @ApiProperty() updatedAt!: string;
}
