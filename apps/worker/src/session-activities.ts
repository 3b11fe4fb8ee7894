import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import { SYSTEM_ACTOR } from '@tdkt/domain';
import type { DossierQueries, EventStore, SecretBallotBox } from '@tdkt/persistence';
import { sessionDecisionNumberKey, type SessionActivities } from '@tdkt/workflows/src/council-messages';
import { failFastOnDataError } from './data-errors';

const refusal = (e: unknown): string | undefined =>
  e instanceof WorkflowUpdateFailedError ? (e.cause?.message ?? e.message) : undefined;

/** The council session workflow's activities: the event store, the secret-ballot box, and the dossiers' workflows. */
export function createSessionActivities(deps: {
  eventStore: EventStore;
  dossiers: DossierQueries;
  workflows: WorkflowGateway;
  ballotBox: SecretBallotBox;
}): SessionActivities {
  return {
    appendSessionEvents: failFastOnDataError((events) => deps.eventStore.append(events)),

    async scheduleDossier({ sessionId, dossierId, members, convener }) {
      try {
        await deps.workflows.commandDossier(dossierId, {
          command: { type: 'ScheduleForCouncil', data: { sessionId, members } },
          actor: convener,
          requestId: `session:${sessionId}:schedule:${dossierId}`,
        });
        return { ok: true };
      } catch (e) {
        const reason = refusal(e);
        if (reason) return { ok: false, reason };
        throw e;
      }
    },

    countSecretBallots: (sessionId) => deps.ballotBox.count(sessionId),

    sealBallotBox: (sessionId) => deps.ballotBox.empty(sessionId),

    async recordDossierResult({ sessionId, dossierId, tally }) {
      const { dossierId: _ignored, ballot: _b, recused: _r, undeposited: _u, ...counts } = tally;
      try {
        await deps.workflows.commandDossier(dossierId, {
          command: { type: 'RecordCouncilResult', data: { sessionId, tally: counts } },
          actor: SYSTEM_ACTOR,
          requestId: `session:${sessionId}:result:${dossierId}`,
        });
        return { ok: true };
      } catch (e) {
        const reason = refusal(e);
        if (reason) return { ok: false, reason };
        throw e;
      }
    },

    async decideSessionDossier({ sessionId, dossierId, actor, legalBasis }) {
      const requestId = `${sessionDecisionNumberKey(sessionId)}:${dossierId}`;
      try {
        const state = await deps.workflows.commandDossier(dossierId, {
          command: {
            type: 'DecideDossier',
            data: {
              approve: true,
              numberRequestId: sessionDecisionNumberKey(sessionId),
              ...(legalBasis ? { legalBasis } : {}),
            },
          },
          actor,
          requestId,
        });
        if (!state.decision) return { ok: false, reason: `The dossier is ${state.status} without a decision` };
        return { ok: true, decision: state.decision };
      } catch (e) {
        if (e instanceof WorkflowNotFoundError) {
          // The dossier's workflow has ended (rejected, withdrawn, already awarded) or never existed.
          const dossier = await deps.dossiers.findById(dossierId);
          return {
            ok: false,
            reason: dossier ? `The dossier is ${dossier.status}, not AWAITING_DECISION` : 'No such dossier',
          };
        }
        const reason = refusal(e);
        if (reason) return { ok: false, reason };
        throw e;
      }
    },
  };
}
