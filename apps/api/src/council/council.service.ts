import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import {
  councilStepOf,
  councilRuleFor,
  ruleSetOf,
  type Actor,
  type AgendaItem,
  type SessionCommand,
  type SessionDecision,
  Refused,
} from '@tdkt/domain';
import {
  CouncilSessions,
  Directory,
  DossierQueries,
  SecretBallotBox,
  type CouncilSessionView,
} from '@tdkt/persistence';
import type { ConveneSessionDto, SessionDecisionDto } from './council.dto';
import { outOfScope } from '../platform/denials';

const OVERSIGHT: readonly string[] = [
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'PROVINCIAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
];

/** Council sessions: convened from dossiers under appraisal, run by the session workflow, read from the read model. */
@Injectable()
export class CouncilService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly dossiers: DossierQueries,
    private readonly directory: Directory,
    private readonly sessions: CouncilSessions,
    private readonly ballotBox: SecretBallotBox,
  ) {}

  async convene(actor: Actor, dto: ConveneSessionDto): Promise<CouncilSessionView> {
    const agenda: AgendaItem[] = [];
    const fields: Record<string, string[]> = {};
    for (const id of new Set(dto.dossierIds)) {
      const d = await this.dossiers.findById(id);
      // The council rule comes from the rule set the dossier is bound to (a province's override is in its state).
      const state = d && (await this.workflows.dossierState(id));
      const ruleSet = state && ruleSetOf(state);
      if (!d || !state) (fields.dossierIds ??= []).push(`${id}: no such dossier`);
      // A state-level dossier the rule set posts comes to the council after its public posting (rule 23); a dossier
      // not yet submitted is bound to no rule set, and is not ready either.
      else if (!ruleSet || d.status !== councilStepOf(state))
        (fields.dossierIds ??= []).push(`${id}: is ${d.status}, not ready for the council`);
      else
        agenda.push({
          dossierId: d.id,
          awardCode: d.awardCode,
          unitCode: d.unitCode,
          nomineeName: d.nomineeName,
          rule: councilRuleFor(ruleSet, d.awardCode),
        });
    }
    if (Object.keys(fields).length) throw Refused.invalid(fields);
    const roster = await this.directory.councilRosterFor(agenda[0].unitCode);
    for (const it of agenda.slice(1)) {
      const other = await this.directory.councilRosterFor(it.unitCode);
      if (other.provinceCode !== roster.provinceCode)
        throw Refused.invalid({ dossierIds: ['all dossiers must belong to one province'] });
    }
    const sessionId = randomUUID();
    const command: SessionCommand = {
      type: 'ConveneSession',
      data: {
        title: dto.title,
        provinceCode: roster.provinceCode,
        deadline: dto.deadline,
        members: roster.members,
        agenda,
      },
    };
    await this.workflows.convene(sessionId, { command, actor, requestId: `convene:${sessionId}` });
    return this.mustFind(sessionId);
  }

  async run(actor: Actor, sessionId: string, command: SessionCommand): Promise<CouncilSessionView> {
    await this.visible(actor, sessionId);
    const requestId = randomUUID();
    await this.workflows.commandSession(sessionId, { command, actor, requestId });
    return this.mustFind(sessionId);
  }

  /** The session's one decision, run by its workflow (the number's allocation key derives from the session id). */
  async decide(
    actor: Actor,
    sessionId: string,
    dto: SessionDecisionDto,
    idempotencyKey?: string,
  ): Promise<SessionDecision & { sessionId: string }> {
    const session = await this.visible(actor, sessionId);
    const requestId = idempotencyKey ? `${actor.userId}:${idempotencyKey}` : randomUUID();
    try {
      const decision = await this.workflows.decideSession(sessionId, {
        actor,
        requestId,
        ...(dto.dossierIds ? { dossierIds: dto.dossierIds } : {}),
        ...(dto.legalBasis?.length ? { legalBasis: dto.legalBasis } : {}),
      });
      return { sessionId, ...decision };
    } catch (e) {
      // The session's workflow ends once its decision is issued (or when it waited long enough for one).
      if (!(e instanceof WorkflowNotFoundError)) throw e;
      const now = await this.mustFind(sessionId);
      // A retry of this very decision whose answer was lost: the decision it issued, never a 409.
      if (now.decision && idempotencyKey && (await this.dossiers.applied(sessionId, requestId)))
        return { sessionId, ...now.decision };
      if (now.decision)
        throw Refused.conflict(
          `The session's decision ${now.decision.number} is already issued`,
          'session.one-decision',
        );
      throw Refused.conflict(
        `The session is ${session.status} and no longer takes a decision: decide its dossiers one by one`,
        'session.decision-window',
      );
    }
  }

  /**
   * A vote. Open ballot: one command. Secret ballot: the workflow records THAT the member takes part (it checks
   * membership, recusal, attendance and once-only); then the member's claim and the choice go into the sealed ballot
   * box in one transaction, never through Temporal, a log or a read model. The answer does not repeat the choice.
   */
  async vote(
    actor: Actor,
    sessionId: string,
    dossierId: string,
    approve: boolean,
  ): Promise<{ sessionId: string; dossierId: string; recorded: true }> {
    const session = await this.visible(actor, sessionId);
    const item = session.agenda.find((a) => a.dossierId === dossierId);
    if (!item) throw Refused.notFound(`Dossier ${dossierId} is not on this session's agenda`);
    if (item.ballot === 'OPEN') {
      await this.run(actor, sessionId, { type: 'CastOpenVote', data: { dossierId, approve } });
      return { sessionId, dossierId, recorded: true };
    }
    const state = await this.workflows.sessionState(sessionId);
    const tookPart = state.secretParticipation.some((p) => p.memberId === actor.userId && p.dossierId === dossierId);
    // A member whose first attempt stopped between the two steps completes it; anyone else takes part first.
    if (!tookPart) {
      const requestId = `secret:${sessionId}:${dossierId}:${actor.userId}`;
      await this.workflows.commandSession(sessionId, {
        command: { type: 'TakePartInSecretBallot', data: { dossierId } },
        actor,
        requestId,
      });
    }
    const deposited = await this.ballotBox.deposit({ sessionId, dossierId, memberId: actor.userId, approve });
    if (!deposited) throw Refused.conflict('This member has already put a ballot in for this item');
    return { sessionId, dossierId, recorded: true };
  }

  /**
   * Oversight roles see every session, but a provincial chairman only his own province's (he signs their decisions,
   * numbered in his province's series); council members the sessions they sit on.
   */
  async visible(actor: Actor, sessionId: string): Promise<CouncilSessionView> {
    const s = await this.sessions.findById(sessionId);
    if (!s) throw Refused.notFound(`Council session ${sessionId} not found`);
    if (!OVERSIGHT.includes(actor.role) && !s.members.some((m) => m.userId === actor.userId))
      throw outOfScope(actor, `session ${sessionId}`);
    if (actor.role === 'PROVINCIAL_DECIDER' && s.provinceCode !== (await this.chairmanProvince(actor)))
      throw outOfScope(actor, `session ${sessionId}`);
    return s;
  }

  async list(actor: Actor, status?: string): Promise<CouncilSessionView[]> {
    const memberOnly = !OVERSIGHT.includes(actor.role);
    const sessions = await this.sessions.list({
      ...(memberOnly ? { memberId: actor.userId } : {}),
      ...(status ? { status } : {}),
      limit: 100,
    });
    if (actor.role !== 'PROVINCIAL_DECIDER') return sessions;
    const province = await this.chairmanProvince(actor);
    return sessions.filter((s) => s.provinceCode === province);
  }

  private async chairmanProvince(actor: Actor): Promise<string | undefined> {
    return actor.unitCode ? this.directory.provinceOf(actor.unitCode) : undefined;
  }

  private async mustFind(id: string): Promise<CouncilSessionView> {
    const s = await this.sessions.findById(id);
    if (!s) throw Refused.notFound(`Council session ${id} not found`);
    return s;
  }
}
