import type { DossierEvent, StoredEnvelope } from '@tdkt/domain';
import { foldOwners, loadedStates, projectByPlan, writeChanged, type Planner, type RowTable } from './row-batch';

/** That a member of the dossier's current voting round voted, and when — never how. */
export interface BallotRow {
  dossier_id: string;
  member_id: string;
  opened_at: string;
  voted_at: string | null;
  closed_at: string | null;
}

const BALLOT: RowTable = {
  name: 'council_ballot',
  key: ['dossier_id', 'member_id'],
  owner: 'dossier_id',
  columns: ['dossier_id', 'member_id', 'opened_at', 'voted_at', 'closed_at'],
};

/**
 * A dossier's ballot rows after one event (pure). Opening a round replaces them; a vote stamps its member; closing
 * the round stamps the open rows; a return or withdrawal takes the dossier away from the council, so its rows go.
 * Returns `rows` itself when the event changes nothing.
 */
export function ballotsAfter(rows: readonly BallotRow[], e: StoredEnvelope): readonly BallotRow[] {
  const event = { type: e.type, data: e.data } as DossierEvent;
  const at = e.occurredAt;
  switch (event.type) {
    case 'CouncilVotingOpened':
    case 'ScheduledForCouncil':
      // Per-dossier voting and a council session both seat their members here; session votes mark them voted
      // (council-session-projection.ts).
      return [...new Set(event.data.members)].map((member_id) => ({
        dossier_id: e.streamId,
        member_id,
        opened_at: at,
        voted_at: null,
        closed_at: null,
      }));
    case 'VoteCast': {
      // Only the member id is read from the vote; `approve` is deliberately not stored.
      const { memberId } = event.data;
      if (!rows.some((r) => r.member_id === memberId))
        return [...rows, { dossier_id: e.streamId, member_id: memberId, opened_at: at, voted_at: at, closed_at: null }];
      return rows.map((r) => (r.member_id === memberId ? { ...r, voted_at: at } : r));
    }
    case 'CouncilVotingClosed':
      return rows.some((r) => r.closed_at === null)
        ? rows.map((r) => (r.closed_at === null ? { ...r, closed_at: at } : r))
        : rows;
    case 'DossierReturned':
    case 'DossierWithdrawn':
      return rows.length ? [] : rows;
    default:
      return rows;
  }
}

const READS = new Set([
  'CouncilVotingOpened',
  'ScheduledForCouncil',
  'VoteCast',
  'CouncilVotingClosed',
  'DossierReturned',
  'DossierWithdrawn',
]);

/**
 * The council ballot read model over a batch of events: one row per (dossier, member) of the latest voting round,
 * saying THAT the member voted and when — never how. Secret ballots depend on that: the approve/reject of a vote lives
 * in the event table only. The task inbox reads the rows still open and unvoted ("votes to cast"). The touched
 * dossiers' rows are read once, folded with `ballotsAfter`, and written once.
 */
export const planCouncilBallot: Planner<StoredEnvelope> = (batch) => {
  const events = batch.filter((e) => READS.has(e.type));
  if (events.length === 0) return undefined;
  const ids = [...new Set(events.map((e) => e.streamId))];
  return {
    reads: [{ table: BALLOT, owners: ids }],
    write: ([stored], s) => {
      const loaded = loadedStates<readonly BallotRow[]>(ids, () => []);
      for (const r of stored as BallotRow[]) loaded.set(r.dossier_id, [...loaded.get(r.dossier_id)!, r]);
      const changed = foldOwners(
        loaded,
        events,
        (e) => e.streamId,
        () => [],
        ballotsAfter,
      );
      writeChanged(
        s,
        BALLOT,
        loaded,
        changed,
        (rows) => rows,
        (rows) => rows,
      );
    },
  };
};
export const projectCouncilBallot = projectByPlan(planCouncilBallot);
