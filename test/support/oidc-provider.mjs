/* global process, console, URL, URLSearchParams */
/**
 * A real OpenID Connect provider (the `oidc-provider` package, ESM only, hence a child process) for the browser test
 * of the web app's Authorization Code + PKCE sign-in. Its own login page (username and password, checked) and consent
 * page; one public client (the web app, PKCE, no secret); access tokens are RS256 JWTs for the API's audience carrying
 * the engine's role and unit claims, as a production provider is configured (README "Authentication with an OIDC
 * provider"). Started by test/support/oidc.ts with TDKT_OIDC_SETUP (JSON: port, clientId, redirectUri, audience,
 * resource, accounts); prints one JSON line { issuer } when it listens.
 */
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const setup = JSON.parse(process.env.TDKT_OIDC_SETUP ?? '{}');
const issuer = `http://127.0.0.1:${setup.port}`;
/** accounts: { [login]: { password, sub, name, role, unit } } */
const accounts = setup.accounts ?? {};
const bySub = new Map(Object.values(accounts).map((a) => [a.sub, a]));
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: setup.clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [setup.redirectUri],
      post_logout_redirect_uris: [new URL(setup.redirectUri).origin + '/sign-in'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'tdkt'],
  claims: { openid: ['sub'], profile: ['name'] },
  findAccount: (_ctx, sub) => {
    const a = bySub.get(sub);
    return a ? { accountId: sub, claims: () => ({ sub, name: a.name }) } : undefined;
  },
  features: {
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => setup.resource,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ audience: setup.audience, scope: 'tdkt', accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
    },
  },
  // The engine's claims in the API's access token (names as OIDC_ROLE_CLAIM / OIDC_UNIT_CLAIM default).
  extraTokenClaims: (_ctx, token) => {
    const a = bySub.get(token.accountId);
    return a ? { name: a.name, tdkt_role: a.role, ...(a.unit ? { tdkt_unit: a.unit } : {}) } : undefined;
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
});

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;

async function readForm(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return new URLSearchParams(raw);
}

/** The provider's interaction pages: login (the password is checked), then consent (a grant for what was asked). */
async function interaction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  const html = (status, body) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
  if (req.method === 'GET' && details.prompt.name === 'login') {
    return html(200, page('Cổng định danh — đăng nhập', `<form method="post"><label>Tên đăng nhập <input name="login" id="login" required></label><label>Mật khẩu <input type="password" name="password" id="password" required></label><button type="submit" id="login-submit">Đăng nhập</button></form>`));
  }
  if (req.method === 'GET' && details.prompt.name === 'consent') {
    return html(200, page('Cổng định danh — cho phép truy cập', `<p>Ứng dụng ${esc(details.params.client_id)} xin quyền: ${esc(details.params.scope)}</p><form method="post"><button type="submit" id="consent-submit">Cho phép</button></form>`));
  }
  const form = await readForm(req);
  if (details.prompt.name === 'login') {
    const account = accounts[form.get('login') ?? ''];
    if (!account || account.password !== form.get('password')) return html(401, page('Sai tên đăng nhập hoặc mật khẩu', '<a href="">Thử lại</a>'));
    return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
  }
  const { prompt, grantId, session, params } = details;
  const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  for (const [indicator, scope] of Object.entries(prompt.details.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scope.join(' '));
  return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

const handle = provider.callback();
const server = createServer((req, res) => {
  const m = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
  if (!m) return handle(req, res);
  interaction(req, res, m[1]).catch((err) => {
    console.error(err);
    res.writeHead(500).end();
  });
});
server.listen(setup.port, '127.0.0.1', () => console.log(JSON.stringify({ issuer })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
