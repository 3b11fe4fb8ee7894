import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROLES, type Actor } from '@tdkt/domain';
import { NomineePriorityQueries, type PriorityShareRow } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import {
  NomineePriorityDto,
  NomineePriorityViewDto,
  PriorityDossierParam,
  PriorityReportQuery,
  PriorityShareRowDto,
} from './priority.dto';
import { PriorityService, type PriorityView } from './priority.service';
import { ReportsService } from '../reports/reports.service';

const OVERSIGHT = [
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'PROVINCIAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
] as const;

/**
 * Priority and fairness (Luật Điều 5): a nominee's optional occupation group, gender, ethnic minority and area class,
 * beside the dossier (their own stream), and the report of their shares among the awards by level and year.
 */
@ApiTags('priority and fairness')
@ApiBearerAuth()
@Controller()
export class PriorityController {
  constructor(
    private readonly service: PriorityService,
    private readonly queries: NomineePriorityQueries,
    private readonly reports: ReportsService,
  ) {}

  @Get('dossiers/:id/priority')
  @Roles(...ROLES)
  @ApiOkResponse({ type: NomineePriorityViewDto })
  get(@CurrentActor() actor: Actor, @Param() p: PriorityDossierParam): Promise<PriorityView> {
    return this.service.get(actor, p.id);
  }

  @Put('dossiers/:id/priority')
  @HttpCode(200)
  @Roles('UNIT_CLERK', 'UNIT_HEAD', 'SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @ApiOkResponse({
    type: NomineePriorityViewDto,
    description: 'Replaces the recorded facts (absent fields: not recorded); the same facts again append nothing',
  })
  put(
    @CurrentActor() actor: Actor,
    @Param() p: PriorityDossierParam,
    @Body() dto: NomineePriorityDto,
  ): Promise<PriorityView> {
    return this.service.record(actor, p.id, {
      ...(dto.occupationGroup ? { occupationGroup: dto.occupationGroup } : {}),
      ...(dto.gender ? { gender: dto.gender } : {}),
      ...(dto.ethnicMinority !== undefined ? { ethnicMinority: dto.ethnicMinority } : {}),
      ...(dto.areaClass ? { areaClass: dto.areaClass } : {}),
    });
  }

  @Get('reports/priority')
  @Roles(...OVERSIGHT)
  @ApiOkResponse({
    type: [PriorityShareRowDto],
    description:
      'Per decision year and award level: awards to each priority group and their shares (revoked awards excluded)',
  })
  async report(@Query() q: PriorityReportQuery): Promise<PriorityShareRow[]> {
    await this.reports.mustKnowMovement(q.movementId);
    return this.queries.shares({
      fromYear: q.fromYear,
      toYear: q.toYear,
      ...(q.provinceCode ? { provinceCode: q.provinceCode } : {}),
      ...(q.movementId ? { movementId: q.movementId } : {}),
    });
  }
}
