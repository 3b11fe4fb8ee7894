import { findAward, type DossierEvent, type StoredEnvelope } from '@tdkt/domain';
import { loadedStates, projectByPlan, writeChanged, type RowRead, type RowTable } from './row-batch';
import { aggregateDeltas, aggregateTotals, writeAggregateDeltas } from './statistics-aggregates';
import { planFromFold, type InMemoryFold } from './rebuild-fold';
import type { AwardFactRow, DossierStatistics, StageTimingRow } from './statistics-rows';

export type { AwardFactRow, DossierStatistics, StageTimingRow } from './statistics-rows';

const STAGE_TIMING: RowTable = {
  name: 'stage_timing',
  key: ['dossier_id'],
  owner: 'dossier_id',
  columns: [
    'dossier_id',
    'award_code',
    'unit_code',
    'subject_kind',
    'direct_worker',
    'movement_id',
    'created_at',
    'first_submitted_at',
    'submitted_at',
    'unit_approved_at',
    'appraisal_accepted_at',
    'voting_closed_at',
    'decided_at',
    'closed_at',
    'final_status',
    'returns',
    'supplement_requests',
  ],
};
const AWARD_FACT: RowTable = {
  name: 'award_fact',
  key: ['dossier_id'],
  owner: 'dossier_id',
  columns: [
    'dossier_id',
    'award_code',
    'level',
    'decider',
    'subject_kind',
    'unit_code',
    'direct_worker',
    'movement_id',
    'decision_number',
    'authority',
    'decided_on',
    'year',
  ],
};

type Timing = Partial<StageTimingRow>;
const closed = (status: 'AWARDED' | 'REJECTED' | 'WITHDRAWN', at: string): Timing => ({
  final_status: status,
  closed_at: at,
});

/**
 * What one event changes in its dossier's stage_timing row. A stage's clock is the latest pass through it: a return
 * sends the dossier back to the unit (later stages start over), and a council vote without quorum sends it back to
 * appraisal (the appraisal stage then runs until the next acceptance).
 */
function timingChanges(event: DossierEvent, row: StageTimingRow, at: string): Timing | undefined {
  switch (event.type) {
    case 'DossierSubmitted':
      return { submitted_at: at, first_submitted_at: row.first_submitted_at ?? at };
    case 'UnitApproved':
      return { unit_approved_at: at };
    case 'DossierReturned':
      return { returns: row.returns + 1, unit_approved_at: null, appraisal_accepted_at: null, voting_closed_at: null };
    case 'SupplementRequested':
      return { supplement_requests: row.supplement_requests + 1 };
    case 'AppraisalAccepted':
      return { appraisal_accepted_at: at };
    case 'CouncilVotingClosed':
      if (!event.data.quorumMet) return { appraisal_accepted_at: null };
      return event.data.passed ? { voting_closed_at: at } : { voting_closed_at: at, ...closed('REJECTED', at) };
    case 'DossierAwarded':
      return { decided_at: at, ...closed('AWARDED', at) };
    case 'DossierRejected':
      return { decided_at: at, ...closed('REJECTED', at) };
    case 'DossierWithdrawn':
      return closed('WITHDRAWN', at);
    default:
      return undefined;
  }
}

/**
 * The statistics of a dossier after one event (pure): DossierCreated starts its stage_timing row, later events move
 * its stage times, DossierAwarded adds its award fact (from the row), AwardRevoked takes it away — the stage times
 * stay (the dossier was processed). Returns `state` itself when the event changes nothing.
 */
export function statisticsAfter(state: DossierStatistics, e: StoredEnvelope): DossierStatistics {
  const event = { type: e.type, data: e.data } as DossierEvent;
  const at = e.occurredAt;
  if (event.type === 'DossierCreated') {
    const { awardCode, unitCode, nominee, movementId, roundId } = event.data;
    const timing: StageTimingRow = {
      dossier_id: e.streamId,
      award_code: awardCode,
      unit_code: unitCode,
      subject_kind: nominee.kind,
      direct_worker: nominee.directWorker ?? false,
      movement_id: movementId ?? roundId ?? null,
      created_at: at,
      first_submitted_at: null,
      submitted_at: null,
      unit_approved_at: null,
      appraisal_accepted_at: null,
      voting_closed_at: null,
      decided_at: null,
      closed_at: null,
      final_status: null,
      returns: 0,
      supplement_requests: 0,
    };
    return { ...state, timing };
  }
  let next = state;
  const changes = next.timing && timingChanges(event, next.timing, at);
  if (next.timing && changes) next = { ...next, timing: { ...next.timing, ...changes } };
  if (event.type === 'AwardRevoked' && next.fact) next = { ...next, fact: undefined };
  if (event.type === 'DossierAwarded' && next.timing) {
    const { decision } = event.data;
    const t = next.timing;
    const award = findAward(t.award_code);
    next = {
      ...next,
      fact: {
        dossier_id: t.dossier_id,
        award_code: t.award_code,
        level: award?.level ?? 'UNKNOWN',
        decider: award?.decider ?? 'UNKNOWN',
        subject_kind: t.subject_kind,
        unit_code: t.unit_code,
        direct_worker: t.direct_worker,
        movement_id: t.movement_id,
        decision_number: decision.number,
        authority: decision.authority,
        decided_on: decision.signedOn,
        year: Number(decision.signedOn.slice(0, 4)),
      },
    };
  }
  return next;
}

/** The event types that change the statistics (the others are not read, and their dossiers' rows not loaded). */
const READS = new Set([
  'DossierCreated',
  'DossierSubmitted',
  'UnitApproved',
  'DossierReturned',
  'SupplementRequested',
  'AppraisalAccepted',
  'CouncilVotingClosed',
  'DossierAwarded',
  'DossierRejected',
  'DossierWithdrawn',
  'AwardRevoked',
]);

/** The rows a batch reads: the dossiers' stage_timing and award_fact rows. */
const readsOf = (ids: readonly string[]): RowRead[] => [
  { table: STAGE_TIMING, owners: ids },
  { table: AWARD_FACT, owners: ids },
];

/** The statistics of `ids` from the rows of `readsOf(ids)` (a dossier without rows gets an empty state). */
function statisticsOf(ids: readonly string[], [timings, facts]: readonly (readonly unknown[])[]) {
  const loaded = loadedStates<DossierStatistics>(ids, () => ({}));
  for (const t of timings as StageTimingRow[]) loaded.get(t.dossier_id)!.timing = t;
  for (const f of facts as AwardFactRow[]) loaded.get(f.dossier_id)!.fact = f;
  return loaded;
}

/** The statistics as a rebuild folds them: `statisticsAfter` over each dossier, in memory (see `InMemoryFold`). */
export const statisticsInMemory: InMemoryFold<DossierStatistics> = {
  reads: READS,
  ownerOf: (e) => e.streamId,
  initial: () => ({}),
  step: statisticsAfter,
  creation: 'DossierCreated',
  readsOf,
  statesOf: statisticsOf,
  tables: [
    { table: STAGE_TIMING, rowsOf: (s) => (s.timing ? [s.timing] : []) },
    { table: AWARD_FACT, rowsOf: (s) => (s.fact ? [s.fact] : []) },
  ],
  totals: aggregateTotals,
};

/**
 * The statistics read model over a batch of events (one command's, or a page of the event table in a rebuild): the
 * touched dossiers' rows are read once, the events folded with `statisticsAfter`, and each table written in one
 * statement; the report aggregates (stage_time_stat, award_count) move by what the changed rows contributed before and
 * after (statistics-aggregates.ts). Reads only its own tables, so a rebuild from the event table reproduces it.
 */
export const planStatistics = planFromFold(statisticsInMemory, (loaded, changed, s) => {
  const one = <R>(row: R | undefined): R[] => (row ? [row] : []);
  writeChanged(
    s,
    STAGE_TIMING,
    loaded,
    changed,
    (st) => st.timing,
    (st) => one(st.timing),
  );
  writeChanged(
    s,
    AWARD_FACT,
    loaded,
    changed,
    (st) => st.fact,
    (st) => one(st.fact),
  );
  return writeAggregateDeltas(s, aggregateDeltas(loaded, changed));
});
export const projectStatistics = projectByPlan(planStatistics);
