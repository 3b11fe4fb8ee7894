/**
 * Registration for emulation (đăng ký thi đua, law page §3.1 step 1: "the individual or collective registers for the
 * emulation movement"): at the start of a year each unit registers the collectives and individuals it puts forward for
 * the annual titles they aim at, by a deadline in working days from the start of the year (rule-set setting, [U]);
 * the secretariat accepts the registration or returns it with a reason, and the unit may send it again.
 *
 * One stream per unit and year (events start with "Registration"). The deadline is checked when the unit registers:
 * nothing happens by itself when it passes (no reminder, no automatic closing), so no workflow and no timer: the API
 * decides and appends, like a movement.
 */
import type { SubjectKind } from '../award/catalog';

/** Who registers for a title: a person or a collective (a household never registers). */
export const REGISTERED_SUBJECT_KINDS = ['INDIVIDUAL', 'COLLECTIVE'] as const satisfies readonly SubjectKind[];
import { findAward } from '../award/catalog';
import type { Actor } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { Envelope } from '../shared/envelope';
import type { RegistrationRule } from '../rule-set/types';
import { addWorkingDaysProvisionally, type HolidayCalendar } from '../calendar';

/** A collective or individual the unit registers for one annual title. */
export interface RegisteredSubject {
  kind: Exclude<SubjectKind, 'HOUSEHOLD'>;
  /** The person's full name or the collective's name, as the dossier will name the nominee. */
  name: string;
  awardCode: string;
}

export const REGISTRATION_STATUSES = ['SUBMITTED', 'ACCEPTED', 'RETURNED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export type RegistrationEvent =
  | {
      type: 'RegistrationSubmitted';
      data: {
        unitCode: string;
        provinceCode: string;
        year: number;
        subjects: RegisteredSubject[];
        deadline: string;
        submittedOn: string;
      };
    }
  | { type: 'RegistrationAccepted'; data: { on: string; note?: string } }
  | { type: 'RegistrationReturned'; data: { on: string; reason: string } };
export type RegistrationCommand =
  | {
      type: 'SubmitRegistration';
      data: { unitCode: string; provinceCode: string; year: number; subjects: RegisteredSubject[] };
    }
  | { type: 'ReviewRegistration'; data: { accept: boolean; reason?: string } };

export const isRegistrationEventType = (type: string): boolean => type.startsWith('Registration');
export type RegistrationEnvelope = Envelope<RegistrationEvent>;

export interface RegistrationState {
  registrationId: string;
  status: RegistrationStatus | 'NEW';
  unitCode?: string;
  provinceCode?: string;
  year?: number;
  deadline?: string;
  subjects: RegisteredSubject[];
  /** The secretariat's reasons for each return, oldest first. */
  returns: { on: string; reason: string }[];
}

export const initialRegistrationState = (registrationId: string): RegistrationState => ({
  registrationId,
  status: 'NEW',
  subjects: [],
  returns: [],
});

/** The last day to register for `year`: the rule's working days counted from 31 December of the year before. */
export const registrationDeadline = (year: number, rule: RegistrationRule, calendar?: HolidayCalendar): string =>
  addWorkingDaysProvisionally(`${year - 1}-12-31`, rule.deadlineWorkingDays, ...(calendar ? [calendar] : [])).date;

const normalise = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

export interface RegistrationContext {
  actor: Actor;
  today: string;
  rule: RegistrationRule;
  calendar?: HolidayCalendar;
}

/** Pure. */
export function decideRegistration(
  state: RegistrationState,
  command: RegistrationCommand,
  ctx: RegistrationContext,
): Decision<RegistrationEvent[]> {
  const { actor, today, rule } = ctx;
  if (command.type === 'SubmitRegistration') {
    const d = command.data;
    if (actor.role !== 'UNIT_CLERK' && actor.role !== 'UNIT_HEAD')
      return refuse(
        reject('FORBIDDEN', 'role.SubmitRegistration', `${actor.role} may not register a unit for emulation titles`),
      );
    if (actor.unitCode !== d.unitCode)
      return refuse(
        reject('FORBIDDEN', 'unit.own-dossiers', 'A unit registers only its own collectives and individuals'),
      );
    if (state.status === 'SUBMITTED' || state.status === 'ACCEPTED')
      return refuse(
        reject(
          'WRONG_STATE',
          'registration.state',
          `The registration for ${d.year} is ${state.status}; it is sent again only after the secretariat returns it`,
        ),
      );
    const deadline = registrationDeadline(d.year, rule, ctx.calendar);
    // A returned registration may be corrected after the deadline: the unit registered on time.
    if (state.status === 'NEW' && today > deadline)
      return refuse(
        reject(
          'RULE_VIOLATION',
          'registration.deadline',
          `Registration for ${d.year} closed on ${deadline} (${rule.deadlineWorkingDays} working days into the year, [U] ${rule.note})`,
          { deadline },
        ),
      );
    if (d.subjects.length === 0)
      return refuse(
        reject('INVALID', 'registration.subjects', 'A registration names at least one collective or individual'),
      );
    const problems = d.subjects.flatMap((s, i) => {
      const award = findAward(s.awardCode);
      if (!s.name.trim()) return [`subjects[${i}]: a name`];
      if (!rule.titles.includes(s.awardCode))
        return [`subjects[${i}]: ${s.awardCode} is not an annual title one registers for (${rule.titles.join(', ')})`];
      if (!award?.subjects.includes(s.kind))
        return [`subjects[${i}]: ${s.awardCode} does not go to a ${s.kind.toLowerCase()}`];
      return [];
    });
    if (problems.length) return refuse(reject('INVALID', 'registration.subjects', problems.join('; ')));
    const keys = d.subjects.map((s) => `${s.awardCode}|${s.kind}|${normalise(s.name)}`);
    if (new Set(keys).size !== keys.length)
      return refuse(reject('INVALID', 'registration.subjects', 'A subject is registered twice for the same title'));
    const subjects = d.subjects.map((s) => ({ kind: s.kind, name: s.name.trim(), awardCode: s.awardCode }));
    return accept([
      {
        type: 'RegistrationSubmitted',
        data: {
          unitCode: d.unitCode,
          provinceCode: d.provinceCode,
          year: d.year,
          subjects,
          deadline,
          submittedOn: today,
        },
      },
    ]);
  }
  if (actor.role !== 'SECRETARIAT_OFFICER' && actor.role !== 'SECRETARIAT_HEAD')
    return refuse(reject('FORBIDDEN', 'role.ReviewRegistration', `${actor.role} may not review registrations`));
  if (state.status !== 'SUBMITTED')
    return refuse(
      reject(
        'WRONG_STATE',
        'registration.state',
        `Only a submitted registration is reviewed; this one is ${state.status}`,
      ),
    );
  const reason = command.data.reason?.trim();
  if (command.data.accept)
    return accept([{ type: 'RegistrationAccepted', data: { on: today, ...(reason ? { note: reason } : {}) } }]);
  if (!reason) return refuse(reject('INVALID', 'registration.return-reason', 'A returned registration says why'));
  return accept([{ type: 'RegistrationReturned', data: { on: today, reason } }]);
}

/** Pure. */
export function evolveRegistration(state: RegistrationState, event: RegistrationEvent): RegistrationState {
  switch (event.type) {
    case 'RegistrationSubmitted': {
      const { unitCode, provinceCode, year, subjects, deadline } = event.data;
      return { ...state, status: 'SUBMITTED', unitCode, provinceCode, year, subjects, deadline };
    }
    case 'RegistrationAccepted':
      return { ...state, status: 'ACCEPTED' };
    case 'RegistrationReturned':
      return { ...state, status: 'RETURNED', returns: [...state.returns, event.data] };
    default:
      return state;
  }
}

export const evolveRegistrationAll = (
  state: RegistrationState,
  events: readonly RegistrationEvent[],
): RegistrationState => events.reduce(evolveRegistration, state);

/** A registered subject as the read model gives it to a dossier's submission (added by the API in enrich()). */
export interface RegistrationEntry extends RegisteredSubject {
  year: number;
  status: RegistrationStatus;
}

/** What eligibility needs to know: whether the nominee is registered (accepted) for the title in the evaluation year. */
export interface RegistrationFinding {
  year: number;
  registered: boolean;
  /** The registration's status when one names the nominee but it is not accepted. */
  pending?: RegistrationStatus;
}

/** Pure: the nominee (kind and name) among the unit's registered subjects for the award and year. */
export function findRegistration(
  entries: readonly RegistrationEntry[],
  nominee: { kind: SubjectKind; fullName: string },
  awardCode: string,
  year: number,
): RegistrationFinding {
  const same = entries.filter(
    (e) =>
      e.year === year &&
      e.awardCode === awardCode &&
      e.kind === nominee.kind &&
      normalise(e.name) === normalise(nominee.fullName),
  );
  if (same.some((e) => e.status === 'ACCEPTED')) return { year, registered: true };
  return same.length ? { year, registered: false, pending: same[0].status } : { year, registered: false };
}
