import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalJson, GENESIS_HASH, verifyChain, type ChainedEvent } from './chain';
import { EventStore } from '../event-store/event-store';

/** One stream's head as an anchor records it: the stream, its last seq and that event's hash. */
export interface StreamHead {
  streamId: string;
  seq: number;
  hash: string;
}

/**
 * An anchor: a chained record of every stream's head at a moment. `hash = sha256(prev_hash || canonical({seq,
 * anchoredAt, streams, changesHash}))` where `changesHash = sha256(canonical(heads changed since the previous anchor,
 * sorted by stream id))`, so an anchor's hash commits to the heads of every stream up to it.
 */
export interface Anchor {
  seq: number;
  anchoredAt: string;
  /** Streams anchored so far (the full set, not only the changed ones). */
  streams: number;
  changesHash: string;
  prevHash: string;
  hash: string;
}

/** What an auditor keeps of an anchor (`npm run cli -- anchor-export <file>`), to verify against later. */
export interface PublishedAnchor {
  format: typeof ANCHOR_FORMAT;
  seq: number;
  hash: string;
  anchoredAt: string;
  streams: number;
}
export const ANCHOR_FORMAT = 'tdkt-anchor/1';

/** Key of the advisory lock under which anchors are written, so replicas do not anchor twice at once. */
export const ANCHOR_LOCK_KEY = 7_734_200_001;

const sha256 = (...parts: string[]): string => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');
const byStream = (a: StreamHead, b: StreamHead) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0);

export function changesHash(changes: readonly StreamHead[]): string {
  return sha256(
    canonicalJson([...changes].sort(byStream).map((h) => ({ streamId: h.streamId, seq: h.seq, hash: h.hash }))),
  );
}

export function anchorHash(
  prevHash: string,
  a: Pick<Anchor, 'seq' | 'anchoredAt' | 'streams' | 'changesHash'>,
): string {
  return sha256(
    prevHash,
    canonicalJson({
      seq: a.seq,
      anchoredAt: new Date(a.anchoredAt).toISOString(),
      streams: a.streams,
      changesHash: a.changesHash,
    }),
  );
}

export const publish = (a: Anchor): PublishedAnchor => ({
  format: ANCHOR_FORMAT,
  seq: a.seq,
  hash: a.hash,
  anchoredAt: a.anchoredAt,
  streams: a.streams,
});

interface AnchorRow {
  seq: number;
  anchored_at: Date;
  streams: number;
  changes_hash: string;
  prev_hash: string;
  hash: string;
}
const toAnchor = (r: AnchorRow): Anchor => ({
  seq: r.seq,
  anchoredAt: r.anchored_at.toISOString(),
  streams: r.streams,
  changesHash: r.changes_hash,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export interface AnchorResult {
  /** The anchor written, or the latest one when nothing changed (or another process was anchoring). */
  anchor?: Anchor;
  created: boolean;
  changed: number;
  /** Streams whose head no longer continues its anchored head: left at the anchored head and reported, never re-anchored. */
  refused: StreamHead[];
}

/**
 * Writes anchors and reads them back. An anchor only ever moves a stream's head forward along a chain that still
 * contains the anchored event, so a new anchor never legitimises a deletion or a rewrite made since the last one.
 */
export class Anchors {
  private readonly events: EventStore;
  constructor(private readonly dataSource: DataSource) {
    this.events = new EventStore(dataSource);
  }

  async latest(manager?: EntityManager): Promise<Anchor | undefined> {
    const [row] = (await (manager ?? this.dataSource.manager).query(
      `SELECT * FROM audit_anchor ORDER BY seq DESC LIMIT 1`,
    )) as AnchorRow[];
    return row && toAnchor(row);
  }

  /** Every anchor in order, for verification (one row per anchor: small). */
  async all(): Promise<Anchor[]> {
    return ((await this.dataSource.query(`SELECT * FROM audit_anchor ORDER BY seq`)) as AnchorRow[]).map(toAnchor);
  }

  /** The heads as anchor `upTo` (default: the latest) records them: each stream's latest row at or before it. */
  async anchoredHeads(upTo?: number, streamId?: string): Promise<Map<string, StreamHead>> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (stream_id) stream_id, seq, hash FROM audit_anchor_head
        WHERE ($1::int IS NULL OR anchor_seq <= $1) AND ($2::uuid IS NULL OR stream_id = $2)
        ORDER BY stream_id, anchor_seq DESC`,
      [upTo ?? null, streamId ?? null],
    )) as { stream_id: string; seq: number; hash: string }[];
    return new Map(rows.map((r) => [r.stream_id, { streamId: r.stream_id, seq: r.seq, hash: r.hash }]));
  }

  /** Every anchor's changed heads, in anchor order, in pages (keyset on anchor and stream). */
  async *changesByAnchor(pageSize = 5000): AsyncGenerator<{ anchorSeq: number; heads: StreamHead[] }> {
    let after: [number, string] = [0, '00000000-0000-0000-0000-000000000000'];
    let current: { anchorSeq: number; heads: StreamHead[] } | undefined;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT anchor_seq, stream_id, seq, hash FROM audit_anchor_head WHERE (anchor_seq, stream_id) > ($1, $2::uuid) ORDER BY anchor_seq, stream_id LIMIT $3`,
        [after[0], after[1], pageSize],
      )) as { anchor_seq: number; stream_id: string; seq: number; hash: string }[];
      for (const r of rows) {
        if (current && current.anchorSeq !== r.anchor_seq) yield current;
        if (!current || current.anchorSeq !== r.anchor_seq) current = { anchorSeq: r.anchor_seq, heads: [] };
        current.heads.push({ streamId: r.stream_id, seq: r.seq, hash: r.hash });
      }
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1];
      after = [last.anchor_seq, last.stream_id];
    }
    if (current) yield current;
  }

  /**
   * Anchors every stream head that moved since the latest anchor, in one transaction under an advisory lock.
   * wait=false (the periodic job): when another process holds the lock, do nothing. No change: no new anchor.
   */
  async anchor(options: { wait?: boolean; now?: Date } = {}): Promise<AnchorResult> {
    return this.dataSource.transaction(async (m) => {
      if (options.wait ?? true) await m.query(`SELECT pg_advisory_xact_lock($1)`, [ANCHOR_LOCK_KEY]);
      else {
        const [{ locked }] = (await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [ANCHOR_LOCK_KEY])) as {
          locked: boolean;
        }[];
        if (!locked) return { created: false, changed: 0, refused: [] };
      }
      const previous = await this.latest(m);
      const anchored = await this.anchoredHeadsIn(m);
      const heads = (await m.query(
        `SELECT DISTINCT ON (stream_id) stream_id, seq, hash FROM dossier_event ORDER BY stream_id, seq DESC`,
      )) as {
        stream_id: string;
        seq: number;
        hash: string;
      }[];
      const changes: StreamHead[] = [];
      const refused: StreamHead[] = [];
      for (const h of heads) {
        const head = { streamId: h.stream_id, seq: h.seq, hash: h.hash };
        const before = anchored.get(head.streamId);
        if (before && before.seq === head.seq && before.hash === head.hash) continue;
        if (before && !(await this.continues(m, before, head))) refused.push(before);
        else changes.push(head);
      }
      if (changes.length === 0)
        return { ...(previous ? { anchor: previous } : {}), created: false, changed: 0, refused };
      const newStreams = changes.filter((c) => !anchored.has(c.streamId)).length;
      const draft = {
        seq: (previous?.seq ?? 0) + 1,
        anchoredAt: (options.now ?? new Date()).toISOString(),
        streams: anchored.size + newStreams,
        changesHash: changesHash(changes),
      };
      const prevHash = previous?.hash ?? GENESIS_HASH;
      const anchor: Anchor = { ...draft, prevHash, hash: anchorHash(prevHash, draft) };
      await m.query(
        `INSERT INTO audit_anchor (seq, anchored_at, streams, changes_hash, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6)`,
        [anchor.seq, anchor.anchoredAt, anchor.streams, anchor.changesHash, anchor.prevHash, anchor.hash],
      );
      await m.query(
        `INSERT INTO audit_anchor_head (anchor_seq, stream_id, seq, hash) SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::text[])`,
        [anchor.seq, changes.map((c) => c.streamId), changes.map((c) => c.seq), changes.map((c) => c.hash)],
      );
      return { anchor, created: true, changed: changes.length, refused };
    });
  }

  private async anchoredHeadsIn(m: EntityManager): Promise<Map<string, StreamHead>> {
    const rows = (await m.query(
      `SELECT DISTINCT ON (stream_id) stream_id, seq, hash FROM audit_anchor_head ORDER BY stream_id, anchor_seq DESC`,
    )) as {
      stream_id: string;
      seq: number;
      hash: string;
    }[];
    return new Map(rows.map((r) => [r.stream_id, { streamId: r.stream_id, seq: r.seq, hash: r.hash }]));
  }

  /** Whether the stream still holds the anchored event and its chain runs on from it unbroken to the new head. */
  private async continues(m: EntityManager, anchored: StreamHead, head: StreamHead): Promise<boolean> {
    if (head.seq < anchored.seq) return false;
    const tail = (await this.events.readStream(anchored.streamId, m)).filter(
      (e: ChainedEvent) => e.seq >= anchored.seq,
    );
    if (tail[0]?.seq !== anchored.seq || tail[0].hash !== anchored.hash) return false;
    return !verifyChain(tail.slice(1), { seq: anchored.seq, hash: anchored.hash });
  }
}
