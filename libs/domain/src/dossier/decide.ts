import { findAward } from '../award/catalog';
import { tally } from '../council/tally';
import { castVoteRefusal, perDossierVotingRefusal } from '../council/secret-ballot';
import {
  appraisalWDFor,
  councilRuleFor,
  ruleSetInForce,
  vietnamDate,
  ruleSetOf,
  lawVersionOf,
} from '../rule-set/select';
import type { ActorRole } from '../shared/actor';
import { deadlineAfter, provisionalFlag, remainingWorkingDays } from './deadlines';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import { checkDossierParts } from '../eligibility/dossier-parts';
import { assessEligibility } from '../eligibility/eligibility';
import type { ReceivedAward } from '../eligibility/history';
import type { DossierCommand } from './commands';
import type { DossierEvent } from './events';
import { inState, wrongState } from './refusals';
import { decideRecordRecovery, decideRevokeAward } from './revocation';
import { stateRouteHandlers } from './state-route';
import { councilStepOf, DECIDER_ROLE, routeOf } from './route';
import { type CommandContext, type DossierState, type DossierStatus } from './types';
import { checkVariantAtSubmission, checkVariantClaims } from './variants';
import { closeCouncil } from './obligation';
import type { BlockStanding } from '../emulation/standing';
import { findRegistration } from '../registration/registration';

/** The block standing of the evaluation year among those the API supplied (none: the eligibility warning stays). */
const blockStandingOf = (
  standings: readonly BlockStanding[] | undefined,
  year: number,
): { blockStanding?: BlockStanding } => {
  const standing = standings?.find((s) => s.year === year);
  return standing ? { blockStanding: standing } : {};
};

type Handler<C extends DossierCommand> = (
  state: DossierState,
  command: C,
  ctx: CommandContext,
) => Decision<DossierEvent[]>;
type Handlers = { [T in DossierCommand['type']]: Handler<Extract<DossierCommand, { type: T }>> };

/** Who may issue each command. The unit roles also need the dossier's own unit (checked in sameUnit). */
const ALLOWED: Record<DossierCommand['type'], readonly ActorRole[]> = {
  CreateDossier: ['UNIT_CLERK'],
  UpdateDossierContent: ['UNIT_CLERK'],
  SubmitDossier: ['UNIT_CLERK'],
  ApproveAtUnit: ['UNIT_HEAD'],
  ReturnDossier: ['UNIT_HEAD', 'SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  AcceptAppraisal: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  CastVote: ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
  // Which decider signs is the award's (DECIDER_ROLE): the chairman for provincial awards, the unit head for grassroots.
  // At the centre the Prime Minister or the President decides through the central decider role (decidedBy says whose).
  DecideDossier: ['PROVINCIAL_DECIDER', 'UNIT_HEAD', 'CENTRAL_DECIDER'],
  WithdrawDossier: ['UNIT_CLERK', 'UNIT_HEAD'],
  RequestSupplement: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  ScheduleForCouncil: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  RecordCouncilResult: ['SYSTEM'],
  ProvideSupplement: ['UNIT_CLERK'],
  ExpireSupplement: ['SYSTEM'],
  RemindAppraisalDeadline: ['SYSTEM'],
  EscalateOverdueAppraisal: ['SYSTEM'],
  CloseCouncilVoting: ['SYSTEM'],
  OpenUnitCouncilVoting: ['UNIT_HEAD'],
  OpenPublicPosting: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  RecordObjection: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  RecordObjectionReview: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  ClosePublicPosting: ['SYSTEM'],
  SignProposal: ['PROVINCIAL_DECIDER'],
  OpenCentralStage: ['SYSTEM'],
  RecordHiepY: ['CENTRAL_APPRAISER'],
  CentralAppraise: ['CENTRAL_APPRAISER'],
  ProvideCentralSupplement: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  CloseCentralConsultation: ['SYSTEM'],
  RecordStandingReview: ['CENTRAL_DECIDER'],
  ProposeToPresident: ['CENTRAL_DECIDER'],
  // Narrowed by route in revocation.ts (REVOCATION_ROLES).
  RevokeAward: ['SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'UNIT_HEAD'],
  RecordRecovery: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'UNIT_HEAD', 'UNIT_CLERK'],
};
const UNIT_ROLES: readonly ActorRole[] = ['UNIT_CLERK', 'UNIT_HEAD'];

/** Recorded awards first; a declared award is added unless the same award for the same year is already recorded. */
function mergeAwards(recorded: readonly ReceivedAward[], declared: readonly ReceivedAward[]): ReceivedAward[] {
  const known = new Set(recorded.map((a) => `${a.awardCode}:${a.year}`));
  return [...recorded, ...declared.filter((a) => !known.has(`${a.awardCode}:${a.year}`))];
}

/** A command that belongs to another route than the dossier's (the route comes from the award catalog). */
const otherRoute = (state: DossierState, command: string, expected: string) =>
  refuse<DossierEvent[]>(
    reject(
      'RULE_VIOLATION',
      `route.${command}`,
      `${command} belongs to the ${expected.toLowerCase()} route; this dossier's award ${state.awardCode} travels the ${routeOf(state.awardCode)?.toLowerCase() ?? 'unknown'} route`,
    ),
  );

/** Before the chairman signs or the centre takes the dossier, its unit may still withdraw it. */
const WITHDRAWABLE: DossierStatus[] = [
  'DRAFT',
  'UNIT_REVIEW',
  'APPRAISAL',
  'SUPPLEMENT_REQUESTED',
  'COUNCIL_VOTING',
  'RETURNED',
  'PUBLIC_POSTING',
  'COMPLAINT_REVIEW',
  'READY_FOR_COUNCIL',
];

const councilFrom = (state: DossierState): DossierStatus => councilStepOf(state);

/** The objections received during the posting and the secretariat's review, carried to the council (rule 23). */
const reviewForCouncil = (state: DossierState) =>
  state.posting?.review ? { objectionReview: state.posting.review } : {};

const handlers: Handlers = {
  CreateDossier(state, { data }, { actor, now }) {
    if (!inState(state, 'NEW')) return wrongState(state, 'CreateDossier', ['NEW']);
    const award = findAward(data.awardCode);
    if (!award) return refuse(reject('INVALID', 'award.known', `Unknown award code ${data.awardCode}`));
    if (!award.subjects.includes(data.nominee.kind))
      return refuse(
        reject(
          'RULE_VIOLATION',
          'award.subject-kind',
          `${award.nameVi} cannot be given to a ${data.nominee.kind.toLowerCase()}`,
          { allowed: award.subjects },
        ),
      );
    if (actor.unitCode !== data.unitCode)
      return refuse(
        reject('FORBIDDEN', 'unit.own-dossiers', 'A unit clerk can only create dossiers for their own unit'),
      );
    const variant = checkVariantClaims(data, vietnamDate(now));
    if (variant) return refuse(variant);
    return accept([{ type: 'DossierCreated', data }]);
  },
  UpdateDossierContent(state, { data }) {
    if (!inState(state, 'DRAFT', 'RETURNED', 'SUPPLEMENT_REQUESTED'))
      return wrongState(state, 'UpdateDossierContent', ['DRAFT', 'RETURNED', 'SUPPLEMENT_REQUESTED']);
    if (!data.title && !data.achievements && !data.record && !data.parts)
      return refuse(reject('INVALID', 'content.something-to-change', 'Nothing to change'));
    return accept([{ type: 'DossierContentUpdated', data }]);
  },
  SubmitDossier(state, { data }, { now, legacySubmission }) {
    if (!inState(state, 'DRAFT', 'RETURNED')) return wrongState(state, 'SubmitDossier', ['DRAFT', 'RETURNED']);
    const today = vietnamDate(now);
    // Bound at the first submission and kept for life: the province's effective rule set when it has one (the API
    // resolves it from the province's file), else the shipped one in force.
    const inForce = ruleSetInForce(today);
    const ruleSet = state.ruleSetVersion ? ruleSetOf(state) : (data.ruleSet ?? inForce);
    if (!ruleSet) return refuse(reject('RULE_VIOLATION', 'rule-set.in-force', `No rule set is in force on ${today}`));
    if (!state.ruleSetVersion && data.ruleSet && lawVersionOf(data.ruleSet) !== inForce?.version)
      return refuse(
        reject(
          'RULE_VIOLATION',
          'rule-set.in-force',
          `The province's rule set is based on ${lawVersionOf(data.ruleSet)}, but ${inForce?.version ?? 'none'} is in force on ${today}`,
        ),
      );
    if (legacySubmission) return accept([{ type: 'DossierSubmitted', data: { ruleSetVersion: ruleSet.version } }]);
    // Rules 31 and 32: an ad-hoc dossier within its intake window, a thematic one in an open round that takes the award.
    const variant = checkVariantAtSubmission(state, state.awardCode, today, ruleSet, data.round);
    if (variant) return refuse(variant);
    const kind = state.nominee?.kind ?? 'INDIVIDUAL';
    // A part with a file attached counts as provided where the unit declared none of its kind (what a declared part
    // says of itself, e.g. a certified copy, stays the declaration's).
    const provided = [
      ...state.parts,
      ...(data.attachedParts ?? []).filter((a) => !state.parts.some((d) => d.kind === a.kind)),
    ];
    const parts = checkDossierParts({
      awardCode: state.awardCode,
      subjectKind: kind,
      parts: provided,
      ruleSetVersion: lawVersionOf(ruleSet),
      ...(state.simplified ? { variant: 'SIMPLIFIED' as const } : {}),
    });
    if (!parts.complete)
      return refuse(
        reject(
          'RULE_VIOLATION',
          'dossier.parts-complete',
          `The dossier is incomplete: ${parts.missing.map((m) => m.message).join('; ')}`,
          { missing: parts.missing },
        ),
      );
    const { record } = state;
    const evaluationYear = record.evaluationYear ?? Number(today.slice(0, 4)) - 1;
    const assessment = assessEligibility({
      awardCode: state.awardCode,
      subjectKind: kind,
      evaluationYear,
      ruleSetVersion: lawVersionOf(ruleSet),
      history: {
        subjectId: state.dossierId,
        ratings: record.ratings,
        // Awards this system recorded are authoritative; declared ones add what happened before it.
        awards: mergeAwards(data.recordedAwards ?? [], record.awards),
        initiatives: record.initiatives,
        collectiveYears: record.collectiveYears,
        ...(record.monthsSinceJoining !== undefined ? { monthsSinceJoining: record.monthsSinceJoining } : {}),
      },
      proposal: {
        proposalId: state.dossierId,
        achievementId: record.achievementId ?? state.dossierId,
        initiativeIds: record.initiativeIds ?? [],
        // What the read models know of other dossiers and awards (absent in commands recorded before: nothing known).
        usedInitiatives: data.usedInitiatives ?? [],
        usedAchievements: data.usedAchievements ?? [],
        ...(state.commendationType
          ? { commendationType: state.commendationType }
          : record.commendationType
            ? { commendationType: record.commendationType }
            : {}),
      },
      // The block ranking the API read for a Cờ thi đua (absent in commands recorded before: the warning stays).
      ...blockStandingOf(data.blockStandings, evaluationYear),
      // The unit's registrations the API read (absent in commands recorded before: no registration check).
      ...(data.registrations && state.nominee
        ? { registration: findRegistration(data.registrations, state.nominee, state.awardCode, evaluationYear) }
        : {}),
      // The movement's cap for the award (absent in commands recorded before, or when the movement sets none).
      ...(data.movementQuota ? { movementQuota: data.movementQuota } : {}),
    });
    const criteria = assessment.criteria.map(({ id, rule, passed, severity, explanation }) => ({
      id,
      rule,
      passed,
      severity,
      explanation,
    }));
    if (!assessment.eligible) {
      const failed = assessment.criteria.filter((c) => !c.passed && c.severity === 'BLOCK');
      return refuse(
        reject(
          'RULE_VIOLATION',
          'eligibility',
          `Not eligible: ${failed.map((c) => `rule ${c.rule} (${c.legalBasis}): ${c.explanation}`).join('; ')}`,
          { criteria: assessment.criteria },
        ),
      );
    }
    return accept([
      {
        type: 'DossierSubmitted',
        data: {
          ruleSetVersion: ruleSet.version,
          ...(ruleSet.baseVersion ? { ruleSet } : {}),
          eligibility: { evaluationYear, criteria },
        },
      },
    ]);
  },
  ApproveAtUnit(state, { data }, { now, calendar }) {
    if (!inState(state, 'UNIT_REVIEW')) return wrongState(state, 'ApproveAtUnit', ['UNIT_REVIEW']);
    // A grassroots award never leaves the unit: its council votes and its head decides.
    if (routeOf(state.awardCode) === 'GRASSROOTS') return otherRoute(state, 'ApproveAtUnit', 'PROVINCIAL');
    const ruleSet = ruleSetOf(state);
    if (!ruleSet)
      return refuse(reject('RULE_VIOLATION', 'rule-set.bound', 'The dossier is not bound to a known rule set'));
    // The simplified procedure (Law Art. 85) keeps the route's steps with a shorter appraisal (rule-set setting, [U]);
    // otherwise the award's own appraisal period in the rule set, else its default.
    const workingDays = state.simplified
      ? ruleSet.variants.simplified.appraisalWD
      : appraisalWDFor(ruleSet, state.awardCode);
    const deadline = deadlineAfter(vietnamDate(now), workingDays, calendar);
    return accept([
      { type: 'UnitApproved', data: data.note ? { note: data.note } : {} },
      { type: 'AppraisalClockStarted', data: { deadline: deadline.date, workingDays, ...provisionalFlag(deadline) } },
    ]);
  },
  ReturnDossier(state, { data }, { actor }) {
    // The secretariat may also return a dossier that waits for a supplement.
    if (actor.role !== 'UNIT_HEAD' && state.status === 'SUPPLEMENT_REQUESTED')
      return accept([{ type: 'DossierReturned', data: { reason: data.reason, from: state.status } }]);
    const from: DossierStatus = actor.role === 'UNIT_HEAD' ? 'UNIT_REVIEW' : 'APPRAISAL';
    if (state.status !== from) return wrongState(state, 'ReturnDossier', [from]);
    return accept([{ type: 'DossierReturned', data: { reason: data.reason, from } }]);
  },
  AcceptAppraisal(state, { data }, { now, calendar }) {
    const from = councilFrom(state);
    if (!inState(state, from)) return wrongState(state, 'AcceptAppraisal', [from]);
    const members = [...new Set(data.councilMembers)];
    if (members.length === 0)
      return refuse(reject('RULE_VIOLATION', 'council.members', 'The council has no members to vote'));
    const ruleSet = ruleSetOf(state);
    if (!ruleSet)
      return refuse(reject('RULE_VIOLATION', 'rule-set.bound', 'The dossier is not bound to a known rule set'));
    const rule = councilRuleFor(ruleSet, state.awardCode);
    const secret = perDossierVotingRefusal(rule, 'PROVINCIAL', state.awardCode);
    if (secret) return refuse(secret);
    const deadline = deadlineAfter(vietnamDate(now), ruleSet.deadlines.councilVotingWD, calendar);
    const opened: DossierEvent = {
      type: 'CouncilVotingOpened',
      data: { members, rule, deadline: deadline.date, ...provisionalFlag(deadline), ...reviewForCouncil(state) },
    };
    // On the state route the appraisal was accepted when the posting opened.
    if (from === 'READY_FOR_COUNCIL') return accept([opened]);
    return accept([{ type: 'AppraisalAccepted', data: data.note ? { note: data.note } : {} }, opened]);
  },
  OpenUnitCouncilVoting(state, { data }, { now, calendar }) {
    if (!inState(state, 'UNIT_REVIEW')) return wrongState(state, 'OpenUnitCouncilVoting', ['UNIT_REVIEW']);
    if (routeOf(state.awardCode) !== 'GRASSROOTS') return otherRoute(state, 'OpenUnitCouncilVoting', 'GRASSROOTS');
    const members = [...new Set(data.councilMembers)];
    if (members.length === 0)
      return refuse(reject('RULE_VIOLATION', 'council.members', "The unit's council has no members to vote"));
    const ruleSet = ruleSetOf(state);
    if (!ruleSet)
      return refuse(reject('RULE_VIOLATION', 'rule-set.bound', 'The dossier is not bound to a known rule set'));
    const rule = councilRuleFor(ruleSet, state.awardCode);
    const secret = perDossierVotingRefusal(rule, 'UNIT', state.awardCode);
    if (secret) return refuse(secret);
    const deadline = deadlineAfter(vietnamDate(now), ruleSet.deadlines.councilVotingWD, calendar);
    return accept([
      { type: 'CouncilVotingOpened', data: { members, rule, deadline: deadline.date, ...provisionalFlag(deadline) } },
    ]);
  },
  RequestSupplement(state, { data }, { now, calendar }) {
    if (!inState(state, 'APPRAISAL')) return wrongState(state, 'RequestSupplement', ['APPRAISAL']);
    if (data.missingParts.length === 0)
      return refuse(reject('INVALID', 'supplement.lists-parts', 'A supplement request lists the missing parts'));
    const ruleSet = ruleSetOf(state);
    if (!ruleSet)
      return refuse(reject('RULE_VIOLATION', 'rule-set.bound', 'The dossier is not bound to a known rule set'));
    const today = vietnamDate(now);
    const deadline = deadlineAfter(today, data.deadlineWD ?? ruleSet.deadlines.supplementWD, calendar);
    const running = state.appraisal?.deadline;
    return accept([
      {
        type: 'SupplementRequested',
        data: {
          missingParts: data.missingParts,
          reason: data.reason,
          deadline: deadline.date,
          ...provisionalFlag(deadline),
        },
      },
      {
        type: 'AppraisalClockPaused',
        data: {
          remainingWD: running
            ? remainingWorkingDays(today, running, calendar)
            : (state.appraisal?.remainingWD ?? appraisalWDFor(ruleSet, state.awardCode)),
        },
      },
    ]);
  },
  ProvideSupplement(state, { data }, { now, calendar }) {
    if (!inState(state, 'SUPPLEMENT_REQUESTED'))
      return wrongState(state, 'ProvideSupplement', ['SUPPLEMENT_REQUESTED']);
    const remainingWD = state.appraisal?.remainingWD ?? 0;
    const deadline = deadlineAfter(vietnamDate(now), remainingWD, calendar);
    return accept([
      {
        type: 'SupplementProvided',
        data: { ...(data.note ? { note: data.note } : {}), ...(data.parts ? { parts: data.parts } : {}) },
      },
      { type: 'AppraisalClockResumed', data: { deadline: deadline.date, remainingWD, ...provisionalFlag(deadline) } },
    ]);
  },
  ExpireSupplement(state) {
    if (!inState(state, 'SUPPLEMENT_REQUESTED') || !state.supplement)
      return wrongState(state, 'ExpireSupplement', ['SUPPLEMENT_REQUESTED']);
    const { deadline, missingParts } = state.supplement;
    return accept([
      {
        type: 'DossierReturned',
        data: {
          reason: `Hết hạn bổ sung hồ sơ ngày ${deadline} (supplement not provided by ${deadline}): ${missingParts.join(', ')}`,
          from: 'SUPPLEMENT_REQUESTED',
        },
      },
    ]);
  },
  RemindAppraisalDeadline(state) {
    if (!inState(state, 'APPRAISAL') || !state.appraisal?.deadline || state.appraisal.reminded)
      return wrongState(state, 'RemindAppraisalDeadline', ['APPRAISAL']);
    return accept([
      { type: 'AppraisalDeadlineReminded', data: { deadline: state.appraisal.deadline, to: 'SECRETARIAT_OFFICER' } },
    ]);
  },
  EscalateOverdueAppraisal(state) {
    if (!inState(state, 'APPRAISAL') || !state.appraisal?.deadline || state.appraisal.overdue)
      return wrongState(state, 'EscalateOverdueAppraisal', ['APPRAISAL']);
    return accept([
      { type: 'AppraisalOverdue', data: { deadline: state.appraisal.deadline, escalatedTo: 'SECRETARIAT_HEAD' } },
    ]);
  },
  CloseCouncilVoting(state, _command, ctx) {
    if (!inState(state, 'COUNCIL_VOTING') || !state.council)
      return wrongState(state, 'CloseCouncilVoting', ['COUNCIL_VOTING']);
    return accept(
      closeCouncil(state, tally(state.council.rule, state.council.members.length, state.council.votes), ctx),
    );
  },
  ScheduleForCouncil(state, { data }) {
    const from = councilFrom(state);
    if (!inState(state, from)) return wrongState(state, 'ScheduleForCouncil', [from]);
    const ruleSet = ruleSetOf(state);
    if (!ruleSet)
      return refuse(reject('RULE_VIOLATION', 'rule-set.bound', 'The dossier is not bound to a known rule set'));
    const scheduled: DossierEvent = {
      type: 'ScheduledForCouncil',
      data: {
        sessionId: data.sessionId,
        rule: councilRuleFor(ruleSet, state.awardCode),
        members: data.members,
        ...reviewForCouncil(state),
      },
    };
    if (from === 'READY_FOR_COUNCIL') return accept([scheduled]);
    return accept([{ type: 'AppraisalAccepted', data: {} }, scheduled]);
  },
  RecordCouncilResult(state, { data }, ctx) {
    if (!inState(state, 'COUNCIL_VOTING') || state.council?.sessionId !== data.sessionId)
      return wrongState(state, 'RecordCouncilResult', ['COUNCIL_VOTING']);
    return accept(closeCouncil(state, { ...data.tally, sessionId: data.sessionId }, ctx));
  },
  CastVote(state, { data }, ctx) {
    const { actor } = ctx;
    if (!inState(state, 'COUNCIL_VOTING') || !state.council) return wrongState(state, 'CastVote', ['COUNCIL_VOTING']);
    const council = state.council;
    if (council.sessionId)
      return refuse(
        reject(
          'WRONG_STATE',
          'council.vote-in-session',
          `The dossier is on the agenda of council session ${council.sessionId}; vote there`,
        ),
      );
    // Per-dossier voting already open on a secret item (opened before this rule): its votes are refused too.
    const secret = castVoteRefusal(state);
    if (secret) return refuse(secret);
    if (!council.members.includes(actor.userId))
      return refuse(
        reject('FORBIDDEN', 'council.members-only', 'Only members of this council may vote on the dossier'),
      );
    if (council.votes.some((v) => v.memberId === actor.userId))
      return refuse(reject('WRONG_STATE', 'council.member-votes-once', 'This member has already voted on the dossier'));
    const vote = { memberId: actor.userId, approve: data.approve };
    const votes = [...council.votes, vote];
    const events: DossierEvent[] = [{ type: 'VoteCast', data: vote }];
    if (votes.length === council.members.length)
      events.push(...closeCouncil(state, tally(council.rule, council.members.length, votes), ctx));
    return accept(events);
  },
  DecideDossier(state, { data }, { actor, now }) {
    const decider = findAward(state.awardCode)?.decider;
    if (routeOf(state.awardCode) === 'STATE') {
      // At the centre: the Prime Minister decides, or the President after the Prime Minister's proposal (rule 3).
      const expected: DossierStatus[] = ['SUBMITTED_TO_PM', 'SUBMITTED_TO_PRESIDENT'];
      if (!inState(state, ...expected)) return wrongState(state, 'DecideDossier', expected);
      if (actor.role !== 'CENTRAL_DECIDER')
        return refuse(
          reject('FORBIDDEN', 'decision.decider', `${state.awardCode} is decided at the centre, not by ${actor.role}`),
        );
      const deciding = state.status === 'SUBMITTED_TO_PM' ? 'PRIME_MINISTER' : 'PRESIDENT';
      if (data.decidedBy !== deciding)
        return refuse(
          reject(
            'INVALID',
            'decision.decided-by',
            `The dossier is ${state.status}: the decision is the ${deciding === 'PRIME_MINISTER' ? "Prime Minister's" : "President's"} (decidedBy ${deciding})`,
          ),
        );
      if (data.approve && decider !== deciding)
        return refuse(
          reject(
            'RULE_VIOLATION',
            'decision.decider',
            `${state.awardCode} is decided by the ${decider === 'PRESIDENT' ? 'President: the Prime Minister proposes it to the President' : decider}`,
            { decider },
          ),
        );
    } else {
      if (!inState(state, 'AWAITING_DECISION')) return wrongState(state, 'DecideDossier', ['AWAITING_DECISION']);
      if (!decider || DECIDER_ROLE[decider] !== actor.role)
        return refuse(
          reject(
            'FORBIDDEN',
            'decision.decider',
            `${state.awardCode} is decided by ${decider ? DECIDER_ROLE[decider] : 'nobody known'}, not ${actor.role}`,
          ),
        );
    }
    if (!data.approve) {
      if (!data.reason)
        return refuse(reject('INVALID', 'decision.reason-required', 'A rejection needs a written reason'));
      return accept([{ type: 'DossierRejected', data: { reason: data.reason, by: data.decidedBy ?? actor.role } }]);
    }
    if (!data.allocated) return refuse(reject('INVALID', 'decision.number', 'No decision number was allocated'));
    const ruleSet = ruleSetOf(state);
    const decision = {
      ...data.allocated,
      signerId: actor.userId,
      signedOn: vietnamDate(now),
      legalBasis: data.legalBasis?.length ? data.legalBasis : (ruleSet?.legalBasis ?? []),
      ...(data.chainHead ? { chainHeadAtSigning: data.chainHead } : {}),
    };
    return accept([{ type: 'DossierAwarded', data: { decision } }]);
  },
  WithdrawDossier(state, { data }) {
    if (!inState(state, ...WITHDRAWABLE)) return wrongState(state, 'WithdrawDossier', WITHDRAWABLE);
    return accept([{ type: 'DossierWithdrawn', data: { reason: data.reason } }]);
  },
  ...stateRouteHandlers,
  RevokeAward: (state, { data }, ctx) => decideRevokeAward(state, data, ctx),
  RecordRecovery: (state, { data }, ctx) => decideRecordRecovery(state, data, ctx),
};

/**
 * decide(state, command) → events, or a rejection naming the rule. Checks the actor's role and unit first, then the
 * command's own rules. Pure: the same inputs give the same answer, so the workflow can call it in its update validator.
 */
export function decide(state: DossierState, command: DossierCommand, ctx: CommandContext): Decision<DossierEvent[]> {
  const { actor } = ctx;
  if (!ALLOWED[command.type].includes(actor.role))
    return refuse(
      reject(
        'FORBIDDEN',
        `role.${command.type}`,
        `${actor.role} may not ${command.type}; allowed: ${ALLOWED[command.type].join(', ')}`,
      ),
    );
  if (UNIT_ROLES.includes(actor.role) && command.type !== 'CreateDossier' && actor.unitCode !== state.unitCode)
    return refuse(reject('FORBIDDEN', 'unit.own-dossiers', "Unit staff can only act on their own unit's dossiers"));
  const handler = handlers[command.type] as Handler<DossierCommand>;
  return handler(state, command, ctx);
}
