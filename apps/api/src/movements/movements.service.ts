import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  decideMovement,
  evolveMovementAll,
  initialMovementState,
  vietnamDate,
  type Actor,
  type MovementCommand,
  type MovementEvent,
  type ReviewMilestone,
  type RoundEvent,
  Refused,
} from '@tdkt/domain';
import {
  Directory,
  EmulationQueries,
  EventStore,
  MovementQueries,
  type MovementDossierCount,
  type MovementQuotaUse,
  type MovementView,
} from '@tdkt/persistence';
import { appendDecided } from '../platform/stream-append';
import type { LaunchMovementDto } from './movements.dto';

const fieldError = (field: string, message: string) => Refused.invalid({ [field]: [message] });

/**
 * Movements (phong trào thi đua): a plain event stream, no workflow (nothing waits on a timer: the review milestones
 * are dates people act on). Read the stream, decide, append after its last event; a concurrent append loses with 409.
 */
@Injectable()
export class MovementsService {
  constructor(
    private readonly events: EventStore,
    private readonly movements: MovementQueries,
    private readonly directory: Directory,
    private readonly emulation: EmulationQueries,
  ) {}

  async launch(actor: Actor, dto: LaunchMovementDto): Promise<MovementView> {
    await this.checkScope(actor, dto.scope.level, dto.scope.code.trim());
    const movementId = randomUUID();
    return this.run(actor, movementId, { type: 'LaunchMovement', data: dto });
  }

  async changeStatus(
    actor: Actor,
    movementId: string,
    command: Extract<MovementCommand, { type: 'ChangeMovementStatus' }>,
  ): Promise<MovementView> {
    await this.mustFind(movementId);
    return this.run(actor, movementId, command);
  }

  /** A review's ceremony: the decisions issued on the movement's awarded dossiers go with it, and the domain decides. */
  async scheduleCeremony(
    actor: Actor,
    movementId: string,
    data: { milestone: ReviewMilestone; ceremonyDate: string },
  ): Promise<MovementView> {
    await this.mustFind(movementId);
    const decisions = (await this.movements.decisions(movementId)).map((d) => ({
      dossierId: d.dossierId,
      number: d.number,
      date: d.date,
    }));
    return this.run(actor, movementId, { type: 'ScheduleReviewCeremony', data: { ...data, decisions } });
  }

  async withDossiers(
    id: string,
  ): Promise<MovementView & { dossiers: MovementDossierCount[]; quotaUse: MovementQuotaUse[] }> {
    const movement = await this.mustFind(id);
    return {
      ...movement,
      dossiers: await this.movements.dossierCounts(id),
      quotaUse: await this.movements.quotaUse(movement),
    };
  }

  async mustFind(id: string): Promise<MovementView> {
    const m = await this.movements.findById(id);
    if (!m) throw Refused.notFound(`Movement ${id} not found`);
    return m;
  }

  /** The scope names something that exists: the secretariat's own province, a block of it, one of its units. */
  private async checkScope(actor: Actor, level: string, code: string): Promise<void> {
    const province = actor.unitCode ? await this.directory.provinceOf(actor.unitCode) : undefined;
    if (level === 'PROVINCE' && code !== province)
      throw fieldError(
        'scope.code',
        `a provincial movement is for the secretariat's own province (${province ?? 'none'})`,
      );
    if (level === 'BLOCK' && !(province && (await this.emulation.findBlockByCode(province, code))))
      throw fieldError('scope.code', `no emulation block ${code} in the province`);
    if (level === 'UNIT' && (await this.directory.provinceOf(code)) !== province)
      throw fieldError('scope.code', `no unit ${code} in the province`);
  }

  private async run(actor: Actor, movementId: string, command: MovementCommand): Promise<MovementView> {
    const stream = await this.events.readStream(movementId);
    const state = evolveMovementAll(
      initialMovementState(movementId),
      stream.map((e) => ({ type: e.type, data: e.data }) as MovementEvent | RoundEvent),
    );
    const decision = decideMovement(state, command, { actor, today: vietnamDate(Date.now()) });
    if (!decision.ok) throw Refused.of(decision.rejection);
    await appendDecided(this.events, movementId, stream, decision.value, actor, {
      rule: 'movement.concurrent-change',
      message: 'The movement changed meanwhile; reload and try again',
    });
    return this.mustFind(movementId);
  }
}
