import type { DataSource, EntityManager } from 'typeorm';
import {
  currentEnvelope,
  streamKindOf,
  type RecordedEnvelope,
  type StoredEnvelope,
  type StreamKind,
} from '@tdkt/domain';
import { chainHash, GENESIS_HASH, type ChainedEvent } from '../audit/chain';
import { projectAll } from '../read-models/projections';

export interface AppendResult {
  appended: number;
  /** True when the events were already stored by an earlier attempt of the same append (a retried activity). */
  duplicate: boolean;
  headHash: string;
}

interface EventRow {
  stream_id: string;
  seq: number;
  type: string;
  data: StoredEnvelope['data'];
  actor_id: string;
  actor_role: string;
  on_behalf_of: string | null;
  occurred_at: Date;
  rule_set_version: string | null;
  request_id: string;
  prev_hash: string;
  hash: string;
}

// Rows come from this table, which only append() writes, so type and data belong together as the union says.
const toChained = (r: EventRow): ChainedEvent =>
  ({
    streamId: r.stream_id,
    seq: r.seq,
    type: r.type,
    data: r.data,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    ...(r.on_behalf_of ? { onBehalfOf: r.on_behalf_of } : {}),
    occurredAt: r.occurred_at.toISOString(),
    ruleSetVersion: r.rule_set_version,
    requestId: r.request_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  }) as ChainedEvent;

/** Advisory lock key: appends hold it shared, a read-model rebuild exclusively, so no event lands mid-rebuild. */
export const EVENT_APPEND_LOCK_KEY = 7_734_200_002;

/**
 * The business log: append-only, hash-chained per stream, and the only source of the read models. One table holds
 * every stream kind (dossiers, council sessions, registers, rounds, the directory, emulation…): `stream_id` names
 * the stream, `stream_kind` its kind (from the event type, `streamKindOf`).
 */
export class EventStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends one command's events and updates every read model, in one transaction. Idempotent by construction: the
   * unique (stream_id, seq) key makes a retried append insert nothing, and then nothing is projected twice.
   */
  async append(recorded: readonly RecordedEnvelope<StoredEnvelope>[], manager?: EntityManager): Promise<AppendResult> {
    if (recorded.length === 0) throw new Error('append needs at least one event');
    const events = recorded.map((e) => currentEnvelope(e));
    const streamId = events[0].streamId;
    if (events.some((e, i) => e.streamId !== streamId || e.seq !== events[0].seq + i))
      throw new Error('events must be one stream, consecutive seq');
    // Inside the caller's transaction when one is given (its checks and the append commit together).
    const inTransaction = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> =>
      manager ? work(manager) : this.dataSource.transaction(work);
    return inTransaction(async (m) => {
      // Appends share this lock; a rebuild of the read models takes it alone (the app's role may not LOCK the table).
      await m.query(`SELECT pg_advisory_xact_lock_shared($1)`, [EVENT_APPEND_LOCK_KEY]);
      const [prev] = (await m.query(`SELECT hash FROM dossier_event WHERE stream_id = $1 AND seq = $2`, [
        streamId,
        events[0].seq - 1,
      ])) as { hash: string }[];
      if (events[0].seq > 1 && !prev)
        throw new Error(`stream ${streamId} has no event ${events[0].seq - 1}; refusing a gap`);
      let prevHash = prev?.hash ?? GENESIS_HASH;
      const appended: StoredEnvelope[] = [];
      for (const e of events) {
        const hash = chainHash(prevHash, e);
        const inserted = (await m.query(
          `INSERT INTO dossier_event (stream_id, stream_kind, seq, type, data, actor_id, actor_role, on_behalf_of, occurred_at, rule_set_version, request_id, prev_hash, hash)
           VALUES ($1, $13, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (stream_id, seq) DO NOTHING RETURNING seq`,
          [
            e.streamId,
            e.seq,
            e.type,
            JSON.stringify(e.data),
            e.actorId,
            e.actorRole,
            e.onBehalfOf ?? null,
            e.occurredAt,
            e.ruleSetVersion,
            e.requestId,
            prevHash,
            hash,
            streamKindOf(e.type),
          ],
        )) as unknown[];
        if (inserted.length === 0) {
          const [existing] = (await m.query(
            `SELECT request_id, hash FROM dossier_event WHERE stream_id = $1 AND seq = $2`,
            [e.streamId, e.seq],
          )) as { request_id: string; hash: string }[];
          if (existing.request_id !== e.requestId) throw new ConcurrentAppendError(e.streamId, e.seq);
          prevHash = existing.hash;
          continue;
        }
        appended.push(e);
        prevHash = hash;
      }
      await projectAll(m, appended);
      return { appended: appended.length, duplicate: appended.length === 0, headHash: prevHash };
    });
  }

  async readStream(streamId: string, manager?: EntityManager): Promise<ChainedEvent[]> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT * FROM dossier_event WHERE stream_id = $1 ORDER BY seq`,
      [streamId],
    )) as EventRow[];
    return rows.map(toChained);
  }

  /**
   * Streams every event in the order it was appended, in pages, for rebuilds and whole-table verification; `range`
   * limits it to the events after `after` and up to `upTo` (event table ids, as `lastId()` gives them), and to the
   * given stream kinds when `kinds` names some (a read model that consumes one kind skips the rest by index).
   */
  async *readAll(
    pageSize = 1000,
    manager?: EntityManager,
    range: { after?: number; upTo?: number; kinds?: readonly StreamKind[] } = {},
  ): AsyncGenerator<ChainedEvent[]> {
    let after = range.after ?? 0;
    const upTo = range.upTo ?? Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = (await (manager ?? this.dataSource.manager).query(
        range.kinds
          ? `SELECT * FROM dossier_event WHERE stream_kind = ANY($4) AND id > $1 AND id <= $2 ORDER BY id LIMIT $3`
          : `SELECT * FROM dossier_event WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3`,
        range.kinds ? [after, upTo, pageSize, range.kinds] : [after, upTo, pageSize],
      )) as (EventRow & { id: string })[];
      if (rows.length === 0) return;
      yield rows.map(toChained);
      after = Number(rows[rows.length - 1].id);
    }
  }

  async count(streamId?: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      streamId
        ? `SELECT count(*)::int AS n FROM dossier_event WHERE stream_id = $1`
        : `SELECT count(*)::int AS n FROM dossier_event`,
      streamId ? [streamId] : [],
    )) as { n: number }[];
    return row.n;
  }
}

export class ConcurrentAppendError extends Error {
  constructor(streamId: string, seq: number) {
    super(`Event ${seq} of stream ${streamId} was already written by another request`);
    this.name = 'ConcurrentAppendError';
  }
}
