import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Actor, DossierCommand } from '@tdkt/domain';
import { DossierQueries, EventStore, type DossierView } from '@tdkt/persistence';
import { historyEntry } from '../audit/history';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from './dossier-access';
import { IDEMPOTENCY, IdempotencyKey } from '../platform/idempotency-key';
import { DossierCommandsService } from './dossier-commands.service';
import { DossierActionsDto, DossierActionsService } from './dossier-actions';
import { CreateDossierDto, DecisionDto, DossierIdParam, ListDossiersQuery, NoteDto, ReasonDto, SupplementDto, SupplementRequestDto, UpdateContentDto, VoteDto } from './dossier.dto';
import { toDeclaredRecord, toParts } from './record.dto';
import { CentralAppraisalDto, CentralDecisionDto, HiepYDto, ObjectionDto, ObjectionReviewDto, ProposalDto, StandingReviewDto } from './state-route.dto';

class EmptyDto {}

export class DossierViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty() nomineeKind!: string;
  @ApiProperty() status!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) ruleSetVersion!: string | null;
  @ApiProperty({ type: [String] }) councilMembers!: string[];
  @ApiProperty() votesCast!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionNumber!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedOn!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Number of events applied' }) version!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Legal deadline now running (ISO date, Asia/Ho_Chi_Minh)' }) deadline!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['APPRAISAL', 'SUPPLEMENT', 'COUNCIL_VOTING', 'DECISION', 'PUBLIC_POSTING', 'CENTRAL_PUBLIC_CONSULTATION', 'COUNCIL_RETRY'] }) deadlineKind!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Role that must act next' }) heldBy!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Working days left on the paused appraisal clock' }) pausedRemainingWD!: number | null;
  @ApiProperty({ description: 'Loại hình khen thưởng (Law Art. 8)' }) commendationType!: string;
  @ApiProperty({ description: 'Simplified procedure (Law Art. 85)' }) simplified!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Thematic round (rule 32)' }) roundId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Emulation movement (phong trào thi đua); a thematic dossier\'s round' }) movementId!: string | null;
}

export class DossierPageDto {
  @ApiProperty({ type: [DossierViewDto] }) items!: DossierViewDto[];
  @ApiPropertyOptional({ description: 'Pass as cursor for the next page; absent on the last page' }) nextCursor?: string;
}

const decisionCommand = (b: DecisionDto): DossierCommand => ({
  type: 'DecideDossier',
  data: { approve: b.approve, ...(b.reason ? { reason: b.reason } : {}), ...(b.legalBasis ? { legalBasis: b.legalBasis } : {}) },
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
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDossierDto, @IdempotencyKey() key?: string): Promise<DossierView> {
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
  @HttpCode(200)
  @Roles('UNIT_CLERK')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  updateContent(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: UpdateContentDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, {
      type: 'UpdateDossierContent',
      data: {
        ...(b.title ? { title: b.title } : {}),
        ...(b.achievements ? { achievements: b.achievements } : {}),
        ...(b.record ? { record: toDeclaredRecord(b.record) } : {}),
        ...(b.parts ? { parts: toParts(b.parts) } : {}),
      },
    }, k);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('UNIT_CLERK')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  submit(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() _b: EmptyDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'SubmitDossier', data: {} }, k);
  }

  @Post(':id/unit-approval')
  @HttpCode(200)
  @Roles('UNIT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  approveAtUnit(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: NoteDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'ApproveAtUnit', data: b.note ? { note: b.note } : {} }, k);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('UNIT_HEAD', 'SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  returnDossier(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: ReasonDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'ReturnDossier', data: { reason: b.reason } }, k);
  }

  @Post(':id/appraisal-acceptance')
  @HttpCode(200)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  acceptAppraisal(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: NoteDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'AcceptAppraisal', data: { ...(b.note ? { note: b.note } : {}), councilMembers: [] } }, k);
  }

  @Post(':id/supplement-request')
  @HttpCode(200)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  requestSupplement(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: SupplementRequestDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'RequestSupplement', data: { missingParts: b.missingParts, reason: b.reason, ...(b.deadlineWD ? { deadlineWD: b.deadlineWD } : {}) } }, k);
  }

  @Post(':id/supplement')
  @HttpCode(200)
  @Roles('UNIT_CLERK')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  provideSupplement(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: SupplementDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'ProvideSupplement', data: { ...(b.note ? { note: b.note } : {}), ...(b.parts ? { parts: toParts(b.parts) } : {}) } }, k);
  }

  @Post(':id/votes')
  @HttpCode(200)
  @Roles('COUNCIL_MEMBER', 'COUNCIL_CHAIR')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  vote(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: VoteDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'CastVote', data: { approve: b.approve } }, k);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('PROVINCIAL_DECIDER')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  decideDossier(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: DecisionDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, decisionCommand(b), k);
  }

  /** Grassroots route: the unit head puts the dossier to the unit's own council (its members come from the directory). */
  @Post(':id/unit-council')
  @HttpCode(200)
  @Roles('UNIT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  openUnitCouncil(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() _b: EmptyDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'OpenUnitCouncilVoting', data: { councilMembers: [] } }, k);
  }

  /** Grassroots route: the unit head decides, with a number in the unit's own series. */
  @Post(':id/unit-decision')
  @HttpCode(200)
  @Roles('UNIT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  decideAtUnit(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: DecisionDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, decisionCommand(b), k);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('UNIT_CLERK', 'UNIT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  withdraw(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: ReasonDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'WithdrawDossier', data: { reason: b.reason } }, k);
  }

  // ── State route, provincial part (rules 3, 23): public posting, objections and their review, the tờ trình ──

  @Post(':id/public-posting')
  @HttpCode(200)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  openPublicPosting(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: NoteDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'OpenPublicPosting', data: b.note ? { note: b.note } : {} }, k);
  }

  @Post(':id/objections')
  @HttpCode(200)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  recordObjection(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: ObjectionDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'RecordObjection', data: { source: b.source, text: b.text } }, k);
  }

  @Post(':id/objection-review')
  @HttpCode(200)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  recordObjectionReview(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: ObjectionReviewDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'RecordObjectionReview', data: { outcome: b.outcome, upheld: b.upheld } }, k);
  }

  /** The provincial chairman signs the tờ trình to the centre (numbered in the province's TTr series), or refuses. */
  @Post(':id/proposal')
  @HttpCode(200)
  @Roles('PROVINCIAL_DECIDER')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  signProposal(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: ProposalDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'SignProposal', data: { approve: b.approve, ...(b.reason ? { reason: b.reason } : {}) } }, k);
  }

  // ── State route, central stage (rules 3, 24, 25): sent to the dossier's central-stage workflow ──

  @Post(':id/central/hiep-y')
  @HttpCode(200)
  @Roles('CENTRAL_APPRAISER')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  recordHiepY(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: HiepYDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'RecordHiepY', data: { agency: b.agency, agrees: b.agrees, opinion: b.opinion } }, k);
  }

  @Post(':id/central/appraisal')
  @HttpCode(200)
  @Roles('CENTRAL_APPRAISER')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  centralAppraisal(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: CentralAppraisalDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'CentralAppraise', data: { outcome: b.outcome, ...(b.reason ? { reason: b.reason } : {}), ...(b.missingParts ? { missingParts: b.missingParts } : {}) } }, k);
  }

  /** The province's secretariat answers the Ministry's request to supplement the dossier. */
  @Post(':id/central/supplement')
  @HttpCode(200)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  provideCentralSupplement(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: SupplementDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'ProvideCentralSupplement', data: { ...(b.note ? { note: b.note } : {}), ...(b.parts ? { parts: toParts(b.parts) } : {}) } }, k);
  }

  @Post(':id/central/standing-review')
  @HttpCode(200)
  @Roles('CENTRAL_DECIDER')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  standingReview(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: StandingReviewDto, @IdempotencyKey() k?: string) {
    return this.run(a, p.id, { type: 'RecordStandingReview', data: { members: b.members, present: b.present, approvals: b.approvals, ...(b.note ? { note: b.note } : {}) } }, k);
  }

  /** The Prime Minister proposes an award the President decides. */
  @Post(':id/central/presidential-proposal')
  @HttpCode(200)
  @Roles('CENTRAL_DECIDER')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  proposeToPresident(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: NoteDto, @IdempotencyKey() k?: string) {
    return this.run({ ...a, onBehalfOf: 'PRIME_MINISTER' }, p.id, { type: 'ProposeToPresident', data: b.note ? { note: b.note } : {} }, k);
  }

  /** The Prime Minister's or the President's decision (decidedBy), numbered in their series (TTg, CTN). */
  @Post(':id/central/decision')
  @HttpCode(200)
  @Roles('CENTRAL_DECIDER')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  centralDecision(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: CentralDecisionDto, @IdempotencyKey() k?: string) {
    return this.run({ ...a, onBehalfOf: b.decidedBy }, p.id, {
      type: 'DecideDossier',
      data: { approve: b.approve, decidedBy: b.decidedBy, ...(b.reason ? { reason: b.reason } : {}), ...(b.legalBasis ? { legalBasis: b.legalBasis } : {}) },
    }, k);
  }

  private run(actor: Actor, id: string, command: DossierCommand, key?: string): Promise<DossierView> {
    return this.commands.execute(actor, id, command, key);
  }
}
