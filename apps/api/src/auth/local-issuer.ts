import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isRole, type Actor } from '@tdkt/domain';

const b64 = (v: string | Buffer) => Buffer.from(v).toString('base64url');
export const LOCAL_ISSUER = 'tdkt-local';
export const LOCAL_AUDIENCE = 'tdkt-api';

/**
 * The embedded default's token issuer: HS256 JWTs signed with a key made at start-up (never stored), carrying the
 * standard claims (iss, aud, sub, exp) plus role and unit. Production points AUTH_MODE=oidc at a real provider.
 */
@Injectable()
export class LocalIssuer {
  private readonly key = randomBytes(32);

  issue(actor: Actor & { name: string }, ttlSeconds = 12 * 3600): { token: string; expiresAt: string } {
    const now = Math.floor(Date.now() / 1000);
    const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const claims = { iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, sub: actor.userId, name: actor.name, role: actor.role, unit: actor.unitCode ?? null, iat: now, exp: now + ttlSeconds };
    const payload = b64(JSON.stringify(claims));
    const sig = createHmac('sha256', this.key).update(`${header}.${payload}`).digest('base64url');
    return { token: `${header}.${payload}.${sig}`, expiresAt: new Date(claims.exp * 1000).toISOString() };
  }

  /** The actor a token speaks for, or undefined when the token is malformed, forged, expired or for someone else. */
  verify(token: string): Actor | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, sig] = parts;
    const expected = createHmac('sha256', this.key).update(`${header}.${payload}`).digest();
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const h = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
      const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      if (h.alg !== 'HS256' || c.iss !== LOCAL_ISSUER || c.aud !== LOCAL_AUDIENCE) return undefined;
      if (typeof c.exp !== 'number' || c.exp * 1000 < Date.now()) return undefined;
      if (typeof c.sub !== 'string' || !isRole(c.role)) return undefined;
      return { userId: c.sub, role: c.role, ...(typeof c.unit === 'string' ? { unitCode: c.unit } : {}) };
    } catch {
      return undefined;
    }
  }
}
