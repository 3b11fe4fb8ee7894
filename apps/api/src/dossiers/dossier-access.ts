import { routeOf, type Actor } from '@tdkt/domain';
import type { DossierScope, DossierView } from '@tdkt/persistence';

/**
 * Which dossiers an actor may see: a unit's staff their unit's, council members those on their agenda and — sitting on
 * their unit's own council — their unit's grassroots dossiers, others all.
 */
export function scopeOf(actor: Actor): DossierScope {
  switch (actor.role) {
    case 'UNIT_CLERK':
    case 'UNIT_HEAD':
      return { kind: 'UNIT', unitCode: actor.unitCode ?? '\u0000' };
    case 'COUNCIL_MEMBER':
    case 'COUNCIL_CHAIR':
      return { kind: 'COUNCIL_MEMBER', userId: actor.userId, ...(actor.unitCode ? { unitCode: actor.unitCode } : {}) };
    default:
      return { kind: 'ALL' };
  }
}

export function canSee(actor: Actor, d: DossierView): boolean {
  const scope = scopeOf(actor);
  if (scope.kind === 'UNIT') return d.unitCode === scope.unitCode;
  if (scope.kind === 'COUNCIL_MEMBER')
    return (
      d.councilMembers.includes(scope.userId) ||
      (scope.unitCode !== undefined && d.unitCode === scope.unitCode && routeOf(d.awardCode) === 'GRASSROOTS')
    );
  return true;
}
