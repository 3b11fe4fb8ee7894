import { Logger } from '@nestjs/common';
import { Refused, type Actor } from '@tdkt/domain';

const log = new Logger('access');

/** A refusal for something outside the actor's scope, logged with the actor (never with personal data). */
export function outOfScope(actor: Actor, what: string): Refused {
  log.warn(
    `denied ${actor.userId} (${actor.role}${actor.unitCode ? `, unit ${actor.unitCode}` : ''}) access to ${what}: outside their scope`,
  );
  return Refused.forbidden(`This ${what.split(' ')[0]} is outside your scope`);
}
