import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballots of the votes open when the migration runs, from the event table (the latest round's members, and when each
 * voted). Closed rounds appear on the next read-model rebuild (POST /api/admin/read-models/rebuild); the inbox does
 * not need them.
 */
export const BACKFILL_OPEN_BALLOTS = `
  INSERT INTO council_ballot (dossier_id, member_id, opened_at, voted_at)
  SELECT d.id, m.member_id, opened.occurred_at,
         (SELECT min(v.occurred_at) FROM dossier_event v
           WHERE v.dossier_id = d.id AND v.type = 'VoteCast' AND v.seq > opened.seq AND v.data->>'memberId' = m.member_id)
    FROM dossier_view d
    CROSS JOIN LATERAL unnest(d.council_members) AS m(member_id)
    CROSS JOIN LATERAL (SELECT e.seq, e.occurred_at FROM dossier_event e
                         WHERE e.dossier_id = d.id AND e.type = 'CouncilVotingOpened' ORDER BY e.seq DESC LIMIT 1) AS opened
   WHERE d.status = 'COUNCIL_VOTING'
  ON CONFLICT DO NOTHING`;

/**
 * The council ballot read model (who is to vote on which dossier, and whether they have) for the task inbox, and the
 * indexes the secretariat's board sorts on.
 *
 * Secret ballots: council_ballot records THAT a member voted and when, never HOW. The approve/reject of each vote
 * stays in the event table only; do not add a column for it here.
 */
export class Inbox1732800000000 implements MigrationInterface {
  name = 'Inbox1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE council_ballot (
        dossier_id uuid        NOT NULL,
        member_id  text        NOT NULL,
        opened_at  timestamptz NOT NULL,
        voted_at   timestamptz,
        closed_at  timestamptz,
        PRIMARY KEY (dossier_id, member_id)
      )`);
    await q.query(
      `CREATE INDEX council_ballot_pending ON council_ballot (member_id) WHERE voted_at IS NULL AND closed_at IS NULL`,
    );
    await q.query(`CREATE INDEX dossier_view_updated ON dossier_view (updated_at DESC, id DESC)`);
    // The board's deadline sort puts dossiers without a deadline last by reading a missing one as 'infinity'.
    await q.query(
      `CREATE INDEX dossier_view_deadline_order ON dossier_view ((COALESCE(deadline, 'infinity'::date)), id)`,
    );
    await q.query(BACKFILL_OPEN_BALLOTS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dossier_view_deadline_order`);
    await q.query(`DROP INDEX dossier_view_updated`);
    await q.query(`DROP TABLE council_ballot`);
  }
}
