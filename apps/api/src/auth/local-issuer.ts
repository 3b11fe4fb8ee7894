import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { DEFAULT_ROLE_CLAIM, DEFAULT_UNIT_CLAIM } from '@tdkt/config';
import type { Actor } from '@tdkt/domain';
import {
  actorFromClaims,
  CLOCK_TOLERANCE_SECONDS,
  refusalReason,
  type TokenVerifier,
  type Verification,
} from './token-verifier';

export const LOCAL_ISSUER = 'tdkt-local';
export const LOCAL_AUDIENCE = 'tdkt-api';
/** Injection token for the signing key (see localIssuerKey); without one the issuer makes its own, in memory only. */
export const LOCAL_ISSUER_KEY = Symbol('LOCAL_ISSUER_KEY');

/**
 * The embedded default's token issuer (AUTH_MODE=local, loopback only unless AUTH_LOCAL_INSECURE=1): HS256 JWTs
 * signed with the key of AUTH_LOCAL_KEY_FILE (made on first start; in memory only when unset), carrying iss, aud, sub, iat, exp, name and the role and unit under the same claim names an OIDC provider
 * is expected to use by default. Production points AUTH_MODE=oidc at a real provider instead.
 */
@Injectable()
export class LocalIssuer implements TokenVerifier {
  private readonly key: Uint8Array;

  constructor(@Optional() @Inject(LOCAL_ISSUER_KEY) key?: Uint8Array) {
    this.key = key ?? randomBytes(32);
  }

  async issue(actor: Actor & { name: string }, ttlSeconds = 12 * 3600): Promise<{ token: string; expiresAt: string }> {
    const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
    const token = await new SignJWT({
      name: actor.name,
      [DEFAULT_ROLE_CLAIM]: actor.role,
      ...(actor.unitCode ? { [DEFAULT_UNIT_CLAIM]: actor.unitCode } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(actor.userId)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  async verify(token: string): Promise<Verification> {
    let claims: JWTPayload;
    try {
      claims = (
        await jwtVerify(token, this.key, {
          issuer: LOCAL_ISSUER,
          audience: LOCAL_AUDIENCE,
          algorithms: ['HS256'],
          requiredClaims: ['sub', 'exp'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        })
      ).payload;
    } catch (err) {
      const reason = refusalReason(err);
      if (reason) return { ok: false, reason };
      throw err;
    }
    return actorFromClaims(claims, { role: DEFAULT_ROLE_CLAIM, unit: DEFAULT_UNIT_CLAIM });
  }
}
