import { createServer } from 'node:http';
import { generateKeyPair, SignJWT } from 'jose';
import { Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { loadConfig, type AppConfig } from '@tdkt/config';
import { Refused, type Actor } from '@tdkt/domain';
import { LocalIssuerOn } from './auth.controller';
import { AuthGuard, Public, Roles } from './auth.guard';
import { LocalIssuer } from './local-issuer';

const thrownBy = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

const BASE_ENV = { DATABASE_URL: 'postgres://localhost/tdkt', PII_HASH_KEY: 'a-test-key-of-16+chars' };
const localConfig = (): AppConfig => loadConfig(BASE_ENV);
const oidcConfig = (jwksUrl = 'https://id.example.test/jwks'): AppConfig =>
  loadConfig({
    ...BASE_ENV,
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: 'https://id.example.test',
    OIDC_AUDIENCE: 'tdkt-api',
    OIDC_JWKS_URL: jwksUrl,
  });

class Endpoints {
  @Public() health(): void {}
  @Roles('AUDITOR') auditTrail(): void {}
  dossiers(): void {}
}

type FakeRequest = { headers: { authorization?: string }; method: string; path: string; actor?: Actor };
const aRequest = (authorization?: string): FakeRequest => ({
  headers: authorization ? { authorization } : {},
  method: 'GET',
  path: '/api/x',
  actor: undefined,
});
const contextFor = (handler: () => void, req: FakeRequest) => new ExecutionContextHost([req], Endpoints, handler);

beforeAll(() => Logger.overrideLogger(false));

describe('AuthGuard', () => {
  const issuer = new LocalIssuer();
  const guard = new AuthGuard(new Reflector(), issuer, localConfig());
  const bearer = async (actor: Actor) => `Bearer ${(await issuer.issue({ ...actor, name: 'Test' })).token}`;

  it('lets public endpoints through without a token', async () => {
    expect(await guard.canActivate(contextFor(Endpoints.prototype.health, aRequest()))).toBe(true);
  });

  it('puts the actor of a valid token on the request', async () => {
    const req = aRequest(await bearer({ userId: 'u-1', role: 'UNIT_CLERK', unitCode: 'SOTC' }));
    expect(await guard.canActivate(contextFor(Endpoints.prototype.dossiers, req))).toBe(true);
    expect(req.actor).toEqual({ userId: 'u-1', role: 'UNIT_CLERK', unitCode: 'SOTC' });
  });

  it('answers 401 without a bearer token, and 401 with the reason for a bad one', async () => {
    await expect(guard.canActivate(contextFor(Endpoints.prototype.dossiers, aRequest()))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(
      guard.canActivate(contextFor(Endpoints.prototype.dossiers, aRequest('Bearer not-a-jwt'))),
    ).rejects.toThrow('The token is not a well-formed JWT');
  });

  it('answers 403 to a role the endpoint does not admit', async () => {
    const req = aRequest(await bearer({ userId: 'u-1', role: 'UNIT_CLERK' }));
    await expect(guard.canActivate(contextFor(Endpoints.prototype.auditTrail, req))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('answers 503, not 401, in OIDC mode when the provider keys cannot be fetched', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    await new Promise((resolve) => closed.close(resolve));
    const oidcGuard = new AuthGuard(new Reflector(), issuer, oidcConfig(`http://127.0.0.1:${address.port}/jwks`));
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ tdkt_role: 'UNIT_CLERK' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('u-1')
      .setExpirationTime('5m')
      .sign(privateKey);
    const req = aRequest(`Bearer ${token}`);
    await expect(oidcGuard.canActivate(contextFor(Endpoints.prototype.dossiers, req))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});

describe('POST /api/auth/token under each mode', () => {
  it('is open under AUTH_MODE=local', () => {
    expect(new LocalIssuerOn(localConfig()).canActivate()).toBe(true);
  });

  it('answers 404 under AUTH_MODE=oidc, pointing at the provider', () => {
    expect(() => new LocalIssuerOn(oidcConfig()).canActivate()).toThrow(Refused);
    expect(thrownBy(() => new LocalIssuerOn(oidcConfig()).canActivate())).toMatchObject({ code: 'NOT_FOUND' });
    expect(() => new LocalIssuerOn(oidcConfig()).canActivate()).toThrow(
      'The local issuer is off (AUTH_MODE=oidc); get a token from https://id.example.test',
    );
  });
});
