import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, DossierCommand } from '@tdkt/domain';
import { DossierQueries, EventStore, type DossierView } from '@tdkt/persistence';
import { historyEntry } from '../audit/history';
import { HistoryEntryDto } from '../audit/history.dto';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from './dossier-access';
import { IDEMPOTENCY, IdempotencyKey } from '../platform/idempotency-key';
import { DossierCommandEndpoint, DossierPageDto, DossierViewDto, EmptyDto } from './dossier-view.dto';
import { DossierCommandsService } from './dossier-commands.service';
import { DossierActionsDto, DossierActionsService } from './dossier-actions';
import {
  CreateDossierDto,
  DecisionDto,
  DossierIdParam,
  ListDossiersQuery,
  NoteDto,
  ReasonDto,
  SupplementDto,
  SupplementRequestDto,
  UpdateContentDto,
  VoteDto,
} from './dossier.dto';
import { toDeclaredRecord, toParts } from './record.dto';

/** The dossier's response shapes live in dossier-view.dto.ts; re-exported for the modules that import them from here. */
export { DossierPageDto, DossierViewDto } from './dossier-view.dto';

const decisionCommand = (b: DecisionDto): DossierCommand => ({
  type: 'DecideDossier',
  data: {
    approve: b.approve,
    ...(b.reason ? { reason: b.reason } : {}),
    ...(b.legalBasis ? { legalBasis: b.legalBasis } : {}),
  },
});

/** Dossiers (hồ sơ đề nghị khen thưởng): commands go to the dossier's workflow, queries read the read model. */
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

  @Put(':id/content')
  @DossierCommandEndpoint('UNIT_CLERK')
  updateContent(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: UpdateContentDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(
      a,
      p.id,
      {
        type: 'UpdateDossierContent',
        data: {
          ...(b.title ? { title: b.title } : {}),
          ...(b.achievements ? { achievements: b.achievements } : {}),
          ...(b.record ? { record: toDeclaredRecord(b.record) } : {}),
          ...(b.parts ? { parts: toParts(b.parts) } : {}),
        },
      },
      k,
    );
  }

  @Post(':id/submit')
  @DossierCommandEndpoint('UNIT_CLERK')
  submit(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() _b: EmptyDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'SubmitDossier', data: {} }, k);
  }

  @Post(':id/unit-approval')
  @DossierCommandEndpoint('UNIT_HEAD')
  approveAtUnit(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: NoteDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, { type: 'ApproveAtUnit', data: b.note ? { note: b.note } : {} }, k);
  }

  @Post(':id/return')
  @DossierCommandEndpoint('UNIT_HEAD', 'SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  returnDossier(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: ReasonDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, { type: 'ReturnDossier', data: { reason: b.reason } }, k);
  }

  @Post(':id/appraisal-acceptance')
  @DossierCommandEndpoint('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  acceptAppraisal(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: NoteDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(
      a,
      p.id,
      { type: 'AcceptAppraisal', data: { ...(b.note ? { note: b.note } : {}), councilMembers: [] } },
      k,
    );
  }

  @Post(':id/supplement-request')
  @DossierCommandEndpoint('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  requestSupplement(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: SupplementRequestDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(
      a,
      p.id,
      {
        type: 'RequestSupplement',
        data: { missingParts: b.missingParts, reason: b.reason, ...(b.deadlineWD ? { deadlineWD: b.deadlineWD } : {}) },
      },
      k,
    );
  }

  @Post(':id/supplement')
  @DossierCommandEndpoint('UNIT_CLERK')
  provideSupplement(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: SupplementDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(
      a,
      p.id,
      {
        type: 'ProvideSupplement',
        data: { ...(b.note ? { note: b.note } : {}), ...(b.parts ? { parts: toParts(b.parts) } : {}) },
      },
      k,
    );
  }

  @Post(':id/votes')
  @DossierCommandEndpoint('COUNCIL_MEMBER', 'COUNCIL_CHAIR')
  vote(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: VoteDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'CastVote', data: { approve: b.approve } }, k);
  }

  @Post(':id/decision')
  @DossierCommandEndpoint('PROVINCIAL_DECIDER')
  decideDossier(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: DecisionDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, decisionCommand(b), k);
  }

  /** Grassroots route: the unit head puts the dossier to the unit's own council (its members come from the directory). */
  @Post(':id/unit-council')
  @DossierCommandEndpoint('UNIT_HEAD')
  openUnitCouncil(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() _b: EmptyDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, { type: 'OpenUnitCouncilVoting', data: { councilMembers: [] } }, k);
  }

  /** Grassroots route: the unit head decides, with a number in the unit's own series. */
  @Post(':id/unit-decision')
  @DossierCommandEndpoint('UNIT_HEAD')
  decideAtUnit(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: DecisionDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, decisionCommand(b), k);
  }

  @Post(':id/withdrawal')
  @DossierCommandEndpoint('UNIT_CLERK', 'UNIT_HEAD')
  withdraw(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: ReasonDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'WithdrawDossier', data: { reason: b.reason } }, k);
  }

  private run(actor: Actor, id: string, command: DossierCommand, key?: string): Promise<DossierView> {
    return this.commands.execute(actor, id, command, key);
  }
}
