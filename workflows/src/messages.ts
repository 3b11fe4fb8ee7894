/**
 * Every message the API and the workflows exchange: one module, imported by both sides.
 * Only type imports and @temporalio/workflow definitions live here, so the API can import it safely.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, CalendarYear, DossierCommand, DossierState, EventEnvelope, RevocationCommand } from '@tdkt/domain';

export const DEFAULT_TASK_QUEUE = 'tdkt-dossiers';
export const dossierWorkflowId = (dossierId: string): string => `dossier-${dossierId}`;

export interface DossierWorkflowInput {
  dossierId: string;
  /** Index the workflow by stage, award, unit and level (needs the search attributes registered on the namespace). */
  indexSearchAttributes?: boolean;
}

/** A command as the API sends it: what, who, and the client's idempotency key (also the Temporal update id). */
export interface CommandRequest {
  command: DossierCommand;
  actor: Actor;
  requestId: string;
  /** The operator's holiday-calendar years (TDKT_CALENDAR_FILES), attached by the API; the workflow keeps the last ones. */
  calendarYears?: CalendarYear[];
}

/**
 * What an accepted command answers: where the dossier now stands, and the decision or tờ trình it was numbered with.
 * Not the whole state (its parts, record and personal data stay in the workflow; the API answers from the read model).
 */
export interface CommandOutcome {
  dossierId: string;
  status: DossierState['status'];
  /** Events in the stream after the command. */
  seq: number;
  decision?: DossierState['decision'];
  proposal?: DossierState['proposal'];
}
export const outcomeOf = (s: DossierState): CommandOutcome => ({
  dossierId: s.dossierId,
  status: s.status,
  seq: s.seq,
  ...(s.decision ? { decision: s.decision } : {}),
  ...(s.proposal ? { proposal: s.proposal } : {}),
});

export const dossierCommandUpdate = defineUpdate<CommandOutcome, [CommandRequest]>('dossierCommand');
export const dossierStateQuery = defineQuery<DossierState>('dossierState');

/** Search attributes for operators in the Temporal Web UI. No personal data goes here. */
const keyword = <N extends string>(name: N) => ({ name, type: 'KEYWORD' as const });
export const SA_STAGE = keyword('TdktStage');
export const SA_AWARD = keyword('TdktAwardCode');
export const SA_UNIT = keyword('TdktUnitCode');
export const SA_LEVEL = keyword('TdktLevel');
export const SEARCH_ATTRIBUTES = [SA_STAGE, SA_AWARD, SA_UNIT, SA_LEVEL];

/**
 * The failure type of an activity whose data the database refuses (SQLSTATE class 22 or 23, e.g. a NUL character):
 * non-retryable, and the workflow refuses the command instead of retrying it for ever.
 */
export const UNSTORABLE_DATA = 'UNSTORABLE_DATA';

/** The activities the dossier workflow calls; implemented in apps/worker. */
export interface DossierActivities {
  appendEvents(events: EventEnvelope[]): Promise<{ appended: number; duplicate: boolean; headHash: string }>;
  /** documentKind: 'QĐ' (a decision, the default) or 'TTr' (the chairman's tờ trình to the centre, its own series). */
  allocateDecisionNumber(input: {
    authority: string;
    issuerCode: string;
    year: number;
    dossierId: string;
    requestId: string;
    documentKind?: 'QĐ' | 'TTr';
  }): Promise<{
    number: string;
    authority: string;
    year: number;
  }>;
}

// ── Revocation after the award (rule 34): a workflow of its own, appending to the awarded dossier's stream ──

export const revocationWorkflowId = (dossierId: string): string => `revocation-${dossierId}`;

export interface RevocationWorkflowInput {
  dossierId: string;
}

/** RevokeAward or RecordRecovery, as the API sends it; the request id is also the Temporal update id. */
export interface RevocationRequest {
  command: RevocationCommand;
  actor: Actor;
  requestId: string;
}

/** Answers the outcome, like a dossier command (the API answers from the read model; the parts and nominee stay here). */
export const revocationCommandUpdate = defineUpdate<CommandOutcome, [RevocationRequest]>('revocationCommand');
export const revocationStateQuery = defineQuery<DossierState>('revocationState');

/** The activities the revocation workflow calls; implemented in apps/worker beside the dossier's. */
export interface RevocationActivities {
  /** The dossier's stored events in seq order, from the event table. */
  loadDossierEvents(dossierId: string): Promise<EventEnvelope[]>;
  appendEvents: DossierActivities['appendEvents'];
}

// ── The central stage of a state-level award (rules 3, 24, 25): a child workflow of the dossier's ──

export const centralStageWorkflowId = (dossierId: string): string => `central-${dossierId}`;

/** The dossier as the parent hands it over (status FORWARDED_TO_CENTRE) and the hash of its last event. */
export interface CentralStageInput {
  state: DossierState;
  chainHead?: string;
}

/** The dossier after the centre: AWARDED by the Prime Minister or the President, or REJECTED. */
export interface CentralStageResult {
  state: DossierState;
  chainHead?: string;
}

/** What the central stage hands to the centre (the tờ trình and its package), through the central gateway. */
export interface CentralForwarding {
  dossierId: string;
  awardCode: string;
  proposalNumber: string;
  nomineeName: string;
  requestId: string;
}

/** The activities of the central stage: the central gateway (apps/worker/src/central-gateway.ts) and the event store. */
export interface CentralActivities {
  forwardToCentre(input: CentralForwarding): Promise<{ reference: string }>;
}
