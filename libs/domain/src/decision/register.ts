import type { Actor } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { Envelope } from '../shared/envelope';

/**
 * The decision register of one issuing authority and year: its own stream in the event table. A number is never
 * deleted or reused; voiding one is an event here, and the counter goes on from where it was.
 */
export type RegisterEvent = {
  type: 'DecisionNumberVoided';
  data: { authority: string; year: number; number: number; formatted: string; reason: string };
};

/** Register events are not a dossier's: every projection of dossiers skips them (as it skips "Session*" events). */
export const isRegisterEventType = (type: string): boolean => type === 'DecisionNumberVoided';

export type RegisterEnvelope = Envelope<RegisterEvent>;

/** What the register knows of one number when someone asks to void it. */
export interface NumberFacts {
  authority: string;
  year: number;
  number: number;
  /** The formatted number ("12/QĐ-UBND") when it was allocated; absent when it never was. */
  formatted?: string;
  voided?: { reason: string; by: string };
  /** Dossiers whose award decision carries the number, with their status now. */
  carriedBy: { dossierId: string; status: string }[];
}

/** Provincial deciders void numbers of the provincial chairman's series; administrators any decision series. */
export function mayVoidSeries(actor: Actor, authority: string): boolean {
  if (actor.role === 'ADMINISTRATOR') return true;
  return actor.role === 'PROVINCIAL_DECIDER' && /^PROVINCIAL_CHAIRMAN(:|$)/.test(authority);
}

/** decide(void): an allocated, unvoided decision number that no dossier's decision carries becomes void. Pure. */
export function decideVoidNumber(facts: NumberFacts, reason: string, actor: Actor): Decision<RegisterEvent[]> {
  const label = `Number ${facts.number} of ${facts.authority} in ${facts.year}`;
  if (!mayVoidSeries(actor, facts.authority))
    return refuse(
      reject(
        'FORBIDDEN',
        'register.void-series',
        `${actor.role} may not void numbers of the ${facts.authority} series`,
      ),
    );
  if (/:TTr$/.test(facts.authority))
    return refuse(
      reject(
        'RULE_VIOLATION',
        'register.decisions-only',
        'Only decision numbers (QĐ) are voided here, not tờ trình numbers',
      ),
    );
  if (!reason.trim()) return refuse(reject('INVALID', 'register.void-reason', 'Voiding a number needs a reason'));
  if (!facts.formatted)
    return refuse(
      reject(
        'RULE_VIOLATION',
        'register.void-allocated',
        `${label} was never allocated: only an allocated number can be voided`,
      ),
    );
  if (facts.voided)
    return refuse(
      reject(
        'WRONG_STATE',
        'register.void-once',
        `${label} (${facts.formatted}) is already voided by ${facts.voided.by}: ${facts.voided.reason}`,
      ),
    );
  const awarded = facts.carriedBy.find((c) => c.status === 'AWARDED');
  if (awarded)
    return refuse(
      reject(
        'WRONG_STATE',
        'register.void-unused',
        `${facts.formatted} is the decision of awarded dossier ${awarded.dossierId}: an issued award is revoked (POST /api/dossiers/${awarded.dossierId}/revocation), its number is not voided`,
      ),
    );
  const other = facts.carriedBy[0];
  if (other)
    return refuse(
      reject(
        'WRONG_STATE',
        'register.void-unused',
        `${facts.formatted} was issued to dossier ${other.dossierId} (now ${other.status}): an issued decision is not voided`,
      ),
    );
  return accept([
    {
      type: 'DecisionNumberVoided',
      data: {
        authority: facts.authority,
        year: facts.year,
        number: facts.number,
        formatted: facts.formatted,
        reason: reason.trim(),
      },
    },
  ]);
}
