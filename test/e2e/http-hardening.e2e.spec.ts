/**
 * The HTTP edge (README "Security"): security headers, request ids in responses, error bodies and log lines, JSON
 * body limits, rate limits (lowered here through the environment, as a deployment would), nothing personal logged.
 */
import { randomUUID } from 'node:crypto';
import { http, seedCast, startSystem, tokenFor, type Cast, type TestSystem } from '../support/system';

const LIMITS = {
  RATE_LIMIT_TOKEN_PER_MINUTE: '5',
  RATE_LIMIT_COMMANDS_PER_MINUTE: '4',
  HTTP_JSON_LIMIT_KB: '256',
  HTTP_JSON_MAX_DEPTH: '16',
};

let sys: TestSystem;
let cast: Cast;
let clerk: string;
let otherClerk: string;
const saved: Record<string, string | undefined> = {};
beforeAll(async () => {
  for (const [k, v] of Object.entries(LIMITS)) [saved[k], process.env[k]] = [process.env[k], v];
  sys = await startSystem();
  cast = await seedCast(sys);
  clerk = await tokenFor(sys, cast.users.clerk.username);
  otherClerk = await tokenFor(sys, cast.users.otherClerk.username);
});
afterAll(async () => {
  await sys?.stop();
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

/** Everything the process writes to stdout and stderr while `run` runs. */
async function output(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }),
  );
  try {
    await run();
  } finally {
    for (const s of spies) s.mockRestore();
  }
  // eslint-disable-next-line no-control-regex -- colour codes of Nest's console logger
  return lines.join('').replace(/\u001b\[[0-9;]*m/g, '');
}

const raw = (path: string, init: RequestInit = {}) => fetch(`${sys.baseUrl}${path}`, init);

describe('security headers', () => {
  it('sends helmet headers and no X-Powered-By', async () => {
    const res = await raw('/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('still serves the OpenAPI page under its Content-Security-Policy (no inline script)', async () => {
    const res = await raw('/docs/');
    expect(res.status).toBe(200);
    expect(await res.text()).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});

describe('request ids', () => {
  it('generates an id per request and echoes a well-formed incoming one', async () => {
    const a = await raw('/health');
    const b = await raw('/health');
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    expect(
      (await raw('/health', { headers: { 'x-request-id': 'gateway-42.a:b_c' } })).headers.get('x-request-id'),
    ).toBe('gateway-42.a:b_c');
  });

  it('replaces an ill-formed incoming id (spaces, quotes, over 128 characters) with its own', async () => {
    for (const bad of ['has space', '"quoted"', 'x'.repeat(129), '-leading-dash']) {
      const id = (await raw('/health', { headers: { 'x-request-id': bad } })).headers.get('x-request-id');
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('puts the id in every error body: 401, 404, malformed JSON', async () => {
    const unauth = await raw('/dossiers', { headers: { 'x-request-id': 'req-401' } });
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized', requestId: 'req-401' });
    const missing = await raw('/no-such-endpoint', { headers: { 'x-request-id': 'req-404' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ statusCode: 404, requestId: 'req-404' });
    const malformed = await raw('/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-400' },
      body: '{"username":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Malformed JSON body',
      requestId: 'req-400',
    });
  });

  it("writes the id into the log lines of the request (a role denial), so a user's error body leads to them", async () => {
    const token = clerk;
    const id = `deny-${randomUUID()}`;
    let status = 0;
    const logged = await output(async () => {
      status = (await raw('/audit/verify', { headers: { authorization: `Bearer ${token}`, 'x-request-id': id } }))
        .status;
    });
    expect(status).toBe(403);
    // One JSON line per event (pino): the access component's denial, with the request id and the actor.
    const lines = logged
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        component: 'access',
        requestId: id,
        msg: `denied GET /api/audit/verify to ${cast.users.clerk.id} (UNIT_CLERK)`,
      }),
    );
  });
});

describe('JSON body limits answer 400, never 500', () => {
  it('refuses 200 KB of nested arrays as too deep', async () => {
    const nested = '['.repeat(100_000) + ']'.repeat(100_000);
    const res = await http(sys, 'POST', '/auth/token', { rawBody: nested });
    expect(res).toMatchObject({
      status: 400,
      body: { statusCode: 400, message: 'The JSON body nests deeper than 16 levels' },
    });
  });

  it('counts brackets inside strings as text, not nesting', async () => {
    const res = await http(sys, 'POST', '/auth/token', {
      rawBody: JSON.stringify({ username: '['.repeat(50) + ' nobody' }),
    });
    expect(res.status).toBe(404);
  });

  it('refuses a body over the size limit with 400', async () => {
    const res = await http(sys, 'POST', '/auth/token', { body: { username: 'x', padding: 'y'.repeat(300 * 1024) } });
    expect(res).toMatchObject({
      status: 400,
      body: { statusCode: 400, message: 'The JSON body is larger than 256 KB' },
    });
  });

  it('answers a NUL character in the token request with 400 and logs neither the body nor the value', async () => {
    const marker = `nul-${randomUUID()}`;
    let res = { status: 0 } as { status: number; body?: unknown };
    const logged = await output(async () => {
      res = await http(sys, 'POST', `/auth/token?probe=${marker}-q`, {
        rawBody: JSON.stringify({ username: `${marker}\u0000` }),
      });
    });
    expect(res.status).toBe(400);
    expect(logged).not.toContain(marker);
  });
});

describe('rate limits (lowered to 5 tokens and 4 commands a minute for this file)', () => {
  it("answers a user's 5th command in a minute with 429, while reads and other users go on", async () => {
    const command = (token: string) => http(sys, 'POST', '/dossiers', { token, body: {} });
    for (let i = 0; i < 4; i++) expect((await command(clerk)).status).toBe(400);
    const refused = await command(clerk);
    expect(refused).toMatchObject({
      status: 429,
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringMatching(/^Too many commands from this caller: at most 4 a minute; retry in \d+ s$/),
      },
    });
    expect((await command(otherClerk)).status).toBe(400);
    for (let i = 0; i < 6; i++) expect((await http(sys, 'GET', '/dossiers', { token: clerk })).status).toBe(200);
  });

  it('answers the 6th token request from one address in a minute with 429, a Retry-After and a clear body', async () => {
    // Earlier tests in this file used some of the budget; spend what is left, then one more.
    let last = await http(sys, 'POST', '/auth/token', { body: { username: cast.users.head.username } });
    for (let i = 0; i < 6 && last.status !== 429; i++)
      last = await http(sys, 'POST', '/auth/token', { body: { username: cast.users.head.username } });
    expect(last.status).toBe(429);
    expect(last.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^Too many token requests from this address: at most 5 a minute; retry in \d+ s$/),
    });
    expect((last.body as { requestId?: string }).requestId).toBeTruthy();
    const again = await raw('/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: cast.users.head.username }),
    });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
