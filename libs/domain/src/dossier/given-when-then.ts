/**
 * The vocabulary of the dossier specs: given events, when a command, then events or a rejection. Used by the
 * *.spec.ts files beside it; nothing outside tests imports it.
 */
import type { Actor } from '../shared/actor';
import type { Decision } from '../shared/errors';
import type { DossierCommand } from './commands';
import { decide } from './decide';
import type { DossierEvent } from './events';
import { evolveAll } from './evolve';
import { initialDossierState, type DossierState } from './types';

/** `given` for a stream id: the state after these events. */
export const givenStream =
  (dossierId: string) =>
  (...events: DossierEvent[]): DossierState =>
    evolveAll(initialDossierState(dossierId), events);

export const when = (
  state: DossierState,
  command: DossierCommand,
  actor: Actor,
  now: number,
): Decision<DossierEvent[]> => decide(state, command, { actor, now });

export { thenEvents, thenRejected } from '../shared/given-when-then';
