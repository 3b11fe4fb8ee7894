/**
 * Emulation movements (phong trào thi đua, Luật Thi đua, khen thưởng 06/2022 Điều 16–17; law page §1.3 "basis"): a
 * movement is launched by a decision (quyết định phát động), runs for a period with objectives and criteria, is
 * reviewed mid-term and at the end (sơ kết, tổng kết) and closed. Emulation titles rest on a movement (Law Art. 7).
 *
 * A movement is its own stream in the event table (events start with "Movement"); nothing waits on a timer (the
 * review milestones are dates the secretariat acts on, not deadlines the engine enforces), so no workflow runs for it:
 * the API decides, appends and the projection follows, like a round or a block.
 *
 * A thematic round (RoundCreated, rule 32) IS a thematic movement: evolveMovement reads RoundCreated as the launch of
 * a THEMATIC movement whose period is the round's intake window, so existing round streams are movements without any
 * event being rewritten; later status changes of such a movement are appended to the round's own stream.
 */
import { findAward } from '../award/catalog';
import type { Actor, ActorRole } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { Envelope } from '../shared/envelope';
import type { RoundEvent } from '../round/round';

export const MOVEMENT_KINDS = ['REGULAR', 'THEMATIC'] as const;
/** REGULAR: thường xuyên (yearly, by sector or area); THEMATIC: theo đợt / chuyên đề (a theme or a stage). */
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MOVEMENT_SCOPES = ['PROVINCE', 'BLOCK', 'UNIT'] as const;
export type MovementScopeLevel = (typeof MOVEMENT_SCOPES)[number];
export const MOVEMENT_STATUSES = ['LAUNCHED', 'IN_PROGRESS', 'REVIEWED', 'CLOSED'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];

/** Who the movement is for: the whole province, one emulation block (its code) or one unit (its code). */
export interface MovementScope {
  level: MovementScopeLevel;
  code: string;
}

/** The decision that launches the movement (quyết định phát động): its number, date and signer. */
export interface LaunchDecision {
  number: string;
  /** ISO date. */
  date: string;
  signer: string;
}

/** An optional cap on one title within the movement: local policy only (the law sets no quota, law page §1.3). */
export interface AwardQuota {
  awardCode: string;
  max: number;
}

/**
 * A movement's quota for the award of a dossier at its submission, as the API read it: the launcher's cap and how
 * many of the movement's other dossiers for that award already hold a place (submitted and in progress, or awarded;
 * a draft, a returned, withdrawn or rejected dossier and a revoked award hold none).
 */
export interface MovementQuotaFinding {
  movementId: string;
  movementName: string;
  awardCode: string;
  max: number;
  taken: number;
}

/** The dossier statuses that hold a place in a movement's quota (submitted and not ended without an award). */
export const QUOTA_HOLDING_EXCLUDED = [
  'DRAFT',
  'RETURNED',
  'WITHDRAWN',
  'REJECTED',
  'REVOKED',
  'RECOVERY_PENDING',
  'CLOSED',
] as const;

export interface MovementDefinition {
  name: string;
  kind: MovementKind;
  scope: MovementScope;
  /** ISO dates, both inclusive. For a round: its intake window. */
  period: { from: string; to: string };
  objectives: string[];
  criteria: string[];
  launchDecision: LaunchDecision;
  /** Organisations launching it together, e.g. "Liên đoàn Lao động tỉnh", "Ủy ban MTTQ Việt Nam tỉnh". */
  coOrganisers: string[];
  /** The titles and forms the movement leads to (a round's award list). */
  awardCodes: string[];
  quotas?: AwardQuota[];
  /** Sơ kết (mid-term review, optional) and tổng kết (final review), ISO dates. */
  milestones: { midTermReview?: string; finalReview: string };
}

/** The two review milestones: sơ kết (mid-term) and tổng kết (final). */
export const REVIEW_MILESTONES = ['MID_TERM', 'FINAL'] as const;
export type ReviewMilestone = (typeof REVIEW_MILESTONES)[number];

/** A decision issued on one of the movement's dossiers (the API adds them from the read model). */
export interface MovementDecision {
  dossierId: string;
  number: string;
  /** The date it was signed, ISO. */
  date: string;
}

/** A review's ceremony (lễ sơ kết, tổng kết), with the latest decision it follows. */
export interface ReviewCeremony {
  milestone: ReviewMilestone;
  ceremonyDate: string;
  /** The movement's latest decision when the ceremony was set; absent when none had been issued. */
  latestDecision?: MovementDecision;
}

export type MovementEvent =
  | { type: 'MovementLaunched'; data: MovementDefinition }
  | { type: 'MovementStatusChanged'; data: { from: MovementStatus; to: MovementStatus; on: string; note?: string } }
  | { type: 'MovementCeremonyScheduled'; data: ReviewCeremony };
export type MovementCommand =
  | { type: 'LaunchMovement'; data: MovementDefinition }
  | { type: 'ChangeMovementStatus'; data: { to: MovementStatus; note?: string } }
  /** decisions: the decisions issued on the movement's awarded dossiers, added by the API from the read model. */
  | {
      type: 'ScheduleReviewCeremony';
      data: { milestone: ReviewMilestone; ceremonyDate: string; decisions: MovementDecision[] };
    };

export const isMovementEventType = (type: string): boolean => type.startsWith('Movement');
export type MovementEnvelope = Envelope<MovementEvent>;

export interface MovementState {
  movementId: string;
  /** NEW until launched (or created as a round). */
  status: MovementStatus | 'NEW';
  /** Where it came from: launched as a movement, or created as a thematic round (rule 32). */
  source?: 'MOVEMENT' | 'ROUND';
  /** A round has no launch decision, scope or milestones of its own: absent fields are not invented. */
  definition?: Omit<MovementDefinition, 'launchDecision' | 'scope'> & {
    launchDecision?: LaunchDecision;
    scope?: MovementScope;
  };
  transitions: { from: MovementStatus; to: MovementStatus; on: string; note?: string }[];
  /** The review ceremonies set so far, the latest per milestone (absent in states stored before they existed). */
  ceremonies?: ReviewCeremony[];
}

export const initialMovementState = (movementId: string): MovementState => ({
  movementId,
  status: 'NEW',
  transitions: [],
});

/** The secretariat launches and advances movements on behalf of the provincial council and UBND. */
export const MOVEMENT_ORGANISERS: readonly ActorRole[] = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'];
/** Only forward, one step at a time. */
const NEXT: Readonly<Record<MovementStatus, MovementStatus | undefined>> = {
  LAUNCHED: 'IN_PROGRESS',
  IN_PROGRESS: 'REVIEWED',
  REVIEWED: 'CLOSED',
  CLOSED: undefined,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string | undefined): d is string =>
  typeof d === 'string' &&
  ISO_DATE.test(d) &&
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
  new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const texts = (list: readonly string[]) => [...new Set(list.map((t) => t.trim()).filter(Boolean))];

function checkDefinition(d: MovementDefinition): Decision<MovementDefinition> {
  const invalid = (rule: string, message: string) => refuse<MovementDefinition>(reject('INVALID', rule, message));
  const name = d.name.trim();
  if (!name) return invalid('movement.name', 'A movement has a name');
  if (!MOVEMENT_KINDS.includes(d.kind)) return invalid('movement.kind', `A movement is ${MOVEMENT_KINDS.join(' or ')}`);
  if (!MOVEMENT_SCOPES.includes(d.scope.level) || !d.scope.code.trim())
    return invalid('movement.scope', 'A movement names its scope (PROVINCE, BLOCK or UNIT) and its code');
  if (!validDate(d.period.from) || !validDate(d.period.to))
    return invalid('movement.period', 'The period runs between two ISO dates (YYYY-MM-DD)');
  if (d.period.to < d.period.from)
    return invalid('movement.period', `The period ends (${d.period.to}) before it starts (${d.period.from})`);
  const objectives = texts(d.objectives);
  const criteria = texts(d.criteria);
  if (objectives.length === 0)
    return invalid('movement.objectives', 'A movement states at least one objective (mục tiêu)');
  if (criteria.length === 0)
    return invalid('movement.criteria', 'A movement states at least one criterion (tiêu chí thi đua)');
  const ld = d.launchDecision;
  if (!ld.number.trim() || !ld.signer.trim() || !validDate(ld.date))
    return invalid('movement.launch-decision', 'The launch decision has a number, an ISO date and a signer');
  if (ld.date > d.period.to)
    return invalid(
      'movement.launch-decision',
      `The launch decision (${ld.date}) comes after the period ends (${d.period.to})`,
    );
  const awardCodes = [...new Set(d.awardCodes)];
  const unknown = [...awardCodes, ...(d.quotas ?? []).map((q) => q.awardCode)].filter((c) => !findAward(c));
  if (unknown.length) return invalid('movement.awards', `Unknown award codes: ${[...new Set(unknown)].join(', ')}`);
  const quotaCodes = (d.quotas ?? []).map((q) => q.awardCode);
  if (new Set(quotaCodes).size !== quotaCodes.length) return invalid('movement.quotas', 'One quota per award');
  if ((d.quotas ?? []).some((q) => !Number.isInteger(q.max) || q.max < 1))
    return invalid('movement.quotas', 'A quota is a whole number of awards, at least 1');
  const { midTermReview, finalReview } = d.milestones;
  if (!validDate(finalReview) || (midTermReview !== undefined && !validDate(midTermReview)))
    return invalid('movement.milestones', 'The reviews (sơ kết, tổng kết) are ISO dates');
  if (midTermReview !== undefined && (midTermReview < d.period.from || midTermReview > d.period.to))
    return invalid(
      'movement.milestones',
      `The mid-term review (${midTermReview}) falls within the period ${d.period.from}–${d.period.to}`,
    );
  if (finalReview < d.period.from || (midTermReview !== undefined && finalReview < midTermReview))
    return invalid('movement.milestones', 'The final review comes after the start and after the mid-term review');
  return accept({
    name,
    kind: d.kind,
    scope: { level: d.scope.level, code: d.scope.code.trim() },
    period: { ...d.period },
    objectives,
    criteria,
    launchDecision: { number: ld.number.trim(), date: ld.date, signer: ld.signer.trim() },
    coOrganisers: texts(d.coOrganisers),
    awardCodes,
    ...(d.quotas?.length ? { quotas: d.quotas.map((q) => ({ awardCode: q.awardCode, max: q.max })) } : {}),
    milestones: { ...(midTermReview ? { midTermReview } : {}), finalReview },
  });
}

/** Pure: a command on a movement's state, by an actor, on a day (ISO date, Asia/Ho_Chi_Minh). */
export function decideMovement(
  state: MovementState,
  command: MovementCommand,
  ctx: { actor: Actor; today: string },
): Decision<MovementEvent[]> {
  if (!MOVEMENT_ORGANISERS.includes(ctx.actor.role))
    return refuse(
      reject(
        'FORBIDDEN',
        `role.${command.type}`,
        `${ctx.actor.role} may not ${command.type === 'LaunchMovement' ? 'launch' : 'advance'} a movement; allowed: ${MOVEMENT_ORGANISERS.join(', ')}`,
      ),
    );
  if (command.type === 'LaunchMovement') {
    if (state.status !== 'NEW')
      return refuse(reject('WRONG_STATE', 'movement.launched-once', 'The movement was already launched'));
    const definition = checkDefinition(command.data);
    return definition.ok ? accept([{ type: 'MovementLaunched', data: definition.value }]) : definition;
  }
  if (state.status === 'NEW') return refuse(reject('WRONG_STATE', 'movement.known', 'No such movement'));
  if (command.type === 'ScheduleReviewCeremony') return decideCeremony(state, command.data);
  const next = NEXT[state.status];
  if (command.data.to !== next)
    return refuse(
      reject(
        'WRONG_STATE',
        'movement.status-order',
        `A movement goes LAUNCHED → IN_PROGRESS → REVIEWED → CLOSED one step at a time; it is ${state.status}${next ? `, next ${next}` : ' (final)'}`,
        { status: state.status, next: next ?? null },
      ),
    );
  // Reviewed means the final review (tổng kết) was held: not before its date.
  const finalReview = state.definition?.milestones.finalReview;
  if (next === 'REVIEWED' && finalReview && ctx.today < finalReview)
    return refuse(
      reject(
        'RULE_VIOLATION',
        'movement.final-review-date',
        `The final review (tổng kết) is set for ${finalReview}; the movement cannot be marked reviewed on ${ctx.today}`,
        { finalReview },
      ),
    );
  const note = command.data.note?.trim();
  return accept([
    { type: 'MovementStatusChanged', data: { from: state.status, to: next, on: ctx.today, ...(note ? { note } : {}) } },
  ]);
}

/**
 * A review's ceremony (lễ sơ kết / tổng kết, where the awards are presented) follows the decisions it presents: its
 * date may not precede the latest decision issued on the movement's awarded dossiers (the refusal names it). A
 * mid-term ceremony needs a mid-term milestone; a closed movement sets none. Setting it again replaces it.
 */
function decideCeremony(
  state: MovementState,
  data: { milestone: ReviewMilestone; ceremonyDate: string; decisions: MovementDecision[] },
): Decision<MovementEvent[]> {
  if (state.status === 'CLOSED')
    return refuse(reject('WRONG_STATE', 'movement.ceremony-closed', 'The movement is closed; its reviews are over'));
  if (!REVIEW_MILESTONES.includes(data.milestone) || !validDate(data.ceremonyDate))
    return refuse(
      reject('INVALID', 'movement.ceremony-date', 'A ceremony names its milestone (MID_TERM, FINAL) and an ISO date'),
    );
  if (data.milestone === 'MID_TERM' && !state.definition?.milestones.midTermReview)
    return refuse(reject('INVALID', 'movement.milestones', 'The movement has no mid-term review (sơ kết)'));
  const latest = [...data.decisions].sort(
    (a, b) => b.date.localeCompare(a.date) || a.number.localeCompare(b.number),
  )[0];
  if (latest && data.ceremonyDate < latest.date)
    return refuse(
      reject(
        'RULE_VIOLATION',
        'movement.ceremony-after-decisions',
        `The ceremony on ${data.ceremonyDate} would precede decision ${latest.number} of ${latest.date}, the latest on the movement's dossiers`,
        { latestDecision: latest },
      ),
    );
  return accept([
    {
      type: 'MovementCeremonyScheduled',
      data: {
        milestone: data.milestone,
        ceremonyDate: data.ceremonyDate,
        ...(latest
          ? { latestDecision: { dossierId: latest.dossierId, number: latest.number, date: latest.date } }
          : {}),
      },
    },
  ]);
}

/** Pure. Consumes its own events and a round's RoundCreated (a THEMATIC movement over the round's window). */
export function evolveMovement(state: MovementState, event: MovementEvent | RoundEvent): MovementState {
  switch (event.type) {
    case 'MovementLaunched':
      return { ...state, status: 'LAUNCHED', source: 'MOVEMENT', definition: event.data };
    case 'RoundCreated': {
      const r = event.data;
      return {
        ...state,
        status: 'LAUNCHED',
        source: 'ROUND',
        definition: {
          name: r.name,
          kind: 'THEMATIC',
          period: { from: r.opensOn, to: r.closesOn },
          objectives: [],
          criteria: [],
          coOrganisers: [],
          awardCodes: r.awardCodes,
          milestones: { finalReview: r.closesOn },
        },
      };
    }
    case 'MovementStatusChanged':
      return { ...state, status: event.data.to, transitions: [...state.transitions, event.data] };
    case 'MovementCeremonyScheduled':
      return {
        ...state,
        ceremonies: [...(state.ceremonies ?? []).filter((c) => c.milestone !== event.data.milestone), event.data],
      };
    default:
      return state;
  }
}

export const evolveMovementAll = (
  state: MovementState,
  events: readonly (MovementEvent | RoundEvent)[],
): MovementState => events.reduce(evolveMovement, state);
