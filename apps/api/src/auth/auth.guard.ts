import { CanActivate, createParamDecorator, ExecutionContext, ForbiddenException, Injectable, Logger, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Actor, Role } from '@tdkt/domain';
import { LocalIssuer } from './local-issuer';

const PUBLIC = 'tdkt:public';
const ROLES = 'tdkt:roles';
/** The endpoint needs no token (health, docs, the local issuer's login). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Only these roles may call the endpoint; the domain still checks each command's own rules. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

type AuthedRequest = Request & { actor?: Actor };

/** Bearer-token authentication and role authorisation for every endpoint; denials are logged with the actor. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly log = new Logger('access');

  constructor(
    private readonly reflector: Reflector,
    private readonly issuer: LocalIssuer,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/.exec(header);
    const actor = match ? this.issuer.verify(match[1]) : undefined;
    if (!actor) throw new UnauthorizedException('A valid bearer token is required');
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      this.log.warn(`denied ${req.method} ${req.path} to ${actor.userId} (${actor.role})`);
      throw new ForbiddenException(`${actor.role} may not call this endpoint`);
    }
    return true;
  }
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthedRequest>().actor;
  if (!actor) throw new UnauthorizedException('A valid bearer token is required');
  return actor;
});
