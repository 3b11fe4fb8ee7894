import type { EntityManager } from 'typeorm';
import { deadlineAfter, holderOf, routeOf, ruleSetByVersion, vietnamDate, type DossierEvent, type DossierStatus, type Route, type StoredEnvelope } from '@tdkt/domain';

type Column =
  | 'title'
  | 'status' | 'rule_set_version' | 'council_members' | 'votes_cast' | 'decision_number' | 'decided_on' | 'reason'
  | 'deadline' | 'deadline_kind' | 'held_by' | 'overdue' | 'paused_remaining_wd' | 'council_session_id';
/** A value, or `{ sql }`: an expression over the row's current columns. */
type Changes = Partial<Record<Column, unknown>>;
const sql = (expression: string) => ({ sql: expression });
const isSql = (v: unknown): v is { sql: string } => typeof v === 'object' && v !== null && 'sql' in v;

const withHolder = (status: DossierStatus, c: Changes = {}, overdue = false, route?: Route): Changes => ({ status, held_by: holderOf(status, overdue, route), ...c });
const NO_DEADLINE: Changes = { deadline: null, deadline_kind: null };

/** Events whose holder depends on the dossier's route (a grassroots award stays with its unit). */
const ROUTE_DEPENDENT = new Set<string>(['CouncilVotingClosed', 'AwardRevoked', 'RecoveryTasksOpened']);

/** What one event changes in its dossier's row; `votes_cast: '+1'` increments. */
function changesFor(event: DossierEvent, route: Route, decisionDue: string | null): Changes {
  switch (event.type) {
    case 'DossierCreated':
      return {};
    case 'DossierContentUpdated':
      return event.data.title ? { title: event.data.title } : {};
    case 'DossierSubmitted':
      return withHolder('UNIT_REVIEW', { rule_set_version: event.data.ruleSetVersion, reason: null });
    case 'UnitApproved':
      return withHolder('APPRAISAL');
    case 'AppraisalClockStarted':
      return { deadline: event.data.deadline, deadline_kind: 'APPRAISAL', overdue: false, paused_remaining_wd: null };
    case 'DossierReturned':
      return withHolder('RETURNED', { reason: event.data.reason, council_members: [], votes_cast: 0, overdue: false, paused_remaining_wd: null, ...NO_DEADLINE });
    case 'SupplementRequested':
      return withHolder('SUPPLEMENT_REQUESTED', { reason: event.data.reason, deadline: event.data.deadline, deadline_kind: 'SUPPLEMENT' });
    case 'AppraisalClockPaused':
      return { paused_remaining_wd: event.data.remainingWD };
    case 'SupplementProvided':
      // An appraisal that was already overdue stays with the secretariat head.
      return { status: 'APPRAISAL', reason: null, held_by: sql(`CASE WHEN overdue THEN '${holderOf('APPRAISAL', true)}' ELSE '${holderOf('APPRAISAL')}' END`) };
    case 'AppraisalClockResumed':
      return { deadline: event.data.deadline, deadline_kind: 'APPRAISAL', paused_remaining_wd: null };
    case 'AppraisalDeadlineReminded':
      return {};
    case 'AppraisalOverdue':
      return { overdue: true, held_by: holderOf('APPRAISAL', true) };
    case 'AppraisalAccepted':
      return { overdue: false, ...NO_DEADLINE };
    case 'CouncilVotingOpened':
      return withHolder('COUNCIL_VOTING', { council_members: event.data.members, votes_cast: 0, deadline: event.data.deadline ?? null, deadline_kind: event.data.deadline ? 'COUNCIL_VOTING' : null });
    case 'ScheduledForCouncil':
      return withHolder('COUNCIL_VOTING', { council_session_id: event.data.sessionId, council_members: event.data.members, votes_cast: 0, overdue: false, ...NO_DEADLINE });
    case 'VoteCast':
      return { votes_cast: '+1' };
    case 'CouncilRetryClockStarted':
      return { deadline: event.data.deadline, deadline_kind: 'COUNCIL_RETRY' };
    case 'CouncilVotingClosed':
      // Without quorum the domain names where the dossier goes back (events written before: the route's usual step).
      if (!event.data.quorumMet)
        return withHolder(event.data.returnedTo ?? (route === 'GRASSROOTS' ? 'UNIT_REVIEW' : route === 'STATE' ? 'READY_FOR_COUNCIL' : 'APPRAISAL'), { reason: 'Council voting closed without quorum', council_members: [], votes_cast: 0, ...NO_DEADLINE });
      return event.data.passed ? withHolder('AWAITING_DECISION', { reason: null, deadline: decisionDue, deadline_kind: decisionDue ? 'DECISION' : null }, false, route) : withHolder('REJECTED', { reason: 'Council did not pass the dossier', ...NO_DEADLINE });
    case 'DossierAwarded':
      return withHolder('AWARDED', { decision_number: event.data.decision.number, decided_on: event.data.decision.signedOn, ...NO_DEADLINE });
    case 'DossierRejected':
      return withHolder('REJECTED', { reason: event.data.reason, ...NO_DEADLINE });
    case 'DossierWithdrawn':
      return withHolder('WITHDRAWN', { reason: event.data.reason, ...NO_DEADLINE });
    case 'PublicPostingOpened':
      return withHolder('PUBLIC_POSTING', { overdue: false, deadline: event.data.deadline, deadline_kind: 'PUBLIC_POSTING', paused_remaining_wd: null });
    case 'ObjectionRecorded':
      return {};
    case 'PublicPostingClosed':
      return withHolder(event.data.objections > 0 ? 'COMPLAINT_REVIEW' : 'READY_FOR_COUNCIL', NO_DEADLINE);
    case 'ObjectionReviewRecorded':
      return withHolder('READY_FOR_COUNCIL');
    case 'ProposalSigned':
      return withHolder('FORWARDED_TO_CENTRE', { reason: null, ...NO_DEADLINE });
    case 'CentralStageOpened':
      return withHolder('MOHA_APPRAISAL');
    case 'HiepYRecorded':
      return {};
    case 'CentralSupplementRequested':
      return withHolder('CENTRAL_SUPPLEMENT_REQUESTED', { reason: event.data.reason });
    case 'CentralSupplementProvided':
      return withHolder('MOHA_APPRAISAL', { reason: null });
    case 'CentralAppraisalAccepted':
      return event.data.consultation
        ? withHolder('MOHA_PUBLIC_CONSULTATION', { deadline: event.data.consultation.deadline, deadline_kind: 'CENTRAL_PUBLIC_CONSULTATION' })
        : withHolder('SUBMITTED_TO_PM');
    case 'CentralConsultationClosed':
      return withHolder('CENTRAL_COUNCIL_STANDING_REVIEW', NO_DEADLINE);
    case 'StandingReviewRecorded':
      if (!event.data.quorumMet) return {};
      return event.data.passed ? withHolder('SUBMITTED_TO_PM') : withHolder('REJECTED', { reason: 'The Central Council standing committee did not pass the dossier' });
    case 'ProposedToPresident':
      return withHolder('SUBMITTED_TO_PRESIDENT');
    case 'AwardRevoked':
      return withHolder('REVOKED', { reason: event.data.reason, ...NO_DEADLINE }, false, route);
    case 'RecoveryTasksOpened':
      return withHolder('RECOVERY_PENDING', {}, false, route);
    case 'RecoveryRecorded':
      return {};
    case 'RecoveryCompleted':
      return withHolder('CLOSED');
  }
}

/**
 * The dossier read model as a projection: one event in, the row changed. The same function runs inline in the
 * append transaction and in a rebuild, so rebuilt rows equal live ones.
 */
export async function projectDossierView(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as DossierEvent;
  if (event.type === 'DossierCreated') {
    const d = event.data;
    await m.query(
      `INSERT INTO dossier_view (id, award_code, unit_code, title, nominee_name, nominee_kind, status, held_by, created_by, created_at, updated_at, last_seq, commendation_type, simplified, round_id, movement_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'DRAFT', $7, $8, $9, $9, $10, $11, $12, $13, $14)`,
      [e.dossierId, d.awardCode, d.unitCode, d.title, d.nominee.fullName, d.nominee.kind, holderOf('DRAFT'), e.actorId, e.occurredAt, e.seq, d.commendationType ?? 'PERIODIC', d.simplified === true, d.roundId ?? null, d.movementId ?? d.roundId ?? null],
    );
    return;
  }
  const route = ROUTE_DEPENDENT.has(event.type) ? await routeOfRow(m, e.dossierId) : 'PROVINCIAL';
  const params: unknown[] = [e.dossierId, e.occurredAt, e.seq];
  const sets = Object.entries(changesFor(event, route, event.type === 'CouncilVotingClosed' && event.data.passed ? decisionDeadline(e) : null)).map(([column, value]) => {
    if (value === '+1') return `${column} = ${column} + 1`;
    if (isSql(value)) return `${column} = ${value.sql}`;
    params.push(value);
    return `${column} = $${params.length}`;
  });
  await m.query(`UPDATE dossier_view SET ${[...sets, 'updated_at = $2', 'last_seq = $3'].join(', ')} WHERE id = $1`, params);
}

/** The decider's deadline: the rule set's decision working days after the council's result (weekends only past the calendar). */
function decisionDeadline(e: StoredEnvelope): string | null {
  // A province's override ("<version>@<province>") is read with its shipped base here: the snapshot lives in the
  // DossierSubmitted event, not in this row. The workflow's own deadlines use the snapshot.
  const ruleSet = ruleSetByVersion((e.ruleSetVersion ?? '').split('@')[0]);
  if (!ruleSet) return null;
  return deadlineAfter(vietnamDate(Date.parse(e.occurredAt)), ruleSet.deadlines.decisionWD).date;
}

/** The route of a dossier already in the read model, from its award code and the catalog. */
async function routeOfRow(m: EntityManager, dossierId: string): Promise<Route> {
  const [row] = (await m.query(`SELECT award_code FROM dossier_view WHERE id = $1`, [dossierId])) as { award_code: string }[];
  return (row && routeOf(row.award_code)) ?? 'PROVINCIAL';
}
