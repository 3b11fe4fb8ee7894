import type { EventStore } from '@tdkt/persistence';
import type { EmulationActivities } from '@tdkt/workflows/src/emulation-messages';
import { failFastOnDataError } from './data-errors';

/** The block-year workflow's activities: one append (events and read models in one transaction), idempotent by (stream, seq). */
export function createEmulationActivities(deps: { eventStore: EventStore }): EmulationActivities {
  return {
    appendBlockYearEvents: failFastOnDataError((events) => deps.eventStore.append(events)),
  };
}
