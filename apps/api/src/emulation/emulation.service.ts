import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  EMULATION_DEFAULTS,
  FLAG_KINDS,
  envelopeEvents,
  decideBlockYear,
  decideFormBlock,
  flagDossierDraft,
  rotateLeadership,
  ruleSetInForce,
  vietnamDate,
  type Actor,
  type BlockYearCommand,
  type EmulationRule,
  type FlagKind,
  type FlagProposals,
  type ProposalDossier,
  Refused,
} from '@tdkt/domain';
import {
  Directory,
  EmulationQueries,
  EventStore,
  type BlockYearView,
  type EmulationBlockView,
} from '@tdkt/persistence';
import { HolidayCalendarProvider } from '../platform/calendar';
import { RuleSetResolver } from '../platform/rule-sets';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import type { CreateDossierDto } from '../dossiers/dossier.dto';
import type { FlagProposalsDto, FormBlockDto, OpenBlockYearDto } from './emulation.dto';

/** The workflow refused because the proposal's dossier was recorded meanwhile (a concurrent request of the unit). */
const recordedMeanwhile = (e: unknown) =>
  e instanceof WorkflowUpdateFailedError &&
  e.cause instanceof ApplicationFailure &&
  (e.cause.details?.[0] as { rule?: string } | undefined)?.rule === 'block.proposal-dossier-once';

/** A block year's id: derived from the block and the year, so opening it twice finds the same stream and workflow. */
export function blockYearIdOf(blockId: string, year: number): string {
  const h = createHash('sha256').update(`block-year:${blockId}:${year}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Emulation blocks and their years: blocks are one event each; a block year runs in its workflow (block-year-<id>). */
@Injectable()
export class EmulationService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly events: EventStore,
    private readonly queries: EmulationQueries,
    private readonly directory: Directory,
    private readonly calendar: HolidayCalendarProvider,
    private readonly ruleSets: RuleSetResolver,
    private readonly dossiers: DossierCommandsService,
  ) {}

  async formBlock(actor: Actor, dto: FormBlockDto): Promise<EmulationBlockView> {
    const provinces = new Set<string>();
    const unknown: string[] = [];
    for (const m of dto.members) {
      const p = await this.directory.provinceOf(m.unitCode);
      if (p) provinces.add(p);
      else unknown.push(`${m.unitCode}: no such unit`);
    }
    if (unknown.length) throw Refused.invalid({ members: unknown });
    if (provinces.size !== 1) throw Refused.invalid({ members: ['all members must belong to one province'] });
    const [provinceCode] = [...provinces];
    const decision = decideFormBlock(
      {
        code: dto.code,
        name: dto.name,
        provinceCode,
        members: dto.members.map((m) => ({ unitCode: m.unitCode, name: m.name })),
      },
      actor,
    );
    if (!decision.ok) throw Refused.of(decision.rejection);
    if (await this.queries.findBlockByCode(provinceCode, dto.code.trim()))
      throw Refused.conflict(`Block ${dto.code} already exists in ${provinceCode}`, 'block.code-unique');
    const blockId = randomUUID();
    const requestId = randomUUID();
    const occurredAt = new Date().toISOString();
    await this.events.append(envelopeEvents(blockId, 0, decision.value, { actor, occurredAt, requestId }));
    return this.mustFindBlock(blockId);
  }

  async block(blockId: string): Promise<EmulationBlockView & { years: BlockYearView[] }> {
    const block = await this.mustFindBlock(blockId);
    return { ...block, years: await this.queries.yearsOf(blockId) };
  }

  /** Opens a block's year: head and deputy by rotation from the block's previous year (or the block's own choice, with a reason). */
  async openYear(actor: Actor, blockId: string, dto: OpenBlockYearDto): Promise<BlockYearView> {
    const block = await this.mustFindBlock(blockId);
    const order = block.members.map((m) => m.unitCode);
    const prev = await this.queries.previousYear(blockId, dto.year);
    const previous = prev?.state.opening
      ? { head: prev.state.opening.leadership.head, order: prev.state.opening.members.map((m) => m.unitCode) }
      : undefined;
    const rotation = rotateLeadership(order, previous);
    const blockYearId = blockYearIdOf(blockId, dto.year);
    const command: BlockYearCommand = {
      type: 'OpenBlockYear',
      data: {
        blockId,
        blockCode: block.code,
        blockName: block.name,
        provinceCode: block.provinceCode,
        year: dto.year,
        members: block.members,
        leadership: { head: dto.head ?? rotation.head, deputy: dto.deputy ?? rotation.deputy },
        ...(previous ? { previous } : {}),
        ...(dto.departureReason ? { departureReason: dto.departureReason } : {}),
      },
    };
    const requestId = randomUUID();
    await this.workflows.openBlockYear(blockYearId, { command, actor, requestId, calendarYears: this.calendar.years });
    return this.mustFindYear(blockYearId);
  }

  async run(actor: Actor, blockYearId: string, command: BlockYearCommand): Promise<BlockYearView> {
    const year = await this.mustFindYear(blockYearId);
    if (year.phase === 'CLOSED') throw Refused.conflict('The block year is closed', 'block-year.closed');
    const requestId = randomUUID();
    await this.workflows.commandBlockYear(blockYearId, {
      command,
      actor,
      requestId,
      calendarYears: this.calendar.years,
    });
    return this.mustFindYear(blockYearId);
  }

  /**
   * The block meeting's proposals with its vote; the block regulation of the rule set in force for the block's
   * province (quotas, the vote's quorum and threshold) travels in the command, so the workflow decides without
   * reading configuration and the event keeps what it was decided under.
   */
  async proposeFlags(actor: Actor, blockYearId: string, dto: FlagProposalsDto): Promise<BlockYearView> {
    const year = await this.mustFindYear(blockYearId);
    const { rule } = await this.blockRule(year.headUnit);
    const data: FlagProposals = {
      provincial: dto.provincial,
      government: dto.government,
      meetingDate: dto.meetingDate,
      minutesRef: dto.minutesRef,
      vote: {
        method: dto.vote.method,
        present: dto.vote.present,
        tallies: dto.vote.tallies.map((t) => ({ unitCode: t.unitCode, flag: t.flag, votesFor: t.votesFor })),
      },
      rule,
    };
    return this.run(actor, blockYearId, { type: 'ProposeFlags', data });
  }

  /**
   * The proposals become nomination dossiers: for each flag the caller's unit was proposed for, a DRAFT dossier of the
   * unit pre-filled from the block year (the domain's flagDossierDraft), created through the dossier workflow with a key
   * derived from block year, unit and flag (whoever of the unit's clerks calls, a retry finds the same dossier), then
   * recorded on the block year (RecordProposalDossier, its update id derived likewise). Proposals already recorded are
   * answered as they stand. The unit's clerk calls it: a dossier is its unit's own (the domain lets a clerk create only
   * those), and the unit completes and submits it.
   */
  async proposalDossiers(
    actor: Actor,
    blockYearId: string,
  ): Promise<{ blockYear: BlockYearView; dossiers: ProposalDossier[] }> {
    let year = await this.mustFindYear(blockYearId);
    const unit = actor.unitCode ?? '';
    const proposed = (f: FlagKind) =>
      (f === 'PROVINCIAL' ? year.state.proposals?.provincial : year.state.proposals?.government)?.includes(unit);
    const flags = FLAG_KINDS.filter(proposed);
    const { flagAwards } = await this.blockRule(year.headUnit);
    const precheck = (flag: FlagKind, awardCode: string) => {
      const d = decideBlockYear(
        year.state,
        { type: 'RecordProposalDossier', data: { unitCode: unit, flag, awardCode, dossierId: 'pending' } },
        { actor, now: Date.now() },
      );
      if (!d.ok) throw Refused.of(d.rejection);
    };
    // Not proposed at all: the domain's refusal says why (not proposed, the meeting not held yet, or another role).
    if (flags.length === 0) precheck('PROVINCIAL', flagAwards.provincial);
    for (const flag of flags) {
      const recorded = (year.state.proposalDossiers ?? []).find((d) => d.unitCode === unit && d.flag === flag);
      if (recorded) continue;
      const awardCode = flag === 'PROVINCIAL' ? flagAwards.provincial : flagAwards.government;
      precheck(flag, awardCode);
      const draft = flagDossierDraft(year.state, unit, flag, awardCode);
      if (!draft) throw Refused.notFound(`No proposal of ${unit} in block year ${blockYearId}`);
      const create: CreateDossierDto = {
        ...draft,
        nominee: { ...draft.nominee },
        record: { ...draft.record },
        parts: draft.parts.map((p) => ({ ...p })),
      };
      const key = `block-year:${blockYearId}:${unit}:${flag}:${awardCode}`;
      const dossier = await this.dossiers.create(actor, create, key, 'shared');
      try {
        await this.workflows.commandBlockYear(blockYearId, {
          command: { type: 'RecordProposalDossier', data: { unitCode: unit, flag, awardCode, dossierId: dossier.id } },
          actor,
          requestId: `record:${key}`,
          calendarYears: this.calendar.years,
        });
      } catch (e) {
        if (!recordedMeanwhile(e)) throw e;
      }
      year = await this.mustFindYear(blockYearId);
    }
    const dossiers = (year.state.proposalDossiers ?? []).filter((d) => d.unitCode === unit);
    return { blockYear: year, dossiers };
  }

  /** The block regulation of the rule set in force for a unit of the block's province (the shipped defaults without one). */
  private async blockRule(
    unitCode: string,
  ): Promise<{ rule: NonNullable<FlagProposals['rule']>; flagAwards: EmulationRule['flagAwards'] }> {
    const today = vietnamDate(Date.now());
    const ruleSet = (await this.ruleSets.effectiveFor(unitCode, today)) ?? ruleSetInForce(today);
    const e = ruleSet?.emulation ?? EMULATION_DEFAULTS;
    return {
      rule: { flagQuotas: e.flagQuotas, flagVote: e.flagVote, ...(ruleSet ? { ruleSetVersion: ruleSet.version } : {}) },
      flagAwards: e.flagAwards,
    };
  }

  async mustFindBlock(id: string): Promise<EmulationBlockView> {
    const b = await this.queries.findBlock(id);
    if (!b) throw Refused.notFound(`Emulation block ${id} not found`);
    return b;
  }

  async mustFindYear(id: string): Promise<BlockYearView> {
    const y = await this.queries.findBlockYear(id);
    if (!y) throw Refused.notFound(`Block year ${id} not found`);
    return y;
  }
}
