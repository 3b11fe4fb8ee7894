/**
 * The attachment store's one interface, held to the same behaviour on both implementations: the embedded Postgres
 * table (the run's real Postgres) and an S3 bucket on a real SeaweedFS server started for this file.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { AttachmentNotFoundError, type AttachmentStore } from './attachment-store';
import { CHUNK_BYTES, PostgresAttachmentStore } from './postgres-attachment-store';
import { S3AttachmentStore } from './s3-attachment-store';
import { startSeaweedS3, type SeaweedS3 } from '../../../../test/support/seaweedfs';

let ds: DataSource;
let seaweed: SeaweedS3;
let s3: S3AttachmentStore;

beforeAll(async () => {
  [ds, seaweed] = await Promise.all([createDataSource(process.env.DATABASE_URL ?? '').initialize(), startSeaweedS3()]);
  s3 = new S3AttachmentStore({
    bucket: `tdkt-spec-${randomUUID().slice(0, 8)}`,
    region: 'us-east-1',
    endpoint: seaweed.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: seaweed.accessKeyId, secretAccessKey: seaweed.secretAccessKey },
  });
  await s3.ensureBucket();
}, 600_000);
afterAll(async () => {
  s3?.close();
  await seaweed?.stop();
  await ds?.destroy();
});

/** Bytes in pieces of uneven size, as an HTTP request delivers them. */
function pieces(bytes: Buffer, size = 65_536 - 17): Readable {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  return Readable.from(parts);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of stream) out.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(out);
}

/** A stream that fails after `after` bytes, as the intake does for a refused type or a file over the limit. */
function failingAfter(bytes: Buffer, after: number): Readable {
  let seen = 0;
  const t = new Transform({
    transform(chunk: Buffer, _e, done) {
      seen += chunk.length;
      done(seen > after ? new Error('refused by the intake') : null, chunk);
    },
  });
  return pieces(bytes).pipe(t);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const stores = (): [string, AttachmentStore][] => [
  ['Postgres (embedded default)', new PostgresAttachmentStore(ds)],
  ['S3 on SeaweedFS', s3],
];

describe.each(['Postgres (embedded default)', 'S3 on SeaweedFS'])('the %s attachment store', (name) => {
  const store = (): AttachmentStore => {
    const found = stores().find(([n]) => n === name);
    if (!found) throw new Error(name);
    return found[1];
  };

  it('gives back exactly the bytes it stored, small and larger than a chunk or a multipart part', async () => {
    for (const size of [1, 1000, CHUNK_BYTES, CHUNK_BYTES * 3 + 11, 6 * 1024 * 1024 + 5]) {
      const bytes = randomBytes(size);
      const key = `spec/${randomUUID()}`;
      await store().put(key, pieces(bytes));
      const back = await readAll(await store().get(key));
      expect({ size, length: back.length, sha: sha(back) }).toEqual({ size, length: size, sha: sha(bytes) });
    }
  }, 120_000);

  it('keeps nothing under the key when the stream fails part-way, and says so on get', async () => {
    const key = `spec/${randomUUID()}`;
    await expect(store().put(key, failingAfter(randomBytes(CHUNK_BYTES * 2), CHUNK_BYTES + 100))).rejects.toThrow(
      'refused by the intake',
    );
    await expect(store().get(key)).rejects.toBeInstanceOf(AttachmentNotFoundError);
  }, 60_000);

  it('answers AttachmentNotFoundError for a key never stored, and delete removes an object', async () => {
    await expect(store().get(`spec/${randomUUID()}`)).rejects.toBeInstanceOf(AttachmentNotFoundError);
    const key = `spec/${randomUUID()}`;
    await store().put(key, pieces(Buffer.from('%PDF-1.4 tệp')));
    await store().delete(key);
    await expect(store().get(key)).rejects.toBeInstanceOf(AttachmentNotFoundError);
  }, 60_000);
});

it('the S3 store really is SeaweedFS behind authentication: a wrong secret is refused', async () => {
  const intruder = new S3AttachmentStore({
    bucket: 'any',
    region: 'us-east-1',
    endpoint: seaweed.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: seaweed.accessKeyId, secretAccessKey: 'wrong-secret-0000' },
  });
  try {
    await expect(intruder.put(`spec/${randomUUID()}`, pieces(Buffer.from('x')))).rejects.toThrow();
  } finally {
    intruder.close();
  }
});
