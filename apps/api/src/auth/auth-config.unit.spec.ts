import { configWarnings, ConfigError, isLoopback, loadConfig } from '@tdkt/config';

const BASE_ENV = { DATABASE_URL: 'postgres://localhost/tdkt', PII_HASH_KEY: 'a-test-key-of-16+chars' };
const OIDC_ENV = {
  ...BASE_ENV,
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: 'https://id.example.test',
  OIDC_AUDIENCE: 'tdkt-api',
  OIDC_JWKS_URL: 'https://id.example.test/jwks',
};

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('auth configuration', () => {
  it('defaults to the local issuer', () => {
    expect(loadConfig(BASE_ENV).auth).toEqual({ mode: 'local' });
  });

  it('reads the OIDC provider with tdkt_role and tdkt_unit as the default claims', () => {
    expect(loadConfig(OIDC_ENV).auth).toEqual({
      mode: 'oidc',
      issuer: 'https://id.example.test',
      audience: 'tdkt-api',
      jwksUrl: 'https://id.example.test/jwks',
      roleClaim: 'tdkt_role',
      unitClaim: 'tdkt_unit',
      web: { clientId: 'tdkt-api', scope: 'openid profile' },
    });
  });

  it("reads the web app's public client, scope and resource indicator (OIDC_CLIENT_ID, OIDC_SCOPE, OIDC_RESOURCE)", () => {
    expect(
      loadConfig({
        ...OIDC_ENV,
        OIDC_CLIENT_ID: 'tdkt-web',
        OIDC_SCOPE: 'openid profile tdkt',
        OIDC_RESOURCE: 'urn:tdkt:api',
      }).auth,
    ).toMatchObject({
      web: { clientId: 'tdkt-web', scope: 'openid profile tdkt', resource: 'urn:tdkt:api' },
    });
  });

  it('refuses an issuer that is not an http(s) URL (the web app redirects to it)', () => {
    expect(problemsOf({ ...OIDC_ENV, OIDC_ISSUER: 'id.example.test' })).toEqual([
      'OIDC_ISSUER must be an http(s) URL, got "id.example.test"',
    ]);
  });

  it('takes the role and unit claim names from OIDC_ROLE_CLAIM and OIDC_UNIT_CLAIM', () => {
    expect(loadConfig({ ...OIDC_ENV, OIDC_ROLE_CLAIM: 'app_role', OIDC_UNIT_CLAIM: 'org_unit' }).auth).toMatchObject({
      roleClaim: 'app_role',
      unitClaim: 'org_unit',
    });
  });

  it('requires issuer, audience and JWKS URL under AUTH_MODE=oidc', () => {
    expect(problemsOf({ ...BASE_ENV, AUTH_MODE: 'oidc' })).toEqual([
      'OIDC_ISSUER is required',
      'OIDC_AUDIENCE is required',
      'OIDC_JWKS_URL is required',
    ]);
  });

  it('refuses a JWKS URL that is not http(s), naming the variable', () => {
    expect(problemsOf({ ...OIDC_ENV, OIDC_JWKS_URL: 'file:///etc/jwks.json' })).toEqual([
      'OIDC_JWKS_URL must be an http(s) URL, got "file:///etc/jwks.json"',
    ]);
    expect(problemsOf({ ...OIDC_ENV, OIDC_JWKS_URL: 'id.example.test/jwks' })).toEqual([
      'OIDC_JWKS_URL must be an http(s) URL, got "id.example.test/jwks"',
    ]);
  });

  it('refuses the passwordless local issuer on a non-loopback HOST, naming the ways out', () => {
    const [problem, ...others] = problemsOf({ ...BASE_ENV, HOST: '0.0.0.0' });
    expect(others).toEqual([]);
    expect(problem).toMatch(/^AUTH_MODE=local .* only allowed on a loopback HOST, got HOST=0\.0\.0\.0/);
    expect(problem).toContain('AUTH_MODE=oidc');
    expect(problem).toContain('AUTH_LOCAL_INSECURE=1');
    expect(problemsOf({ ...BASE_ENV, HOST: '10.0.0.5', AUTH_LOCAL_INSECURE: '0' })).toHaveLength(1);
  });

  it('allows the local issuer on loopback addresses without any override, and warns about nothing', () => {
    for (const HOST of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) {
      const config = loadConfig({
        ...BASE_ENV,
        HOST,
        TEMPORAL_CODEC_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      });
      expect(config.auth).toEqual({ mode: 'local' });
      expect(configWarnings(config)).toEqual([]);
    }
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('127.0.0.1.example.com')).toBe(false);
    expect(isLoopback('::')).toBe(false);
  });

  it('exposes the local issuer beyond loopback only with AUTH_LOCAL_INSECURE=1, with a loud warning', () => {
    const config = loadConfig({ ...BASE_ENV, HOST: '0.0.0.0', AUTH_LOCAL_INSECURE: '1' });
    expect(config.auth).toEqual({ mode: 'local', exposed: true });
    const [warning] = configWarnings(config);
    expect(warning).toContain('ADMINISTRATOR token');
    expect(warning).toContain('0.0.0.0:3000');
  });

  it('lets an OIDC deployment listen on any address', () => {
    expect(loadConfig({ ...OIDC_ENV, HOST: '0.0.0.0' }).api.host).toBe('0.0.0.0');
  });

  it('reads the local issuer key file from AUTH_LOCAL_KEY_FILE', () => {
    expect(loadConfig({ ...BASE_ENV, AUTH_LOCAL_KEY_FILE: '/var/lib/tdkt/local-issuer.key' }).auth).toEqual({
      mode: 'local',
      keyFile: '/var/lib/tdkt/local-issuer.key',
    });
  });
});
