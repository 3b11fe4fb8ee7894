import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import type { DossierView, RecoveryTaskRow } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { DossierIdParam } from './dossier.dto';
import { DossierViewDto } from './dossier-view.dto';
import { IDEMPOTENCY, IdempotencyKey } from '../platform/idempotency-key';
import { RecoveryDto, RecoveryTaskDto, RevocationDto } from './revocation.dto';
import { RevocationService } from './revocation.service';

/**
 * Revocation of an awarded dossier's award (rule 34, Law Ch. VII) and the recovery of its award objects and bonus.
 * Who may act depends on the award's route (the domain checks it): provincial awards by the secretariat head or the
 * provincial chairman, grassroots ones by the head of their unit.
 */
@ApiTags('revocation')
@ApiBearerAuth()
@Controller('dossiers')
export class RevocationController {
  constructor(private readonly revocation: RevocationService) {}

  @Post(':id/revocation')
  @HttpCode(200)
  @Roles('SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'UNIT_HEAD')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  revoke(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: RevocationDto,
    @IdempotencyKey() k?: string,
  ): Promise<DossierView> {
    return this.revocation.execute(
      a,
      p.id,
      { type: 'RevokeAward', data: { ground: b.ground, reason: b.reason, decisionRef: b.decisionRef } },
      k,
    );
  }

  @Post(':id/recovery')
  @HttpCode(200)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'UNIT_HEAD', 'UNIT_CLERK')
  @IDEMPOTENCY
  @ApiOkResponse({ type: DossierViewDto })
  @ApiUnprocessableEntityResponse({
    description:
      'Refused by a rule, e.g. a bonus recovered above what the award fund ledger records as paid (recovery.within-paid)',
  })
  recover(
    @CurrentActor() a: Actor,
    @Param() p: DossierIdParam,
    @Body() b: RecoveryDto,
    @IdempotencyKey() k?: string,
  ): Promise<DossierView> {
    const data = {
      item: b.item,
      ...(b.note ? { note: b.note } : {}),
      ...(b.amountVnd !== undefined ? { amountVnd: b.amountVnd } : {}),
    };
    return this.revocation.execute(a, p.id, { type: 'RecordRecovery', data }, k);
  }

  @Get(':id/recovery-tasks')
  @ApiOkResponse({ type: [RecoveryTaskDto] })
  tasks(@CurrentActor() a: Actor, @Param() p: DossierIdParam): Promise<RecoveryTaskRow[]> {
    return this.revocation.tasks(a, p.id);
  }
}
