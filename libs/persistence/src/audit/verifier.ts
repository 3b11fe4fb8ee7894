import type { EventStore } from '../event-store/event-store';
import { anchorHash, changesHash, type Anchor, type Anchors, type PublishedAnchor, type StreamHead } from './anchor';
import { GENESIS, GENESIS_HASH, verifyChain, type ChainBreak, type ChainedEvent } from './chain';

/**
 * What the chains alone cannot show, found against the anchors and the decisions:
 * - STREAM_MISSING: an anchored stream has no events any more (a whole stream deleted);
 * - HEAD_BEHIND_ANCHOR: a stream ends before its anchored seq (its newest events deleted);
 * - ANCHORED_HASH_MISMATCH: the event at the anchored seq has another hash (rewritten, hashes recomputed);
 * - ANCHOR_BROKEN: the anchor chain itself (a gap, a link, a hash, or the heads an anchor commits to);
 * - PUBLISHED_ANCHOR_MISMATCH: the anchor an auditor kept is not in the chain as kept (everything rewritten);
 * - SIGNING_HEAD_MISMATCH: a decision's chainHeadAtSigning is not the hash of the event before it.
 */
export interface IntegrityProblem {
  problem:
    | 'STREAM_MISSING'
    | 'HEAD_BEHIND_ANCHOR'
    | 'ANCHORED_HASH_MISMATCH'
    | 'ANCHOR_BROKEN'
    | 'PUBLISHED_ANCHOR_MISMATCH'
    | 'SIGNING_HEAD_MISMATCH';
  streamId?: string;
  seq?: number;
  anchorSeq?: number;
  expected?: string;
  found?: string;
}

export interface VerificationReport {
  ok: boolean;
  dossiers: number;
  events: number;
  /** The first broken link, in event-table order. */
  firstBreak?: ChainBreak;
  /** The chain head (hash of the last event) of the verified dossier. */
  head?: string;
  /** The latest anchor the streams were checked against; absent before the first anchor. */
  anchor?: Pick<Anchor, 'seq' | 'hash' | 'anchoredAt' | 'streams'>;
  /** Anchor and decision problems (at most MAX_PROBLEMS; `problemsOmitted` counts the rest); absent when none. */
  problems?: IntegrityProblem[];
  problemsOmitted?: number;
}

const MAX_PROBLEMS = 100;

/** Per stream while scanning: the tail, and the hash before the current command's events (what a decision signs). */
interface Tail {
  seq: number;
  hash: string;
  requestId: string;
  beforeCommand: string;
}

class Findings {
  readonly list: IntegrityProblem[] = [];
  omitted = 0;
  add(p: IntegrityProblem): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
    else this.omitted++;
  }
  report(): Pick<VerificationReport, 'problems' | 'problemsOmitted'> {
    return {
      ...(this.list.length ? { problems: this.list } : {}),
      ...(this.omitted ? { problemsOmitted: this.omitted } : {}),
    };
  }
}

const signedHead = (e: ChainedEvent): string | undefined => {
  const decision = (e.data as { decision?: { chainHeadAtSigning?: unknown } } | null)?.decision;
  return typeof decision?.chainHeadAtSigning === 'string' ? decision.chainHeadAtSigning : undefined;
};

/**
 * Recomputes the hash chains from the event table and names the first broken link; checks every stream against the
 * latest anchor (and the anchor chain, and an anchor an auditor kept), and every decision's chain head at signing.
 */
export class ChainVerifier {
  constructor(
    private readonly events: EventStore,
    private readonly anchors?: Anchors,
  ) {}

  async verifyDossier(dossierId: string): Promise<VerificationReport> {
    const stream = await this.events.readStream(dossierId);
    const firstBreak = verifyChain(stream);
    const findings = new Findings();
    const latest = await this.anchors?.latest();
    const anchored = latest && (await this.anchors?.anchoredHeads(latest.seq, dossierId))?.get(dossierId);
    if (anchored) checkAgainstAnchor(anchored, stream, findings);
    const tails = new Map<string, Tail>();
    for (const e of stream) track(tails, e, findings);
    const head = stream.length ? stream[stream.length - 1].hash : undefined;
    return {
      ok: !firstBreak && findings.list.length === 0,
      dossiers: stream.length ? 1 : 0,
      events: stream.length,
      ...(firstBreak ? { firstBreak } : head ? { head } : {}),
      ...(latest ? { anchor: summary(latest) } : {}),
      ...findings.report(),
    };
  }

  /**
   * Streams the whole table once, keeping only each stream's tail. With anchors: the anchor chain is recomputed, each
   * stream is held to its latest anchored head, and `published` (an anchor kept outside the database) must be in it.
   */
  async verifyAll(published?: Pick<PublishedAnchor, 'seq' | 'hash'>): Promise<VerificationReport> {
    const findings = new Findings();
    const { latest, heads } = this.anchors
      ? await this.verifyAnchors(findings, published)
      : { latest: undefined, heads: new Map<string, StreamHead>() };
    const tails = new Map<string, Tail>();
    let events = 0;
    let firstBreak: ChainBreak | undefined;
    for await (const page of this.events.readAll()) {
      for (const e of page) {
        events++;
        const tail = tails.get(e.streamId);
        firstBreak ??= verifyChain([e], tail ?? GENESIS);
        const anchored = heads.get(e.streamId);
        if (anchored?.seq === e.seq && anchored.hash !== e.hash)
          findings.add({
            problem: 'ANCHORED_HASH_MISMATCH',
            streamId: e.streamId,
            seq: e.seq,
            anchorSeq: latest?.seq,
            expected: anchored.hash,
            found: e.hash,
          });
        track(tails, e, findings);
      }
    }
    for (const anchored of heads.values()) {
      const tail = tails.get(anchored.streamId);
      if (!tail)
        findings.add({
          problem: 'STREAM_MISSING',
          streamId: anchored.streamId,
          seq: anchored.seq,
          anchorSeq: latest?.seq,
          expected: anchored.hash,
        });
      else if (tail.seq < anchored.seq)
        findings.add({
          problem: 'HEAD_BEHIND_ANCHOR',
          streamId: anchored.streamId,
          seq: anchored.seq,
          anchorSeq: latest?.seq,
          expected: String(anchored.seq),
          found: String(tail.seq),
        });
    }
    return {
      ok: !firstBreak && findings.list.length === 0,
      dossiers: tails.size,
      events,
      ...(firstBreak ? { firstBreak } : {}),
      ...(latest ? { anchor: summary(latest) } : {}),
      ...findings.report(),
    };
  }

  /** Recomputes the anchor chain and the heads each anchor commits to; returns the latest anchor and its full heads. */
  private async verifyAnchors(
    findings: Findings,
    published?: Pick<PublishedAnchor, 'seq' | 'hash'>,
  ): Promise<{ latest?: Anchor; heads: Map<string, StreamHead> }> {
    const anchors = this.anchors;
    if (!anchors) return { heads: new Map() };
    const chain = await anchors.all();
    const heads = new Map<string, StreamHead>();
    const computed = new Map<number, string>();
    for await (const { anchorSeq, heads: changed } of anchors.changesByAnchor()) {
      computed.set(anchorSeq, changesHash(changed));
      for (const h of changed) heads.set(h.streamId, h);
    }
    let prev = GENESIS_HASH;
    for (const [i, a] of chain.entries()) {
      const broken = (expected: string, found: string) =>
        findings.add({ problem: 'ANCHOR_BROKEN', anchorSeq: a.seq, expected, found });
      if (a.seq !== i + 1) broken(`seq ${i + 1}`, `seq ${a.seq}`);
      else if (a.prevHash !== prev) broken(prev, a.prevHash);
      else if (anchorHash(prev, a) !== a.hash) broken(anchorHash(prev, a), a.hash);
      else if (computed.get(a.seq) !== a.changesHash) broken(a.changesHash, computed.get(a.seq) ?? 'no heads');
      prev = a.hash;
    }
    if (published) {
      const kept = chain.find((a) => a.seq === published.seq);
      if (kept?.hash !== published.hash)
        findings.add({
          problem: 'PUBLISHED_ANCHOR_MISMATCH',
          anchorSeq: published.seq,
          expected: published.hash,
          found: kept?.hash ?? 'no such anchor',
        });
    }
    return { latest: chain[chain.length - 1], heads };
  }
}

const summary = (a: Anchor) => ({ seq: a.seq, hash: a.hash, anchoredAt: a.anchoredAt, streams: a.streams });

/** One stream's events (in seq order) against its anchored head. */
function checkAgainstAnchor(anchored: StreamHead, stream: readonly ChainedEvent[], findings: Findings): void {
  const at = stream.find((e) => e.seq === anchored.seq);
  const last = stream[stream.length - 1];
  if (!last)
    findings.add({
      problem: 'STREAM_MISSING',
      streamId: anchored.streamId,
      seq: anchored.seq,
      expected: anchored.hash,
    });
  else if (last.seq < anchored.seq)
    findings.add({
      problem: 'HEAD_BEHIND_ANCHOR',
      streamId: anchored.streamId,
      seq: anchored.seq,
      expected: String(anchored.seq),
      found: String(last.seq),
    });
  else if (at && at.hash !== anchored.hash)
    findings.add({
      problem: 'ANCHORED_HASH_MISMATCH',
      streamId: anchored.streamId,
      seq: anchored.seq,
      expected: anchored.hash,
      found: at.hash,
    });
}

/** Moves a stream's tail on by one event and checks a decision's chain head at signing against it. */
function track(tails: Map<string, Tail>, e: ChainedEvent, findings: Findings): void {
  const tail = tails.get(e.streamId);
  // The workflow signs on the head before the command: events of one command share its request id.
  const beforeCommand = tail && tail.requestId === e.requestId ? tail.beforeCommand : (tail?.hash ?? GENESIS_HASH);
  const signed = signedHead(e);
  if (signed !== undefined && signed !== beforeCommand)
    findings.add({
      problem: 'SIGNING_HEAD_MISMATCH',
      streamId: e.streamId,
      seq: e.seq,
      expected: beforeCommand,
      found: signed,
    });
  tails.set(e.streamId, { seq: e.seq, hash: e.hash, requestId: e.requestId, beforeCommand });
}
