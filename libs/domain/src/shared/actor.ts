/** Roles a person can hold in the engine. One person holds exactly one role in a token. */
export const ROLES = [
  'UNIT_CLERK',
  'UNIT_HEAD',
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'COUNCIL_MEMBER',
  'COUNCIL_CHAIR',
  'PROVINCIAL_DECIDER',
  'CENTRAL_APPRAISER',
  'CENTRAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The engine itself, for commands its timers issue (deadlines). No token can carry this role. */
export type ActorRole = Role | 'SYSTEM';
export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'SYSTEM' };

/** Who issues a command: a user id, the role they act in, and the unit they belong to (if any). */
export interface Actor {
  userId: string;
  role: ActorRole;
  unitCode?: string;
  onBehalfOf?: string;
}
