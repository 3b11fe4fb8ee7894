import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { subjectKeyOf, type Actor } from '@tdkt/domain';
import { AwardHistoryQueries, type AwardHistoryRow } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import { body } from '../platform/errors';

export class AwardHistorySearchDto {
  @ApiPropertyOptional({ description: 'Citizen id (12 digits); hashed on arrival, never stored or logged' })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'citizenId must be 12 digits' })
  citizenId?: string;

  @ApiPropertyOptional({ example: 'Nguyễn Thị Lan' }) @IsOptional() @IsString() @Length(2, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) unitCode?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @IsInt() @Min(1) @Max(500) limit?: number;
}

export class AwardHistoryRowDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() subjectKind!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty() decisionNumber!: string;
  @ApiProperty() decidedOn!: string;
}

/**
 * Award history per person and collective (lookup by citizen id, name, unit). A POST, so that a citizen id never
 * appears in a URL or an access log. Unit staff see their own unit's people only.
 */
@ApiTags('award history')
@ApiBearerAuth()
@Controller('award-history')
export class AwardHistoryController {
  constructor(
    private readonly history: AwardHistoryQueries,
    private readonly dossiers: DossierCommandsService,
  ) {}

  @Post('search')
  @HttpCode(200)
  @Roles('UNIT_CLERK', 'UNIT_HEAD', 'SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'CENTRAL_APPRAISER', 'AUDITOR', 'ADMINISTRATOR')
  async search(@CurrentActor() actor: Actor, @Body() q: AwardHistorySearchDto): Promise<AwardHistoryRowDto[]> {
    if (!q.citizenId && !q.name)
      throw new BadRequestException(body(400, 'Validation failed', { fields: { citizenId: ['give citizenId or name'], name: ['give citizenId or name'] } }));
    const unitScoped = actor.role === 'UNIT_CLERK' || actor.role === 'UNIT_HEAD';
    const rows: AwardHistoryRow[] = await this.history.find({
      ...(q.citizenId ? { subjectKey: subjectKeyOf({ kind: 'INDIVIDUAL', fullName: '-', citizenIdHash: this.dossiers.hashCitizenId(q.citizenId) }, '') } : {}),
      ...(q.name ? { name: q.name } : {}),
      ...(unitScoped ? { unitCode: actor.unitCode ?? '\u0000' } : q.unitCode ? { unitCode: q.unitCode } : {}),
      limit: q.limit ?? 50,
    });
    return rows;
  }
}
