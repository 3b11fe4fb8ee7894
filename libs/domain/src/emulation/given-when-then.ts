/**
 * The vocabulary of the block-year specs: given events, when a command, then events or a rejection (the dossier specs'
 * shape, for the block-year decider). Nothing outside tests imports it.
 */
import type { Actor } from '../shared/actor';
import type { Decision } from '../shared/errors';
import { decideBlockYear, evolveBlockYearAll, initialBlockYearState, type BlockYearCommand, type BlockYearEvent, type BlockYearState } from './block-year';
import type { HolidayCalendar } from '../calendar/working-days';

export const givenBlockYear = (...events: BlockYearEvent[]): BlockYearState => evolveBlockYearAll(initialBlockYearState('block-year-1'), events);

export const whenBlockYear = (state: BlockYearState, command: BlockYearCommand, actor: Actor, now: number, calendar?: HolidayCalendar): Decision<BlockYearEvent[]> =>
  decideBlockYear(state, command, { actor, now, ...(calendar ? { calendar } : {}) });

export function thenEvents(result: Decision<BlockYearEvent[]>): BlockYearEvent[] {
  if (!result.ok) throw new Error(`expected events, got rejection ${result.rejection.rule}: ${result.rejection.message}`);
  return result.value;
}

export function thenRejected(result: Decision<BlockYearEvent[]>) {
  if (result.ok) throw new Error(`expected a rejection, got ${result.value.map((e) => e.type).join(', ')}`);
  return result.rejection;
}
