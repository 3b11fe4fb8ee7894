import type { EntityManager } from 'typeorm';
import type { DossierEvent, StoredEnvelope } from '@tdkt/domain';

/**
 * The council ballot read model: one row per (dossier, member) of the latest voting round, saying THAT the member
 * voted and when — never how. Secret ballots depend on that: the approve/reject of a vote lives in the event table
 * only. The task inbox reads the rows still open and unvoted ("votes to cast").
 *
 * Opening a round replaces the dossier's rows; closing it stamps them; a return or withdrawal takes the dossier away
 * from the council, so its rows go.
 */
export async function projectCouncilBallot(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as DossierEvent;
  switch (event.type) {
    case 'CouncilVotingOpened':
    case 'ScheduledForCouncil': {
      // Per-dossier voting and a council session both seat their members here; session votes mark them voted
      // (council-session-projection.ts).
      const { members } = event.data;
      await m.query(`DELETE FROM council_ballot WHERE dossier_id = $1`, [e.streamId]);
      await m.query(
        `INSERT INTO council_ballot (dossier_id, member_id, opened_at) SELECT $1, member_id, $3 FROM unnest($2::text[]) AS t(member_id)
         ON CONFLICT DO NOTHING`,
        [e.streamId, members, e.occurredAt],
      );
      return;
    }
    case 'VoteCast': {
      // Only the member id is read from the vote; `approve` is deliberately not stored.
      const { memberId } = event.data;
      await m.query(
        `INSERT INTO council_ballot (dossier_id, member_id, opened_at, voted_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (dossier_id, member_id) DO UPDATE SET voted_at = EXCLUDED.voted_at`,
        [e.streamId, memberId, e.occurredAt],
      );
      return;
    }
    case 'CouncilVotingClosed':
      await m.query(`UPDATE council_ballot SET closed_at = $2 WHERE dossier_id = $1 AND closed_at IS NULL`, [
        e.streamId,
        e.occurredAt,
      ]);
      return;
    case 'DossierReturned':
    case 'DossierWithdrawn':
      await m.query(`DELETE FROM council_ballot WHERE dossier_id = $1`, [e.streamId]);
      return;
    default:
      return;
  }
}
