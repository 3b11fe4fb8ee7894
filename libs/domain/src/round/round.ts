/**
 * Thematic rounds (đợt / chuyên đề, law page §7 and rule 32 [U]): a named emulation movement with an intake window
 * and the awards it accepts, created by the secretariat. Each round is its own stream in the event table; its event
 * types start with "Round", so the dossier and session projections can tell them apart.
 */
import { findAward } from '../award/catalog';
import type { Actor, ActorRole } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { Envelope } from '../shared/envelope';

export interface RoundDefinition {
  name: string;
  /** Intake window, ISO dates (Asia/Ho_Chi_Minh), both inclusive. */
  opensOn: string;
  closesOn: string;
  awardCodes: string[];
}

export type RoundEvent = { type: 'RoundCreated'; data: RoundDefinition };

export const isRoundEventType = (type: string): boolean => type.startsWith('Round');

/** A round event as stored in the event table: the round id is the stream id. */
export type RoundEnvelope = Envelope<RoundEvent>;

export const ROUND_CREATORS: readonly ActorRole[] = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string) =>
  ISO_DATE.test(d) &&
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
  new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** The secretariat opens a round: a name, a window whose end is not before its start, known award codes. Pure. */
export function decideCreateRound(definition: RoundDefinition, actor: Actor): Decision<RoundEvent[]> {
  if (!ROUND_CREATORS.includes(actor.role))
    return refuse(
      reject(
        'FORBIDDEN',
        'role.CreateRound',
        `${actor.role} may not create a round; allowed: ${ROUND_CREATORS.join(', ')}`,
      ),
    );
  const name = definition.name.trim();
  if (!name) return refuse(reject('INVALID', 'round.name', 'A round has a name'));
  if (!validDate(definition.opensOn) || !validDate(definition.closesOn))
    return refuse(reject('INVALID', 'round.window', 'opensOn and closesOn are ISO dates (YYYY-MM-DD)'));
  if (definition.closesOn < definition.opensOn)
    return refuse(
      reject(
        'INVALID',
        'round.window',
        `The round closes (${definition.closesOn}) before it opens (${definition.opensOn})`,
      ),
    );
  const awardCodes = [...new Set(definition.awardCodes)];
  if (awardCodes.length === 0) return refuse(reject('INVALID', 'round.awards', 'A round accepts at least one award'));
  const unknown = awardCodes.filter((c) => !findAward(c));
  if (unknown.length) return refuse(reject('INVALID', 'round.awards', `Unknown award codes: ${unknown.join(', ')}`));
  return accept([
    { type: 'RoundCreated', data: { name, opensOn: definition.opensOn, closesOn: definition.closesOn, awardCodes } },
  ]);
}
