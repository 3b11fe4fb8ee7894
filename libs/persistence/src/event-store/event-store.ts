import type { DataSource, EntityManager } from 'typeorm';
import {
  currentEnvelope,
  streamKindOf,
  type RecordedEnvelope,
  type StoredEnvelope,
  type StreamKind,
} from '@tdkt/domain';
import { chainedContent, chainHash, GENESIS_HASH, type ChainedEvent } from '../audit/chain';

/**
 * What an append keeps current in its own transaction: the inline read models. The event store does not know them;
 * the composition root hands them over (`eventStoreWithReadModels` in read-models/projections.ts). For one command's
 * events they name a query of `(t int, row jsonb)` — the read-model rows they fold the events over — which the append
 * runs in the statement that inserts the events, and then project given its rows.
 */
export type InlineProjections = (events: readonly StoredEnvelope[]) => {
  /** The query, its parameters added through `param` (which names them); undefined when nothing is to be read. */
  readQuery(param: (value: unknown) => string): string | undefined;
  project(m: EntityManager, rows: readonly { t: number; row: unknown }[]): Promise<void>;
};

export interface AppendResult {
  appended: number;
  /** True when the events were already stored by an earlier attempt of the same append (a retried activity). */
  duplicate: boolean;
  headHash: string;
}

/** An event's row as stored, without its chain (what a rebuild reads). */
export interface StoredEventRow {
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
}

interface EventRow extends StoredEventRow {
  prev_hash: string;
  hash: string;
}

/**
 * The envelope of a stored row. Rows come from this table, which only append() writes, so type and data belong
 * together as the union says.
 */
export const envelopeOfRow = (r: StoredEventRow): StoredEnvelope =>
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
  }) as StoredEnvelope;

const toChained = (r: EventRow): ChainedEvent => ({ ...envelopeOfRow(r), prevHash: r.prev_hash, hash: r.hash });

/** Advisory lock key: appends hold it shared, a read-model rebuild exclusively, so no event lands mid-rebuild. */
export const EVENT_APPEND_LOCK_KEY = 7_734_200_002;

/**
 * The business log: append-only, hash-chained per stream, and the only source of the read models. One table holds
 * every stream kind (dossiers, council sessions, registers, rounds, the directory, emulation…): `stream_id` names
 * the stream, `stream_kind` its kind (from the event type, `streamKindOf`).
 */
export class EventStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projectInline: InlineProjections,
  ) {}

  /**
   * Appends one command's events and updates every read model, in one transaction. Idempotent by construction: the
   * unique (stream_id, seq) key makes a retried append insert nothing, and then nothing is projected twice.
   *
   * Three statements on the way every command takes: the append lock; one statement that inserts the events — their
   * hash chain continued in SQL from the stream's stored head, so the head is never read back and no caller's copy of
   * it is trusted — and reads the read-model rows the projections fold over; one statement writing the read models.
   * See `insertAndRead` for why the chain cannot fork.
   */
  async append(recorded: readonly RecordedEnvelope<StoredEnvelope>[], manager?: EntityManager): Promise<AppendResult> {
    if (recorded.length === 0) throw new Error('append needs at least one event');
    const events = recorded.map((e) => currentEnvelope(e));
    const streamId = events[0].streamId;
    if (events.some((e, i) => e.streamId !== streamId || e.seq !== events[0].seq + i))
      throw new Error('events must be one stream, consecutive seq');
    const projection = this.projectInline(events);
    // Inside the caller's transaction when one is given (its checks and the append commit together). An error thrown
    // here must end that transaction: the caller may not commit after it (none does).
    const inTransaction = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> =>
      manager ? work(manager) : this.dataSource.transaction(work);
    return inTransaction(async (m) => {
      // Appends share this lock; a read-model rebuild takes it alone (the app's role may not LOCK the table). It is a
      // statement of its own, before any other: an append waiting for a rebuild's swap must read the swapped tables.
      await m.query(`SELECT pg_advisory_xact_lock_shared($1)`, [EVENT_APPEND_LOCK_KEY]);
      for (let attempt = 1; ; attempt++) {
        const { inserted, rows } = await insertAndRead(m, events, projection.readQuery);
        if (inserted.length === events.length) {
          // The database computed the hashes; each is checked here against the chain's own definition before commit.
          inserted.sort((a, b) => a.seq - b.seq);
          let prevHash = inserted[0].prev_hash;
          for (const [i, row] of inserted.entries()) {
            if (row.prev_hash !== prevHash || row.hash !== chainHash(prevHash, events[i]))
              throw new Error(`stream ${streamId}: the hash chain computed by the database differs at seq ${row.seq}`);
            prevHash = row.hash;
          }
          await projection.project(m, rows);
          return { appended: events.length, duplicate: false, headHash: prevHash };
        }
        // Nothing or not all inserted: a retry of an append already stored, another request's append to the same seq,
        // or a predecessor not (yet) there. Read what is stored now (a new snapshot) and say which.
        const stored = (await m.query(
          `SELECT seq, request_id, hash FROM dossier_event WHERE stream_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq`,
          [streamId, events[0].seq - 1, events[events.length - 1].seq],
        )) as { seq: number; request_id: string; hash: string }[];
        const mine = stored.filter((r) => r.seq >= events[0].seq);
        const other = mine.find((r) => r.request_id !== events[r.seq - events[0].seq].requestId);
        if (other) throw new ConcurrentAppendError(streamId, other.seq);
        // Every event already stored by an earlier attempt of this request: a retried activity, nothing to project.
        if (mine.length === events.length && inserted.length === 0)
          return { appended: 0, duplicate: true, headHash: mine[mine.length - 1].hash };
        // Part of the events inserted beside some stored by the same request: never written that way. The error rolls
        // back what this statement inserted.
        if (mine.length > 0)
          throw new Error(`stream ${streamId}: an earlier append of this request stored other events`);
        const predecessor = events[0].seq === 1 || stored.some((r) => r.seq === events[0].seq - 1);
        if (!predecessor || attempt >= 3)
          throw new Error(`stream ${streamId} has no event ${events[0].seq - 1}; refusing a gap`);
        // The predecessor committed after the statement's snapshot: insert again from it.
      }
    });
  }

  /**
   * The stream, read by the one writer its transaction lets in: a transaction-level advisory lock keyed by the stream
   * id (held until `m` commits) makes a second writer of the same stream wait, so a command decided outside a workflow
   * (an attachment's upload) reads the next seq and the current state without racing another.
   */
  async readStreamExclusively(streamId: string, m: EntityManager): Promise<ChainedEvent[]> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [streamId]);
    return this.readStream(streamId, m);
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

/** An event as the append's statement takes it: its columns, and the canonical content its hash covers. */
const asInput = (e: StoredEnvelope, i: number) => ({
  i,
  seq: e.seq,
  type: e.type,
  stream_kind: streamKindOf(e.type),
  data: e.data,
  actor_id: e.actorId,
  actor_role: e.actorRole,
  on_behalf_of: e.onBehalfOf ?? null,
  occurred_at: e.occurredAt,
  rule_set_version: e.ruleSetVersion,
  request_id: e.requestId,
  content: chainedContent(e),
});

/**
 * One statement: inserts the events (one multi-row INSERT) with their hash chain and returns what it inserted, with the
 * rows of `readQuery` (read on the same snapshot as the stream's head).
 *
 * The chain is continued in SQL: the first event's prev_hash is the hash of the stored event before it (read by the
 * statement itself from the unique (stream_id, seq) index — the genesis hash for seq 1), and each hash is
 * sha256(prev_hash || canonical content) — `chainHash`, whose canonical content is computed here and sent along. So no
 * caller's idea of the head is trusted, and the chain cannot fork: a predecessor the statement does not see gives no
 * row to insert; two appends of one seq meet at the unique key, where the second inserts nothing for that seq (and
 * `append` then throws, rolling back whatever else it inserted); stored events never change (append-only trigger).
 */
async function insertAndRead(
  m: EntityManager,
  events: readonly StoredEnvelope[],
  readQuery: (param: (value: unknown) => string) => string | undefined,
): Promise<{
  inserted: { seq: number; prev_hash: string; hash: string }[];
  rows: { t: number; row: unknown }[];
}> {
  const params: unknown[] = [JSON.stringify(events.map(asInput)), events[0].streamId, events[0].seq, GENESIS_HASH];
  const reads = readQuery((v) => `$${params.push(v)}`);
  const result = (await m.query(
    `WITH RECURSIVE input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(i int, seq int, type text, stream_kind text, data jsonb,
         actor_id text, actor_role text, on_behalf_of text, occurred_at timestamptz, rule_set_version text,
         request_id text, content text)),
     head AS (
       SELECT hash FROM dossier_event WHERE stream_id = $2 AND seq = $3::int - 1
       UNION ALL SELECT $4::text WHERE $3::int = 1),
     chain (i, prev_hash, hash) AS (
       SELECT x.i, h.hash, encode(sha256(convert_to(h.hash || x.content, 'UTF8')), 'hex') FROM head h JOIN input x ON x.i = 0
       UNION ALL
       SELECT x.i, c.hash, encode(sha256(convert_to(c.hash || x.content, 'UTF8')), 'hex') FROM chain c JOIN input x ON x.i = c.i + 1),
     inserted AS (
       INSERT INTO dossier_event (stream_id, stream_kind, seq, type, data, actor_id, actor_role, on_behalf_of, occurred_at, rule_set_version, request_id, prev_hash, hash)
       SELECT $2, x.stream_kind, x.seq, x.type, x.data, x.actor_id, x.actor_role, x.on_behalf_of, x.occurred_at, x.rule_set_version, x.request_id, c.prev_hash, c.hash
       FROM input x JOIN chain c USING (i) ORDER BY x.i
       ON CONFLICT (stream_id, seq) DO NOTHING RETURNING seq, prev_hash, hash)
     SELECT -1 AS t, to_jsonb(inserted) AS row FROM inserted${reads ? ` UNION ALL ${reads}` : ''}`,
    params,
  )) as { t: number; row: unknown }[];
  return {
    inserted: result.filter((r) => r.t === -1).map((r) => r.row as { seq: number; prev_hash: string; hash: string }),
    rows: result.filter((r) => r.t !== -1),
  };
}

export class ConcurrentAppendError extends Error {
  constructor(streamId: string, seq: number) {
    super(`Event ${seq} of stream ${streamId} was already written by another request`);
    this.name = 'ConcurrentAppendError';
  }
}
