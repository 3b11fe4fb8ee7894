import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, Matches } from 'class-validator';
import {
  AREA_CLASSES,
  GENDERS,
  OCCUPATION_GROUPS,
  ROUTES,
  type AreaClass,
  type Gender,
  type OccupationGroup,
} from '@tdkt/domain';

export class PriorityDossierParam {
  @ApiProperty({ format: 'uuid', description: 'The dossier id' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Every field optional: what is left out is "not recorded". A PUT replaces what was recorded. */
export class NomineePriorityDto {
  @ApiPropertyOptional({ enum: OCCUPATION_GROUPS, description: 'Nhóm nghề nghiệp' })
  @IsOptional()
  @IsIn(OCCUPATION_GROUPS as readonly string[])
  occupationGroup?: OccupationGroup;
  @ApiPropertyOptional({ enum: GENDERS, description: 'Giới tính (a person only)' })
  @IsOptional()
  @IsIn(GENDERS as readonly string[])
  gender?: Gender;
  @ApiPropertyOptional({ description: 'Người dân tộc thiểu số (a person only)' })
  @IsOptional()
  @IsBoolean()
  ethnicMinority?: boolean;
  @ApiPropertyOptional({
    enum: AREA_CLASSES,
    description: 'Khu vực: biên giới, hải đảo, đặc biệt khó khăn, or none of them',
  })
  @IsOptional()
  @IsIn(AREA_CLASSES as readonly string[])
  areaClass?: AreaClass;
}

export class NomineePriorityViewDto extends NomineePriorityDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null when nothing was recorded' }) recordedBy!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) recordedAt!: string | null;
}

export class PriorityReportQuery {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fromYear!: number;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) toYear!: number;
  @ApiPropertyOptional({ example: 'MAU' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'provinceCode is a code' })
  provinceCode?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the awards of the dossiers that come from this movement; one that does not exist is a 400',
  })
  @IsOptional()
  @IsUUID('all', { message: 'movementId must be a UUID' })
  movementId?: string;
}

export class PrioritySharesDto {
  @ApiProperty() directWorker!: number;
  @ApiProperty({ description: 'Of the awards to individuals' }) female!: number;
  @ApiProperty({ description: 'Of the awards to individuals' }) ethnicMinority!: number;
  @ApiProperty({ description: 'Awards whose nominee has priority facts recorded' }) recorded!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) occupation!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) area!: Record<string, number>;
}

export class PriorityShareRowDto {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ROUTES }) level!: string;
  @ApiProperty() awards!: number;
  @ApiProperty() individuals!: number;
  @ApiProperty() recorded!: number;
  @ApiProperty() directWorker!: number;
  @ApiProperty() female!: number;
  @ApiProperty() ethnicMinority!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) occupation!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) area!: Record<string, number>;
  @ApiProperty({
    type: PrioritySharesDto,
    description: 'Shares 0–1 (4 decimals); a nominee without recorded facts counts as outside every group',
  })
  shares!: PrioritySharesDto;
}
