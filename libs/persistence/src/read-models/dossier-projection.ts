import {
  COUNCIL_REJECTED_REASON,
  STANDING_REVIEW_REJECTED_REASON,
  deadlineAfter,
  progressOf,
  routeOf,
  ruleSetByVersion,
  statusAfter,
  vietnamDate,
  type DossierEvent,
  type DeadlineKind,
  type DossierStatus,
  type Route,
  type StoredEnvelope,
} from '@tdkt/domain';
import { planFromFold, type InMemoryFold } from './rebuild-fold';
import { insertRowsNow, projectByPlan, type RowRead, type RowTable } from './row-batch';
import { DOSSIER_TASK, taskRowsOf, writeDossierTasks } from './dossier-task';

/**
 * One row of dossier_view: the dossier as the board and the inbox read it. Who holds it, what they have to do and the
 * board's stage are the domain's progress table applied to (status, route, overdue appraisal); nothing here
 * re-derives them.
 */
export interface DossierRow {
  id: string;
  award_code: string;
  unit_code: string;
  title: string;
  nominee_name: string;
  nominee_kind: string;
  status: DossierStatus;
  route: Route;
  stage: string;
  held_by: string | null;
  task_kind: string | null;
  rule_set_version: string | null;
  council_members: string[];
  votes_cast: number;
  decision_number: string | null;
  decided_on: string | null;
  reason: string | null;
  deadline: string | null;
  deadline_kind: DeadlineKind | null;
  overdue: boolean;
  paused_remaining_wd: number | null;
  council_session_id: string | null;
  commendation_type: string;
  simplified: boolean;
  round_id: string | null;
  movement_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  last_seq: number;
}
const COLUMNS: readonly (keyof DossierRow)[] = [
  'id',
  'award_code',
  'unit_code',
  'title',
  'nominee_name',
  'nominee_kind',
  'status',
  'route',
  'stage',
  'held_by',
  'task_kind',
  'rule_set_version',
  'council_members',
  'votes_cast',
  'decision_number',
  'decided_on',
  'reason',
  'deadline',
  'deadline_kind',
  'overdue',
  'paused_remaining_wd',
  'council_session_id',
  'commendation_type',
  'simplified',
  'round_id',
  'movement_id',
  'created_by',
  'created_at',
  'updated_at',
  'last_seq',
];

/** What an event changes in a row besides its status, which the domain's status machine gives (`statusAfter`). */
type Changes = Partial<Omit<DossierRow, 'status'>>;
const NO_DEADLINE: Changes = { deadline: null, deadline_kind: null };

/** The holder, task and stage of a row, from the domain's progress table. */
function withProgress(row: DossierRow): DossierRow {
  const { holder, task, stage } = progressOf(row.status, row.route, row.overdue);
  return { ...row, held_by: holder, task_kind: task, stage };
}

/**
 * Where a council vote without quorum sent a dossier back, for the events recorded before they said so (`returnedTo`):
 * the route's usual council step, as far as the row knows it.
 */
const quorumlessReturnsTo = (route: Route): DossierStatus =>
  route === 'GRASSROOTS' ? 'UNIT_REVIEW' : route === 'STATE' ? 'READY_FOR_COUNCIL' : 'APPRAISAL';

/**
 * What one event changes in its dossier's row besides the status (the domain's `statusAfter`) and who holds it (the
 * domain's progress table: see `withProgress`): the read side's own columns, the deadline, the reason, the council.
 */
function changesFor(event: DossierEvent, row: DossierRow, decisionDue: string | null): Changes {
  switch (event.type) {
    case 'DossierCreated':
      return {};
    case 'DossierContentUpdated':
      return event.data.title ? { title: event.data.title } : {};
    case 'DossierSubmitted':
      return { rule_set_version: event.data.ruleSetVersion, reason: null };
    case 'UnitApproved':
      return {};
    case 'AppraisalClockStarted':
      return { deadline: event.data.deadline, deadline_kind: 'APPRAISAL', overdue: false, paused_remaining_wd: null };
    case 'DossierReturned':
      return {
        reason: event.data.reason,
        council_members: [],
        votes_cast: 0,
        overdue: false,
        paused_remaining_wd: null,
        ...NO_DEADLINE,
      };
    case 'SupplementRequested':
      return {
        reason: event.data.reason,
        deadline: event.data.deadline,
        deadline_kind: 'SUPPLEMENT',
      };
    case 'AppraisalClockPaused':
      return { paused_remaining_wd: event.data.remainingWD };
    case 'SupplementProvided':
      // An appraisal that was already overdue stays with the secretariat head (the progress table reads `overdue`).
      return { reason: null };
    case 'AppraisalClockResumed':
      return { deadline: event.data.deadline, deadline_kind: 'APPRAISAL', paused_remaining_wd: null };
    case 'AppraisalDeadlineReminded':
      return {};
    case 'AppraisalOverdue':
      return { overdue: true };
    case 'AppraisalAccepted':
      return { overdue: false, ...NO_DEADLINE };
    case 'CouncilVotingOpened':
      return {
        council_members: event.data.members,
        votes_cast: 0,
        deadline: event.data.deadline ?? null,
        deadline_kind: event.data.deadline ? 'COUNCIL_VOTING' : null,
      };
    case 'ScheduledForCouncil':
      return {
        council_session_id: event.data.sessionId,
        council_members: event.data.members,
        votes_cast: 0,
        overdue: false,
        ...NO_DEADLINE,
      };
    case 'VoteCast':
      return { votes_cast: row.votes_cast + 1 };
    case 'CouncilRetryClockStarted':
      return { deadline: event.data.deadline, deadline_kind: 'COUNCIL_RETRY' };
    case 'CouncilVotingClosed':
      if (!event.data.quorumMet)
        return { reason: 'Council voting closed without quorum', council_members: [], votes_cast: 0, ...NO_DEADLINE };
      return event.data.passed
        ? {
            reason: null,
            deadline: decisionDue,
            deadline_kind: decisionDue ? 'DECISION' : null,
          }
        : { reason: COUNCIL_REJECTED_REASON, ...NO_DEADLINE };
    case 'DossierAwarded':
      return {
        decision_number: event.data.decision.number,
        decided_on: event.data.decision.signedOn,
        ...NO_DEADLINE,
      };
    case 'DossierRejected':
      return { reason: event.data.reason, ...NO_DEADLINE };
    case 'DossierWithdrawn':
      return { reason: event.data.reason, ...NO_DEADLINE };
    case 'PublicPostingOpened':
      return {
        overdue: false,
        deadline: event.data.deadline,
        deadline_kind: 'PUBLIC_POSTING',
        paused_remaining_wd: null,
      };
    case 'ObjectionRecorded':
      return {};
    case 'PublicPostingClosed':
      return NO_DEADLINE;
    case 'ObjectionReviewRecorded':
      return {};
    case 'ProposalSigned':
      return { reason: null, ...NO_DEADLINE };
    case 'CentralStageOpened':
      return {};
    case 'HiepYRecorded':
      return {};
    case 'CentralSupplementRequested':
      return { reason: event.data.reason };
    case 'CentralSupplementProvided':
      return { reason: null };
    case 'CentralAppraisalAccepted':
      return event.data.consultation
        ? {
            deadline: event.data.consultation.deadline,
            deadline_kind: 'CENTRAL_PUBLIC_CONSULTATION',
          }
        : {};
    case 'CentralConsultationClosed':
      return NO_DEADLINE;
    case 'StandingReviewRecorded':
      if (!event.data.quorumMet) return {};
      return event.data.passed ? {} : { reason: STANDING_REVIEW_REJECTED_REASON };
    case 'ProposedToPresident':
      return {};
    case 'AwardRevoked':
      return { reason: event.data.reason, ...NO_DEADLINE };
    case 'RecoveryTasksOpened':
      return {};
    case 'RecoveryRecorded':
      return {};
    case 'RecoveryCompleted':
      return {};
  }
}

/**
 * The row after one event: created by DossierCreated, changed by every later event of its stream; undefined for an
 * event of a dossier whose creation is not in the read model. Pure, so the live append and a rebuild fold the same
 * events to the same rows.
 */
export function dossierRowAfter(row: DossierRow | undefined, e: StoredEnvelope): DossierRow | undefined {
  const event = { type: e.type, data: e.data } as DossierEvent;
  if (event.type === 'DossierCreated') {
    const d = event.data;
    return withProgress({
      id: e.streamId,
      award_code: d.awardCode,
      unit_code: d.unitCode,
      title: d.title,
      nominee_name: d.nominee.fullName,
      nominee_kind: d.nominee.kind,
      status: 'DRAFT',
      route: routeOf(d.awardCode) ?? 'PROVINCIAL',
      stage: '',
      held_by: null,
      task_kind: null,
      rule_set_version: null,
      council_members: [],
      votes_cast: 0,
      decision_number: null,
      decided_on: null,
      reason: null,
      deadline: null,
      deadline_kind: null,
      overdue: false,
      paused_remaining_wd: null,
      council_session_id: null,
      commendation_type: d.commendationType ?? 'PERIODIC',
      simplified: d.simplified === true,
      round_id: d.roundId ?? null,
      movement_id: d.movementId ?? d.roundId ?? null,
      created_by: e.actorId,
      created_at: e.occurredAt,
      updated_at: e.occurredAt,
      last_seq: e.seq,
    });
  }
  if (!row) return undefined;
  const decisionDue = event.type === 'CouncilVotingClosed' && event.data.passed ? decisionDeadline(e) : null;
  const status = statusAfter(row.status, event, () => quorumlessReturnsTo(row.route));
  return withProgress({
    ...row,
    ...changesFor(event, row, decisionDue),
    status,
    updated_at: e.occurredAt,
    last_seq: e.seq,
  });
}

/** A stored row as the fold reads it (timestamps as ISO strings). */
const fromStored = (r: DossierRow): DossierRow => ({
  ...r,
  created_at: new Date(r.created_at).toISOString(),
  updated_at: new Date(r.updated_at).toISOString(),
});

const DOSSIER_VIEW: RowTable = { name: 'dossier_view', columns: COLUMNS, key: ['id'], owner: 'id' };

/** The rows a batch reads: the dossiers' dossier_view rows. */
const readsOf = (ids: readonly string[]): RowRead[] => [{ table: DOSSIER_VIEW, owners: ids }];

/** The rows of `ids` from what the batch read (a dossier without a row: undefined), as the fold takes them. */
function dossierRowsOf(
  ids: readonly string[],
  [read]: readonly (readonly unknown[])[],
): Map<string, DossierRow | undefined> {
  const rows = new Map<string, DossierRow | undefined>(ids.map((id) => [id, undefined]));
  for (const r of read as DossierRow[]) rows.set(r.id, fromStored(r));
  return rows;
}

/**
 * The board as a rebuild folds it: `dossierRowAfter` over each dossier, in memory (see `InMemoryFold`); its counts are
 * the rows written, counted by the same key as the live deltas (`countKeyOf`), written once at the end.
 */
export const dossierViewInMemory: InMemoryFold<DossierRow | undefined> = {
  reads: { has: () => true },
  ownerOf: (e) => e.streamId,
  initial: () => undefined,
  step: (row, e) => dossierRowAfter(row, e) ?? row,
  creation: 'DossierCreated',
  readsOf,
  statesOf: dossierRowsOf,
  tables: [
    { table: DOSSIER_VIEW, rowsOf: (row) => (row ? [row] : []) },
    { table: DOSSIER_TASK, rowsOf: (row) => (row ? taskRowsOf(row) : []) },
  ],
  totals: () => {
    const counts = new Map<string, CountKey & { n: number }>();
    return {
      tables: ['dossier_count'],
      add: (row, sign) => {
        if (!row) return;
        const key = countKeyOf(row);
        const id = JSON.stringify(COUNT_KEY.map((k) => key[k]));
        const c = counts.get(id) ?? counts.set(id, { ...key, n: 0 }).get(id)!;
        c.n += sign;
      },
      write: (m) =>
        insertRowsNow(
          m,
          { name: 'dossier_count', columns: [...COUNT_KEY, 'n'], key: COUNT_KEY, owner: 'status' },
          [...counts.values()].filter((c) => c.n !== 0),
        ),
    };
  },
};

/**
 * The dossier read model as a projection over a batch of events (one command's in the append transaction, a page of
 * the event table in a rebuild): the touched rows are read once, the events folded in memory with `dossierRowAfter`,
 * and the rows written back with the counts they move (the combinations left at zero deleted after, only then).
 */
export const planDossierViews = planFromFold(dossierViewInMemory, (loaded, folded, s) => {
  const changed = [...folded.values()].filter((r): r is DossierRow => r !== undefined);
  if (changed.length === 0) return;
  const stored = new Map([...loaded].filter((entry): entry is [string, DossierRow] => entry[1] !== undefined));
  const deltas = countDeltas(stored, changed);
  const list = COLUMNS.join(', ');
  const key = COUNT_KEY.join(', ');
  s.cte(
    `INSERT INTO dossier_view (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::dossier_view, ${s.param(JSON.stringify(changed))}::jsonb)
         ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id')
           .map((c) => `${c} = EXCLUDED.${c}`)
           .join(', ')}`,
  );
  // Their inbox tasks (dossier-task.ts), in the same statement.
  writeDossierTasks(s, changed);
  if (deltas.length === 0) return;
  // Deltas in key order, so two appends lock shared counters in the same order.
  const counts = s.cte(
    `INSERT INTO dossier_count (${key}, n) SELECT ${key}, n FROM ${deltasIn(s.param(JSON.stringify(deltas)))} ORDER BY ${key}
         ON CONFLICT (${key}) DO UPDATE SET n = dossier_count.n + EXCLUDED.n RETURNING n`,
  );
  const emptied = s.flag(`EXISTS (SELECT 1 FROM ${counts} WHERE n = 0)`);
  return async (m, flags) => {
    if (flags[emptied])
      await m.query(`DELETE FROM dossier_count WHERE n = 0 AND (${key}) IN (SELECT ${key} FROM ${deltasIn('$1')})`, [
        JSON.stringify(deltas),
      ]);
  };
});
export const projectDossierViews = projectByPlan(planDossierViews);

/** The columns of dossier_count: the board's count filters that are plain columns of the row. */
const COUNT_KEY = ['status', 'unit_code', 'award_code', 'commendation_type', 'held_by', 'overdue'] as const;
type CountKey = Record<(typeof COUNT_KEY)[number], string | boolean>;
const countKeyOf = (r: DossierRow): CountKey => ({
  status: r.status,
  unit_code: r.unit_code,
  award_code: r.award_code,
  commendation_type: r.commendation_type,
  held_by: r.held_by ?? '',
  overdue: r.overdue,
});

/** What a batch moves between count combinations: -1 where a dossier was, +1 where it is (net, zeros dropped). */
export function countDeltas(
  before: ReadonlyMap<string, DossierRow>,
  after: readonly DossierRow[],
): (CountKey & { n: number })[] {
  const deltas = new Map<string, CountKey & { n: number }>();
  const add = (row: DossierRow, n: number) => {
    const key = countKeyOf(row);
    const id = JSON.stringify(COUNT_KEY.map((k) => key[k]));
    const d = deltas.get(id) ?? deltas.set(id, { ...key, n: 0 }).get(id)!;
    d.n += n;
  };
  for (const row of after) {
    const was = before.get(row.id);
    if (was) add(was, -1);
    add(row, +1);
  }
  return [...deltas.entries()]
    .filter(([, d]) => d.n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

/** The count deltas of a batch as rows, from the statement's parameter `param`. */
const deltasIn = (param: string) =>
  `jsonb_to_recordset(${param}::jsonb) AS d(status text, unit_code text, award_code text, commendation_type text, held_by text, overdue boolean, n integer)`;

/** The decider's deadline: the rule set's decision working days after the council's result (weekends only past the calendar). */
function decisionDeadline(e: StoredEnvelope): string | null {
  // A province's override ("<version>@<province>") is read with its shipped base here: the snapshot lives in the
  // DossierSubmitted event, not in this row. The workflow's own deadlines use the snapshot.
  const ruleSet = ruleSetByVersion((e.ruleSetVersion ?? '').split('@')[0]);
  if (!ruleSet) return null;
  return deadlineAfter(vietnamDate(Date.parse(e.occurredAt)), ruleSet.deadlines.decisionWD).date;
}
