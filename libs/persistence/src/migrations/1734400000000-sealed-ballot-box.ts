import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The secret-ballot box becomes ONE row per (session, item): its running totals, sealed with AES-256-GCM under a key
 * that lives only in the application's memory (derived from PII_HASH_KEY, never in the database). A member's claim
 * and the box's update commit in one transaction, so a claim's `xmin` leads only to a ciphertext of fixed length; no
 * per-ballot row is ever written. The old per-ballot table stays for sessions opened before this migration (their
 * ballots are counted with the new totals and emptied at close like them); new ballots never go there.
 * See README "Secret ballot" for the guarantee and what it does not cover.
 */
export class SealedBallotBox1734400000000 implements MigrationInterface {
  name = 'SealedBallotBox1734400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE secret_ballot_tally (
        session_id uuid NOT NULL,
        dossier_id uuid NOT NULL,
        sealed     bytea NOT NULL CHECK (octet_length(sealed) = 37),
        PRIMARY KEY (session_id, dossier_id)
      )`);
    await q.query(
      `COMMENT ON TABLE secret_ballot_tally IS 'Secret-ballot totals per session item, sealed (AES-256-GCM, key outside the database); emptied and VACUUM FULLed at close'`,
    );
    // The runtime role's grants (MAINTAIN on the box tables, for the VACUUM at close) are in database-roles.ts.
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE secret_ballot_tally`);
  }
}
