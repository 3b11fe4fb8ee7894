import { errors, type JWTPayload } from 'jose';
import { isRole, ROLES, type Actor, type Role } from '@tdkt/domain';

/** The actor a bearer token speaks for: always a person in one of the engine's roles, never the engine itself. */
export type TokenActor = Actor & { role: Role };

/** What a bearer token says: the actor it speaks for, or why it is refused (answered as a 401). */
export type Verification = { ok: true; actor: TokenActor } | { ok: false; reason: string };

/**
 * Checks a bearer token. Implemented by the embedded LocalIssuer (AUTH_MODE=local) and by OidcVerifier
 * (AUTH_MODE=oidc); throws IdentityProviderUnavailable when it cannot tell whether the token is good.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Verification>;
}

/** Skew allowed between the issuer's clock and ours when checking exp, nbf and iat. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** The provider's signing keys could not be fetched: the request should be retried, not re-authenticated. */
export class IdentityProviderUnavailable extends Error {
  constructor(jwksUrl: string, cause: unknown) {
    super(
      `The identity provider's keys at ${jwksUrl} could not be fetched: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'IdentityProviderUnavailable';
  }
}

/** Where in the claims the role and the unit are. */
export interface ClaimNames {
  role: string;
  unit: string;
}

/** Maps verified claims to the domain actor: `sub` is the user, the role claim (or a `roles` array) the role. */
export function actorFromClaims(claims: JWTPayload, names: ClaimNames): Verification {
  if (typeof claims.sub !== 'string' || !claims.sub)
    return { ok: false, reason: 'The token has no subject (sub) claim' };
  const role = firstRole(claims[names.role]) ?? firstRole(claims.roles);
  if (!role) {
    return {
      ok: false,
      reason: `The token carries no engine role: expected a "${names.role}" claim or a "roles" array holding one of ${ROLES.join(', ')}`,
    };
  }
  const unit = claims[names.unit];
  return {
    ok: true,
    actor: { userId: claims.sub, role, ...(typeof unit === 'string' && unit ? { unitCode: unit } : {}) },
  };
}

function firstRole(value: unknown): Role | undefined {
  if (isRole(value)) return value;
  return Array.isArray(value) ? value.find(isRole) : undefined;
}

const REASONS: Record<string, string> = {
  [errors.JWTExpired.code]: 'The token has expired',
  [errors.JWSSignatureVerificationFailed.code]: 'The token signature does not verify',
  [errors.JWKSNoMatchingKey.code]: 'The token is signed with a key the issuer does not publish',
  [errors.JWSInvalid.code]: 'The token is not a well-formed JWT',
  [errors.JWTInvalid.code]: 'The token is not a well-formed JWT',
  [errors.JOSEAlgNotAllowed.code]: 'The token is signed with an algorithm that is not accepted',
  [errors.JOSENotSupported.code]: 'The token is signed with an algorithm that is not accepted',
  [errors.JWKSMultipleMatchingKeys.code]: 'The token does not say which of the issuer keys signed it (no kid)',
};

/** Why jose refused a token, or undefined when the failure is not the token's fault (keys unreachable, a bug). */
export function refusalReason(err: unknown): string | undefined {
  if (!(err instanceof errors.JOSEError)) return undefined;
  const reason = REASONS[err.code];
  if (reason) return reason;
  return err instanceof errors.JWTClaimValidationFailed
    ? `The token's "${err.claim}" claim is not accepted (${err.message})`
    : undefined;
}
