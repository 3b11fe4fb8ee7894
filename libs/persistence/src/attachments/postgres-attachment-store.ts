import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { AttachmentNotFoundError, AttachmentStore } from './attachment-store';

/** Bytes per stored chunk: a row stays small, and an upload holds at most one chunk in memory. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * The embedded default: an object is its chunks in `attachment_blob_chunk` (bytea, ≤ 256 KiB each) and one row in
 * `attachment_blob`, written in one transaction that commits only when the stream ended cleanly, so a refused or broken
 * upload leaves nothing. Reads stream chunk by chunk.
 */
export class PostgresAttachmentStore extends AttachmentStore {
  readonly kind = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async put(key: string, body: Readable): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let chunkNo = 0;
      let size = 0;
      const flush = async (): Promise<void> => {
        if (pendingBytes === 0) return;
        const all = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await runner.query(`INSERT INTO attachment_blob_chunk (storage_key, chunk_no, data) VALUES ($1, $2, $3)`, [
          key,
          chunkNo++,
          all,
        ]);
      };
      for await (const piece of body as AsyncIterable<Buffer | string>) {
        let buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
        size += buf.length;
        while (pendingBytes + buf.length >= CHUNK_BYTES) {
          const take = CHUNK_BYTES - pendingBytes;
          pending.push(buf.subarray(0, take));
          pendingBytes += take;
          buf = buf.subarray(take);
          await flush();
        }
        if (buf.length) {
          pending.push(buf);
          pendingBytes += buf.length;
        }
      }
      await flush();
      await runner.query(`INSERT INTO attachment_blob (storage_key, size, chunks) VALUES ($1, $2, $3)`, [
        key,
        size,
        chunkNo,
      ]);
      await runner.commitTransaction();
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw e;
    } finally {
      await runner.release();
    }
  }

  async get(key: string): Promise<Readable> {
    const [blob] = (await this.dataSource.query(`SELECT chunks FROM attachment_blob WHERE storage_key = $1`, [
      key,
    ])) as { chunks: number }[];
    if (!blob) throw new AttachmentNotFoundError(key);
    const ds = this.dataSource;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let i = 0; i < blob.chunks; i++) {
        const [row] = (await ds.query(
          `SELECT data FROM attachment_blob_chunk WHERE storage_key = $1 AND chunk_no = $2`,
          [key, i],
        )) as { data: Buffer }[];
        if (!row) throw new Error(`attachment ${key} lacks chunk ${i}`);
        yield row.data;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  async delete(key: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM attachment_blob WHERE storage_key = $1`, [key]);
      await m.query(`DELETE FROM attachment_blob_chunk WHERE storage_key = $1`, [key]);
    });
  }
}
