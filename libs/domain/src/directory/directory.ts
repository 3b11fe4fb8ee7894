/**
 * The directory (danh bạ): the province's units, the people who act in them with their role, and the emulation
 * councils (Hội đồng TĐKT) with their terms (nhiệm kỳ) and seats. Every change is an event of a directory stream in
 * the event table (one stream per unit, per user, per council term); the directory tables are their projection.
 * Event types start with "Directory", so the registry routes them by name. Pure: the API gathers the facts.
 */
import type { Actor, ActorRole, Role } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';

/**
 * What a unit is. The level the older read paths use is derived from it: districts and communes are local
 * government (COMMUNE), departments, schools and mass organisations (e.g. Liên đoàn Lao động) are agencies.
 */
export const UNIT_KINDS = [
  'PROVINCE',
  'DEPARTMENT',
  'DISTRICT',
  'COMMUNE',
  'SCHOOL',
  'ENTERPRISE',
  'MASS_ORGANISATION',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export type UnitLevel = 'PROVINCE' | 'COMMUNE' | 'AGENCY' | 'ENTERPRISE';
export const levelOfKind = (kind: UnitKind): UnitLevel =>
  kind === 'PROVINCE'
    ? 'PROVINCE'
    : kind === 'DISTRICT' || kind === 'COMMUNE'
      ? 'COMMUNE'
      : kind === 'ENTERPRISE'
        ? 'ENTERPRISE'
        : 'AGENCY';

/** A member's role on a council (chủ tịch, phó chủ tịch, ủy viên thường trực, ủy viên, thư ký). */
export const COUNCIL_SEAT_ROLES = ['CHAIR', 'VICE_CHAIR', 'STANDING_MEMBER', 'MEMBER', 'SECRETARY'] as const;
export type CouncilSeatRole = (typeof COUNCIL_SEAT_ROLES)[number];

export interface UnitRecord {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  provinceCode: string;
  /** ISO dates; validTo is the last day (a merger or abolition ends a unit, its successor starts the next day). */
  validFrom: string;
  validTo: string | null;
}

export interface UserRecord {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  unitCode: string;
  /** The subject (`sub` claim) the OIDC provider puts in this person's tokens. */
  oidcSub: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface CouncilTerm {
  termId: string;
  /** The unit whose council this is: a PROVINCE unit for the provincial council. */
  councilUnitCode: string;
  name: string;
  from: string;
  to: string;
}

export interface CouncilSeat {
  termId: string;
  userId: string;
  councilRole: CouncilSeatRole;
  from: string;
  to: string;
}

export type DirectoryEvent =
  | { type: 'DirectoryUnitRecorded'; data: UnitRecord }
  | { type: 'DirectoryUserRecorded'; data: UserRecord }
  | { type: 'DirectoryUserDeactivated'; data: { userId: string; on: string; reason: string } }
  | { type: 'DirectoryCouncilTermOpened'; data: CouncilTerm }
  | { type: 'DirectoryCouncilSeatAssigned'; data: CouncilSeat }
  | { type: 'DirectoryCouncilSeatEnded'; data: { termId: string; userId: string; on: string; reason: string } };

export const isDirectoryEventType = (type: string): boolean => type.startsWith('Directory');

export const DIRECTORY_ADMINS: readonly ActorRole[] = ['ADMINISTRATOR'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDate = (d: unknown): d is string =>
  typeof d === 'string' &&
  ISO_DATE.test(d) &&
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
  new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

const forbidden = <T>(actor: Actor, what: string) =>
  refuse<T>(
    reject(
      'FORBIDDEN',
      `directory.${what}`,
      `${actor.role} may not change the directory; allowed: ${DIRECTORY_ADMINS.join(', ')}`,
    ),
  );
const invalid = <T>(rule: string, message: string, field: string) =>
  refuse<T>(reject('INVALID', rule, message, { field }));

function validWindow<T>(from: string, to: string | null, what: string): Decision<T> | undefined {
  if (!isIsoDate(from))
    return invalid(`${what}.valid-from`, `${what} validFrom must be an ISO date (YYYY-MM-DD)`, 'validFrom');
  if (to !== null && !isIsoDate(to))
    return invalid(`${what}.valid-to`, `${what} validTo must be an ISO date (YYYY-MM-DD)`, 'validTo');
  if (to !== null && to < from)
    return invalid(`${what}.valid-to`, `${what} ends (${to}) before it starts (${from})`, 'validTo');
  return undefined;
}

/** Facts about a unit's neighbourhood the API reads before recording it. */
export interface UnitFacts {
  /** The parent unit as recorded, when parentCode names one. */
  parent?: { code: string; provinceCode: string; validTo: string | null };
}

/** Record a unit (new, renamed, moved, merged away by a validTo). A unit under a parent belongs to the parent's province. */
export function decideRecordUnit(unit: UnitRecord, facts: UnitFacts, actor: Actor): Decision<DirectoryEvent[]> {
  if (!DIRECTORY_ADMINS.includes(actor.role)) return forbidden(actor, 'record-unit');
  const code = unit.code.trim();
  const name = unit.name.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(code))
    return invalid('unit.code', 'A unit code is 1–64 letters, digits, dot, dash or underscore', 'code');
  if (!name) return invalid('unit.name', 'A unit has a name', 'name');
  if (!(UNIT_KINDS as readonly string[]).includes(unit.kind))
    return invalid('unit.kind', `kind is one of ${UNIT_KINDS.join(', ')}`, 'kind');
  const window = validWindow<DirectoryEvent[]>(unit.validFrom, unit.validTo, 'unit');
  if (window) return window;
  if (unit.kind === 'PROVINCE' && unit.parentCode)
    return invalid('unit.parent', 'A province has no parent unit', 'parentCode');
  if (unit.kind !== 'PROVINCE' && !unit.parentCode)
    return invalid('unit.parent', 'Every unit but a province names its parent unit', 'parentCode');
  if (unit.parentCode === code) return invalid('unit.parent', 'A unit is not its own parent', 'parentCode');
  if (unit.parentCode && !facts.parent)
    return invalid('unit.parent', `The parent unit ${unit.parentCode} is not in the directory`, 'parentCode');
  if (facts.parent && facts.parent.provinceCode !== unit.provinceCode)
    return invalid(
      'unit.province',
      `The parent ${facts.parent.code} belongs to province ${facts.parent.provinceCode}, not ${unit.provinceCode}`,
      'provinceCode',
    );
  if (facts.parent?.validTo && facts.parent.validTo < unit.validFrom)
    return refuse(
      reject(
        'WRONG_STATE',
        'unit.parent-ended',
        `The parent unit ${facts.parent.code} ended on ${facts.parent.validTo}`,
        { field: 'parentCode' },
      ),
    );
  return accept([{ type: 'DirectoryUnitRecorded', data: { ...unit, code, name } }]);
}

export interface UserFacts {
  /** The user's unit as recorded (absent: unknown code). */
  unit?: { code: string; validTo: string | null };
  /** The user as recorded, if any. */
  current?: { active: boolean; username: string };
  /** Another active user already holding this username or OIDC subject. */
  clash?: 'username' | 'oidcSub';
}

/** Record a person (new, or a changed role, unit or validity). Everybody belongs to a unit; a deactivated person stays so. */
export function decideRecordUser(
  user: Omit<UserRecord, 'unitCode'> & { unitCode: string | null },
  facts: UserFacts,
  actor: Actor,
): Decision<DirectoryEvent[]> {
  if (!DIRECTORY_ADMINS.includes(actor.role)) return forbidden(actor, 'record-user');
  if (!user.unitCode) return invalid('user.unit', 'A user belongs to a unit: unitCode is required', 'unitCode');
  if (!user.fullName.trim()) return invalid('user.name', 'A user has a full name', 'fullName');
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{1,127}$/.test(user.username))
    return invalid('user.username', 'A username is 2–128 letters, digits, dot, dash, underscore or @', 'username');
  const window = validWindow<DirectoryEvent[]>(user.validFrom, user.validTo, 'user');
  if (window) return window;
  if (!facts.unit) return invalid('user.unit', `The unit ${user.unitCode} is not in the directory`, 'unitCode');
  if (facts.unit.validTo && facts.unit.validTo < user.validFrom)
    return refuse(
      reject(
        'WRONG_STATE',
        'user.unit-ended',
        `The unit ${user.unitCode} ended on ${facts.unit.validTo}; place the user in its successor`,
        { field: 'unitCode' },
      ),
    );
  if (facts.current && !facts.current.active)
    return refuse(
      reject(
        'WRONG_STATE',
        'user.deactivated',
        `User ${user.userId} is deactivated; a deactivated user is never changed or reactivated (record a new user)`,
      ),
    );
  if (facts.clash)
    return refuse(
      reject('WRONG_STATE', `user.unique-${facts.clash}`, `Another active user already has this ${facts.clash}`, {
        field: facts.clash,
      }),
    );
  return accept([
    { type: 'DirectoryUserRecorded', data: { ...user, unitCode: user.unitCode, fullName: user.fullName.trim() } },
  ]);
}

/** Deactivate a person: never deleted, their history stays; their tokens are refused from now on. */
export function decideDeactivateUser(
  facts: { exists: boolean; active: boolean; openSeats: number },
  data: { userId: string; on: string; reason: string },
  actor: Actor,
): Decision<DirectoryEvent[]> {
  if (!DIRECTORY_ADMINS.includes(actor.role)) return forbidden(actor, 'deactivate-user');
  if (!data.reason.trim()) return invalid('user.deactivation-reason', 'A deactivation names its reason', 'reason');
  if (!isIsoDate(data.on)) return invalid('user.deactivation-date', 'on must be an ISO date (YYYY-MM-DD)', 'on');
  if (!facts.exists)
    return refuse(reject('RULE_VIOLATION', 'user.exists', `User ${data.userId} is not in the directory`));
  if (!facts.active)
    return refuse(reject('WRONG_STATE', 'user.deactivated', `User ${data.userId} is already deactivated`));
  if (facts.openSeats > 0)
    return refuse(
      reject(
        'WRONG_STATE',
        'council.seat-open',
        `User ${data.userId} still holds ${facts.openSeats} council seat(s); end them first`,
      ),
    );
  return accept([{ type: 'DirectoryUserDeactivated', data: { ...data, reason: data.reason.trim() } }]);
}

/** Two closed date ranges share a day. */
export const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }): boolean =>
  a.from <= b.to && b.from <= a.to;

/** Open a council's term (nhiệm kỳ): terms of the same council never overlap. */
export function decideOpenTerm(
  term: CouncilTerm,
  facts: { councilUnit?: { kind: UnitKind }; otherTerms: readonly CouncilTerm[] },
  actor: Actor,
): Decision<DirectoryEvent[]> {
  if (!DIRECTORY_ADMINS.includes(actor.role)) return forbidden(actor, 'open-term');
  if (!term.name.trim()) return invalid('council.term-name', 'A term has a name (e.g. Nhiệm kỳ 2021–2026)', 'name');
  if (!isIsoDate(term.from)) return invalid('council.term-from', 'from must be an ISO date (YYYY-MM-DD)', 'from');
  if (!isIsoDate(term.to)) return invalid('council.term-to', 'to must be an ISO date (YYYY-MM-DD)', 'to');
  if (term.to < term.from)
    return invalid('council.term-to', `The term ends (${term.to}) before it starts (${term.from})`, 'to');
  if (!facts.councilUnit)
    return invalid('council.unit', `The unit ${term.councilUnitCode} is not in the directory`, 'councilUnitCode');
  const clash = facts.otherTerms.find(
    (t) => t.councilUnitCode === term.councilUnitCode && t.termId !== term.termId && overlaps(t, term),
  );
  if (clash)
    return refuse(
      reject(
        'WRONG_STATE',
        'council.term-overlap',
        `The term overlaps ${clash.name} (${clash.from} – ${clash.to}) of the same council`,
        { termId: clash.termId },
      ),
    );
  return accept([{ type: 'DirectoryCouncilTermOpened', data: { ...term, name: term.name.trim() } }]);
}

/** What the API knows when someone is seated on a council. */
export interface SeatFacts {
  term?: CouncilTerm;
  user?: { active: boolean; role: Role; validTo: string | null };
  /** The term's seats as they stand (ended ones carry their end date as `to`). */
  seats: readonly CouncilSeat[];
}

/**
 * Who may sit on a council: an active person whose token role is a council role (the chair's seat needs
 * COUNCIL_CHAIR, because the chair closes sessions), within the term, once per term, one chair per term.
 */
export function decideAssignSeat(
  seat: Omit<CouncilSeat, 'to'> & { to?: string | null },
  facts: SeatFacts,
  actor: Actor,
): Decision<DirectoryEvent[]> {
  if (!DIRECTORY_ADMINS.includes(actor.role)) return forbidden(actor, 'assign-seat');
  if (!(COUNCIL_SEAT_ROLES as readonly string[]).includes(seat.councilRole))
    return invalid('council.seat-role', `councilRole is one of ${COUNCIL_SEAT_ROLES.join(', ')}`, 'councilRole');
  if (!isIsoDate(seat.from)) return invalid('council.seat-from', 'from must be an ISO date (YYYY-MM-DD)', 'from');
  if (seat.to != null && !isIsoDate(seat.to))
    return invalid('council.seat-to', 'to must be an ISO date (YYYY-MM-DD)', 'to');
  if (!facts.term)
    return refuse(reject('RULE_VIOLATION', 'council.term-exists', `Council term ${seat.termId} does not exist`));
  const to = seat.to ?? facts.term.to;
  if (seat.from < facts.term.from || to > facts.term.to || to < seat.from)
    return refuse(
      reject(
        'RULE_VIOLATION',
        'council.seat-within-term',
        `A seat lies within its term (${facts.term.from} – ${facts.term.to}) and ends after it starts`,
      ),
    );
  if (!facts.user)
    return refuse(reject('RULE_VIOLATION', 'user.exists', `User ${seat.userId} is not in the directory`));
  if (!facts.user.active)
    return refuse(
      reject(
        'RULE_VIOLATION',
        'council.member-active',
        `User ${seat.userId} is deactivated and cannot sit on a council`,
      ),
    );
  if (facts.user.validTo && facts.user.validTo < to)
    return refuse(
      reject(
        'RULE_VIOLATION',
        'council.member-valid',
        `User ${seat.userId}'s account ends on ${facts.user.validTo}, before the seat would`,
      ),
    );
  const needed: Role[] = seat.councilRole === 'CHAIR' ? ['COUNCIL_CHAIR'] : ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'];
  if (!needed.includes(facts.user.role))
    return refuse(
      reject(
        'RULE_VIOLATION',
        'council.member-role',
        `A ${seat.councilRole} seat needs a user with role ${needed.join(' or ')}; ${seat.userId} is ${facts.user.role}`,
      ),
    );
  const mine = facts.seats.find((s) => s.userId === seat.userId && overlaps(s, { from: seat.from, to }));
  if (mine)
    return refuse(
      reject(
        'WRONG_STATE',
        'council.seat-once',
        `User ${seat.userId} already sits on this term (${mine.from} – ${mine.to})`,
      ),
    );
  const chair =
    seat.councilRole === 'CHAIR' &&
    facts.seats.find((s) => s.councilRole === 'CHAIR' && overlaps(s, { from: seat.from, to }));
  if (chair)
    return refuse(
      reject(
        'WRONG_STATE',
        'council.one-chair',
        `The term already has a chair (${chair.userId}) from ${chair.from} to ${chair.to}`,
      ),
    );
  return accept([
    {
      type: 'DirectoryCouncilSeatAssigned',
      data: { termId: seat.termId, userId: seat.userId, councilRole: seat.councilRole, from: seat.from, to },
    },
  ]);
}

/** End a seat: refused while the member has ballots open (a per-dossier vote or a session not yet closed). */
export function decideEndSeat(
  facts: { seat?: CouncilSeat; openBallots: number },
  data: { termId: string; userId: string; on: string; reason: string },
  actor: Actor,
): Decision<DirectoryEvent[]> {
  if (!DIRECTORY_ADMINS.includes(actor.role)) return forbidden(actor, 'end-seat');
  if (!isIsoDate(data.on)) return invalid('council.seat-end', 'on must be an ISO date (YYYY-MM-DD)', 'on');
  if (!data.reason.trim()) return invalid('council.seat-end-reason', 'Ending a seat names its reason', 'reason');
  if (!facts.seat)
    return refuse(
      reject('RULE_VIOLATION', 'council.seat-exists', `User ${data.userId} has no seat on term ${data.termId}`),
    );
  if (facts.seat.to < data.on)
    return refuse(reject('WRONG_STATE', 'council.seat-ended', `The seat already ended on ${facts.seat.to}`));
  if (data.on < facts.seat.from)
    return invalid('council.seat-end', `The seat starts on ${facts.seat.from}; it cannot end before`, 'on');
  if (facts.openBallots > 0)
    return refuse(
      reject(
        'WRONG_STATE',
        'council.open-ballots',
        `User ${data.userId} has ${facts.openBallots} open ballot(s); close those votes or sessions first`,
        { openBallots: facts.openBallots },
      ),
    );
  return accept([{ type: 'DirectoryCouncilSeatEnded', data: { ...data, reason: data.reason.trim() } }]);
}
