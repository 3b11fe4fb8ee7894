import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type { OidcConfig } from '@tdkt/config';
import { OidcVerifier } from './oidc-verifier';
import { IdentityProviderUnavailable } from './token-verifier';

const ISSUER = 'https://id.example.test/realms/tdkt';
const AUDIENCE = 'tdkt-api';
const KID = 'provider-key-1';
const now = () => Math.floor(Date.now() / 1000);
/** A private signing key as jose generates it (jose 6 dropped `KeyLike`: a WebCrypto CryptoKey). */
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return address.port;
}

let providerKey: SigningKey;
let strangerKey: SigningKey;
let jwks: Server;
let config: OidcConfig;

/** A token as the provider would sign it, for a unit clerk; each method changes one thing about it. */
class TokenBuilder {
  private claims: JWTPayload = { sub: 'user-42', tdkt_role: 'UNIT_CLERK', tdkt_unit: 'SOTC' };
  private iss = ISSUER;
  private aud = AUDIENCE;
  private exp = now() + 300;
  private key = providerKey;
  private kid = KID;

  with(claims: JWTPayload): this {
    this.claims = { ...this.claims, ...claims };
    return this;
  }
  without(claim: string): this {
    this.claims = Object.fromEntries(Object.entries(this.claims).filter(([name]) => name !== claim));
    return this;
  }
  from(issuer: string): this {
    this.iss = issuer;
    return this;
  }
  for(audience: string): this {
    this.aud = audience;
    return this;
  }
  expiringAt(exp: number): this {
    this.exp = exp;
    return this;
  }
  signedWith(key: SigningKey, kid: string): this {
    this.key = key;
    this.kid = kid;
    return this;
  }
  sign(): Promise<string> {
    return new SignJWT(this.claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.kid })
      .setIssuer(this.iss)
      .setAudience(this.aud)
      .setIssuedAt()
      .setExpirationTime(this.exp)
      .sign(this.key);
  }
}
const aToken = () => new TokenBuilder();

beforeAll(async () => {
  const provider = await generateKeyPair('RS256');
  providerKey = provider.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const published = { keys: [{ ...(await exportJWK(provider.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] };
  jwks = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(published)),
  );
  const port = await listen(jwks);
  config = {
    mode: 'oidc',
    issuer: ISSUER,
    audience: AUDIENCE,
    jwksUrl: `http://127.0.0.1:${port}/jwks`,
    roleClaim: 'tdkt_role',
    unitClaim: 'tdkt_unit',
    web: { clientId: AUDIENCE, scope: 'openid profile' },
  };
});

afterAll(async () => {
  jwks.closeAllConnections();
  await new Promise((resolve) => jwks.close(resolve));
});

const verify = async (token: string, overrides: Partial<OidcConfig> = {}) =>
  new OidcVerifier({ ...config, ...overrides }).verify(token);
const refusal = async (token: string) => {
  const result = await verify(token);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.actor)}`);
  return result.reason;
};

describe('OidcVerifier', () => {
  it('maps sub, the role claim and the unit claim of a valid provider token to the actor', async () => {
    expect(await verify(await aToken().sign())).toEqual({
      ok: true,
      actor: { userId: 'user-42', role: 'UNIT_CLERK', unitCode: 'SOTC' },
    });
  });

  it('reads role and unit from the claims named in the configuration', async () => {
    const token = await aToken().with({ app_role: 'COUNCIL_CHAIR', org: 'UBND' }).sign();
    expect(await verify(token, { roleClaim: 'app_role', unitClaim: 'org' })).toEqual({
      ok: true,
      actor: { userId: 'user-42', role: 'COUNCIL_CHAIR', unitCode: 'UBND' },
    });
  });

  it('falls back to the first engine role in a roles array when the role claim is absent', async () => {
    const token = await aToken()
      .without('tdkt_role')
      .without('tdkt_unit')
      .with({ roles: ['offline_access', 'AUDITOR', 'ADMINISTRATOR'] })
      .sign();
    expect(await verify(token)).toEqual({ ok: true, actor: { userId: 'user-42', role: 'AUDITOR' } });
  });

  it('refuses a token with no engine role, naming the claim it looked for', async () => {
    expect(await refusal(await aToken().without('tdkt_role').sign())).toMatch(/no engine role.*"tdkt_role"/);
    expect(
      await refusal(
        await aToken()
          .with({ tdkt_role: 'SUPERUSER', roles: ['offline_access'] })
          .sign(),
      ),
    ).toMatch(/no engine role/);
  });

  it('refuses a token from another issuer', async () => {
    expect(await refusal(await aToken().from('https://evil.example.test').sign())).toMatch(/"iss" claim/);
  });

  it('refuses a token for another audience', async () => {
    expect(await refusal(await aToken().for('some-other-api').sign())).toMatch(/"aud" claim/);
  });

  it('refuses an expired token beyond the 30 s clock tolerance, and accepts one within it', async () => {
    expect(
      await refusal(
        await aToken()
          .expiringAt(now() - 60)
          .sign(),
      ),
    ).toBe('The token has expired');
    expect(
      (
        await verify(
          await aToken()
            .expiringAt(now() - 10)
            .sign(),
        )
      ).ok,
    ).toBe(true);
  });

  it('refuses a token whose signature does not match the published key', async () => {
    expect(await refusal(await aToken().signedWith(strangerKey, KID).sign())).toBe(
      'The token signature does not verify',
    );
  });

  it('refuses a token signed with a key id the provider does not publish', async () => {
    expect(await refusal(await aToken().signedWith(strangerKey, 'unknown-key').sign())).toBe(
      'The token is signed with a key the issuer does not publish',
    );
  });

  it('refuses a token without a subject and a string that is not a JWT', async () => {
    expect(await refusal(await aToken().without('sub').sign())).toMatch(/"sub"/);
    expect(await refusal('not-a-jwt')).toBe('The token is not a well-formed JWT');
  });

  it('refuses an HS256 token even when it names the provider key id', async () => {
    const hs = await new SignJWT({ sub: 'user-42', tdkt_role: 'ADMINISTRATOR' })
      .setProtectedHeader({ alg: 'HS256', kid: KID })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new Uint8Array(32));
    expect(await refusal(hs)).toMatch(/algorithm/);
  });

  it('reports the provider as unavailable (not the token as bad) when its keys cannot be fetched', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(verify(await aToken().sign(), { jwksUrl: `http://127.0.0.1:${port}/jwks` })).rejects.toBeInstanceOf(
      IdentityProviderUnavailable,
    );
  });
});
