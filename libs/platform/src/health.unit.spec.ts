import { check, maskCredentials, readiness } from './health';

describe('readiness checks', () => {
  it('a probe that answers passes, with its duration', async () => {
    const r = await check(async () => 'pong');
    expect(r.ok).toBe(true);
    expect(r.ms).toBeGreaterThanOrEqual(0);
    expect(r.error).toBeUndefined();
  });

  it('a probe that throws fails with its message, credentials masked', async () => {
    const r = await check(async () => {
      throw new Error('connect ECONNREFUSED for postgres://tdkt_app:s3cret@db:5432/tdkt');
    });
    expect(r).toMatchObject({ ok: false, error: 'connect ECONNREFUSED for postgres://tdkt_app:***@db:5432/tdkt' });
  });

  it('a probe that does not answer within the limit fails (a hung dependency is not ready)', async () => {
    const r = await check(() => new Promise(() => undefined), 50);
    expect(r).toMatchObject({ ok: false, error: 'no answer within 50 ms' });
  });

  it('ready only when every probe passes, each named in the answer', async () => {
    const all = await readiness({ database: async () => 1, temporal: async () => 1 });
    expect(all.ready).toBe(true);
    const one = await readiness({ database: async () => 1, temporal: () => Promise.reject(new Error('UNAVAILABLE')) });
    expect(one.ready).toBe(false);
    expect(one.checks.database.ok).toBe(true);
    expect(one.checks.temporal).toMatchObject({ ok: false, error: 'UNAVAILABLE' });
  });

  it('masks the password of any URL, leaves other text alone', () => {
    expect(maskCredentials('a postgresql://u:p%40ss@h/db b')).toBe('a postgresql://u:***@h/db b');
    expect(maskCredentials('no url here: 10.0.0.1:5432')).toBe('no url here: 10.0.0.1:5432');
  });
});
