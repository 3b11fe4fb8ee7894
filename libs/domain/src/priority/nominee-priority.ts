/**
 * Priority and fairness (Luật Thi đua, khen thưởng 2022 Điều 5: "chính xác, công khai, minh bạch, công bằng, kịp
 * thời"; Điều 5(2)… priority to those who work directly at the grassroots): optional, minimal facts about a nominee so
 * the province can show whether its priorities were kept — occupation group, gender, ethnic minority, area class.
 * "Works directly at the grassroots" already lives on the nominee (directWorker).
 *
 * None of them is mandatory, none decides anything: they feed reports only. They are their own stream per dossier
 * (events start with "NomineePriority"), written by the API (no workflow): so they never travel in a Temporal
 * payload, search attribute or log, and the dossier's own stream and read model stay untouched.
 */
import type { Actor } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { Envelope } from '../shared/envelope';

/** Nhóm nghề nghiệp: the groups the reports count (worker, farmer, teacher …). */
export const OCCUPATION_GROUPS = [
  'WORKER',
  'FARMER',
  'TEACHER',
  'HEALTH_WORKER',
  'SCIENTIST',
  'ARMED_FORCES',
  'CIVIL_SERVANT',
  'BUSINESS_OWNER',
  'OTHER',
] as const;
export type OccupationGroup = (typeof OCCUPATION_GROUPS)[number];
export const GENDERS = ['FEMALE', 'MALE'] as const;
export type Gender = (typeof GENDERS)[number];
/** Khu vực: biên giới, hải đảo, đặc biệt khó khăn; NONE when the nominee works in none of them. */
export const AREA_CLASSES = ['BORDER', 'ISLAND', 'ESPECIALLY_DIFFICULT', 'NONE'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];

export interface NomineePriority {
  occupationGroup?: OccupationGroup;
  /** A person only. */
  gender?: Gender;
  /** A person only: belongs to an ethnic minority (dân tộc thiểu số). */
  ethnicMinority?: boolean;
  areaClass?: AreaClass;
}

export type NomineePriorityEvent = {
  type: 'NomineePriorityRecorded';
  data: { dossierId: string; priority: NomineePriority; recordedOn: string };
};
export const isNomineePriorityEventType = (type: string): boolean => type.startsWith('NomineePriority');
export type NomineePriorityEnvelope = Envelope<NomineePriorityEvent>;

export interface NomineePriorityState {
  dossierId: string;
  priority?: NomineePriority;
}

/** What the decision needs to know of the dossier: its unit, the nominee's kind. */
export interface PriorityDossierFacts {
  dossierId: string;
  unitCode: string;
  nomineeKind: string;
}

/** Keeps only the fields given: an absent field is "not recorded", never a default. */
const present = (p: NomineePriority): NomineePriority => ({
  ...(p.occupationGroup !== undefined ? { occupationGroup: p.occupationGroup } : {}),
  ...(p.gender !== undefined ? { gender: p.gender } : {}),
  ...(p.ethnicMinority !== undefined ? { ethnicMinority: p.ethnicMinority } : {}),
  ...(p.areaClass !== undefined ? { areaClass: p.areaClass } : {}),
});

/**
 * Pure: the dossier's unit (clerk or head) or the secretariat records the priority facts, replacing what was recorded
 * (a PUT). Gender and ethnic minority describe a person: refused for a collective or household.
 */
export function decideNomineePriority(
  state: NomineePriorityState,
  priority: NomineePriority,
  ctx: { actor: Actor; today: string; dossier: PriorityDossierFacts },
): Decision<NomineePriorityEvent[]> {
  const { actor, dossier } = ctx;
  const secretariat = actor.role === 'SECRETARIAT_OFFICER' || actor.role === 'SECRETARIAT_HEAD';
  const ownUnit = (actor.role === 'UNIT_CLERK' || actor.role === 'UNIT_HEAD') && actor.unitCode === dossier.unitCode;
  if (!secretariat && !ownUnit)
    return refuse(
      reject(
        'FORBIDDEN',
        'role.RecordNomineePriority',
        "Only the dossier's unit (clerk or head) or the secretariat records the nominee's priority facts",
      ),
    );
  const p = present(priority);
  if (p.occupationGroup !== undefined && !OCCUPATION_GROUPS.includes(p.occupationGroup))
    return refuse(
      reject('INVALID', 'priority.occupation-group', `occupationGroup is one of ${OCCUPATION_GROUPS.join(', ')}`),
    );
  if (p.gender !== undefined && !GENDERS.includes(p.gender))
    return refuse(reject('INVALID', 'priority.gender', `gender is one of ${GENDERS.join(', ')}`));
  if (p.areaClass !== undefined && !AREA_CLASSES.includes(p.areaClass))
    return refuse(reject('INVALID', 'priority.area-class', `areaClass is one of ${AREA_CLASSES.join(', ')}`));
  if (dossier.nomineeKind !== 'INDIVIDUAL' && (p.gender !== undefined || p.ethnicMinority !== undefined))
    return refuse(
      reject(
        'INVALID',
        'priority.person-only',
        'Gender and ethnic minority describe a person; this nominee is a collective',
      ),
    );
  if (state.priority && JSON.stringify(present(state.priority)) === JSON.stringify(p)) return accept([]);
  return accept([
    { type: 'NomineePriorityRecorded', data: { dossierId: dossier.dossierId, priority: p, recordedOn: ctx.today } },
  ]);
}

export function evolveNomineePriority(state: NomineePriorityState, event: NomineePriorityEvent): NomineePriorityState {
  return event.type === 'NomineePriorityRecorded' ? { ...state, priority: event.data.priority } : state;
}
