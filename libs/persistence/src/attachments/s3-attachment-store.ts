import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { AttachmentNotFoundError, AttachmentStore } from './attachment-store';

export interface S3StoreOptions {
  bucket: string;
  region: string;
  /** An S3-compatible server's URL (SeaweedFS, Ceph RGW …); absent for AWS itself. */
  endpoint?: string;
  /** Path-style URLs (http://host/bucket/key), which most S3-compatible servers need. */
  forcePathStyle: boolean;
  /** Absent: the SDK's default credential chain (environment, instance role …). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bytes per part of a multipart upload (≥ 5 MiB); an upload buffers at most one part. */
  partSize?: number;
}

/**
 * Production: an S3-compatible bucket. Uploads stream through the SDK's multipart uploader one part at a time (a file
 * smaller than a part is one PutObject); if the stream fails, the multipart upload is aborted and the key removed, so
 * nothing stays. Downloads stream the object's body.
 */
export class S3AttachmentStore extends AttachmentStore {
  readonly kind = 's3' as const;
  readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    super();
    this.client = new S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  }

  /** Creates the bucket when it does not exist (the embedded tests' and a first deployment's convenience). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
    } catch (e) {
      if (!(e instanceof S3ServiceException) || e.$metadata.httpStatusCode !== 404) throw e;
      await this.client.send(new CreateBucketCommand({ Bucket: this.options.bucket }));
    }
  }

  async put(key: string, body: Readable): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: key, Body: body },
      queueSize: 1,
      partSize: this.options.partSize ?? 5 * 1024 * 1024,
      leavePartsOnError: false,
    });
    // The body's own error (a refused type, over the limit) is the one to report, not the SDK's wrapping of it.
    let bodyError: unknown;
    body.once('error', (e) => (bodyError = e));
    try {
      await upload.done();
      if (bodyError) throw bodyError;
    } catch (e) {
      await this.delete(key).catch(() => undefined);
      throw bodyError ?? body.errored ?? e;
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      // In Node the SDK's body is the HTTP response, a Readable.
      if (!(out.Body instanceof Readable)) throw new Error(`S3 answered ${key} without a readable body`);
      return out.Body;
    } catch (e) {
      if (e instanceof NoSuchKey || (e instanceof S3ServiceException && e.$metadata.httpStatusCode === 404))
        throw new AttachmentNotFoundError(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  close(): void {
    this.client.destroy();
  }
}
