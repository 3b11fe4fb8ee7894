import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  Optional,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AppConfig } from '@tdkt/config';
import { Refused, type Actor, type Role } from '@tdkt/domain';
import { Directory } from '@tdkt/persistence';
import { CONFIG } from '../platform/tokens';
import { LocalIssuer } from './local-issuer';
import { OidcVerifier } from './oidc-verifier';
import { IdentityProviderUnavailable, type TokenVerifier, type Verification } from './token-verifier';

const PUBLIC = 'tdkt:public';
const ROLES = 'tdkt:roles';
/** The endpoint needs no token (health, docs, the local issuer's login). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Only these roles may call the endpoint; the domain still checks each command's own rules. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

type AuthedRequest = Request & { actor?: Actor };

/**
 * Bearer-token authentication and role authorisation for every endpoint; denials are logged with the actor.
 * Tokens are checked by the local issuer (AUTH_MODE=local) or against the OIDC provider's keys (AUTH_MODE=oidc).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly log = new Logger('access');
  private readonly verifier: TokenVerifier;

  constructor(
    private readonly reflector: Reflector,
    issuer: LocalIssuer,
    @Inject(CONFIG) config: AppConfig,
    /** The directory refuses tokens of deactivated people and maps an OIDC subject to its user (absent in unit specs). */
    @Optional() private readonly directory?: Directory,
  ) {
    this.verifier = config.auth.mode === 'oidc' ? new OidcVerifier(config.auth) : issuer;
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const match = /^Bearer +(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new Refused('UNAUTHENTICATED', 'A bearer token is required (Authorization: Bearer <token>)');
    const verification = await this.verify(match[1]);
    if (!verification.ok) throw new Refused('UNAUTHENTICATED', verification.reason);
    const actor = verification.actor;
    const holder = await this.directory?.tokenHolder(actor.userId);
    if (holder && !holder.mayAct) {
      this.log.warn(`refused the token of deactivated user ${holder.userId}`);
      throw new Refused('UNAUTHENTICATED', 'This account is deactivated or outside its validity; the token is refused');
    }
    if (holder) actor.userId = holder.userId;
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      this.log.warn(`denied ${req.method} ${req.path} to ${actor.userId} (${actor.role})`);
      throw Refused.forbidden(`${actor.role} may not call this endpoint`);
    }
    return true;
  }

  private async verify(token: string): Promise<Verification> {
    try {
      return await this.verifier.verify(token);
    } catch (err) {
      if (!(err instanceof IdentityProviderUnavailable)) throw err;
      this.log.warn(err.message);
      throw new Refused('UNAVAILABLE', 'The identity provider cannot be reached to check the token; retry shortly');
    }
  }
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthedRequest>().actor;
  if (!actor) throw new Refused('UNAUTHENTICATED', 'A valid bearer token is required');
  return actor;
});
