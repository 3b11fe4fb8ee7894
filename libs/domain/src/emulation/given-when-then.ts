/**
 * The vocabulary of the block-year specs: given events, when a command, then events or a rejection (the dossier specs'
 * shape, for the block-year decider). Nothing outside tests imports it.
 */
import type { Actor } from '../shared/actor';
import type { Decision } from '../shared/errors';
import {
  decideBlockYear,
  evolveBlockYearAll,
  initialBlockYearState,
  type BlockYearCommand,
  type BlockYearEvent,
  type BlockYearState,
} from './block-year';
import type { HolidayCalendar } from '../calendar/working-days';

export const givenBlockYear = (...events: BlockYearEvent[]): BlockYearState =>
  evolveBlockYearAll(initialBlockYearState('block-year-1'), events);

export const whenBlockYear = (
  state: BlockYearState,
  command: BlockYearCommand,
  actor: Actor,
  now: number,
  calendar?: HolidayCalendar,
): Decision<BlockYearEvent[]> => decideBlockYear(state, command, { actor, now, ...(calendar ? { calendar } : {}) });

export { thenEvents, thenRejected } from '../shared/given-when-then';
