import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@tdkt/domain';
import { LocalIssuer } from './local-issuer';
import { localIssuerKey } from './local-issuer-key';

const admin: Actor & { name: string } = { userId: 'u-admin', role: 'ADMINISTRATOR', name: 'Quản trị' };

describe('the local issuer key file (AUTH_LOCAL_KEY_FILE)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created on first start (owner-only) and reused, so a token survives a restart and works on a second replica', async () => {
    const file = join(dir, 'nested', 'local-issuer.key');
    const first = new LocalIssuer(localIssuerKey(file));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { token } = await first.issue(admin);
    const restarted = new LocalIssuer(localIssuerKey(file));
    expect(await restarted.verify(token)).toEqual({ ok: true, actor: { userId: 'u-admin', role: 'ADMINISTRATOR' } });
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('without a file, keeps the key in memory only: another process refuses the token', async () => {
    const { token } = await new LocalIssuer(localIssuerKey()).issue(admin);
    expect((await new LocalIssuer(localIssuerKey()).verify(token)).ok).toBe(false);
  });

  it('refuses a file that does not hold a key of 32 bytes, naming the variable', () => {
    const file = join(dir, 'short.key');
    writeFileSync(file, Buffer.alloc(8).toString('base64'));
    expect(() => localIssuerKey(file)).toThrow(
      /^AUTH_LOCAL_KEY_FILE: .*short\.key does not hold a base64 key of at least 32 bytes/,
    );
  });
});
