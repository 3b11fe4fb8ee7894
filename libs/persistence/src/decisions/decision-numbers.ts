import type { DataSource } from 'typeorm';

/** The allocation key of a council session's one decision (see sessionDecisionNumberKey): the only key shared by dossiers. */
const SHARED_KEY = /^session:[0-9a-f-]{36}:decision$/;
export const isSharedAllocationKey = (requestId: string): boolean => SHARED_KEY.test(requestId);

/** An allocation key reused for another dossier: refused, never retried (the worker makes it non-retryable). */
export class AllocationKeyConflictError extends Error {
  override readonly name = 'AllocationKeyConflictError';
}

export interface Allocation {
  number: string;
  authority: string;
  year: number;
}

/** The unique key of `decision_number.request_id`: two concurrent first allocations under one key met there. */
const REQUEST_ID_TAKEN = (e: unknown): boolean =>
  (e as { code?: string }).code === '23505' && /request_id/.test((e as { constraint?: string }).constraint ?? '');

/**
 * Gapless decision numbers per issuing authority and year ("12/QĐ-UBND"), in ONE statement (no transaction around
 * it: 1 round trip instead of 8): the authority resolved (the province of the dossier's unit for the chairman), the
 * number already given under the request id read, and — when there is none — the counter moved by an upsert
 * (`ON CONFLICT DO UPDATE … + 1`: created at 1, or incremented under its row lock, always from the newest committed
 * value) and the number inserted. A retried allocation with the same request id returns the number it already got.
 * Two concurrent first allocations under one request id: the second waits for the counter's row lock, and its insert
 * then meets the first's at the unique `request_id` — the statement fails whole (the counter's increment with it,
 * so no gap) and is run again, which reads the first's number.
 */
export class DecisionNumbers {
  constructor(private readonly dataSource: DataSource) {}

  /** documentKind 'TTr': the chairman's tờ trình to the centre, a series of its own per province ("45/TTr-UBND"). */
  async allocate(input: {
    authority: string;
    issuerCode: string;
    year: number;
    dossierId: string;
    requestId: string;
    documentKind?: 'QĐ' | 'TTr';
  }): Promise<Allocation> {
    const kind = input.documentKind ?? 'QĐ';
    let row: { authority: string; allocated: string | null; formatted: string | null; dossier_id: string | null };
    try {
      row = await this.allocateOnce(input, kind);
    } catch (e) {
      if (!REQUEST_ID_TAKEN(e)) throw e;
      row = await this.allocateOnce(input, kind);
    }
    if (row.allocated !== null) return { number: row.allocated, authority: row.authority, year: input.year };
    // A number is printed on one decision: only a council session's decision (one key for all its dossiers) shares it.
    if (row.dossier_id !== input.dossierId && !isSharedAllocationKey(input.requestId))
      throw new AllocationKeyConflictError(
        `Allocation key already gave ${row.formatted} to dossier ${row.dossier_id}; a decision number is never carried by another decision`,
      );
    return { number: row.formatted ?? '', authority: row.authority, year: input.year };
  }

  private async allocateOnce(
    input: { authority: string; issuerCode: string; year: number; dossierId: string; requestId: string },
    kind: string,
  ): Promise<{ authority: string; allocated: string | null; formatted: string | null; dossier_id: string | null }> {
    // Each province's chairman numbers his own decisions: the series is per province of the dossier's unit.
    const [row] = (await this.dataSource.query(
      `WITH a AS (
         SELECT (CASE WHEN $1::text = 'PROVINCIAL_CHAIRMAN'
                   THEN coalesce((SELECT 'PROVINCIAL_CHAIRMAN:' || o.province_code FROM dossier_view d
                                    JOIN org_unit o ON o.code = d.unit_code WHERE d.id = $3::uuid), $1::text)
                   ELSE $1::text END) || (CASE WHEN $5::text = 'QĐ' THEN '' ELSE ':' || $5::text END) AS authority),
       existing AS (SELECT formatted, dossier_id FROM decision_number WHERE request_id = $4::text),
       counter AS (
         INSERT INTO decision_counter (authority, year, last_number)
         SELECT authority, $2::int, 1 FROM a WHERE NOT EXISTS (SELECT 1 FROM existing)
         ON CONFLICT (authority, year) DO UPDATE SET last_number = decision_counter.last_number + 1
         RETURNING authority, last_number),
       allocated AS (
         INSERT INTO decision_number (authority, year, number, formatted, dossier_id, request_id)
         SELECT authority, $2::int, last_number, last_number || '/' || $5::text || '-' || $6::text, $3::uuid, $4::text
           FROM counter
         RETURNING formatted)
       SELECT a.authority, (SELECT formatted FROM allocated) AS allocated, e.formatted, e.dossier_id::text AS dossier_id
         FROM a LEFT JOIN existing e ON true`,
      [input.authority, input.year, input.dossierId, input.requestId, kind, input.issuerCode],
    )) as { authority: string; allocated: string | null; formatted: string | null; dossier_id: string | null }[];
    return row;
  }
}
