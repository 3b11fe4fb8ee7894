/**
 * The vocabulary of every decider's specs (dossier, revocation, council session, block year…): given events, when a
 * command, then events or a rejection. Each decider's own given-when-then.ts binds `given`/`when` to its decide and
 * evolve; these two are the same for all. Nothing outside tests imports it.
 */
import type { Decision } from './errors';

export function thenEvents<E extends { type: string }>(result: Decision<E[]>): E[] {
  if (!result.ok)
    throw new Error(`expected events, got rejection ${result.rejection.rule}: ${result.rejection.message}`);
  return result.value;
}

export function thenRejected<E extends { type: string }>(result: Decision<E[]>) {
  if (result.ok) throw new Error(`expected a rejection, got ${result.value.map((e) => e.type).join(', ')}`);
  return result.rejection;
}
