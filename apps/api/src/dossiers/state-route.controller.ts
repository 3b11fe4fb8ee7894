import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, DossierCommand } from '@tdkt/domain';
import type { DossierView } from '@tdkt/persistence';
import { CurrentActor } from '../auth/auth.guard';
import { IdempotencyKey } from '../platform/idempotency-key';
import { DossierCommandsService } from './dossier-commands.service';
import { DossierIdParam, NoteDto } from './dossier.dto';
import { DossierCommandEndpoint } from './dossier-view.dto';
import { noted, proposalCommand } from './command-mapping';
import { ObjectionDto, ObjectionReviewDto, ProposalDto } from './state-route.dto';

/**
 * The state route's steps of a dossier (orders and titles the Prime Minister or the President awards) in the province:
 * the public posting, objections and their review, the tờ trình (rules 3, 23). The centre's stage that follows:
 * central-stage.controller.ts.
 */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class StateRouteController {
  constructor(private readonly commands: DossierCommandsService) {}

  @Post(':id/public-posting')
  @DossierCommandEndpoint('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  openPublicPosting(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: NoteDto,
    @IdempotencyKey() k?: string,
  ) {
    return this.run(a, p.id, { type: 'OpenPublicPosting', data: noted(b) }, k);
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
    return this.run(a, p.id, proposalCommand(b), k);
  }

  private run(actor: Actor, id: string, command: DossierCommand, key?: string): Promise<DossierView> {
    return this.commands.execute(actor, id, command, key);
  }
}
