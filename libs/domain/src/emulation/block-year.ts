/**
 * One emulation year of a block (năm thi đua của khối), one stream and one workflow per block and year:
 * the opening with the year's head and deputy (rotation) → the scoring template adopted by the block and approved by
 * the secretariat on behalf of the provincial council (kept simple: one approval step, no council vote) → pledges
 * signed by every member (ký giao ước, an event per member) → the mid-year check (sơ kết 6 tháng, optional) → each
 * member's self-assessment with evidence by a working-day deadline → cross-review (chấm chéo) with adjustments and reasons → ranking → the block meeting's
 * proposals for the Cờ thi đua (province, Government) → closed with its ranking.
 * Events start with "BlockYear"; decide and evolve are pure.
 */
import { deadlineAfter, endOfDayInVietnam } from '../dossier/deadlines';
import { vietnamDate } from '../rule-set/select';
import { isIsoDate } from '../directory/directory';
import type { HolidayCalendar } from '../calendar/working-days';
import type { Actor, ActorRole } from '../shared/actor';
import { SYSTEM_ACTOR } from '../shared/actor';
import { accept, refuse, reject, type Decision, type Rejection } from '../shared/errors';
import type { Envelope } from '../shared/envelope';
import { findAward } from '../award/catalog';
import { EMULATION_DEFAULTS } from '../rule-set/rule-sets';
import type { FlagQuotaSettings, FlagVoteRule } from '../rule-set/types';
import { rotateLeadership, type BlockLeadership, type BlockMember } from './block';
import { checkMeetingVote, type BlockMeetingVote, type FlagKind } from './meeting-vote';
import {
  checkFlagProposals,
  rankMembers,
  validateAdjustment,
  validateAssessment,
  validateTemplate,
  type RankedMember,
  type ScoreAdjustment,
  type ScoringTemplate,
  type SelfAssessment,
} from './scoring';

export { BLOCK_YEAR_PHASES, type BlockYearPhase } from './block-year-phases';
import type { BlockYearPhase } from './block-year-phases';

/** Working days members have for their self-assessment once it opens [U]: the province's block regulation sets it. */
export const DEFAULT_SELF_ASSESSMENT_WD = 10;

export interface BlockYearOpening {
  blockId: string;
  blockCode: string;
  blockName: string;
  provinceCode: string;
  year: number;
  members: BlockMember[];
  leadership: BlockLeadership;
  /** Last year's head and member order, when the block had a year before (the API reads it from the read model). */
  previous?: { head: string; order: string[] };
  /** Why the block elected other than the rotation gives (a member declined, merged…); required to depart from it. */
  departureReason?: string;
}

export interface FlagProposals {
  /** Proposed for the Cờ thi đua of the province (Cờ thi đua của UBND tỉnh). */
  provincial: string[];
  /** Put forward for the Cờ thi đua of the Government (the best of the block). */
  government: string[];
  meetingDate: string;
  minutesRef: string;
  /**
   * The block meeting's vote on each proposal. The API always sends it; proposals recorded before the vote was part of
   * the command have none and were accepted without it (so their histories replay).
   */
  vote?: BlockMeetingVote;
  /**
   * The rule set's block regulation the API attaches (quotas, the vote's quorum and threshold, from `emulation` of the
   * effective rule set), so the workflow decides without reading configuration. Absent in commands recorded before
   * it travelled: the shipped defaults, which those were decided with.
   */
  rule?: { flagQuotas: FlagQuotaSettings; flagVote: FlagVoteRule; ruleSetVersion?: string };
}

/** The block's remark on one member at the mid-year check. */
export interface MidYearRemark {
  unitCode: string;
  remark: string;
}

/**
 * The mid-year check (sơ kết 6 tháng): the block reviews the first half of the year's work against the pledges. Held on
 * a date of the year (not in the future), a summary and remarks on members. Optional: block years recorded before it
 * existed opened their self-assessment without one (their histories replay), and a block may still skip it; the page
 * shows whether it was held. Recorded again before the self-assessment opens, it replaces the earlier record (a
 * correction; the stream keeps both events).
 */
export interface MidYearCheck {
  heldOn: string;
  summary: string;
  remarks: MidYearRemark[];
  /** The day it was recorded (Asia/Ho_Chi_Minh). */
  recordedOn: string;
}

/** Which nomination dossier a proposal became (a draft of the proposed unit, created through the dossier workflow). */
export interface ProposalDossier {
  unitCode: string;
  flag: FlagKind;
  awardCode: string;
  dossierId: string;
}

export interface BlockYearState {
  blockYearId: string;
  phase: BlockYearPhase;
  opening?: BlockYearOpening;
  template?: ScoringTemplate;
  templateApproval?: { approvedOn: string };
  /** Who signed is the event's actor (in the stream and the read model). */
  pledges: { unitCode: string; signedOn: string }[];
  /** The mid-year check, when the block held one (absent in states stored before it existed: not held). */
  midYearCheck?: MidYearCheck;
  selfAssessmentDeadline?: string;
  assessments: SelfAssessment[];
  /** Members without a self-assessment when it closed. */
  missingAssessments: string[];
  adjustments: ScoreAdjustment[];
  ranking?: RankedMember[];
  proposals?: FlagProposals;
  /** The dossiers the proposals became (absent in states stored before it existed: none). */
  proposalDossiers?: ProposalDossier[];
  seq: number;
}

export const initialBlockYearState = (blockYearId: string): BlockYearState => ({
  blockYearId,
  phase: 'NEW',
  pledges: [],
  assessments: [],
  missingAssessments: [],
  adjustments: [],
  seq: 0,
});

export type BlockYearCommand =
  | { type: 'OpenBlockYear'; data: BlockYearOpening }
  | { type: 'AdoptTemplate'; data: ScoringTemplate }
  | { type: 'ApproveTemplate'; data: Record<string, never> }
  | { type: 'SignPledge'; data: { unitCode: string } }
  | { type: 'RecordMidYearCheck'; data: { heldOn: string; summary: string; remarks?: MidYearRemark[] } }
  | { type: 'OpenSelfAssessment'; data: { workingDays?: number } }
  | {
      type: 'SubmitSelfAssessment';
      data: Omit<SelfAssessment, 'submittedOn'>;
    }
  | { type: 'CloseSelfAssessment'; data: Record<string, never> }
  | { type: 'AdjustScore'; data: ScoreAdjustment }
  | { type: 'RankBlock'; data: Record<string, never> }
  | { type: 'ProposeFlags'; data: FlagProposals }
  | { type: 'RecordProposalDossier'; data: ProposalDossier }
  | { type: 'CloseBlockYear'; data: Record<string, never> };

export type BlockYearEvent =
  | { type: 'BlockYearOpened'; data: BlockYearOpening }
  | { type: 'BlockYearTemplateAdopted'; data: ScoringTemplate }
  | { type: 'BlockYearTemplateApproved'; data: { approvedOn: string } }
  | { type: 'BlockYearPledgeSigned'; data: { unitCode: string; signedOn: string } }
  | { type: 'BlockYearPledgesCompleted'; data: { members: number } }
  | { type: 'BlockYearMidYearChecked'; data: MidYearCheck }
  | {
      type: 'BlockYearSelfAssessmentOpened';
      data: { deadline: string; workingDays: number; deadlineProvisional?: true };
    }
  | { type: 'BlockYearSelfAssessed'; data: SelfAssessment }
  | { type: 'BlockYearSelfAssessmentClosed'; data: { missing: string[]; atDeadline: boolean } }
  | { type: 'BlockYearScoreAdjusted'; data: ScoreAdjustment }
  | { type: 'BlockYearRanked'; data: { ranking: RankedMember[] } }
  | { type: 'BlockYearFlagsProposed'; data: FlagProposals }
  | { type: 'BlockYearProposalDossierRecorded'; data: ProposalDossier }
  | { type: 'BlockYearClosed'; data: { ranking: RankedMember[] } };

export const isBlockYearEventType = (type: string): boolean => type.startsWith('BlockYear');
/** A block-year event as stored: the block-year id is the stream id. */
export type BlockYearEnvelope = Envelope<BlockYearEvent>;

export interface BlockYearContext {
  actor: Actor;
  now: number;
  calendar?: HolidayCalendar;
}

const SECRETARIAT: readonly ActorRole[] = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'];
const isSecretariat = (a: Actor) => SECRETARIAT.includes(a.role);
/** The head of a member unit (or its clerk, where `clerks`), acting for that unit. */
const actsFor = (a: Actor, unitCode: string, clerks = false) =>
  (a.role === 'UNIT_HEAD' || (clerks && a.role === 'UNIT_CLERK')) && a.unitCode === unitCode;

const wrongPhase = (s: BlockYearState, cmd: string, expected: BlockYearPhase[]): Decision<BlockYearEvent[]> =>
  refuse(
    reject(
      'WRONG_STATE',
      `block-year.${cmd}`,
      `${cmd} needs the block year in ${expected.join(' or ')}; it is ${s.phase}`,
      { phase: s.phase },
    ),
  );
const forbidden = (cmd: string, who: string): Decision<BlockYearEvent[]> =>
  refuse(reject('FORBIDDEN', `role.${cmd}`, `${cmd} is for ${who}`));
const refused = (r: Rejection | undefined, events: BlockYearEvent[]): Decision<BlockYearEvent[]> =>
  r ? refuse(r) : accept(events);

/** The block's officers for the year: the head unit's head, or the secretariat. */
const leadsBlock = (s: BlockYearState, a: Actor) =>
  isSecretariat(a) || (!!s.opening && actsFor(a, s.opening.leadership.head));

export function decideBlockYear(
  s: BlockYearState,
  c: BlockYearCommand,
  ctx: BlockYearContext,
): Decision<BlockYearEvent[]> {
  const { actor } = ctx;
  const today = vietnamDate(ctx.now);
  const members = s.opening?.members.map((m) => m.unitCode) ?? [];
  switch (c.type) {
    case 'OpenBlockYear': {
      if (s.phase !== 'NEW') return wrongPhase(s, c.type, ['NEW']);
      if (!isSecretariat(actor)) return forbidden(c.type, 'the secretariat');
      const codes = c.data.members.map((m) => m.unitCode);
      if (codes.length < 2 || new Set(codes).size !== codes.length)
        return refuse(reject('INVALID', 'block.members', 'A block year has at least two distinct member units'));
      const { head, deputy } = c.data.leadership;
      if (!codes.includes(head) || !codes.includes(deputy) || head === deputy)
        return refuse(reject('INVALID', 'block.leadership', 'The head and the deputy are two different member units'));
      const rotation = rotateLeadership(codes, c.data.previous);
      if ((rotation.head !== head || rotation.deputy !== deputy) && !c.data.departureReason?.trim())
        return refuse(
          reject(
            'RULE_VIOLATION',
            'block.rotation',
            `By rotation the head is ${rotation.head} and the deputy ${rotation.deputy}; another choice states its reason`,
            { rotation },
          ),
        );
      return accept([{ type: 'BlockYearOpened', data: c.data }]);
    }
    case 'AdoptTemplate': {
      if (s.phase !== 'TEMPLATE_PENDING' && s.phase !== 'TEMPLATE_ADOPTED')
        return wrongPhase(s, c.type, ['TEMPLATE_PENDING', 'TEMPLATE_ADOPTED']);
      if (!leadsBlock(s, actor)) return forbidden(c.type, "the block head's unit head or the secretariat");
      return refused(validateTemplate(c.data), [{ type: 'BlockYearTemplateAdopted', data: c.data }]);
    }
    case 'ApproveTemplate': {
      if (s.phase !== 'TEMPLATE_ADOPTED') return wrongPhase(s, c.type, ['TEMPLATE_ADOPTED']);
      if (!isSecretariat(actor)) return forbidden(c.type, 'the secretariat, on behalf of the provincial council');
      return accept([{ type: 'BlockYearTemplateApproved', data: { approvedOn: today } }]);
    }
    case 'SignPledge': {
      if (s.phase !== 'PLEDGING') return wrongPhase(s, c.type, ['PLEDGING']);
      const unit = c.data.unitCode;
      if (!members.includes(unit))
        return refuse(reject('INVALID', 'block.member', `${unit} is not a member of the block`));
      if (!actsFor(actor, unit) && !isSecretariat(actor))
        return forbidden(c.type, "the member unit's head (or the secretariat on its behalf)");
      if (s.pledges.some((p) => p.unitCode === unit))
        return refuse(reject('WRONG_STATE', 'block.pledge-once', `${unit} has already signed the pledge`));
      const signed: BlockYearEvent = { type: 'BlockYearPledgeSigned', data: { unitCode: unit, signedOn: today } };
      const complete = s.pledges.length + 1 === members.length;
      return accept(
        complete ? [signed, { type: 'BlockYearPledgesCompleted', data: { members: members.length } }] : [signed],
      );
    }
    case 'RecordMidYearCheck': {
      // After every pledge is signed, before the self-assessment opens; again in that phase replaces it.
      if (s.phase !== 'IN_PROGRESS') return wrongPhase(s, c.type, ['IN_PROGRESS']);
      if (!leadsBlock(s, actor)) return forbidden(c.type, "the block head's unit head or the secretariat");
      return refused(checkMidYear(s.opening?.year ?? 0, members, c.data, today), [
        {
          type: 'BlockYearMidYearChecked',
          data: {
            heldOn: c.data.heldOn,
            summary: c.data.summary.trim(),
            remarks: (c.data.remarks ?? []).map((r) => ({ unitCode: r.unitCode, remark: r.remark.trim() })),
            recordedOn: today,
          },
        },
      ]);
    }
    case 'OpenSelfAssessment': {
      if (s.phase !== 'IN_PROGRESS') return wrongPhase(s, c.type, ['IN_PROGRESS']);
      if (!leadsBlock(s, actor)) return forbidden(c.type, "the block head's unit head or the secretariat");
      const workingDays = c.data.workingDays ?? DEFAULT_SELF_ASSESSMENT_WD;
      if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 60)
        return refuse(reject('INVALID', 'block.self-assessment-days', 'workingDays is a whole number of 1–60'));
      const due = deadlineAfter(today, workingDays, ctx.calendar);
      return accept([
        {
          type: 'BlockYearSelfAssessmentOpened',
          data: { deadline: due.date, workingDays, ...(due.provisional ? { deadlineProvisional: true as const } : {}) },
        },
      ]);
    }
    case 'SubmitSelfAssessment': {
      if (s.phase !== 'SELF_ASSESSMENT') return wrongPhase(s, c.type, ['SELF_ASSESSMENT']);
      const unit = c.data.unitCode;
      if (!members.includes(unit))
        return refuse(reject('INVALID', 'block.member', `${unit} is not a member of the block`));
      if (!actsFor(actor, unit, true)) return forbidden(c.type, "the member unit's clerk or head");
      if (!s.template) return refuse(reject('WRONG_STATE', 'block.template', 'No template'));
      const bad = validateAssessment(s.template, c.data);
      if (bad) return refuse(bad);
      const assessed: BlockYearEvent = { type: 'BlockYearSelfAssessed', data: { ...c.data, submittedOn: today } };
      const all = members.every((m) => m === unit || s.assessments.some((a) => a.unitCode === m));
      return accept(
        all
          ? [assessed, { type: 'BlockYearSelfAssessmentClosed', data: { missing: [], atDeadline: false } }]
          : [assessed],
      );
    }
    case 'CloseSelfAssessment': {
      if (s.phase !== 'SELF_ASSESSMENT') return wrongPhase(s, c.type, ['SELF_ASSESSMENT']);
      const atDeadline = actor.role === SYSTEM_ACTOR.role;
      if (!atDeadline && !isSecretariat(actor))
        return forbidden(c.type, 'the secretariat (the engine closes it at the deadline)');
      if (atDeadline && s.selfAssessmentDeadline && ctx.now < endOfDayInVietnam(s.selfAssessmentDeadline))
        return refuse(
          reject(
            'WRONG_STATE',
            'block.self-assessment-deadline',
            `The self-assessment runs until ${s.selfAssessmentDeadline}`,
          ),
        );
      const missing = members.filter((m) => !s.assessments.some((a) => a.unitCode === m));
      return accept([{ type: 'BlockYearSelfAssessmentClosed', data: { missing, atDeadline } }]);
    }
    case 'AdjustScore': {
      if (s.phase !== 'CROSS_REVIEW') return wrongPhase(s, c.type, ['CROSS_REVIEW']);
      if (!s.opening || !s.template) return refuse(reject('WRONG_STATE', 'block.template', 'No template'));
      if (!members.includes(c.data.unitCode))
        return refuse(reject('INVALID', 'block.member', `${c.data.unitCode} is not a member of the block`));
      const { head, deputy } = s.opening.leadership;
      // The head does not review its own unit's score: the deputy does (conflict of interest) [U].
      const reviewer = c.data.unitCode === head ? deputy : head;
      if (!isSecretariat(actor) && !actsFor(actor, reviewer))
        return forbidden(
          c.type,
          `the unit head of ${reviewer} (${c.data.unitCode === head ? "the deputy reviews the head's own unit" : 'the block head'}) or the secretariat`,
        );
      return refused(validateAdjustment(s.template, c.data), [
        { type: 'BlockYearScoreAdjusted', data: { ...c.data, reason: c.data.reason.trim() } },
      ]);
    }
    case 'RankBlock': {
      if (s.phase !== 'CROSS_REVIEW') return wrongPhase(s, c.type, ['CROSS_REVIEW']);
      if (!leadsBlock(s, actor)) return forbidden(c.type, "the block head's unit head or the secretariat");
      return accept([
        { type: 'BlockYearRanked', data: { ranking: rankMembers(members, s.assessments, s.adjustments) } },
      ]);
    }
    case 'ProposeFlags': {
      if (s.phase !== 'RANKED') return wrongPhase(s, c.type, ['RANKED']);
      if (!leadsBlock(s, actor)) return forbidden(c.type, "the block head's unit head or the secretariat");
      if (!c.data.minutesRef.trim())
        return refuse(
          reject('INVALID', 'block.meeting-minutes', 'The proposals cite the block meeting minutes (biên bản)'),
        );
      const proposals = {
        ...c.data,
        provincial: [...new Set(c.data.provincial)],
        government: [...new Set(c.data.government)],
      };
      const rule = c.data.rule ?? EMULATION_DEFAULTS;
      const quota = checkFlagProposals(s.ranking ?? [], proposals, rule.flagQuotas);
      if (quota) return refuse(quota);
      return refused(c.data.vote && checkMeetingVote(members, proposals, c.data.vote, rule.flagVote), [
        { type: 'BlockYearFlagsProposed', data: proposals },
      ]);
    }
    case 'RecordProposalDossier': {
      if (s.phase !== 'PROPOSED') return wrongPhase(s, c.type, ['PROPOSED']);
      const { unitCode, flag, awardCode } = c.data;
      if (!actsFor(actor, unitCode, true) && !isSecretariat(actor))
        return forbidden(c.type, "the proposed unit's clerk or head (or the secretariat)");
      const proposed = flag === 'PROVINCIAL' ? s.proposals?.provincial : s.proposals?.government;
      if (!proposed?.includes(unitCode))
        return refuse(
          reject(
            'RULE_VIOLATION',
            'block.proposal-dossier-proposed',
            `${unitCode} was not proposed by the block meeting for the ${flag === 'PROVINCIAL' ? "province's" : "Government's"} Cờ thi đua`,
            { unitCode, flag },
          ),
        );
      if (!findAward(awardCode)) return refuse(reject('INVALID', 'award.known', `Unknown award code ${awardCode}`));
      const recorded = (s.proposalDossiers ?? []).find((d) => d.unitCode === unitCode && d.flag === flag);
      if (recorded)
        return refuse(
          reject(
            'WRONG_STATE',
            'block.proposal-dossier-once',
            `The proposal of ${unitCode} already became dossier ${recorded.dossierId}`,
            { dossierId: recorded.dossierId },
          ),
        );
      return accept([{ type: 'BlockYearProposalDossierRecorded', data: c.data }]);
    }
    case 'CloseBlockYear': {
      if (s.phase !== 'PROPOSED') return wrongPhase(s, c.type, ['PROPOSED']);
      if (!isSecretariat(actor)) return forbidden(c.type, 'the secretariat');
      return accept([{ type: 'BlockYearClosed', data: { ranking: s.ranking ?? [] } }]);
    }
  }
}

/** The mid-year check's content: a date of the block's year not after today, a summary, one remark per member at most. */
function checkMidYear(
  year: number,
  members: string[],
  d: { heldOn: string; summary: string; remarks?: MidYearRemark[] },
  today: string,
): Rejection | undefined {
  if (!isIsoDate(d.heldOn))
    return reject('INVALID', 'block.mid-year-date', 'heldOn must be an ISO date (YYYY-MM-DD)', { field: 'heldOn' });
  if (Number(d.heldOn.slice(0, 4)) !== year)
    return reject('INVALID', 'block.mid-year-date', `The mid-year check is held within ${year}`, {
      field: 'heldOn',
      year,
    });
  if (d.heldOn > today)
    return reject(
      'INVALID',
      'block.mid-year-date-future',
      `The mid-year check is recorded once held (today is ${today})`,
      {
        field: 'heldOn',
      },
    );
  if (!d.summary.trim())
    return reject('INVALID', 'block.mid-year-summary', 'The mid-year check states its summary', { field: 'summary' });
  const remarked = new Set<string>();
  for (const r of d.remarks ?? []) {
    if (!members.includes(r.unitCode))
      return reject('INVALID', 'block.member', `${r.unitCode} is not a member of the block`, { field: 'remarks' });
    if (remarked.has(r.unitCode) || !r.remark.trim())
      return reject('INVALID', 'block.mid-year-remarks', 'One remark, not empty, per member unit', {
        field: 'remarks',
        unitCode: r.unitCode,
      });
    remarked.add(r.unitCode);
  }
  return undefined;
}

export function evolveBlockYear(s: BlockYearState, e: BlockYearEvent): BlockYearState {
  const next = { ...s, seq: s.seq + 1 };
  switch (e.type) {
    case 'BlockYearOpened':
      return { ...next, phase: 'TEMPLATE_PENDING', opening: e.data };
    case 'BlockYearTemplateAdopted':
      return { ...next, phase: 'TEMPLATE_ADOPTED', template: e.data };
    case 'BlockYearTemplateApproved':
      return { ...next, phase: 'PLEDGING', templateApproval: { approvedOn: e.data.approvedOn } };
    case 'BlockYearPledgeSigned':
      return { ...next, pledges: [...s.pledges, { unitCode: e.data.unitCode, signedOn: e.data.signedOn }] };
    case 'BlockYearPledgesCompleted':
      return { ...next, phase: 'IN_PROGRESS' };
    case 'BlockYearMidYearChecked':
      return { ...next, midYearCheck: e.data };
    case 'BlockYearSelfAssessmentOpened':
      return { ...next, phase: 'SELF_ASSESSMENT', selfAssessmentDeadline: e.data.deadline };
    case 'BlockYearSelfAssessed':
      return { ...next, assessments: [...s.assessments.filter((a) => a.unitCode !== e.data.unitCode), e.data] };
    case 'BlockYearSelfAssessmentClosed':
      return { ...next, phase: 'CROSS_REVIEW', missingAssessments: e.data.missing };
    case 'BlockYearScoreAdjusted':
      return { ...next, adjustments: [...s.adjustments, e.data] };
    case 'BlockYearRanked':
      return { ...next, phase: 'RANKED', ranking: e.data.ranking };
    case 'BlockYearFlagsProposed':
      return { ...next, phase: 'PROPOSED', proposals: e.data };
    case 'BlockYearProposalDossierRecorded':
      return { ...next, proposalDossiers: [...(s.proposalDossiers ?? []), e.data] };
    case 'BlockYearClosed':
      return { ...next, phase: 'CLOSED', ranking: e.data.ranking };
  }
}

export const evolveBlockYearAll = (s: BlockYearState, events: readonly BlockYearEvent[]): BlockYearState =>
  events.reduce(evolveBlockYear, s);

/** The one deadline of a block year: the self-assessment closes at the end of its deadline day (Asia/Ho_Chi_Minh). */
export function pendingBlockYearTimer(s: BlockYearState): { dueAt: number; command: BlockYearCommand } | undefined {
  if (s.phase === 'SELF_ASSESSMENT' && s.selfAssessmentDeadline)
    return { dueAt: endOfDayInVietnam(s.selfAssessmentDeadline), command: { type: 'CloseSelfAssessment', data: {} } };
  return undefined;
}

export type { BlockStanding } from './standing';
export type { BlockMeetingVote, FlagKind, FlagVoteTally } from './meeting-vote';
export { FLAG_KINDS } from './meeting-vote';

/** The content of a nomination dossier a flag proposal becomes: what the API gives the dossier service to create. */
export interface FlagDossierDraft {
  awardCode: string;
  title: string;
  nominee: { kind: 'COLLECTIVE'; fullName: string };
  achievements: string;
  record: { evaluationYear: number; ratings: []; awards: []; initiatives: []; collectiveYears: [] };
  parts: { kind: 'EVIDENCE'; ref: string; copy: 'ORIGINAL' }[];
}

/**
 * A proposed unit's dossier for its flag, pre-filled from the block year: the collective nominee (the unit), the
 * evaluation year, achievements citing the block, its rank and points and the meeting's vote, and the meeting minutes
 * as evidence. The unit's clerk completes it (tờ trình, báo cáo thành tích) and submits it as any dossier. Undefined
 * when the unit was not proposed for that flag.
 */
export function flagDossierDraft(
  s: BlockYearState,
  unitCode: string,
  flag: FlagKind,
  awardCode: string,
): FlagDossierDraft | undefined {
  const o = s.opening;
  const p = s.proposals;
  const award = findAward(awardCode);
  const proposed = flag === 'PROVINCIAL' ? p?.provincial : p?.government;
  if (!o || !p || !award || !proposed?.includes(unitCode)) return undefined;
  const unitName = o.members.find((m) => m.unitCode === unitCode)?.name ?? unitCode;
  const row = s.ranking?.find((r) => r.unitCode === unitCode);
  const tally = p.vote?.tallies.find((t) => t.unitCode === unitCode && t.flag === flag);
  const minutes = `Biên bản họp ${o.blockName} số ${p.minutesRef} ngày ${p.meetingDate}`;
  const achievements = [
    `Được ${o.blockName} suy tôn đề nghị tặng ${award.nameVi} năm ${o.year}.`,
    ...(row
      ? [
          `Xếp hạng ${row.rank}/${s.ranking?.length ?? 0} của khối, tổng điểm ${row.total} (điểm tiêu chí ${row.criteriaPoints}, điểm thưởng ${row.bonus}, điểm trừ ${row.penalty}).`,
        ]
      : []),
    ...(tally && p.vote
      ? [
          `Biểu quyết ${p.vote.method === 'SECRET' ? 'bằng phiếu kín' : 'công khai'}: ${tally.votesFor}/${p.vote.present.length} đơn vị có mặt tán thành (khối có ${o.members.length} đơn vị).`,
        ]
      : []),
    `Minh chứng: ${minutes}.`,
  ].join('\n');
  return {
    awardCode: award.code,
    title: `Đề nghị tặng ${award.nameVi} năm ${o.year} cho ${unitName}`.slice(0, 300),
    nominee: { kind: 'COLLECTIVE', fullName: unitName },
    achievements,
    record: { evaluationYear: o.year, ratings: [], awards: [], initiatives: [], collectiveYears: [] },
    parts: [{ kind: 'EVIDENCE', ref: minutes.slice(0, 300), copy: 'ORIGINAL' }],
  };
}
