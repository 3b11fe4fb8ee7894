import { ApplicationFailure } from '@temporalio/common';
import { AllocationKeyConflictError, type DecisionNumbers, type EventStore } from '@tdkt/persistence';
import { isSessionEventType, type EventEnvelope } from '@tdkt/domain';
import type { ChainedEvent } from '@tdkt/persistence';
import { UNSTORABLE_DATA, type DossierActivities, type RevocationActivities } from '@tdkt/workflows/src/messages';
import { failFastOnDataError } from './data-errors';

/** A dossier's own event (the event table also holds council sessions' streams). */
const isDossierEvent = (e: ChainedEvent): e is ChainedEvent & EventEnvelope => !isSessionEventType(e.type);

/** The dossier and revocation workflows' activities: thin adapters over the persistence layer, one transaction each. */
export function createDossierActivities(deps: {
  eventStore: EventStore;
  decisionNumbers: DecisionNumbers;
}): DossierActivities & RevocationActivities {
  return {
    loadDossierEvents: async (dossierId) =>
      (await deps.eventStore.readStream(dossierId)).filter(isDossierEvent).map(({ prevHash: _p, hash: _h, ...e }) => e),
    // A data error (a NUL character in a text field…) would fail every retry: it is reported at once instead.
    appendEvents: failFastOnDataError((events) => deps.eventStore.append(events)),
    allocateDecisionNumber: failFastOnDataError(async (input) => {
      try {
        return await deps.decisionNumbers.allocate(input);
      } catch (e) {
        // A key that already numbered another dossier's decision: refused like unstorable data, never retried.
        if (e instanceof AllocationKeyConflictError) throw ApplicationFailure.nonRetryable(e.message, UNSTORABLE_DATA);
        throw e;
      }
    }),
  };
}
