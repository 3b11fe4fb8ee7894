import { findAward } from '../award/catalog';
import { centralCouncilRuleOf, requiresPublicPosting, vietnamDate, ruleSetOf } from '../rule-set/select';
import { councilRetryClock } from './obligation';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { DossierCommand } from './commands';
import { deadlineAfter, provisionalFlag } from './deadlines';
import type { DossierEvent } from './events';
import { inState, wrongState } from './refusals';
import { centralRequirements, routeOf } from './route';
import type { CommandContext, DossierState } from './types';

type StateRouteCommand = Extract<
  DossierCommand,
  {
    type:
      | 'OpenPublicPosting'
      | 'RecordObjection'
      | 'ClosePublicPosting'
      | 'RecordObjectionReview'
      | 'SignProposal'
      | 'OpenCentralStage'
      | 'RecordHiepY'
      | 'CentralAppraise'
      | 'ProvideCentralSupplement'
      | 'CloseCentralConsultation'
      | 'RecordStandingReview'
      | 'ProposeToPresident';
  }
>;
type Handler<C extends DossierCommand> = (
  state: DossierState,
  command: C,
  ctx: CommandContext,
) => Decision<DossierEvent[]>;
type Handlers = { [T in StateRouteCommand['type']]: Handler<Extract<StateRouteCommand, { type: T }>> };

const unbound = () =>
  refuse<DossierEvent[]>(reject('RULE_VIOLATION', 'rule-set.bound', 'The dossier is not bound to a known rule set'));
const notStateRoute = (state: DossierState, command: string) =>
  refuse<DossierEvent[]>(
    reject(
      'RULE_VIOLATION',
      `route.${command}`,
      `${command} belongs to the state route; this dossier's award ${state.awardCode} travels the ${routeOf(state.awardCode)?.toLowerCase() ?? 'unknown'} route`,
    ),
  );

/**
 * The state route (rules 3, 23–25, 28; state machine G of the law page), driven by the catalog (route, decider) and the
 * bound rule set (posting lengths, which awards need hiệp y and the Ministry's consultation) — no award codes here.
 *
 * Provincial part: APPRAISAL → PUBLIC_POSTING (publicPostingWD, objections recorded) → COMPLAINT_REVIEW when any
 * objection arrived → READY_FOR_COUNCIL → council → AWAITING_DECISION → the chairman signs the tờ trình →
 * FORWARDED_TO_CENTRE. Central stage: MOHA_APPRAISAL (⇄ CENTRAL_SUPPLEMENT_REQUESTED; hiệp y where required) →
 * [MOHA_PUBLIC_CONSULTATION (centralPublicConsultationWD) → CENTRAL_COUNCIL_STANDING_REVIEW] → SUBMITTED_TO_PM →
 * AWARDED by the Prime Minister, or SUBMITTED_TO_PRESIDENT → AWARDED by the President (DecideDossier in decide.ts).
 */
export const stateRouteHandlers: Handlers = {
  OpenPublicPosting(state, { data }, ctx) {
    const { now, calendar } = ctx;
    if (!inState(state, 'APPRAISAL')) return wrongState(state, 'OpenPublicPosting', ['APPRAISAL']);
    if (routeOf(state.awardCode) !== 'STATE') return notStateRoute(state, 'OpenPublicPosting');
    const ruleSet = ruleSetOf(state);
    if (!ruleSet) return unbound();
    // Rule 23: only the awards the rule set lists are posted; the others go to the council after the appraisal.
    if (!ctx.legacyPostingForEveryStateAward && !requiresPublicPosting(ruleSet, state.awardCode))
      return refuse(
        reject(
          'RULE_VIOLATION',
          'posting.required',
          `${findAward(state.awardCode)?.nameVi ?? state.awardCode} is not publicly posted under ${ruleSet.version} (${ruleSet.stateRoute.publicPosting?.legalBasis ?? 'rule 23'}): accept the appraisal and put it to the council`,
        ),
      );
    const workingDays = ruleSet.deadlines.publicPostingWD;
    const deadline = deadlineAfter(vietnamDate(now), workingDays, calendar);
    return accept([
      { type: 'AppraisalAccepted', data: data.note ? { note: data.note } : {} },
      { type: 'PublicPostingOpened', data: { deadline: deadline.date, workingDays, ...provisionalFlag(deadline) } },
    ]);
  },
  RecordObjection(state, { data }, { now }) {
    if (!inState(state, 'PUBLIC_POSTING')) return wrongState(state, 'RecordObjection', ['PUBLIC_POSTING']);
    if (!data.source.trim() || !data.text.trim())
      return refuse(reject('INVALID', 'objection.source-and-text', 'An objection names its source and its text'));
    return accept([
      { type: 'ObjectionRecorded', data: { source: data.source, text: data.text, receivedOn: vietnamDate(now) } },
    ]);
  },
  ClosePublicPosting(state) {
    if (!inState(state, 'PUBLIC_POSTING') || !state.posting)
      return wrongState(state, 'ClosePublicPosting', ['PUBLIC_POSTING']);
    return accept([
      {
        type: 'PublicPostingClosed',
        data: { deadline: state.posting.deadline, objections: state.posting.objections.length },
      },
    ]);
  },
  RecordObjectionReview(state, { data }) {
    if (!inState(state, 'COMPLAINT_REVIEW') || !state.posting)
      return wrongState(state, 'RecordObjectionReview', ['COMPLAINT_REVIEW']);
    if (!data.outcome.trim())
      return refuse(
        reject(
          'INVALID',
          'objection.review-outcome',
          'The review of the objections needs its outcome, reported to the council',
        ),
      );
    return accept([
      {
        type: 'ObjectionReviewRecorded',
        data: { objections: state.posting.objections.length, outcome: data.outcome, upheld: data.upheld },
      },
    ]);
  },
  SignProposal(state, { data }, { actor, now }) {
    if (routeOf(state.awardCode) !== 'STATE') return notStateRoute(state, 'SignProposal');
    if (!inState(state, 'AWAITING_DECISION')) return wrongState(state, 'SignProposal', ['AWAITING_DECISION']);
    if (!data.approve) {
      if (!data.reason)
        return refuse(reject('INVALID', 'decision.reason-required', 'A refusal to propose needs a written reason'));
      return accept([{ type: 'DossierRejected', data: { reason: data.reason, by: actor.role } }]);
    }
    if (!data.allocated)
      return refuse(reject('INVALID', 'proposal.number', 'No proposal (tờ trình) number was allocated'));
    return accept([
      {
        type: 'ProposalSigned',
        data: { proposal: { ...data.allocated, signerId: actor.userId, signedOn: vietnamDate(now) } },
      },
    ]);
  },
  OpenCentralStage(state, { data }) {
    if (!inState(state, 'FORWARDED_TO_CENTRE')) return wrongState(state, 'OpenCentralStage', ['FORWARDED_TO_CENTRE']);
    const ruleSet = ruleSetOf(state);
    if (!ruleSet) return unbound();
    return accept([
      {
        type: 'CentralStageOpened',
        data: { reference: data.reference, ...centralRequirements(ruleSet, state.awardCode) },
      },
    ]);
  },
  RecordHiepY(state, { data }) {
    if (!inState(state, 'MOHA_APPRAISAL') || !state.central)
      return wrongState(state, 'RecordHiepY', ['MOHA_APPRAISAL']);
    if (!state.central.hiepYRequired)
      return refuse(
        reject(
          'RULE_VIOLATION',
          'central.hiep-y-required',
          `${state.awardCode} needs no consultation (hiệp y) under the bound rule set`,
        ),
      );
    if (!data.agency.trim() || !data.opinion.trim())
      return refuse(reject('INVALID', 'central.hiep-y-opinion', 'A consultation names the agency and its opinion'));
    return accept([{ type: 'HiepYRecorded', data }]);
  },
  CentralAppraise(state, { data }, { actor, now, calendar }) {
    if (!inState(state, 'MOHA_APPRAISAL') || !state.central)
      return wrongState(state, 'CentralAppraise', ['MOHA_APPRAISAL']);
    if (data.outcome === 'REJECT') {
      if (!data.reason)
        return refuse(reject('INVALID', 'decision.reason-required', 'A rejection needs a written reason'));
      return accept([{ type: 'DossierRejected', data: { reason: data.reason, by: actor.role } }]);
    }
    if (data.outcome === 'REQUEST_SUPPLEMENT') {
      if (!data.missingParts?.length || !data.reason)
        return refuse(
          reject('INVALID', 'supplement.lists-parts', 'A supplement request lists the missing parts and the reason'),
        );
      return accept([
        { type: 'CentralSupplementRequested', data: { missingParts: data.missingParts, reason: data.reason } },
      ]);
    }
    if (state.central.hiepYRequired && !state.central.hiepY)
      return refuse(
        reject(
          'RULE_VIOLATION',
          'central.hiep-y-required',
          `${findAward(state.awardCode)?.nameVi ?? state.awardCode} needs the consultation (hiệp y) recorded before the appraisal is accepted`,
        ),
      );
    if (!state.central.consultationRequired) return accept([{ type: 'CentralAppraisalAccepted', data: {} }]);
    const ruleSet = ruleSetOf(state);
    if (!ruleSet) return unbound();
    const workingDays = ruleSet.deadlines.centralPublicConsultationWD;
    const deadline = deadlineAfter(vietnamDate(now), workingDays, calendar);
    return accept([
      {
        type: 'CentralAppraisalAccepted',
        data: { consultation: { deadline: deadline.date, workingDays, ...provisionalFlag(deadline) } },
      },
    ]);
  },
  ProvideCentralSupplement(state, { data }) {
    if (!inState(state, 'CENTRAL_SUPPLEMENT_REQUESTED'))
      return wrongState(state, 'ProvideCentralSupplement', ['CENTRAL_SUPPLEMENT_REQUESTED']);
    return accept([
      {
        type: 'CentralSupplementProvided',
        data: { ...(data.note ? { note: data.note } : {}), ...(data.parts ? { parts: data.parts } : {}) },
      },
    ]);
  },
  CloseCentralConsultation(state) {
    if (!inState(state, 'MOHA_PUBLIC_CONSULTATION') || !state.central?.consultation)
      return wrongState(state, 'CloseCentralConsultation', ['MOHA_PUBLIC_CONSULTATION']);
    return accept([{ type: 'CentralConsultationClosed', data: { deadline: state.central.consultation.deadline } }]);
  },
  RecordStandingReview(state, { data }, ctx) {
    if (!inState(state, 'CENTRAL_COUNCIL_STANDING_REVIEW'))
      return wrongState(state, 'RecordStandingReview', ['CENTRAL_COUNCIL_STANDING_REVIEW']);
    const { members, present, approvals } = data;
    if (members < 1 || present > members || approvals > present || present < 0 || approvals < 0)
      return refuse(
        reject(
          'INVALID',
          'central.standing-review-counts',
          'Counts must satisfy 0 ≤ approvals ≤ present ≤ members, members ≥ 1',
        ),
      );
    const ruleSet = ruleSetOf(state);
    if (!ruleSet) return unbound();
    // Rule 25: valid only with at least 2/3 of all members present; decided by a majority. The decree's rule, never a
    // province's council settings.
    const rule = centralCouncilRuleOf(ruleSet);
    const [qn, qd] = rule.quorum;
    const [tn, td] = rule.threshold.share;
    const quorumMet = present * qd >= members * qn;
    const passed =
      quorumMet && (rule.threshold.strict ? approvals * td > present * tn : approvals * td >= present * tn);
    const recorded: DossierEvent = {
      type: 'StandingReviewRecorded',
      data: { members, present, approvals, quorumMet, passed, ...(data.note ? { note: data.note } : {}) },
    };
    // Without quorum the standing committee meets again: a new clock, so the dossier never waits without a due date.
    return accept(quorumMet ? [recorded] : [recorded, councilRetryClock(ruleSet, vietnamDate(ctx.now), ctx.calendar)]);
  },
  ProposeToPresident(state, { data }) {
    if (!inState(state, 'SUBMITTED_TO_PM')) return wrongState(state, 'ProposeToPresident', ['SUBMITTED_TO_PM']);
    const decider = findAward(state.awardCode)?.decider;
    if (decider !== 'PRESIDENT')
      return refuse(
        reject(
          'RULE_VIOLATION',
          'decision.decider',
          `${state.awardCode} is decided by the Prime Minister, not proposed to the President`,
          { decider },
        ),
      );
    return accept([{ type: 'ProposedToPresident', data: data.note ? { note: data.note } : {} }]);
  },
};
