/**
 * Sign-in with an OpenID Connect provider (AUTH_MODE=oidc): Authorization Code with PKCE (RFC 7636, S256), the web app
 * a public client with no secret. The provider's endpoints come from its discovery document; the state, the nonce and
 * the code verifier live in sessionStorage for the one round trip and are removed when it ends. The access token is
 * the API's bearer token; the API (GET /api/auth/me) says who it speaks for.
 */
import type { Schemas } from '../api/client';

export type AuthConfig = Schemas['AuthConfigDto'];

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  from?: string;
}

export interface OidcTokens {
  accessToken: string;
  /** The access token's expiry (ISO), from expires_in. */
  expiresAt: string;
  /** The ID token's claims (name) — read for display only; the API verifies the access token itself. */
  idClaims: Record<string, unknown>;
  idToken?: string;
  from?: string;
}

const PENDING = 'tdkt.oidc.pending';
export const CALLBACK_PATH = '/auth/callback';

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const random = (n = 32) => base64url(crypto.getRandomValues(new Uint8Array(n)));

async function s256(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

async function discover(issuer: string): Promise<Discovery> {
  const res = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`discovery ${res.status}`);
  const doc = (await res.json()) as Discovery;
  // OIDC Discovery §4.3: the document must name the issuer we were configured with.
  if (doc.issuer.replace(/\/+$/, '') !== issuer.replace(/\/+$/, '')) throw new Error('discovery issuer mismatch');
  return doc;
}

function claimsOf(jwt: string): Record<string, unknown> {
  const part = (jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** Leaves for the provider's login page; comes back to /auth/callback. */
export async function beginOidcSignIn(config: AuthConfig, from?: string): Promise<void> {
  if (!config.issuer || !config.clientId) throw new Error('OIDC is not configured');
  const provider = await discover(config.issuer);
  const pending: Pending = {
    state: random(),
    nonce: random(),
    verifier: random(48),
    redirectUri: `${window.location.origin}${CALLBACK_PATH}`,
    ...(from ? { from } : {}),
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(provider.authorization_endpoint);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scope ?? 'openid',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await s256(pending.verifier),
    code_challenge_method: 'S256',
    ...(config.resource ? { resource: config.resource } : {}),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  window.location.assign(url.toString());
}

/** Back from the provider: checks the state, exchanges the code with the verifier, checks the ID token's nonce. */
export async function finishOidcSignIn(config: AuthConfig, query: URLSearchParams): Promise<OidcTokens> {
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const pending = raw ? (JSON.parse(raw) as Pending) : undefined;
  if (query.get('error')) throw new Error(query.get('error_description') ?? query.get('error') ?? 'error');
  const code = query.get('code');
  if (!pending || !code || query.get('state') !== pending.state) throw new Error('state');
  if (!config.issuer || !config.clientId) throw new Error('OIDC is not configured');
  const provider = await discover(config.issuer);
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: config.clientId,
    code_verifier: pending.verifier,
  });
  if (config.resource) body.set('resource', config.resource);
  const res = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const tokens = (await res.json()) as {
    access_token?: string;
    id_token?: string;
    expires_in?: number;
    error_description?: string;
    error?: string;
  };
  if (!res.ok || !tokens.access_token)
    throw new Error(tokens.error_description ?? tokens.error ?? `token ${res.status}`);
  const idClaims = tokens.id_token ? claimsOf(tokens.id_token) : {};
  // The ID token came straight from the token endpoint (OIDC Core §3.1.3.7: TLS stands for its signature); its nonce
  // must be the one this tab sent.
  if (tokens.id_token && idClaims.nonce !== pending.nonce) throw new Error('nonce');
  const expiresAt = new Date(Date.now() + (tokens.expires_in ?? 300) * 1000).toISOString();
  return {
    accessToken: tokens.access_token,
    expiresAt,
    idClaims,
    ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
    ...(pending.from ? { from: pending.from } : {}),
  };
}

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): leaves for the provider's end-session endpoint, which
 * ends its session and comes back to /sign-in. Nothing happens when the provider publishes no such endpoint.
 */
export async function endOidcSession(config: AuthConfig, idToken: string): Promise<void> {
  if (!config.issuer || !config.clientId) return;
  const provider = await discover(config.issuer);
  if (!provider.end_session_endpoint) return;
  const url = new URL(provider.end_session_endpoint);
  url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${window.location.origin}/sign-in`);
  window.location.assign(url.toString());
}
