import type { DecisionNumbers, EventStore } from '@tdkt/persistence';
import type { DossierActivities } from '@tdkt/workflows/src/messages';

/** The dossier workflow's activities: thin adapters over the persistence layer, one transaction each. */
export function createDossierActivities(deps: { eventStore: EventStore; decisionNumbers: DecisionNumbers }): DossierActivities {
  return {
    appendEvents: (events) => deps.eventStore.append(events),
    allocateDecisionNumber: (input) => deps.decisionNumbers.allocate(input),
  };
}
