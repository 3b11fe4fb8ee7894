/**
 * Starts the real OpenID Connect provider of test/support/oidc-provider.mjs in a child process (oidc-provider is ESM
 * only) on a free port, with the accounts a test signs in as.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface OidcAccount {
  password: string;
  sub: string;
  name: string;
  role: string;
  unit?: string;
}

export interface OidcSetup {
  /** Where it listens (the issuer is http://127.0.0.1:<port>); a free one when absent. */
  port?: number;
  clientId: string;
  redirectUri: string;
  /** The `aud` of the access tokens (OIDC_AUDIENCE). */
  audience: string;
  /** The resource indicator (RFC 8707) the provider grants by default (OIDC_RESOURCE). */
  resource: string;
  accounts: Record<string, OidcAccount>;
}

export interface RunningOidcProvider {
  issuer: string;
  jwksUrl: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise((ok) => server.close(ok));
  return port;
}

export async function startOidcProvider(setup: OidcSetup): Promise<RunningOidcProvider> {
  const port = setup.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, TDKT_OIDC_SETUP: JSON.stringify({ ...setup, port }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const issuer = await new Promise<string>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`the OIDC provider exited (${code}) before listening`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const ready = JSON.parse(line) as { issuer?: string };
        if (ready.issuer) ok(ready.issuer);
      } catch {
        // the provider's own log lines
      }
    });
  });
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}
