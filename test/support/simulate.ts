/**
 * Drives the pure domain through the provincial route without Temporal, producing the events the workflow would
 * store. For tests and benchmarks of the persistence layer (rebuild, verification) that need many realistic streams.
 */
import { randomUUID } from 'node:crypto';
import { decide, initialDossierState, envelop, type Actor, type DossierCommand, type EventEnvelope } from '@tdkt/domain';

const who = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({ userId, role, ...(unitCode ? { unitCode } : {}) });

/** The provincial route, cut after `steps` commands (1 = created … 7 = awarded). */
export function provincialRoute(unitCode: string, nominee: string, approve = true): [Actor, DossierCommand][] {
  return [
    [who('UNIT_CLERK', `clerk-${unitCode}`, unitCode), { type: 'CreateDossier', data: { awardCode: 'BK_TINH', unitCode, title: `Bằng khen cho ${nominee}`, nominee: { kind: 'INDIVIDUAL', fullName: nominee }, achievements: 'Hoàn thành xuất sắc nhiệm vụ' } }],
    [who('UNIT_CLERK', `clerk-${unitCode}`, unitCode), { type: 'SubmitDossier', data: {} }],
    [who('UNIT_HEAD', `head-${unitCode}`, unitCode), { type: 'ApproveAtUnit', data: {} }],
    [who('SECRETARIAT_OFFICER', 'sec-1'), { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2', 'm3'] } }],
    [who('COUNCIL_MEMBER', 'm1'), { type: 'CastVote', data: { approve } }],
    [who('COUNCIL_MEMBER', 'm2'), { type: 'CastVote', data: { approve } }],
    [who('COUNCIL_MEMBER', 'm3'), { type: 'CastVote', data: { approve: true } }],
  ];
}

/** Events of one dossier taken `steps` commands along the route, at a fixed clock. */
export function simulateDossier(opts: { steps: number; unitCode?: string; nominee?: string; approve?: boolean; now?: number }): EventEnvelope[] {
  let state = initialDossierState(randomUUID());
  const now = opts.now ?? Date.UTC(2025, 8, 15, 3);
  const out: EventEnvelope[] = [];
  for (const [actor, command] of provincialRoute(opts.unitCode ?? 'SGDDT', opts.nominee ?? 'Nguyễn Văn A', opts.approve).slice(0, opts.steps)) {
    const result = decide(state, command, { actor, now });
    if (!result.ok) throw new Error(`simulation refused ${command.type}: ${result.rejection.message}`);
    const { envelopes, next } = envelop(state, result.value, { actor, occurredAt: new Date(now).toISOString(), requestId: randomUUID() });
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
