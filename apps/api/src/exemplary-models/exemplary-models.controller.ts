import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROLES, type Actor } from '@tdkt/domain';
import { EventStore, ExemplaryModelQueries, type ExemplaryModelView } from '@tdkt/persistence';
import { historyEntry } from '../audit/history';
import { CurrentActor, Roles } from '../auth/auth.guard';
import {
  AddEvidenceDto,
  AdvanceModelDto,
  ModelIdParam,
  ModelListQuery,
  ModelProposalResultDto,
  ModelViewDto,
  ProposeModelDto,
  RegisterModelDto,
  ReplicationDto,
} from './exemplary-models.dto';
import { ExemplaryModelsService } from './exemplary-models.service';

const SECRETARIAT = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'] as const;
const UNIT = ['UNIT_CLERK', 'UNIT_HEAD'] as const;

/**
 * The register of exemplary models (điển hình tiên tiến, Luật Điều 13, 17(4)): a unit (or the secretariat) registers
 * a model, adds evidence, records the units replicating it and moves it FOUND → FOSTERED → REPLICATED → HONOURED; the
 * unit's clerk proposes it for an ad-hoc award in one step. Models are honoured publicly: every role may read them.
 */
@ApiTags('exemplary models')
@ApiBearerAuth()
@Controller('exemplary-models')
export class ExemplaryModelsController {
  constructor(
    private readonly service: ExemplaryModelsService,
    private readonly queries: ExemplaryModelQueries,
    private readonly events: EventStore,
  ) {}

  @Post()
  @Roles(...UNIT, ...SECRETARIAT)
  @ApiCreatedResponse({ type: ModelViewDto })
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterModelDto): Promise<ExemplaryModelView> {
    return this.service.register(actor, dto);
  }

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: [ModelViewDto] })
  list(@Query() q: ModelListQuery): Promise<ExemplaryModelView[]> {
    return this.queries.list({
      ...(q.movementId ? { movementId: q.movementId } : {}),
      ...(q.stage ? { stage: q.stage } : {}),
      ...(q.unitCode ? { unitCode: q.unitCode } : {}),
      ...(q.field ? { field: q.field } : {}),
    });
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: ModelViewDto })
  get(@Param() p: ModelIdParam): Promise<ExemplaryModelView> {
    return this.service.mustFind(p.id);
  }

  @Get(':id/history')
  @Roles(...ROLES)
  async history(@Param() p: ModelIdParam) {
    await this.service.mustFind(p.id);
    return (await this.events.readStream(p.id)).map(historyEntry);
  }

  @Post(':id/stage')
  @HttpCode(200)
  @Roles('UNIT_HEAD', ...SECRETARIAT)
  @ApiOkResponse({ type: ModelViewDto })
  stage(
    @CurrentActor() actor: Actor,
    @Param() p: ModelIdParam,
    @Body() dto: AdvanceModelDto,
  ): Promise<ExemplaryModelView> {
    return this.service.command(actor, p.id, {
      type: 'AdvanceModelStage',
      data: { to: dto.to, ...(dto.note ? { note: dto.note } : {}) },
    });
  }

  @Post(':id/evidence')
  @HttpCode(200)
  @Roles(...UNIT, ...SECRETARIAT)
  @ApiOkResponse({ type: ModelViewDto })
  evidence(
    @CurrentActor() actor: Actor,
    @Param() p: ModelIdParam,
    @Body() dto: AddEvidenceDto,
  ): Promise<ExemplaryModelView> {
    return this.service.command(actor, p.id, {
      type: 'AddModelEvidence',
      data: { evidence: dto.evidence.map((e) => ({ title: e.title, ref: e.ref })) },
    });
  }

  @Post(':id/replications')
  @HttpCode(200)
  @Roles(...UNIT, ...SECRETARIAT)
  @ApiOkResponse({ type: ModelViewDto, description: 'A unit records that it applies the model (nhân rộng)' })
  replicate(
    @CurrentActor() actor: Actor,
    @Param() p: ModelIdParam,
    @Body() dto: ReplicationDto,
  ): Promise<ExemplaryModelView> {
    return this.service.replicate(actor, p.id, dto.unitCode, dto.note);
  }

  @Post(':id/proposal')
  @Roles('UNIT_CLERK')
  @ApiCreatedResponse({
    type: ModelProposalResultDto,
    description: 'The model proposed for an ad-hoc award: a draft dossier (commendationType AD_HOC) pre-filled from it',
  })
  propose(@CurrentActor() actor: Actor, @Param() p: ModelIdParam, @Body() dto: ProposeModelDto) {
    return this.service.propose(actor, p.id, dto);
  }
}
