import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import {
  envelopeEvents,
  decideFormBlock,
  rotateLeadership,
  type Actor,
  type BlockYearCommand,
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
import type { FormBlockDto, OpenBlockYearDto } from './emulation.dto';

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
