import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bytes of the HS256 key (the algorithm's own output size). */
const KEY_BYTES = 32;

/**
 * The local issuer's signing key: read from `file` (base64), or made and written there on first start (mode 0600,
 * created exclusively, so two replicas starting together end up with the same key). Without a file the key lives in
 * memory only and every restart logs everyone out.
 */
export function localIssuerKey(file?: string): Uint8Array {
  if (!file) return randomBytes(KEY_BYTES);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new Error(`AUTH_LOCAL_KEY_FILE: cannot create ${file}: ${(e as Error).message}`);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length < KEY_BYTES)
    throw new Error(`AUTH_LOCAL_KEY_FILE: ${file} does not hold a base64 key of at least ${KEY_BYTES} bytes`);
  return key;
}
