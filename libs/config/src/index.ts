import { existsSync, readFileSync } from 'node:fs';

/**
 * Typed configuration from the environment, validated at start-up: a bad setting stops the process with a message
 * naming the variable. Shared by the API, the worker and the command-line tools.
 */
export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  /** mTLS client certificate and key (PEM file paths), for a self-hosted cluster or Temporal Cloud. */
  tls?: { certPath?: string; keyPath?: string; serverName?: string; caPath?: string };
  apiKey?: string;
  /** Upsert the Tdkt* search attributes (they must be registered on the namespace). */
  searchAttributes: boolean;
  /** Payload encryption keys (TEMPORAL_CODEC_KEYS), the first one active; empty = payloads travel in clear. */
  codecKeys: CodecKey[];
  /** Origins of the Temporal Web UI allowed to call the codec endpoint (CORS). */
  uiOrigins: string[];
}

/** An AES-256 key of the payload codec, named by the id written into every payload it encrypts. */
export interface CodecKey {
  id: string;
  key: Buffer;
}

/**
 * TEMPORAL_CODEC_KEYS: `kid1:base64key,kid2:base64key` — 32-byte keys, the first encrypts, all decrypt (rotation:
 * put the new key first, keep the old ones while histories encrypted with them are kept). Problems are pushed.
 */
export function parseCodecKeys(raw: string | undefined, problems: string[] = []): CodecKey[] {
  const keys: CodecKey[] = [];
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const i = entry.indexOf(':');
    const [id, b64] = i < 0 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
    const key = Buffer.from(b64, 'base64');
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(id))
      problems.push(`TEMPORAL_CODEC_KEYS: key id "${id}" must be 1-64 letters, digits, ".", "_" or "-"`);
    else if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || key.length !== 32)
      problems.push(`TEMPORAL_CODEC_KEYS: key "${id}" must be 32 bytes in base64 (e.g. openssl rand -base64 32)`);
    else if (keys.some((k) => k.id === id)) problems.push(`TEMPORAL_CODEC_KEYS: key id "${id}" is given twice`);
    else keys.push({ id, key });
  }
  return keys;
}

/** Bearer tokens from an OpenID Connect provider (AUTH_MODE=oidc) instead of the embedded local issuer. */
export interface OidcConfig {
  mode: 'oidc';
  /** Expected `iss` of every token, exactly as the provider writes it. */
  issuer: string;
  /** Expected `aud` (this API's client id or resource name at the provider). */
  audience: string;
  /** Where the provider publishes its signing keys (http or https). */
  jwksUrl: string;
  /** Claim holding the engine role (a role name or an array of them); a `roles` array is the fallback. */
  roleClaim: string;
  /** Claim holding the user's unit code. */
  unitClaim: string;
  /** The web app's sign-in (Authorization Code + PKCE): its public client id at the provider, the scope it asks for and,
   *  for providers that need one to mint the API's access token, the resource indicator (RFC 8707). */
  web: { clientId: string; scope: string; resource?: string };
}

/** Claim names the local issuer writes and an OIDC provider is expected to use unless told otherwise. */
export const DEFAULT_ROLE_CLAIM = 'tdkt_role';
export const DEFAULT_UNIT_CLAIM = 'tdkt_unit';

/**
 * The embedded passwordless issuer (AUTH_MODE=local): a token for any seeded user, ADMINISTRATOR included. Allowed only
 * on a loopback HOST, unless AUTH_LOCAL_INSECURE=1 says the exposure is meant (then `exposed` is set and the API warns).
 */
export interface LocalAuthConfig {
  mode: 'local';
  /** Where the HS256 signing key is kept (created on first start), so a restart or a second replica keeps tokens valid. */
  keyFile?: string;
  /** Set when the API listens beyond loopback under AUTH_LOCAL_INSECURE=1. */
  exposed?: true;
}

/** Limits of the HTTP API (README "Security"); generous defaults, lowered by the test that checks them. */
export interface HttpLimits {
  /** Largest JSON body, in KB (a larger one answers 400). */
  jsonLimitKb: number;
  /** Deepest nesting of arrays and objects in a JSON body (deeper answers 400). */
  jsonMaxDepth: number;
  /** Token requests per minute from one address (POST /api/auth/token). */
  tokenPerMinute: number;
  /** Commands (POST/PUT/PATCH/DELETE) per minute from one user (one address before login). */
  commandsPerMinute: number;
}

export interface AppConfig {
  databaseUrl: string;
  temporal: TemporalConfig;
  api: { port: number; host: string; limits: HttpLimits };
  auth: LocalAuthConfig | OidcConfig;
  /** Key of the HMAC that turns a citizen id into a lookup hash; the id itself is never stored or logged. */
  piiHashKey: string;
  /** Provinces' own rule-set files (JSON, see README "Rule sets"), from TDKT_RULE_SET_FILES (comma-separated). */
  ruleSetFiles: string[];
}

export { ConfigError } from './config-error';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback?: string): string => {
    const v = env[name]?.trim();
    if (v) return v;
    if (fallback !== undefined) return fallback;
    problems.push(`${name} is required`);
    return '';
  };
  const int = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535) problems.push(`${name} must be a port number, got "${raw}"`);
    return n;
  };
  const positive = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) problems.push(`${name} must be a positive whole number, got "${raw}"`);
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (!['true', 'false', '1', '0'].includes(raw)) problems.push(`${name} must be true or false, got "${raw}"`);
    return raw === 'true' || raw === '1';
  };

  const databaseUrl = str('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// URL');
  const tlsCert = env.TEMPORAL_TLS_CERT_PATH?.trim();
  const tlsKey = env.TEMPORAL_TLS_KEY_PATH?.trim();
  if (Boolean(tlsCert) !== Boolean(tlsKey))
    problems.push('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together');
  const tlsOn = bool('TEMPORAL_TLS', Boolean(tlsCert) || Boolean(env.TEMPORAL_API_KEY));
  const authMode = str('AUTH_MODE', 'local');
  const host = str('HOST', '127.0.0.1');
  let auth: AppConfig['auth'] = { mode: 'local' };
  if (authMode === 'oidc') {
    const [issuer, audience, jwksUrl] = [str('OIDC_ISSUER'), str('OIDC_AUDIENCE'), str('OIDC_JWKS_URL')];
    if (jwksUrl && !isHttpUrl(jwksUrl)) problems.push(`OIDC_JWKS_URL must be an http(s) URL, got "${jwksUrl}"`);
    if (issuer && !isHttpUrl(issuer)) problems.push(`OIDC_ISSUER must be an http(s) URL, got "${issuer}"`);
    const resource = env.OIDC_RESOURCE?.trim();
    auth = {
      mode: 'oidc',
      issuer,
      audience,
      jwksUrl,
      roleClaim: str('OIDC_ROLE_CLAIM', DEFAULT_ROLE_CLAIM),
      unitClaim: str('OIDC_UNIT_CLAIM', DEFAULT_UNIT_CLAIM),
      web: {
        clientId: str('OIDC_CLIENT_ID', audience),
        scope: str('OIDC_SCOPE', 'openid profile'),
        ...(resource ? { resource } : {}),
      },
    };
  } else if (authMode === 'local') {
    const keyFile = env.AUTH_LOCAL_KEY_FILE?.trim();
    const insecure = bool('AUTH_LOCAL_INSECURE', false);
    if (!isLoopback(host) && !insecure) {
      problems.push(
        `AUTH_MODE=local (the default: a passwordless issuer that gives any caller any seeded user's token, ADMINISTRATOR included) ` +
          `is only allowed on a loopback HOST, got HOST=${host}. Set AUTH_MODE=oidc with your identity provider, or HOST=127.0.0.1, ` +
          `or AUTH_LOCAL_INSECURE=1 to expose it knowingly (a demo on a closed network)`,
      );
    }
    auth = {
      mode: 'local',
      ...(keyFile ? { keyFile } : {}),
      ...(!isLoopback(host) && insecure ? { exposed: true as const } : {}),
    };
  } else problems.push(`AUTH_MODE must be local or oidc, got "${authMode}"`);
  const piiHashKey = str('PII_HASH_KEY');
  if (piiHashKey && piiHashKey.length < 16) problems.push('PII_HASH_KEY must be at least 16 characters');

  const config: AppConfig = {
    databaseUrl,
    temporal: {
      address: str('TEMPORAL_ADDRESS', '127.0.0.1:7233'),
      namespace: str('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: str('TEMPORAL_TASK_QUEUE', 'tdkt-dossiers'),
      ...(tlsOn
        ? {
            tls: {
              certPath: tlsCert,
              keyPath: tlsKey,
              serverName: env.TEMPORAL_TLS_SERVER_NAME?.trim(),
              caPath: env.TEMPORAL_TLS_CA_PATH?.trim(),
            },
          }
        : {}),
      ...(env.TEMPORAL_API_KEY?.trim() ? { apiKey: env.TEMPORAL_API_KEY.trim() } : {}),
      searchAttributes: bool('TEMPORAL_SEARCH_ATTRIBUTES', false),
      codecKeys: parseCodecKeys(env.TEMPORAL_CODEC_KEYS, problems),
      uiOrigins: (env.TEMPORAL_UI_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    },
    api: {
      port: int('PORT', 3000),
      host,
      limits: {
        jsonLimitKb: positive('HTTP_JSON_LIMIT_KB', 512),
        jsonMaxDepth: positive('HTTP_JSON_MAX_DEPTH', 32),
        tokenPerMinute: positive('RATE_LIMIT_TOKEN_PER_MINUTE', 120),
        commandsPerMinute: positive('RATE_LIMIT_COMMANDS_PER_MINUTE', 600),
      },
    },
    auth,
    piiHashKey,
    ruleSetFiles: (env.TDKT_RULE_SET_FILES ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
  };
  for (const f of config.ruleSetFiles) if (!existsSync(f)) problems.push(`TDKT_RULE_SET_FILES: ${f} does not exist`);
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** Settings that are allowed but dangerous, to be printed loudly at start-up. */
export function configWarnings(config: AppConfig): string[] {
  const warnings: string[] = [];
  if (config.auth.mode === 'local' && config.auth.exposed) {
    warnings.push(
      `AUTH_LOCAL_INSECURE=1: the passwordless local issuer is reachable on ${config.api.host}:${config.api.port}. ` +
        'ANYONE who can reach this address can obtain an ADMINISTRATOR token. Use AUTH_MODE=oidc for anything but a closed demo.',
    );
  }
  if (!config.temporal.codecKeys.length) {
    warnings.push(
      'TEMPORAL_CODEC_KEYS is not set: workflow payloads (nominee names, birth dates) are stored in Temporal unencrypted.',
    );
  }
  return warnings;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Connection options in the shape both the Temporal client and the worker's native connection accept. */
export function temporalConnectionOptions(t: TemporalConfig): {
  address: string;
  tls?:
    | boolean
    | { serverNameOverride?: string; serverRootCACertificate?: Buffer; clientCertPair?: { crt: Buffer; key: Buffer } };
  apiKey?: string;
} {
  const tls = t.tls && {
    ...(t.tls.serverName ? { serverNameOverride: t.tls.serverName } : {}),
    ...(t.tls.caPath ? { serverRootCACertificate: readFileSync(t.tls.caPath) } : {}),
    ...(t.tls.certPath && t.tls.keyPath
      ? { clientCertPair: { crt: readFileSync(t.tls.certPath), key: readFileSync(t.tls.keyPath) } }
      : {}),
  };
  return { address: t.address, ...(tls ? { tls } : {}), ...(t.apiKey ? { apiKey: t.apiKey } : {}) };
}
export * from './calendar-files';
export * from './operator-files';
