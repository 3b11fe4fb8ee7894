import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, DossierCommand } from '@tdkt/domain';
import type { DossierView } from '@tdkt/persistence';
import { CurrentActor } from '../auth/auth.guard';
import { IdempotencyKey } from '../platform/idempotency-key';
import { OperationIdsOf } from '../platform/openapi';
import { contentCommand, decisionCommand, noted, supplementCommand, supplementRequestCommand } from './command-mapping';
import { DossierCommandEndpoint, EmptyDto } from './dossier-view.dto';
import { DossierCommandsService } from './dossier-commands.service';
import {
  DecisionDto,
  DossierIdParam,
  NoteDto,
  ReasonDto,
  SupplementDto,
  SupplementRequestDto,
  UpdateContentDto,
  VoteDto,
} from './dossier.dto';

/**
 * The steps of a dossier's provincial and grassroots routes: each a command sent to the dossier's workflow, answered
 * with the dossier as it now stands (the state route's steps: state-route.controller.ts).
 */
@ApiTags('dossiers')
@ApiBearerAuth()
@OperationIdsOf('DossiersController')
@Controller('dossiers')
export class DossierCommandsController {
  constructor(private readonly commands: DossierCommandsService) {}

  @Put(':id/content')
  @DossierCommandEndpoint('UNIT_CLERK')
  updateContent(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: UpdateContentDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, contentCommand(b), k);
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
    return this.run(a, p.id, { type: 'ApproveAtUnit', data: noted(b) }, k);
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
    return this.run(a, p.id, { type: 'AcceptAppraisal', data: { ...noted(b), councilMembers: [] } }, k);
  }

  @Post(':id/supplement-request')
  @DossierCommandEndpoint('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  requestSupplement(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: SupplementRequestDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, supplementRequestCommand(b), k);
  }

  @Post(':id/supplement')
  @DossierCommandEndpoint('UNIT_CLERK')
  provideSupplement(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: SupplementDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, supplementCommand(b), k);
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
