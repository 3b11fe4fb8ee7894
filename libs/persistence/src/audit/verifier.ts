import type { EventStore } from '../event-store/event-store';
import { GENESIS, verifyChain, type ChainBreak, type ChainTail } from './chain';

export interface VerificationReport {
  ok: boolean;
  dossiers: number;
  events: number;
  /** The first broken link, in event-table order. */
  firstBreak?: ChainBreak;
  /** The chain head (hash of the last event) of the verified dossier. */
  head?: string;
}

/** Recomputes the hash chains from the event table and names the first broken link. */
export class ChainVerifier {
  constructor(private readonly events: EventStore) {}

  async verifyDossier(dossierId: string): Promise<VerificationReport> {
    const stream = await this.events.readStream(dossierId);
    const firstBreak = verifyChain(stream);
    return {
      ok: !firstBreak,
      dossiers: stream.length ? 1 : 0,
      events: stream.length,
      ...(firstBreak ? { firstBreak } : stream.length ? { head: stream[stream.length - 1].hash } : {}),
    };
  }

  /** Streams the whole table once, keeping only each dossier's tail (last seq and hash). */
  async verifyAll(): Promise<VerificationReport> {
    const tails = new Map<string, ChainTail>();
    let events = 0;
    for await (const page of this.events.readAll()) {
      for (const e of page) {
        events++;
        const firstBreak = verifyChain([e], tails.get(e.dossierId) ?? GENESIS);
        if (firstBreak) return { ok: false, dossiers: tails.size, events, firstBreak };
        tails.set(e.dossierId, { seq: e.seq, hash: e.hash });
      }
    }
    return { ok: true, dossiers: tails.size, events };
  }
}
