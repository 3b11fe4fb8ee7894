import { createHash } from 'node:crypto';
import type { StoredEnvelope } from '@tdkt/domain';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth and undefined members dropped: one byte string per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fields of an event that the chain protects, in canonical form. */
export function chainedContent(e: StoredEnvelope): string {
  return canonicalJson({
    dossierId: e.streamId,
    seq: e.seq,
    type: e.type,
    data: e.data,
    actorId: e.actorId,
    actorRole: e.actorRole,
    onBehalfOf: e.onBehalfOf ?? null,
    occurredAt: new Date(e.occurredAt).toISOString(),
    ruleSetVersion: e.ruleSetVersion,
    requestId: e.requestId,
  });
}

/** hash = sha256(prev_hash || canonical(event)), hex. */
export function chainHash(prevHash: string, e: StoredEnvelope): string {
  return createHash('sha256').update(prevHash).update(chainedContent(e)).digest('hex');
}

export type ChainedEvent = StoredEnvelope & {
  prevHash: string;
  hash: string;
};

export interface ChainBreak {
  dossierId: string;
  seq: number;
  problem: 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'SEQ_GAP';
  expected: string;
  found: string;
}

/** Where a chain continues from: the seq and hash of the last verified event (the genesis before the first). */
export interface ChainTail {
  seq: number;
  hash: string;
}
export const GENESIS: ChainTail = { seq: 0, hash: GENESIS_HASH };

/** Recomputes one dossier's chain (events in seq order) from a tail and names the first broken link, if any. */
export function verifyChain(events: readonly ChainedEvent[], from: ChainTail = GENESIS): ChainBreak | undefined {
  let prev = from.hash;
  for (const [i, e] of events.entries()) {
    const expectedSeq = from.seq + i + 1;
    if (e.seq !== expectedSeq)
      return {
        dossierId: e.streamId,
        seq: e.seq,
        problem: 'SEQ_GAP',
        expected: String(expectedSeq),
        found: String(e.seq),
      };
    if (e.prevHash !== prev)
      return { dossierId: e.streamId, seq: e.seq, problem: 'PREV_HASH_MISMATCH', expected: prev, found: e.prevHash };
    const hash = chainHash(prev, e);
    if (hash !== e.hash)
      return { dossierId: e.streamId, seq: e.seq, problem: 'HASH_MISMATCH', expected: hash, found: e.hash };
    prev = e.hash;
  }
  return undefined;
}
