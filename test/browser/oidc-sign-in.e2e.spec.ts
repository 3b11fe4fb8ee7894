/**
 * Production sign-in in a real Chromium: the API runs with AUTH_MODE=oidc against a real OpenID Connect provider
 * (the oidc-provider package, test/support/oidc-provider.mjs) started by this test; the web app signs a clerk in
 * through the provider's login and consent pages with Authorization Code + PKCE and lands on My tasks, and the API
 * accepts the token the provider issued (and refuses a tampered one); signing out ends the provider's session too. The
 * demo-user picker is not offered.
 */
import type { Browser, Page } from 'playwright-core';
import { aBkTinhDossier, http, seedCast, startSystem, type Cast, type TestSystem } from '../support/system';
import { checkAccessibility, launchBrowser, openApp, screenshot } from '../support/browser';
import { freePort, startOidcProvider, type RunningOidcProvider } from '../support/oidc';

let sys: TestSystem;
let cast: Cast;
let browser: Browser;
let provider: RunningOidcProvider;
let page: Page;
const PASSWORD = 'mật-khẩu-thử-nghiệm';
const OIDC_ENV = [
  'AUTH_MODE',
  'OIDC_ISSUER',
  'OIDC_AUDIENCE',
  'OIDC_JWKS_URL',
  'OIDC_CLIENT_ID',
  'OIDC_SCOPE',
  'OIDC_RESOURCE',
] as const;

beforeAll(async () => {
  const saved = Object.fromEntries(OIDC_ENV.map((k) => [k, process.env[k]]));
  const issuer = `http://127.0.0.1:${await freePort()}`;
  Object.assign(process.env, {
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: issuer,
    OIDC_AUDIENCE: 'tdkt-api',
    OIDC_JWKS_URL: `${issuer}/jwks`,
    OIDC_CLIENT_ID: 'tdkt-web',
    OIDC_SCOPE: 'openid profile tdkt',
    OIDC_RESOURCE: 'urn:tdkt:api',
  });
  try {
    [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
  } finally {
    for (const k of OIDC_ENV)
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
  }
  cast = await seedCast(sys);
  const origin = sys.baseUrl.replace(/\/api$/, '');
  provider = await startOidcProvider({
    port: Number(new URL(issuer).port),
    clientId: 'tdkt-web',
    redirectUri: `${origin}/auth/callback`,
    audience: 'tdkt-api',
    resource: 'urn:tdkt:api',
    accounts: {
      'lan.clerk': {
        password: PASSWORD,
        sub: cast.users.clerk.id,
        name: 'Nguyễn Thị Lan',
        role: 'UNIT_CLERK',
        unit: cast.unitCode,
      },
    },
  });
  expect(provider.issuer).toBe(issuer);
}, 120_000);

beforeEach(async () => {
  page = await openApp(browser, sys);
});
afterEach(() => page?.context().close());
afterAll(async () => {
  await browser?.close();
  await sys?.stop();
  await provider?.stop();
});

test("a clerk signs in through the provider's login and consent (Authorization Code + PKCE), lands on My tasks, and the API accepts the provider's token", async () => {
  // The local issuer is off; the sign-in screen offers the provider only.
  expect((await http(sys, 'POST', '/auth/token', { body: { username: cast.users.clerk.username } })).status).toBe(404);
  await page.goto('/tasks');
  await page.waitForURL('**/sign-in');
  await page.locator('[data-testid="oidc-sign-in"]', { hasText: 'Đăng nhập qua cổng định danh' }).waitFor();
  await expect(page.locator('input[name="username"]').count()).resolves.toBe(0);
  await checkAccessibility(page, 'oidc sign-in');
  await screenshot(page, 'o1-oidc-sign-in');

  await page.locator('[data-testid="oidc-sign-in"]').click();
  await page.waitForURL(`${provider.issuer}/interaction/**`);
  // A wrong password is refused by the provider.
  await page.locator('#login').fill('lan.clerk');
  await page.locator('#password').fill('sai');
  await page.locator('#login-submit').click();
  await page.getByText('Sai tên đăng nhập hoặc mật khẩu').waitFor();
  await page.goBack();
  await page.locator('#login').fill('lan.clerk');
  await page.locator('#password').fill(PASSWORD);
  await screenshot(page, 'o2-provider-login');
  await page.locator('#login-submit').click();
  await page.locator('#consent-submit').waitFor();
  await screenshot(page, 'o3-provider-consent');
  await page.locator('#consent-submit').click();

  // Back in the app: the code was exchanged with the verifier; My tasks, in Vietnamese, as the clerk.
  await page.waitForURL('**/tasks');
  await page.locator('header', { hasText: 'Việc của tôi' }).waitFor();
  await page.locator('[data-testid="me"]', { hasText: `clerk ${cast.unitCode.slice(2)}` }).waitFor();
  await checkAccessibility(page, 'oidc tasks');
  await screenshot(page, 'o4-oidc-my-tasks');

  // The token the app holds is the provider's (RS256, its issuer, the API's audience), and the API acts on it.
  const token = (await page.evaluate(`JSON.parse(sessionStorage.getItem('tdkt.session')).token`)) as string;
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
  expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'RS256' });
  expect(claims).toMatchObject({
    iss: provider.issuer,
    aud: 'tdkt-api',
    sub: cast.users.clerk.id,
    tdkt_role: 'UNIT_CLERK',
    tdkt_unit: cast.unitCode,
  });
  const me = await http<{ userId: string; role: string; unitCode: string }>(sys, 'GET', '/auth/me', { token });
  expect(me).toMatchObject({
    status: 200,
    body: { userId: cast.users.clerk.id, role: 'UNIT_CLERK', unitCode: cast.unitCode },
  });
  const created = await http<{ id: string; unitCode: string }>(sys, 'POST', '/dossiers', {
    token,
    body: aBkTinhDossier(),
  });
  expect(created).toMatchObject({ status: 201, body: { unitCode: cast.unitCode } });
  // Nothing in the PKCE round trip is left behind in the tab.
  expect(await page.evaluate(`sessionStorage.getItem('tdkt.oidc.pending')`)).toBeNull();

  // A token with one changed character in its signature is refused.
  const tampered = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
  expect((await http(sys, 'GET', '/auth/me', { token: tampered })).status).toBe(401);

  // Signing out ends the provider's session too (RP-initiated logout): the next sign-in asks for the password again.
  await page.locator('[data-testid="sign-out"]').click();
  await page.waitForURL(`${provider.issuer}/**`);
  await page.locator('button[name="logout"][value="yes"]').click();
  await page.waitForURL('**/sign-in');
  await expect(page.evaluate(`sessionStorage.getItem('tdkt.session')`)).resolves.toBeNull();
  await page.locator('[data-testid="oidc-sign-in"]').click();
  await page.waitForURL(`${provider.issuer}/interaction/**`);
  await page.locator('#login').waitFor();
});

test('the callback refuses an answer whose state this tab did not send', async () => {
  await page.goto('/auth/callback?code=forged&state=forged');
  await page.locator('[data-testid="oidc-error"]').waitFor();
  await expect(page.evaluate(`sessionStorage.getItem('tdkt.session')`)).resolves.toBeNull();
});
