import type { Readable } from 'node:stream';

/** No object under this key (never stored, or its upload was refused). */
export class AttachmentNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored attachment ${key}`);
    this.name = 'AttachmentNotFoundError';
  }
}

/**
 * Where attachments' bytes live, behind one interface: a Postgres table for the embedded default, an S3-compatible
 * bucket in production. The store keeps bytes only; what they are (part, name, type, SHA-256) is in the event that
 * attaches them. An abstract class, so Nest injects it by type.
 */
export abstract class AttachmentStore {
  abstract readonly kind: 'postgres' | 's3';

  /**
   * Stores the stream under `key`, reading it once to its end with bounded memory. If the stream fails (a refused type,
   * a size over the limit, a client gone) nothing stays stored under the key, and the stream's error is rethrown.
   */
  abstract put(key: string, body: Readable): Promise<void>;

  /** The stored bytes as a stream; AttachmentNotFoundError when the key holds nothing. */
  abstract get(key: string): Promise<Readable>;

  /** Removes an object (an orphan whose attaching event was refused); no error when the key holds nothing. */
  abstract delete(key: string): Promise<void>;
}
