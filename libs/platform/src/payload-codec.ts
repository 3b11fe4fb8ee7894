/**
 * The Temporal payload codec: every payload the API, the worker and the tests send to Temporal is encrypted with
 * AES-256-GCM, so a workflow history (and the dev server's SQLite file) holds no nominee name or birth date in clear.
 * It sits in the data converter of clients and workers, outside workflow code.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { parseCodecKeys, type CodecKey, type TemporalConfig } from '@tdkt/config';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const text = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

/** The payload is one this codec (with any key) encrypted. */
export function isEncrypted(p: Payload): boolean {
  return text(p.metadata?.encoding) === ENCRYPTED_ENCODING;
}

export class UnknownCodecKeyError extends Error {
  constructor(keyId: string) {
    super(`A payload is encrypted with key "${keyId}", which is not in TEMPORAL_CODEC_KEYS`);
    this.name = 'UnknownCodecKeyError';
  }
}

/**
 * Encrypts the whole serialized payload (metadata included) with the active key, writing the key id into the new
 * payload's metadata (and binding it as additional data); decrypts with the key the payload names. A payload that is
 * not encrypted passes through decode unchanged: histories recorded before the codec still replay.
 */
export class PayloadDecryptionError extends Error {
  constructor(keyId: string) {
    super(`A payload does not decrypt with key "${keyId}" (altered, or encrypted elsewhere)`);
    this.name = 'PayloadDecryptionError';
  }
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly active: CodecKey;

  constructor(keys: CodecKey[]) {
    if (!keys.length) throw new Error('The payload codec needs at least one key');
    this.active = keys[0];
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.encrypt(p));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => (isEncrypted(p) ? this.decrypt(p) : p));
  }

  private encrypt(payload: Payload): Payload {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.active.key, iv);
    cipher.setAAD(Buffer.from(this.active.id, 'utf8'));
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        encoding: utf8(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: utf8(this.active.id),
        [CIPHER_METADATA]: utf8(CIPHER),
      },
      data: new Uint8Array(data),
    };
  }

  private decrypt(payload: Payload): Payload {
    const keyId = text(payload.metadata?.[KEY_ID_METADATA]) ?? '';
    const key = this.keys.get(keyId);
    if (!key) throw new UnknownCodecKeyError(keyId);
    const data = Buffer.from(payload.data ?? new Uint8Array());
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    try {
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(plain);
    } catch {
      throw new PayloadDecryptionError(keyId);
    }
  }
}

/** The codec of the configuration, or undefined when no TEMPORAL_CODEC_KEYS are set. */
export function payloadCodec(t: Pick<TemporalConfig, 'codecKeys'>): AesGcmPayloadCodec | undefined {
  return t.codecKeys.length ? new AesGcmPayloadCodec(t.codecKeys) : undefined;
}

/** The data converter for a client or a worker (`{}`: the SDK's default, when no keys are set). */
export function dataConverter(t: Pick<TemporalConfig, 'codecKeys'>): DataConverter {
  const codec = payloadCodec(t);
  return codec ? { payloadCodecs: [codec] } : {};
}

/** For tests and tools that build clients and workers themselves: the data converter of TEMPORAL_CODEC_KEYS. */
export function dataConverterFromEnv(env: Record<string, string | undefined> = process.env): DataConverter {
  const problems: string[] = [];
  const codecKeys = parseCodecKeys(env.TEMPORAL_CODEC_KEYS, problems);
  if (problems.length) throw new Error(problems.join('; '));
  return dataConverter({ codecKeys });
}
