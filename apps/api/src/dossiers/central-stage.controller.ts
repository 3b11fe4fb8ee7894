import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, DossierCommand } from '@tdkt/domain';
import type { DossierView } from '@tdkt/persistence';
import { CurrentActor } from '../auth/auth.guard';
import { IdempotencyKey } from '../platform/idempotency-key';
import { OperationIdsOf } from '../platform/openapi';
import { DossierCommandsService } from './dossier-commands.service';
import { DossierIdParam, NoteDto, SupplementDto } from './dossier.dto';
import { DossierCommandEndpoint } from './dossier-view.dto';
import {
  centralAppraisalCommand,
  centralDecisionCommand,
  centralSupplementCommand,
  noted,
  standingReviewCommand,
} from './command-mapping';
import { CentralAppraisalDto, CentralDecisionDto, HiepYDto, StandingReviewDto } from './state-route.dto';

/**
 * The state route's central stage (rules 3, 24, 25), after the province's tờ trình: the Ministry's consultation (hiệp
 * y) and appraisal, the standing committee's review, the Prime Minister's or the President's decision. The domain sends
 * these commands to the dossier's central-stage workflow.
 */
@ApiTags('dossiers')
@ApiBearerAuth()
@OperationIdsOf('StateRouteController')
@Controller('dossiers')
export class CentralStageController {
  constructor(private readonly commands: DossierCommandsService) {}

  @Post(':id/central/hiep-y')
  @DossierCommandEndpoint('CENTRAL_APPRAISER')
  recordHiepY(@CurrentActor() a: Actor, @Param() p: DossierIdParam, @Body() b: HiepYDto, @IdempotencyKey() k?: string) {
    return this.run(
      a,
      p.id,
      { type: 'RecordHiepY', data: { agency: b.agency, agrees: b.agrees, opinion: b.opinion } },
      k,
    );
  }

  @Post(':id/central/appraisal')
  @DossierCommandEndpoint('CENTRAL_APPRAISER')
  centralAppraisal(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: CentralAppraisalDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, centralAppraisalCommand(b), k);
  }

  /** The province's secretariat answers the Ministry's request to supplement the dossier. */
  @Post(':id/central/supplement')
  @DossierCommandEndpoint('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  provideCentralSupplement(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: SupplementDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, centralSupplementCommand(b), k);
  }

  @Post(':id/central/standing-review')
  @DossierCommandEndpoint('CENTRAL_DECIDER')
  standingReview(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: StandingReviewDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, standingReviewCommand(b), k);
  }

  /** The Prime Minister proposes an award the President decides. */
  @Post(':id/central/presidential-proposal')
  @DossierCommandEndpoint('CENTRAL_DECIDER')
  proposeToPresident(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: NoteDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run({ ...a, onBehalfOf: 'PRIME_MINISTER' }, p.id, { type: 'ProposeToPresident', data: noted(b) }, k);
  }

  /** The Prime Minister's or the President's decision (decidedBy), numbered in their series (TTg, CTN). */
  @Post(':id/central/decision')
  @DossierCommandEndpoint('CENTRAL_DECIDER')
  centralDecision(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: CentralDecisionDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run({ ...a, onBehalfOf: b.decidedBy }, p.id, centralDecisionCommand(b), k);
  }

  private run(actor: Actor, id: string, command: DossierCommand, key?: string): Promise<DossierView> {
    return this.commands.execute(actor, id, command, key);
  }
}
