import { createServer, connect, type Server } from 'node:net';
import { createDataSource } from '@tdkt/persistence';
import { connectWithRetry, maskSecrets } from './retry';

describe('connecting with retry', () => {
  it('retries a failing connection with doubling waits up to the cap, logs each retry with the secret masked, and returns the connection', async () => {
    const waits: number[] = [];
    const lines: string[] = [];
    let calls = 0;
    const connected = await connectWithRetry(
      async () => {
        calls += 1;
        if (calls < 4) throw new Error('connect ECONNREFUSED for postgres://app:s3cret-pw@db:5432/tdkt');
        return 'connection';
      },
      {
        what: 'Postgres',
        initialDelayMs: 1_000,
        maxDelayMs: 3_000,
        log: (l) => lines.push(l),
        sleep: async (ms) => void waits.push(ms),
      },
    );
    expect(connected).toBe('connection');
    expect(waits).toEqual([1_000, 2_000, 3_000]);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'Postgres: connection attempt 1 failed (connect ECONNREFUSED for postgres://app:***@db:5432/tdkt); retrying in 1000 ms',
    );
    expect(lines[3]).toBe('Postgres: connected after 4 attempts');
    expect(lines.join('\n')).not.toContain('s3cret-pw');
  });

  it('gives up after maxAttempts with the last error', async () => {
    await expect(
      connectWithRetry(() => Promise.reject(new Error('password authentication failed')), {
        what: 'Postgres',
        maxAttempts: 2,
        log: () => undefined,
        sleep: async () => undefined,
      }),
    ).rejects.toThrow('Postgres: could not connect after 2 attempts: password authentication failed');
  });

  it('masks a libpq password keyword too', () =>
    expect(maskSecrets('host=db password=abc user=x')).toBe('host=db password=*** user=x'));
});

describe('a worker started while Postgres is down', () => {
  let proxy: Server | undefined;
  afterAll(() => proxy?.close());

  it("keeps retrying against the port and connects once Postgres comes up there (a proxy to the run's Postgres opens after two failures)", async () => {
    const real = new URL(process.env.DATABASE_URL ?? '');
    const port = await new Promise<number>((ok) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => ok(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const later = new URL(real.toString());
    later.hostname = '127.0.0.1';
    later.port = String(port);
    const bringUp = () =>
      new Promise<void>((ok) => {
        proxy = createServer((client) => {
          const upstream = connect(Number(real.port || 5432), real.hostname);
          client.pipe(upstream).pipe(client);
          upstream.on('error', () => client.destroy());
          client.on('error', () => upstream.destroy());
        }).listen(port, '127.0.0.1', () => ok());
      });
    const lines: string[] = [];
    let failures = 0;
    const ds = await connectWithRetry(() => createDataSource(later.toString()).initialize(), {
      what: 'Postgres',
      log: (l) => lines.push(l),
      // No real waiting: "Postgres comes up" after the second failure.
      sleep: async () => {
        failures += 1;
        if (failures === 2) await bringUp();
      },
    });
    try {
      expect(await ds.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(lines.filter((l) => l.includes('failed'))).toHaveLength(2);
      expect(lines[2]).toBe('Postgres: connected after 3 attempts');
      if (real.password) expect(lines.join('\n')).not.toContain(decodeURIComponent(real.password));
    } finally {
      await ds.destroy();
    }
  });
});
