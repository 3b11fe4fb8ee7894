import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  decideExemplaryModel,
  dossierDraftFromModel,
  evolveExemplaryModelAll,
  initialExemplaryModelState,
  vietnamDate,
  type Actor,
  type ExemplaryModelCommand,
  type ExemplaryModelEvent,
  type ExemplaryModelState,
  Refused,
} from '@tdkt/domain';
import {
  Directory,
  EventStore,
  ExemplaryModelQueries,
  MovementQueries,
  type DossierView,
  type ExemplaryModelView,
} from '@tdkt/persistence';
import { appendDecided } from '../platform/stream-append';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import type { CreateDossierDto } from '../dossiers/dossier.dto';
import type { ProposeModelDto, RegisterModelDto } from './exemplary-models.dto';

const fieldError = (field: string, message: string) => Refused.invalid({ [field]: [message] });

/**
 * Exemplary models (điển hình tiên tiến): a plain stream per model, no workflow (nothing waits on a timer). Read the
 * stream, decide, append after its last event; a concurrent append loses with 409. Proposing a model for an ad-hoc
 * award creates the draft dossier through the dossiers' own creation service (its workflow), then records it here.
 */
@Injectable()
export class ExemplaryModelsService {
  constructor(
    private readonly events: EventStore,
    private readonly models: ExemplaryModelQueries,
    private readonly movements: MovementQueries,
    private readonly directory: Directory,
    private readonly dossiers: DossierCommandsService,
  ) {}

  async register(actor: Actor, dto: RegisterModelDto): Promise<ExemplaryModelView> {
    const unitCode = dto.subject.unitCode ?? actor.unitCode ?? '';
    if (!(await this.directory.provinceOf(unitCode)))
      throw fieldError('subject.unitCode', `no unit ${unitCode || '(none)'}`);
    if (dto.movementId && !(await this.movements.findById(dto.movementId)))
      throw fieldError('movementId', `no movement ${dto.movementId} (GET /api/movements)`);
    const data = {
      title: dto.title,
      summary: dto.summary,
      field: dto.field,
      foundOn: dto.foundOn,
      evidence: dto.evidence.map((e) => ({ title: e.title, ref: e.ref })),
      subject: {
        kind: dto.subject.kind,
        name: dto.subject.name,
        ...(dto.subject.position ? { position: dto.subject.position } : {}),
        unitCode,
      },
      ...(dto.movementId ? { movementId: dto.movementId } : {}),
    };
    return this.run(actor, randomUUID(), { type: 'RegisterModel', data });
  }

  async command(
    actor: Actor,
    id: string,
    command: Exclude<ExemplaryModelCommand, { type: 'RegisterModel' | 'ProposeModelForAward' | 'RecordReplication' }>,
  ): Promise<ExemplaryModelView> {
    await this.mustFind(id);
    return this.run(actor, id, command);
  }

  async replicate(
    actor: Actor,
    id: string,
    unitCode: string | undefined,
    note: string | undefined,
  ): Promise<ExemplaryModelView> {
    await this.mustFind(id);
    const unit = unitCode ?? actor.unitCode ?? '';
    const today = vietnamDate(Date.now());
    const unitName = await this.directory.unitNameAt(unit, today);
    if (!unitName) throw fieldError('unitCode', `no unit ${unit || '(none)'}`);
    return this.run(actor, id, {
      type: 'RecordReplication',
      data: { unitCode: unit, unitName, ...(note ? { note } : {}) },
    });
  }

  /**
   * One step: the domain refuses before anything is written; the draft ad-hoc dossier is created from the model by the
   * dossier service (idempotent per model, stream position and award, so a retry finds the same dossier); the model
   * records it.
   */
  async propose(
    actor: Actor,
    id: string,
    dto: ProposeModelDto,
  ): Promise<{ model: ExemplaryModelView; dossier: DossierView }> {
    await this.mustFind(id);
    const today = vietnamDate(Date.now());
    if (dto.achievementDate > today)
      throw fieldError('achievementDate', `the achievement is in the past or today (${today})`);
    const { stream, state } = await this.load(id);
    const precheck = decideExemplaryModel(
      state,
      { type: 'ProposeModelForAward', data: { awardCode: dto.awardCode, dossierId: 'pending' } },
      { actor, today },
    );
    if (!precheck.ok) throw Refused.of(precheck.rejection);
    const draft = dossierDraftFromModel(state, dto.awardCode, dto.achievementDate);
    if (!draft) throw Refused.notFound(`Exemplary model ${id} not found`);
    const create: CreateDossierDto = { ...draft, nominee: { ...draft.nominee } };
    const dossier = await this.dossiers.create(
      actor,
      create,
      `exemplary-model:${id}:${stream.length}:${dto.awardCode}`,
    );
    const model = await this.run(actor, id, {
      type: 'ProposeModelForAward',
      data: { awardCode: dto.awardCode, dossierId: dossier.id },
    });
    return { model, dossier };
  }

  async mustFind(id: string): Promise<ExemplaryModelView> {
    const m = await this.models.findById(id);
    if (!m) throw Refused.notFound(`Exemplary model ${id} not found`);
    return m;
  }

  private async load(id: string): Promise<{ stream: { seq: number }[]; state: ExemplaryModelState }> {
    const stream = await this.events.readStream(id);
    return {
      stream,
      state: evolveExemplaryModelAll(
        initialExemplaryModelState(id),
        stream.map((e) => ({ type: e.type, data: e.data }) as ExemplaryModelEvent),
      ),
    };
  }

  private async run(actor: Actor, id: string, command: ExemplaryModelCommand): Promise<ExemplaryModelView> {
    const { stream, state } = await this.load(id);
    const decision = decideExemplaryModel(state, command, { actor, today: vietnamDate(Date.now()) });
    if (!decision.ok) throw Refused.of(decision.rejection);
    await appendDecided(this.events, id, stream, decision.value, actor, {
      rule: 'model.concurrent-change',
      message: 'The model changed meanwhile; reload and try again',
    });
    return this.mustFind(id);
  }
}
