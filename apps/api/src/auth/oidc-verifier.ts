import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { OidcConfig } from '@tdkt/config';
import {
  actorFromClaims,
  CLOCK_TOLERANCE_SECONDS,
  IdentityProviderUnavailable,
  refusalReason,
  type TokenVerifier,
  type Verification,
} from './token-verifier';

/** Asymmetric algorithms accepted from a provider; HS* and "none" are never accepted. */
const ALGORITHMS = ['RS256', 'ES256', 'PS256'];

/**
 * Verifies bearer tokens from an OpenID Connect provider (AUTH_MODE=oidc) against the keys it publishes at its JWKS
 * URL (fetched on first use, cached, refetched when a token names an unknown key id).
 */
export class OidcVerifier implements TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: OidcConfig) {
    this.keys = createRemoteJWKSet(new URL(config.jwksUrl));
  }

  async verify(token: string): Promise<Verification> {
    let claims: JWTPayload;
    try {
      claims = (
        await jwtVerify(token, this.keys, {
          issuer: this.config.issuer,
          audience: this.config.audience,
          algorithms: ALGORITHMS,
          requiredClaims: ['sub', 'exp'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        })
      ).payload;
    } catch (err) {
      const reason = refusalReason(err);
      if (reason) return { ok: false, reason };
      throw new IdentityProviderUnavailable(this.config.jwksUrl, err);
    }
    return actorFromClaims(claims, { role: this.config.roleClaim, unit: this.config.unitClaim });
  }
}
