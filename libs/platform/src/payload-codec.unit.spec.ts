import { parseCodecKeys } from '@tdkt/config';
import { AesGcmPayloadCodec, isEncrypted, PayloadDecryptionError, UnknownCodecKeyError } from './payload-codec';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const plain = {
  metadata: { encoding: new Uint8Array(Buffer.from('json/plain')) },
  data: new Uint8Array(Buffer.from('{"fullName":"Nguyễn Thị Lan"}')),
};

describe('AesGcmPayloadCodec', () => {
  it('encrypts the whole payload under the active key and decodes it back', async () => {
    const codec = new AesGcmPayloadCodec(parseCodecKeys(`k2:${key(2)},k1:${key(1)}`));
    const [encrypted] = await codec.encode([plain]);
    expect(isEncrypted(encrypted)).toBe(true);
    expect(Buffer.from(encrypted.metadata?.['encryption-key-id'] ?? []).toString()).toBe('k2');
    expect(Buffer.from(encrypted.data ?? []).toString()).not.toContain('Lan');
    const [decoded] = await codec.decode([encrypted]);
    expect(Buffer.from(decoded.data ?? []).toString()).toBe('{"fullName":"Nguyễn Thị Lan"}');
  });

  it('passes plain payloads through decode (recorded histories replay), and decodes with a retired key after rotation', async () => {
    const old = new AesGcmPayloadCodec(parseCodecKeys(`k1:${key(1)}`));
    const rotated = new AesGcmPayloadCodec(parseCodecKeys(`k2:${key(2)},k1:${key(1)}`));
    expect(await rotated.decode([plain])).toEqual([plain]);
    const [byOld] = await old.encode([plain]);
    expect(Buffer.from((await rotated.decode([byOld]))[0].data ?? []).toString()).toContain('Lan');
  });

  it('refuses a payload of an unknown key, or one altered after encryption', async () => {
    const [byOther] = await new AesGcmPayloadCodec(parseCodecKeys(`x:${key(9)}`)).encode([plain]);
    const codec = new AesGcmPayloadCodec(parseCodecKeys(`k1:${key(1)}`));
    await expect(codec.decode([byOther])).rejects.toThrow(UnknownCodecKeyError);
    const [mine] = await codec.encode([plain]);
    const data = Buffer.from(mine.data ?? []);
    data[20] ^= 1;
    await expect(codec.decode([{ ...mine, data: new Uint8Array(data) }])).rejects.toThrow(PayloadDecryptionError);
  });
});

describe('TEMPORAL_CODEC_KEYS', () => {
  it('names the problem of a short key, a bad id or a repeated id', () => {
    const problems: string[] = [];
    parseCodecKeys(`a:${Buffer.alloc(16).toString('base64')},b c:${key(1)},d:${key(1)},d:${key(2)}`, problems);
    expect(problems).toEqual([
      'TEMPORAL_CODEC_KEYS: key "a" must be 32 bytes in base64 (e.g. openssl rand -base64 32)',
      'TEMPORAL_CODEC_KEYS: key id "b c" must be 1-64 letters, digits, ".", "_" or "-"',
      'TEMPORAL_CODEC_KEYS: key id "d" is given twice',
    ]);
  });
});
