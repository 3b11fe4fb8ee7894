/** Messages between the API and the council session workflow (one module, imported by both sides). */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  BallotTotals,
  IssuedDecision,
  ItemTally,
  SessionCommand,
  SessionDecision,
  SessionEnvelope,
  SessionState,
} from '@tdkt/domain';

export const councilSessionWorkflowId = (sessionId: string): string => `council-session-${sessionId}`;

export interface SessionCommandRequest {
  command: SessionCommand;
  actor: Actor;
  requestId: string;
}

export const sessionCommandUpdate = defineUpdate<SessionState, [SessionCommandRequest]>('sessionCommand');
export const sessionStateQuery = defineQuery<SessionState>('sessionState');

/** One decision for many dossiers of a closed session: the dossiers to award (default: the whole agenda) and the basis. */
export interface SessionDecisionRequest {
  actor: Actor;
  requestId: string;
  dossierIds?: string[];
  legalBasis?: string[];
}
export const sessionDecisionUpdate = defineUpdate<SessionDecision, [SessionDecisionRequest]>('sessionDecision');
/** The one allocation key of a session's decision: every dossier of it takes the number allocated under this key. */
export const sessionDecisionNumberKey = (sessionId: string): string => `session:${sessionId}:decision`;

/** The session workflow's activities; implemented in apps/worker. */
export interface SessionActivities {
  appendSessionEvents(events: SessionEnvelope[]): Promise<{ appended: number; duplicate: boolean; headHash: string }>;
  /** Puts a dossier on the session's agenda (its own workflow decides whether it can go); false with a reason if not. */
  scheduleDossier(input: {
    sessionId: string;
    dossierId: string;
    members: string[];
    convener: Actor;
  }): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** The secret-ballot box's totals per item, for counting at close (no voter and no single ballot is in it). */
  countSecretBallots(sessionId: string): Promise<Record<string, BallotTotals>>;
  /** Empties the box once its totals are in the event table and rewrites its table, so no version of it stays. */
  sealBallotBox(sessionId: string): Promise<number>;
  recordDossierResult(input: {
    sessionId: string;
    dossierId: string;
    tally: ItemTally;
  }): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** DecideDossier (approve) through the dossier's own workflow, with the session's shared number key; the refusal if not. */
  decideSessionDossier(input: {
    sessionId: string;
    dossierId: string;
    actor: Actor;
    legalBasis?: string[];
  }): Promise<{ ok: true; decision: IssuedDecision } | { ok: false; reason: string }>;
}
