import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  calendarWithYears,
  decideRegistration,
  evolveRegistrationAll,
  initialRegistrationState,
  ruleSetInForce,
  vietnamDate,
  type Actor,
  type RegistrationCommand,
  type RegistrationEvent,
  Refused,
} from '@tdkt/domain';
import { Directory, EventStore, RegistrationQueries, type RegistrationView } from '@tdkt/persistence';
import { appendDecided } from '../platform/stream-append';
import { HolidayCalendarProvider } from '../platform/calendar';
import { RuleSetResolver } from '../platform/rule-sets';
import type { SubmitRegistrationDto } from './registrations.dto';

/** A registration's id: from the unit and year, so a unit has one registration stream per year. */
export function registrationIdOf(unitCode: string, year: number): string {
  const h = createHash('sha256').update(`registration:${unitCode}:${year}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Đăng ký thi đua: a plain event stream per unit and year (the deadline is checked when the unit registers; nothing
 * fires when it passes, so no workflow). The rule (deadline, titles) is the unit's province's effective rule set.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly events: EventStore,
    private readonly registrations: RegistrationQueries,
    private readonly directory: Directory,
    private readonly ruleSets: RuleSetResolver,
    private readonly calendar: HolidayCalendarProvider,
  ) {}

  async submit(actor: Actor, dto: SubmitRegistrationDto): Promise<RegistrationView> {
    const unitCode = actor.unitCode ?? '';
    const provinceCode = (await this.directory.provinceOf(unitCode)) ?? '';
    return this.run(actor, registrationIdOf(unitCode, dto.year), unitCode, {
      type: 'SubmitRegistration',
      data: { unitCode, provinceCode, year: dto.year, subjects: dto.subjects.map((s) => ({ ...s })) },
    });
  }

  async review(actor: Actor, id: string, accept: boolean, reason?: string): Promise<RegistrationView> {
    const current = await this.mustFind(actor, id);
    return this.run(actor, id, current.unitCode, {
      type: 'ReviewRegistration',
      data: { accept, ...(reason ? { reason } : {}) },
    });
  }

  /** Unit staff see their own unit's registrations; the rest all. */
  async mustFind(actor: Actor, id: string): Promise<RegistrationView> {
    const r = await this.registrations.findById(id);
    if (!r) throw Refused.notFound(`Registration ${id} not found`);
    if ((actor.role === 'UNIT_CLERK' || actor.role === 'UNIT_HEAD') && actor.unitCode !== r.unitCode)
      throw Refused.forbidden('Another unit’s registration');
    return r;
  }

  private async run(
    actor: Actor,
    id: string,
    unitCode: string,
    command: RegistrationCommand,
  ): Promise<RegistrationView> {
    const today = vietnamDate(Date.now());
    const rule = ((await this.ruleSets.effectiveFor(unitCode, today)) ?? ruleSetInForce(today))?.registration;
    if (!rule)
      throw new Refused('INVALID', 'The rule set in force has no registration settings', { rule: 'registration.rule' });
    const stream = await this.events.readStream(id);
    const state = evolveRegistrationAll(
      initialRegistrationState(id),
      stream.map((e) => ({ type: e.type, data: e.data }) as RegistrationEvent),
    );
    const decision = decideRegistration(state, command, {
      actor,
      today,
      rule,
      calendar: calendarWithYears(this.calendar.years),
    });
    if (!decision.ok) throw Refused.of(decision.rejection);
    await appendDecided(this.events, id, stream, decision.value, actor, {
      rule: 'registration.concurrent-change',
      message: 'The registration changed meanwhile; reload and try again',
    });
    const view = await this.registrations.findById(id);
    if (!view) throw new Error(`registration ${id} was not projected`);
    return view;
  }
}
