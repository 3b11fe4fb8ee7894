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

/**
 * Gapless decision numbers per issuing authority and year ("12/QĐ-UBND"). The counter row is locked for the
 * transaction; a retried allocation with the same request id returns the number it already got.
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
    return this.dataSource.transaction(async (m) => {
      // Each province's chairman numbers his own decisions: the series is per province of the dossier's unit.
      if (input.authority === 'PROVINCIAL_CHAIRMAN') {
        const [row] = (await m.query(
          `SELECT o.province_code FROM dossier_view d JOIN org_unit o ON o.code = d.unit_code WHERE d.id = $1`,
          [input.dossierId],
        )) as { province_code: string }[];
        if (row) input = { ...input, authority: `PROVINCIAL_CHAIRMAN:${row.province_code}` };
      }
      if (kind !== 'QĐ') input = { ...input, authority: `${input.authority}:${kind}` };
      await m.query(
        `INSERT INTO decision_counter (authority, year, last_number) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`,
        [input.authority, input.year],
      );
      const [{ last_number }] = (await m.query(
        `SELECT last_number FROM decision_counter WHERE authority = $1 AND year = $2 FOR UPDATE`,
        [input.authority, input.year],
      )) as { last_number: number }[];
      const [existing] = (await m.query(`SELECT formatted, dossier_id FROM decision_number WHERE request_id = $1`, [
        input.requestId,
      ])) as { formatted: string; dossier_id: string }[];
      if (existing) {
        // A number is printed on one decision: only a council session's decision (one key for all its dossiers) shares it.
        if (existing.dossier_id !== input.dossierId && !isSharedAllocationKey(input.requestId))
          throw new AllocationKeyConflictError(
            `Allocation key already gave ${existing.formatted} to dossier ${existing.dossier_id}; a decision number is never carried by another decision`,
          );
        return { number: existing.formatted, authority: input.authority, year: input.year };
      }
      const number = last_number + 1;
      const formatted = `${number}/${kind}-${input.issuerCode}`;
      await m.query(`UPDATE decision_counter SET last_number = $3 WHERE authority = $1 AND year = $2`, [
        input.authority,
        input.year,
        number,
      ]);
      await m.query(
        `INSERT INTO decision_number (authority, year, number, formatted, dossier_id, request_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [input.authority, input.year, number, formatted, input.dossierId, input.requestId],
      );
      return { number: formatted, authority: input.authority, year: input.year };
    });
  }
}
