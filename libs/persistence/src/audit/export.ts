import { GENESIS_HASH, type ChainedEvent } from './chain';
import { verifyChain } from './chain';

export const EXPORT_FORMAT = 'tdkt-dossier-record/1';

/**
 * An event as the export shows it: the chain's canonical field names (`dossierId` for the stream, as the hash covers
 * it), so format /1 files and the offline verifiers that read them stay as they were when the column was renamed.
 */
export type ExportedEvent = Omit<ChainedEvent, 'streamId'> & { dossierId: string };

const exported = ({ streamId, ...rest }: ChainedEvent): ExportedEvent => ({ dossierId: streamId, ...rest });

/** A dossier's full record as one JSON file an auditor can verify offline (see docs/audit.md). */
export interface DossierRecordExport {
  format: typeof EXPORT_FORMAT;
  dossierId: string;
  exportedAt: string;
  chain: {
    algorithm: 'sha256(prev_hash_hex || canonical_json(event))';
    canonicalization: string;
    genesis: string;
    head: string | null;
    length: number;
    verifiedAtExport: boolean;
  };
  decision: unknown;
  events: ExportedEvent[];
}

export function buildExport(dossierId: string, events: ChainedEvent[], exportedAt: string): DossierRecordExport {
  const awarded = events.find((e) => e.type === 'DossierAwarded');
  return {
    format: EXPORT_FORMAT,
    dossierId,
    exportedAt,
    chain: {
      algorithm: 'sha256(prev_hash_hex || canonical_json(event))',
      canonicalization:
        'JSON of {dossierId, seq, type, data, actorId, actorRole, onBehalfOf (null if none), occurredAt (ISO 8601 UTC with milliseconds), ruleSetVersion, requestId}; object keys sorted by code unit at every depth; undefined members dropped; no whitespace',
      genesis: GENESIS_HASH,
      head: events.length ? events[events.length - 1].hash : null,
      length: events.length,
      verifiedAtExport: !verifyChain(events),
    },
    decision: awarded ? (awarded.data as { decision: unknown }).decision : null,
    events: events.map(exported),
  };
}
