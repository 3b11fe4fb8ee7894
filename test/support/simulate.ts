/**
 * Drives the pure domain through the provincial route without Temporal, producing the events the workflow would
 * store. For tests and benchmarks of the persistence layer (rebuild, verification) that need many realistic streams.
 */
import { randomUUID } from 'node:crypto';
import {
  decide,
  exampleBkTinhContent,
  initialDossierState,
  envelop,
  vietnamDate,
  type Actor,
  type DossierCommand,
  type EventEnvelope,
  type SubjectKind,
} from '@tdkt/domain';

const who = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});

/** Optional variations of the route; without them it is the BK_TINH route with council m1, m2, m3. */
export interface RouteOptions {
  awardCode?: string;
  /** The council members, in voting order: one CastVote step each (the last one always approves). */
  councilMembers?: string[];
  /** The nominee: an individual by default. */
  nomineeKind?: SubjectKind;
  directWorker?: boolean;
  /** The movement (phong trào thi đua) the dossier names on creation. */
  movementId?: string;
  /** Adds the provincial decider's decision as the step after the last vote: an award (with this number) or a rejection. */
  decision?: { approve: true; number?: string } | { approve: false; reason?: string };
}

/** The provincial route, cut after `steps` commands (1 = created … 7 = the third vote, with the default council; 8 = the `decision`). */
export function provincialRoute(
  unitCode: string,
  nominee: string,
  approve = true,
  opts: RouteOptions = {},
): [Actor, DossierCommand][] {
  const members = opts.councilMembers ?? ['m1', 'm2', 'm3'];
  return [
    [
      who('UNIT_CLERK', `clerk-${unitCode}`, unitCode),
      {
        type: 'CreateDossier',
        data: {
          awardCode: opts.awardCode ?? 'BK_TINH',
          unitCode,
          title: `Bằng khen cho ${nominee}`,
          nominee: {
            kind: opts.nomineeKind ?? 'INDIVIDUAL',
            fullName: nominee,
            ...(opts.directWorker !== undefined ? { directWorker: opts.directWorker } : {}),
          },
          achievements: 'Hoàn thành xuất sắc nhiệm vụ',
          ...exampleBkTinhContent(2024),
          ...(opts.movementId ? { movementId: opts.movementId } : {}),
        },
      },
    ],
    [who('UNIT_CLERK', `clerk-${unitCode}`, unitCode), { type: 'SubmitDossier', data: {} }],
    [who('UNIT_HEAD', `head-${unitCode}`, unitCode), { type: 'ApproveAtUnit', data: {} }],
    [who('SECRETARIAT_OFFICER', 'sec-1'), { type: 'AcceptAppraisal', data: { councilMembers: members } }],
    ...members.map((m, i): [Actor, DossierCommand] => [
      who('COUNCIL_MEMBER', m),
      { type: 'CastVote', data: { approve: i === members.length - 1 ? true : approve } },
    ]),
    ...(opts.decision ? [decisionStep(opts.decision)] : []),
  ];
}

function decisionStep(d: NonNullable<RouteOptions['decision']>): [Actor, DossierCommand] {
  const data = d.approve
    ? {
        approve: true,
        allocated: {
          number: d.number ?? `${randomUUID().slice(0, 6)}/QĐ-UBND`,
          authority: 'PROVINCIAL_CHAIRMAN',
          year: 0,
        },
      }
    : { approve: false, reason: d.reason ?? 'Chưa đủ tiêu chuẩn' };
  return [who('PROVINCIAL_DECIDER', 'chairman'), { type: 'DecideDossier', data }];
}

/** As the workflow does: a decision number belongs to the year the decision is made. */
const numberedIn = (command: DossierCommand, at: number): DossierCommand =>
  command.type === 'DecideDossier' && command.data.allocated
    ? {
        ...command,
        data: { ...command.data, allocated: { ...command.data.allocated, year: Number(vietnamDate(at).slice(0, 4)) } },
      }
    : command;

/** Builds the actors of `then` commands. */
export const simulatedActor = who;

/** Events of one dossier taken `steps` commands along the route, at a fixed clock unless `dayOffsets` moves it. */
export function simulateDossier(
  opts: RouteOptions & {
    steps: number;
    unitCode?: string;
    nominee?: string;
    approve?: boolean;
    now?: number;
    /** Commands issued after the route's first `steps` (a supplement request, a return, an escalation by the SYSTEM actor). */
    then?: [Actor, DossierCommand][];
    /** Days after `now` at which each command runs, by position (route, then `then`); the last offset repeats. */
    dayOffsets?: readonly number[];
  },
): EventEnvelope[] {
  let state = initialDossierState(randomUUID());
  const now = opts.now ?? Date.UTC(2025, 8, 15, 3);
  const out: EventEnvelope[] = [];
  const route = provincialRoute(opts.unitCode ?? 'SGDDT', opts.nominee ?? 'Nguyễn Văn A', opts.approve, opts).slice(
    0,
    opts.steps,
  );
  const offsets = opts.dayOffsets ?? [0];
  for (const [i, [actor, routeCommand]] of [...route, ...(opts.then ?? [])].entries()) {
    const at = now + (offsets[Math.min(i, offsets.length - 1)] ?? 0) * 86_400_000;
    const command = numberedIn(routeCommand, at);
    const result = decide(state, command, { actor, now: at });
    if (!result.ok) throw new Error(`simulation refused ${command.type}: ${result.rejection.message}`);
    const { envelopes, next } = envelop(state, result.value, {
      actor,
      occurredAt: new Date(at).toISOString(),
      requestId: randomUUID(),
    });
    out.push(...envelopes);
    state = next;
  }
  return out;
}

/** Each command's events as one append batch, in order. */
export function batchesOf(events: EventEnvelope[]): EventEnvelope[][] {
  const batches = new Map<string, EventEnvelope[]>();
  for (const e of events) batches.set(e.requestId, [...(batches.get(e.requestId) ?? []), e]);
  return [...batches.values()];
}
