import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { BallotTotals } from '@tdkt/domain';

/** version (1) ‖ nonce (12) ‖ approvals, rejections as two uint32 (8, encrypted) ‖ GCM tag (16): always 37 bytes. */
const VERSION = 1;
const NONCE = 12;
const TAG = 16;
export const SEALED_LENGTH = 1 + NONCE + 8 + TAG;

/**
 * The secret-ballot box: for each secret item of a session ONE row holding its running totals, sealed with
 * AES-256-GCM under a key derived (HKDF) from the application's secret, which the database never sees. A member's
 * claim (secret_ballot_claim: THAT he voted, once) and the sealed totals are written in one transaction:
 *  - a crash anywhere in it loses neither half alone, and the claim's primary key makes a retry safe (once-only);
 *  - the claim's `xmin` leads to the box version the same transaction wrote, which is a fresh ciphertext of fixed
 *    length (random nonce, fixed-width totals), so without the key it says nothing about the choice, and no two
 *    versions can be compared;
 *  - no per-ballot row exists at any time.
 * At close the totals are read (the only plaintext the database side ever yields, and only to the worker holding the
 * key), the rows deleted, and the table rewritten by VACUUM FULL so no earlier version stays in its files.
 *
 * `secret_ballot_box` is the per-ballot table of sessions opened before this design: it is still counted and emptied
 * (with the same VACUUM) so those sessions close normally; nothing writes to it any more.
 */
export class SecretBallotBox {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    applicationSecret: string,
  ) {
    if (applicationSecret.length < 16)
      throw new Error('The secret-ballot box needs the application secret (PII_HASH_KEY, at least 16 characters)');
    this.key = Buffer.from(hkdfSync('sha256', applicationSecret, 'tdkt', 'secret-ballot-box/v1', 32));
  }

  /**
   * Puts a member's ballot in the box: his one claim and the item's new sealed totals, in one transaction. False if
   * he already put a ballot in for this item (nothing is written then).
   */
  async deposit(input: { sessionId: string; dossierId: string; memberId: string; approve: boolean }): Promise<boolean> {
    const { sessionId, dossierId } = input;
    return this.dataSource.transaction(async (m) => {
      const claimed = (await m.query(
        `INSERT INTO secret_ballot_claim (session_id, dossier_id, member_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
        [sessionId, dossierId, input.memberId],
      )) as unknown[];
      if (claimed.length === 0) return false;
      // The item's row exists from its first ballot on; the row lock serialises the ballots of one item.
      await m.query(
        `INSERT INTO secret_ballot_tally (session_id, dossier_id, sealed) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [sessionId, dossierId, this.seal(sessionId, dossierId, { approvals: 0, rejections: 0 })],
      );
      const [row] = (await m.query(
        `SELECT sealed FROM secret_ballot_tally WHERE session_id = $1 AND dossier_id = $2 FOR UPDATE`,
        [sessionId, dossierId],
      )) as { sealed: Buffer }[];
      const totals = this.open(sessionId, dossierId, row.sealed);
      const next = input.approve
        ? { ...totals, approvals: totals.approvals + 1 }
        : { ...totals, rejections: totals.rejections + 1 };
      await m.query(`UPDATE secret_ballot_tally SET sealed = $3 WHERE session_id = $1 AND dossier_id = $2`, [
        sessionId,
        dossierId,
        this.seal(sessionId, dossierId, next),
      ]);
      return true;
    });
  }

  /** The totals of each secret item of the session, for counting at close. */
  async count(sessionId: string): Promise<Record<string, BallotTotals>> {
    const out: Record<string, BallotTotals> = {};
    const sealed = (await this.dataSource.query(
      `SELECT dossier_id, sealed FROM secret_ballot_tally WHERE session_id = $1`,
      [sessionId],
    )) as { dossier_id: string; sealed: Buffer }[];
    for (const r of sealed) out[r.dossier_id] = this.open(sessionId, r.dossier_id, r.sealed);
    const legacy = (await this.dataSource.query(
      `SELECT dossier_id, approve FROM secret_ballot_box WHERE session_id = $1`,
      [sessionId],
    )) as { dossier_id: string; approve: boolean }[];
    for (const r of legacy) {
      const t = (out[r.dossier_id] ??= { approvals: 0, rejections: 0 });
      if (r.approve) t.approvals += 1;
      else t.rejections += 1;
    }
    return out;
  }

  /**
   * Empties the session's box once its totals are in the event table, then rewrites the box tables (VACUUM FULL, which
   * cannot run inside a transaction): no live row and no dead version of the session's box stays in their files.
   * Returns the rows deleted. VACUUM needs the tables' owner; a version still visible to an older open snapshot is
   * kept by any VACUUM (see README "Secret ballot").
   */
  async empty(sessionId: string): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `WITH t AS (DELETE FROM secret_ballot_tally WHERE session_id = $1 RETURNING 1), b AS (DELETE FROM secret_ballot_box WHERE session_id = $1 RETURNING 1)
       SELECT (SELECT count(*) FROM t) + (SELECT count(*) FROM b) AS n`,
      [sessionId],
    )) as { n: string }[];
    await this.dataSource.query(`VACUUM (FULL) secret_ballot_tally, secret_ballot_box`);
    return Number(n);
  }

  private seal(sessionId: string, dossierId: string, t: BallotTotals): Buffer {
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(this.aad(sessionId, dossierId));
    const plain = Buffer.alloc(8);
    plain.writeUInt32BE(t.approvals, 0);
    plain.writeUInt32BE(t.rejections, 4);
    return Buffer.concat([Buffer.of(VERSION), nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  /** Throws if the row was not sealed with this key for this very item (a forged, moved or corrupted row). */
  private open(sessionId: string, dossierId: string, sealed: Buffer): BallotTotals {
    if (sealed.length !== SEALED_LENGTH || sealed[0] !== VERSION)
      throw new Error(`The sealed box of ${sessionId}/${dossierId} is malformed`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(1, 1 + NONCE));
    decipher.setAAD(this.aad(sessionId, dossierId));
    decipher.setAuthTag(sealed.subarray(SEALED_LENGTH - TAG));
    const plain = Buffer.concat([decipher.update(sealed.subarray(1 + NONCE, SEALED_LENGTH - TAG)), decipher.final()]);
    return { approvals: plain.readUInt32BE(0), rejections: plain.readUInt32BE(4) };
  }

  private aad(sessionId: string, dossierId: string): Buffer {
    return Buffer.from(`secret-ballot-box/v1:${sessionId}:${dossierId}`);
  }
}
