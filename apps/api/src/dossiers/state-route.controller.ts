import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, DossierCommand } from '@tdkt/domain';
import type { DossierView } from '@tdkt/persistence';
import { CurrentActor } from '../auth/auth.guard';
import { IdempotencyKey } from '../platform/idempotency-key';
import { DossierCommandsService } from './dossier-commands.service';
import { DossierIdParam, NoteDto, SupplementDto } from './dossier.dto';
import { DossierCommandEndpoint } from './dossier-view.dto';
import { toParts } from './record.dto';
import {
  CentralAppraisalDto,
  CentralDecisionDto,
  HiepYDto,
  ObjectionDto,
  ObjectionReviewDto,
  ProposalDto,
  StandingReviewDto,
} from './state-route.dto';

/**
 * The state route's steps of a dossier (orders and titles the Prime Minister or the President awards): the province's
 * public posting and tờ trình, then the centre's stage, whose commands the domain sends to the central-stage workflow.
 */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class StateRouteController {
  constructor(private readonly commands: DossierCommandsService) {}

  // ── State route, provincial part (rules 3, 23): public posting, objections and their review, the tờ trình ──

  @Post(':id/public-posting')
  @DossierCommandEndpoint('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  openPublicPosting(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: NoteDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, { type: 'OpenPublicPosting', data: b.note ? { note: b.note } : {} }, k);
  }

  @Post(':id/objections')
  @DossierCommandEndpoint('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  recordObjection(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: ObjectionDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, { type: 'RecordObjection', data: { source: b.source, text: b.text } }, k);
  }

  @Post(':id/objection-review')
  @DossierCommandEndpoint('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  recordObjectionReview(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: ObjectionReviewDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, { type: 'RecordObjectionReview', data: { outcome: b.outcome, upheld: b.upheld } }, k);
  }

  /** The provincial chairman signs the tờ trình to the centre (numbered in the province's TTr series), or refuses. */
  @Post(':id/proposal')
  @DossierCommandEndpoint('PROVINCIAL_DECIDER')
  signProposal(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: ProposalDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(
      a,
      p.id,
      { type: 'SignProposal', data: { approve: b.approve, ...(b.reason ? { reason: b.reason } : {}) } },
      k,
    );
  }

  // ── State route, central stage (rules 3, 24, 25): sent to the dossier's central-stage workflow ──

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
    return this.run(
      a,
      p.id,
      {
        type: 'CentralAppraise',
        data: {
          outcome: b.outcome,
          ...(b.reason ? { reason: b.reason } : {}),
          ...(b.missingParts ? { missingParts: b.missingParts } : {}),
        },
      },
      k,
    );
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
    return this.run(
      a,
      p.id,
      {
        type: 'ProvideCentralSupplement',
        data: { ...(b.note ? { note: b.note } : {}), ...(b.parts ? { parts: toParts(b.parts) } : {}) },
      },
      k,
    );
  }

  @Post(':id/central/standing-review')
  @DossierCommandEndpoint('CENTRAL_DECIDER')
  standingReview(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: StandingReviewDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(
      a,
      p.id,
      {
        type: 'RecordStandingReview',
        data: { members: b.members, present: b.present, approvals: b.approvals, ...(b.note ? { note: b.note } : {}) },
      },
      k,
    );
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
    return this.run(
      { ...a, onBehalfOf: 'PRIME_MINISTER' },
      p.id,
      { type: 'ProposeToPresident', data: b.note ? { note: b.note } : {} },
      k,
    );
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
    return this.run(
      { ...a, onBehalfOf: b.decidedBy },
      p.id,
      {
        type: 'DecideDossier',
        data: {
          approve: b.approve,
          decidedBy: b.decidedBy,
          ...(b.reason ? { reason: b.reason } : {}),
          ...(b.legalBasis ? { legalBasis: b.legalBasis } : {}),
        },
      },
      k,
    );
  }

  private run(actor: Actor, id: string, command: DossierCommand, key?: string): Promise<DossierView> {
    return this.commands.execute(actor, id, command, key);
  }
}
