import type { DataSource } from 'typeorm';

/** What a caller's key was first used for, and the answer once there is one. */
export interface IdempotencyRecord {
  operation: string;
  fingerprint: string;
  statusCode: number | null;
  response: unknown;
}

/** The outcome of claiming a key for a request. */
export type IdempotencyClaim =
  | { kind: 'new' }
  /** The same request seen before: its answer if it completed, else null (in flight, or interrupted: run it again). */
  | { kind: 'retry'; answer: { statusCode: number; response: unknown } | null }
  /** The key was used for another request (another operation, target or body). */
  | { kind: 'mismatch'; operation: string };

/**
 * Idempotency keys per caller. Claiming is one INSERT … ON CONFLICT, so two concurrent requests with one key see one
 * row; the command itself stays idempotent through its Temporal update id, so a retry of an unanswered claim is safe.
 */
export class IdempotencyKeys {
  constructor(private readonly dataSource: DataSource) {}

  async claim(caller: string, key: string, operation: string, fingerprint: string): Promise<IdempotencyClaim> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO idempotency_key (caller, key, operation, fingerprint) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [caller, key, operation, fingerprint],
    )) as unknown[];
    if (inserted.length) return { kind: 'new' };
    const [row] = (await this.dataSource.query(
      `SELECT operation, fingerprint, status_code, response FROM idempotency_key WHERE caller = $1 AND key = $2`,
      [caller, key],
    )) as { operation: string; fingerprint: string; status_code: number | null; response: unknown }[];
    // Released between our insert and select (its first use was refused): claim it afresh.
    if (!row) return this.claim(caller, key, operation, fingerprint);
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch', operation: row.operation };
    return {
      kind: 'retry',
      answer: row.status_code === null ? null : { statusCode: row.status_code, response: row.response },
    };
  }

  /** Records the answer of the request that holds the key. */
  async complete(
    caller: string,
    key: string,
    fingerprint: string,
    statusCode: number,
    response: unknown,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET status_code = $4, response = $5, completed_at = now() WHERE caller = $1 AND key = $2 AND fingerprint = $3`,
      [caller, key, fingerprint, statusCode, JSON.stringify(response ?? null)],
    );
  }

  /** Frees a key whose request was refused before anything was applied, so it may be used for a corrected request. */
  async release(caller: string, key: string, fingerprint: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE caller = $1 AND key = $2 AND fingerprint = $3 AND status_code IS NULL`,
      [caller, key, fingerprint],
    );
  }
}
