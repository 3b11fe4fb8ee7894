import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import {
  castVoteRefusal,
  commandTargetOf,
  evolveAll,
  initialDossierState,
  vietnamDate,
  type Actor,
  type DossierCommand,
  type DossierEvent,
  type DossierState,
  type DossierStatus,
  type MovementQuotaFinding,
  Refused,
} from '@tdkt/domain';
import type { AppConfig } from '@tdkt/config';
import {
  AttachmentQueries,
  AwardHistoryQueries,
  Directory,
  DossierQueries,
  EmulationQueries,
  EventStore,
  MovementQueries,
  RegistrationQueries,
  RoundQueries,
  type DossierView,
} from '@tdkt/persistence';
import type { CommandRequest } from '@tdkt/workflows/src/messages';
import { CONFIG } from '../platform/tokens';
import { canSee } from './dossier-access';
import type { CreateDossierDto } from './dossier.dto';
import { toDeclaredRecord, toParts } from './record.dto';
import { outOfScope } from '../platform/denials';
import { RuleSetResolver } from '../platform/rule-sets';
import { HolidayCalendarProvider } from '../platform/calendar';

/** Awards whose eligibility reads the block ranking (Luật Điều 25, 26). */
const BLOCK_FLAGS: readonly string[] = ['CO_TD_TINH', 'CO_TD_CHINH_PHU'];

/** A UUID derived from a name (RFC 4122 version 5 layout over SHA-1), so a retried create maps to the same dossier. */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * The path of a command: authorise against the read model, send a Temporal Update to the dossier's workflow (the
 * request id is the update id, so a retry is answered once), then answer from the read model it has already updated.
 */
@Injectable()
export class DossierCommandsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly queries: DossierQueries,
    private readonly directory: Directory,
    private readonly awardHistory: AwardHistoryQueries,
    private readonly ruleSets: RuleSetResolver,
    private readonly rounds: RoundQueries,
    private readonly calendar: HolidayCalendarProvider,
    private readonly emulation: EmulationQueries,
    private readonly movements: MovementQueries,
    private readonly registrations: RegistrationQueries,
    private readonly attachments: AttachmentQueries,
    private readonly events: EventStore,
  ) {}

  /**
   * The dossier's state rebuilt from its event stream with the domain's evolve (the business log the workflow's state
   * and the read models come from): one read, no query to a worker, and it works for a dossier whose workflow ended.
   */
  async stateOf(dossierId: string): Promise<DossierState> {
    const events = await this.events.readStream(dossierId);
    return evolveAll(
      initialDossierState(dossierId),
      events.map((e) => ({ type: e.type, data: e.data }) as DossierEvent),
    );
  }

  /**
   * `keyScope` 'shared': the key alone names the dossier, whoever calls (a block's proposal, one dossier per block
   * year, unit and flag whichever of the unit's clerks asks); by default a key is the caller's own.
   */
  async create(
    actor: Actor,
    dto: CreateDossierDto,
    idempotencyKey?: string,
    keyScope: 'caller' | 'shared' = 'caller',
  ): Promise<DossierView> {
    const requestId = idempotencyKey
      ? keyScope === 'shared'
        ? `shared:${idempotencyKey}`
        : `${actor.userId}:${idempotencyKey}`
      : randomUUID();
    const dossierId = idempotencyKey ? nameUuid(`dossier:${requestId}`) : randomUUID();
    const { citizenId, ...nominee } = dto.nominee;
    const command: DossierCommand = {
      type: 'CreateDossier',
      data: {
        awardCode: dto.awardCode,
        unitCode: actor.unitCode ?? '',
        title: dto.title,
        achievements: dto.achievements,
        nominee: { ...nominee, ...(citizenId ? { citizenIdHash: this.hashCitizenId(citizenId) } : {}) },
        ...(dto.record ? { record: toDeclaredRecord(dto.record) } : {}),
        ...(dto.parts ? { parts: toParts(dto.parts) } : {}),
        ...(dto.commendationType ? { commendationType: dto.commendationType } : {}),
        ...(dto.achievementDate ? { achievementDate: dto.achievementDate } : {}),
        ...(dto.simplified ? { simplified: true } : {}),
        ...(dto.roundId ? { roundId: dto.roundId } : {}),
        ...(dto.movementId ? { movementId: await this.movementOf(dto.movementId, dto.roundId) } : {}),
      },
    };
    // A refused create leaves an empty workflow behind; the gateway ends it when nothing was created.
    await this.workflows.createDossier(
      dossierId,
      { command, actor, requestId, calendarYears: this.calendar.years },
      async (e) => e instanceof WorkflowUpdateFailedError && !(await this.queries.findById(dossierId)),
    );
    return this.mustFind(dossierId);
  }

  async execute(
    actor: Actor,
    dossierId: string,
    command: DossierCommand,
    idempotencyKey?: string,
  ): Promise<DossierView> {
    const requestId = idempotencyKey ? `${actor.userId}:${idempotencyKey}` : randomUUID();
    // The dossier (scope: 404/403) and whether this request was already applied, in one statement.
    const found = await this.queries.findForCommand(dossierId, requestId);
    const current = this.seenBy(actor, dossierId, found?.view);
    // A retry of a command already applied (its answer lost on the way): the dossier as it stands once the workflow
    // has finished that command too (its events can be in the table while the workflow still waits for the append
    // activity to report, e.g. after a worker crash), never a 409.
    if (idempotencyKey && found?.applied) {
      const sentTo = commandTargetOf(current.status as DossierStatus);
      if (sentTo === 'DOSSIER' || sentTo === 'CENTRAL')
        await this.workflows.awaitDossierUpdate(dossierId, requestId, sentTo);
      return this.mustFind(dossierId);
    }
    // The domain names the workflow that takes the command: at the centre, the dossier's central-stage workflow (a
    // child of its own); from the award on, none of the dossier's commands applies.
    const target = commandTargetOf(current.status as DossierStatus);
    if (target !== 'DOSSIER' && target !== 'CENTRAL')
      throw Refused.conflict(`The dossier is ${current.status}; no further steps are possible`);
    const enriched = await this.enrich(command, current);
    const request: CommandRequest = { command: enriched, actor, requestId, calendarYears: this.calendar.years };
    // A choice on a secret-ballot item is refused here, before it reaches Temporal (the workflow's validator refuses it too).
    if (command.type === 'CastVote' && target === 'DOSSIER') {
      const secret = castVoteRefusal(await this.stateOf(dossierId));
      if (secret) throw Refused.of(secret);
    }
    await this.workflows.commandDossier(dossierId, request, target);
    return this.mustFind(dossierId);
  }

  /** A named movement exists (a round is one); a thematic dossier naming both names its round's movement. 400 per field otherwise. */
  private async movementOf(movementId: string, roundId: string | undefined): Promise<string> {
    const fields = (message: string) => Refused.invalid({ movementId: [message] });
    if (!(await this.movements.findById(movementId))) throw fields(`no movement ${movementId} (GET /api/movements)`);
    if (roundId && roundId !== movementId)
      throw fields('a thematic dossier’s movement is its round: name the same id or leave movementId out');
    return movementId;
  }

  /** Adds what only the read models know: the council's members, the awards the system recorded for the nominee. */
  async enrich(command: DossierCommand, current: DossierView): Promise<DossierCommand> {
    if (command.type === 'AcceptAppraisal')
      return {
        ...command,
        data: { ...command.data, councilMembers: await this.directory.councilMembersFor(current.unitCode) },
      };
    if (command.type === 'OpenUnitCouncilVoting')
      return { ...command, data: { councilMembers: await this.directory.unitCouncilMembersFor(current.unitCode) } };
    if (command.type === 'SubmitDossier') {
      // A thematic dossier's round (rule 32): its window and awards, so the workflow decides without reading the database.
      const round = current.roundId ? await this.rounds.findById(current.roundId) : undefined;
      const snapshot = round
        ? {
            roundId: round.roundId,
            name: round.name,
            opensOn: round.opensOn,
            closesOn: round.closesOn,
            awardCodes: round.awardCodes,
          }
        : undefined;
      // The dossier's movement's cap for its award (the launcher's), with the places its other dossiers hold.
      const movementQuota = await this.movementQuotaOf(current);
      // A province with its own rule-set file: the effective rule set, bound by the first submission.
      const ruleSet = current.ruleSetVersion
        ? undefined
        : await this.ruleSets.effectiveFor(current.unitCode, vietnamDate(Date.now()));
      return {
        ...command,
        data: {
          // The parts with a file attached (dossier_file): they count toward completeness where none was declared.
          attachedParts: await this.attachments.attachedParts(current.id),
          recordedAwards: await this.awardHistory.recordedAwardsFor(current.id),
          // Rules 12–13 across every dossier and the award history: the registry's uses; the domain decides.
          usedInitiatives: await this.awardHistory.usedInitiativesFor(current.id),
          usedAchievements: await this.awardHistory.usedAchievementsFor(current.id),
          // A Cờ thi đua goes to a collective leading its block: the proposing unit's rankings (the collective is the
          // unit itself); the domain reads the evaluation year's.
          ...(BLOCK_FLAGS.includes(current.awardCode)
            ? { blockStandings: await this.emulation.standingsOf(current.unitCode) }
            : {}),
          // Đăng ký thi đua: the unit's registered subjects for the award; the domain matches the nominee and the year.
          registrations: await this.registrations.entriesFor(current.unitCode, current.awardCode),
          ...(snapshot ? { round: snapshot } : {}),
          ...(ruleSet ? { ruleSet } : {}),
          ...(movementQuota ? { movementQuota } : {}),
        },
      };
    }
    return command;
  }

  /**
   * A movement may cap a title or form (its launcher's quota): the cap for the dossier's award and how many of the
   * movement's other dossiers hold a place. The count is read before the workflow decides, so two submissions at the
   * same moment may both take the last place (as for rule 15's local cap); the secretariat sees it on the movement.
   */
  private async movementQuotaOf(current: DossierView): Promise<MovementQuotaFinding | undefined> {
    if (!current.movementId) return undefined;
    const movement = await this.movements.findById(current.movementId);
    const quota = movement?.state.definition?.quotas?.find((q) => q.awardCode === current.awardCode);
    if (!movement || !quota) return undefined;
    const taken = (await this.movements.quotaTaken(movement.movementId, current.id)).get(current.awardCode) ?? 0;
    return {
      movementId: movement.movementId,
      movementName: movement.name,
      awardCode: quota.awardCode,
      max: quota.max,
      taken,
    };
  }

  /** The dossier if the actor may see it: 404 when it does not exist, 403 when it is outside the actor's scope. */
  async visible(actor: Actor, dossierId: string): Promise<DossierView> {
    return this.seenBy(actor, dossierId, await this.queries.findById(dossierId));
  }

  private seenBy(actor: Actor, dossierId: string, d: DossierView | undefined): DossierView {
    if (!d) throw Refused.notFound(`Dossier ${dossierId} not found`);
    if (!canSee(actor, d)) throw outOfScope(actor, `dossier ${dossierId}`);
    return d;
  }

  async mustFind(id: string): Promise<DossierView> {
    const d = await this.queries.findById(id);
    if (!d) throw Refused.notFound(`Dossier ${id} not found`);
    return d;
  }

  hashCitizenId(id: string): string {
    return createHmac('sha256', this.config.piiHashKey).update(id).digest('hex');
  }
}
