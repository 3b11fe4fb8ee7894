import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import { DossierQueries, EventStore, type DossierView } from '@tdkt/persistence';
import { historyEntry } from '../audit/history';
import { HistoryEntryDto } from '../audit/history.dto';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from './dossier-access';
import { IDEMPOTENCY, IdempotencyKey } from '../platform/idempotency-key';
import { DossierPageDto, DossierViewDto } from './dossier-view.dto';
import { DossierCommandsService } from './dossier-commands.service';
import { DossierActionsDto, DossierActionsService } from './dossier-actions';
import { CreateDossierDto, DossierIdParam, ListDossiersQuery } from './dossier.dto';

/**
 * Dossiers (hồ sơ đề nghị khen thưởng): a clerk creates one (its workflow starts), queries read the read model. The
 * steps of the route are in dossier-commands.controller.ts and state-route.controller.ts.
 */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly commands: DossierCommandsService,
    private readonly queries: DossierQueries,
    private readonly events: EventStore,
    private readonly actions: DossierActionsService,
  ) {}

  @Post()
  @Roles('UNIT_CLERK')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateDossierDto,
    @IdempotencyKey() key?: string,
  ): Promise<DossierView> {
    return this.commands.create(actor, dto, key);
  }

  @Get()
  @ApiOkResponse({ type: DossierPageDto })
  async list(@CurrentActor() actor: Actor, @Query() q: ListDossiersQuery): Promise<DossierPageDto> {
    return this.queries.list(scopeOf(actor), {
      limit: q.limit ?? 50,
      ...(q.status ? { status: q.status } : {}),
      ...(q.awardCode ? { awardCode: q.awardCode } : {}),
      ...(q.commendationType ? { commendationType: q.commendationType } : {}),
      ...(q.unitCode ? { unitCode: q.unitCode } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
  }

  @Get(':id')
  @ApiOkResponse({ type: DossierViewDto })
  get(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<DossierView> {
    return this.commands.visible(actor, p.id);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [HistoryEntryDto] })
  async history(@CurrentActor() actor: Actor, @Param() p: DossierIdParam) {
    await this.commands.visible(actor, p.id);
    return (await this.events.readStream(p.id)).map(historyEntry);
  }

  /** The commands the caller may take now (decide() on the dossier's state), so a client never offers a refused one. */
  @Get(':id/actions')
  @ApiOkResponse({ type: DossierActionsDto })
  available(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<DossierActionsDto> {
    return this.actions.actions(actor, p.id);
  }
}
