/**
 * The domain's progress table: for every status of a dossier on every route, who holds it, what they have to do, and
 * the coarse stage the board shows. The read models store these three values and the board and the task inbox filter
 * on them, so adding a route step means adding a row here; nothing in persistence re-derives them.
 */
import { ROUTES, type Route } from '../award/catalog';
import type { Role } from '../shared/actor';
import { DOSSIER_STATUSES, type DossierStatus } from './types';

/** Where a dossier is on the route, coarser than its status: the board's "stage" column. */
export const STAGES = ['UNIT', 'APPRAISAL', 'COUNCIL', 'DECISION', 'REVOCATION', 'CLOSED'] as const;
export type Stage = (typeof STAGES)[number];

/** What the holder has to do. A stage that waits on a clock or on another body (public posting, the centre's intake) has none. */
export const TASK_KINDS = [
  'SUBMIT',
  'REVIEW',
  'APPRAISE',
  'ANSWER_SUPPLEMENT',
  'VOTE',
  'DECIDE',
  'HANDLE_OVERDUE',
  'RECOVER',
  'REVIEW_OBJECTIONS',
  'PUT_TO_COUNCIL',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Who holds a dossier: a role, or the council as a body. */
export const HOLDERS = [
  'UNIT_CLERK',
  'UNIT_HEAD',
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'COUNCIL',
  'PROVINCIAL_DECIDER',
  'CENTRAL_APPRAISER',
  'CENTRAL_DECIDER',
] as const;
export type Holder = (typeof HOLDERS)[number];

export interface Progress {
  stage: Stage;
  /** Who must act next; null once the dossier is final. */
  holder: Holder | null;
  /** What the holder has to do; null while the dossier waits (or is final). */
  task: TaskKind | null;
}

const at = (stage: Stage, holder: Holder | null = null, task: TaskKind | null = null): Progress => ({
  stage,
  holder,
  task,
});
const FINAL = at('CLOSED');

/**
 * The table, total over (status × route × overdue appraisal). A grassroots award stays with its unit: the unit head
 * signs its decision and the unit clerk recovers it after a revocation.
 */
const PROGRESS: Record<DossierStatus, (route: Route, overdue: boolean) => Progress> = {
  NEW: () => at('UNIT'),
  DRAFT: () => at('UNIT', 'UNIT_CLERK', 'SUBMIT'),
  RETURNED: () => at('UNIT', 'UNIT_CLERK', 'SUBMIT'),
  UNIT_REVIEW: () => at('UNIT', 'UNIT_HEAD', 'REVIEW'),
  APPRAISAL: (_, overdue) =>
    overdue
      ? at('APPRAISAL', 'SECRETARIAT_HEAD', 'HANDLE_OVERDUE')
      : at('APPRAISAL', 'SECRETARIAT_OFFICER', 'APPRAISE'),
  SUPPLEMENT_REQUESTED: () => at('APPRAISAL', 'UNIT_CLERK', 'ANSWER_SUPPLEMENT'),
  PUBLIC_POSTING: () => at('APPRAISAL', 'SECRETARIAT_OFFICER'),
  COMPLAINT_REVIEW: () => at('APPRAISAL', 'SECRETARIAT_OFFICER', 'REVIEW_OBJECTIONS'),
  READY_FOR_COUNCIL: () => at('COUNCIL', 'SECRETARIAT_OFFICER', 'PUT_TO_COUNCIL'),
  COUNCIL_VOTING: () => at('COUNCIL', 'COUNCIL', 'VOTE'),
  AWAITING_DECISION: (route) => at('DECISION', route === 'GRASSROOTS' ? 'UNIT_HEAD' : 'PROVINCIAL_DECIDER', 'DECIDE'),
  // The central stage of a state-level award: awaiting the centre's decision.
  FORWARDED_TO_CENTRE: () => at('DECISION', 'CENTRAL_APPRAISER'),
  MOHA_APPRAISAL: () => at('DECISION', 'CENTRAL_APPRAISER', 'APPRAISE'),
  CENTRAL_SUPPLEMENT_REQUESTED: () => at('DECISION', 'SECRETARIAT_OFFICER', 'ANSWER_SUPPLEMENT'),
  MOHA_PUBLIC_CONSULTATION: () => at('DECISION', 'CENTRAL_APPRAISER'),
  CENTRAL_COUNCIL_STANDING_REVIEW: () => at('DECISION', 'CENTRAL_DECIDER', 'DECIDE'),
  SUBMITTED_TO_PM: () => at('DECISION', 'CENTRAL_DECIDER', 'DECIDE'),
  SUBMITTED_TO_PRESIDENT: () => at('DECISION', 'CENTRAL_DECIDER', 'DECIDE'),
  AWARDED: () => FINAL,
  REJECTED: () => FINAL,
  WITHDRAWN: () => FINAL,
  // A revoked award waits for its recovery tasks to be opened, then its holder records what was recovered.
  REVOKED: (route) => at('REVOCATION', route === 'GRASSROOTS' ? 'UNIT_CLERK' : 'SECRETARIAT_OFFICER'),
  RECOVERY_PENDING: (route) =>
    at('REVOCATION', route === 'GRASSROOTS' ? 'UNIT_CLERK' : 'SECRETARIAT_OFFICER', 'RECOVER'),
  CLOSED: () => FINAL,
};

/** Where a dossier in `status` stands on `route`; `overdue`: its appraisal clock has run out. */
export function progressOf(status: DossierStatus, route: Route = 'PROVINCIAL', overdue = false): Progress {
  return PROGRESS[status](route, overdue);
}

/** Every (status, route, overdue) the table answers, with its answer: what a read model's backfill or a check iterates. */
export function progressTable(): { status: DossierStatus; route: Route; overdue: boolean; progress: Progress }[] {
  return DOSSIER_STATUSES.flatMap((status) =>
    ROUTES.flatMap((route) =>
      [false, true].map((overdue) => ({ status, route, overdue, progress: progressOf(status, route, overdue) })),
    ),
  );
}

/**
 * Whose tasks each role takes, as a filter over the stored holder and task: the holders it stands in for, the task
 * kinds it does, and how its rows are scoped (its own unit, the whole province, or the ballots it has still to cast).
 * The secretariat head takes the officers' work besides overdue appraisals, but not the recovery of revoked awards.
 */
export interface Inbox {
  holders: readonly Holder[];
  tasks: readonly TaskKind[];
  scope: 'UNIT' | 'PROVINCE' | 'BALLOT';
}

export const INBOX: Partial<Record<Role, Inbox>> = {
  UNIT_CLERK: { holders: ['UNIT_CLERK'], tasks: ['SUBMIT', 'ANSWER_SUPPLEMENT', 'RECOVER'], scope: 'UNIT' },
  UNIT_HEAD: { holders: ['UNIT_HEAD'], tasks: ['REVIEW', 'DECIDE'], scope: 'UNIT' },
  SECRETARIAT_OFFICER: {
    holders: ['SECRETARIAT_OFFICER'],
    tasks: ['APPRAISE', 'RECOVER', 'REVIEW_OBJECTIONS', 'PUT_TO_COUNCIL', 'ANSWER_SUPPLEMENT'],
    scope: 'PROVINCE',
  },
  SECRETARIAT_HEAD: {
    holders: ['SECRETARIAT_HEAD', 'SECRETARIAT_OFFICER'],
    tasks: ['APPRAISE', 'HANDLE_OVERDUE', 'REVIEW_OBJECTIONS', 'PUT_TO_COUNCIL', 'ANSWER_SUPPLEMENT'],
    scope: 'PROVINCE',
  },
  CENTRAL_APPRAISER: { holders: ['CENTRAL_APPRAISER'], tasks: ['APPRAISE'], scope: 'PROVINCE' },
  CENTRAL_DECIDER: { holders: ['CENTRAL_DECIDER'], tasks: ['DECIDE'], scope: 'PROVINCE' },
  COUNCIL_MEMBER: { holders: ['COUNCIL'], tasks: ['VOTE'], scope: 'BALLOT' },
  COUNCIL_CHAIR: { holders: ['COUNCIL'], tasks: ['VOTE'], scope: 'BALLOT' },
  PROVINCIAL_DECIDER: { holders: ['PROVINCIAL_DECIDER'], tasks: ['DECIDE'], scope: 'PROVINCE' },
};

/**
 * Which workflow takes a command on a dossier in `status`: the dossier's own, the central stage's (a state-level
 * award at the centre), or, from the award on, the revocation's; null where no command applies any more (rejected,
 * withdrawn, closed). One place, so the API's routing, the revocation gate and the revocation workflow agree.
 */
export type CommandTarget = 'DOSSIER' | 'CENTRAL' | 'REVOCATION';
export function commandTargetOf(status: DossierStatus): CommandTarget | null {
  switch (status) {
    case 'MOHA_APPRAISAL':
    case 'CENTRAL_SUPPLEMENT_REQUESTED':
    case 'MOHA_PUBLIC_CONSULTATION':
    case 'CENTRAL_COUNCIL_STANDING_REVIEW':
    case 'SUBMITTED_TO_PM':
    case 'SUBMITTED_TO_PRESIDENT':
      return 'CENTRAL';
    case 'AWARDED':
    case 'REVOKED':
    case 'RECOVERY_PENDING':
      return 'REVOCATION';
    case 'REJECTED':
    case 'WITHDRAWN':
    case 'CLOSED':
      return null;
    default:
      return 'DOSSIER';
  }
}

/** Whether a revocation command can reach its workflow: recording a recovery needs the award revoked first. */
export function revocationReaches(command: 'RevokeAward' | 'RecordRecovery', status: DossierStatus): boolean {
  return commandTargetOf(status) === 'REVOCATION' && (command === 'RevokeAward' || status !== 'AWARDED');
}
