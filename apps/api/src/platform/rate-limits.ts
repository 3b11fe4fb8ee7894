import { Injectable, type ExecutionContext } from '@nestjs/common';
import {
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
} from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AppConfig } from '@tdkt/config';
import type { Actor } from '@tdkt/domain';
import { AuthController } from '../auth/auth.controller';
import { CONFIG } from './tokens';

const MINUTE_MS = 60_000;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isTokenRequest = (ctx: ExecutionContext) =>
  ctx.getClass() === AuthController && ctx.getHandler() === AuthController.prototype.token;
const isCommand = (ctx: ExecutionContext) =>
  !READS.has(ctx.switchToHttp().getRequest<Request>().method) && !isTokenRequest(ctx);

/**
 * Two fixed-window limits (per minute, from the configuration): token issuance per client address, and commands
 * (POST/PUT/PATCH/DELETE) per user — the guard runs after authentication, so a logged-in caller is counted by user id,
 * not by an address a proxy may share. Reads are not limited. Over a limit: 429 with Retry-After, in the error shape.
 */
export function rateLimitOptions(config: AppConfig): ThrottlerModuleOptions {
  const { tokenPerMinute, commandsPerMinute } = config.api.limits;
  return {
    throttlers: [
      { name: 'token', ttl: MINUTE_MS, limit: tokenPerMinute, skipIf: (ctx) => !isTokenRequest(ctx) },
      { name: 'commands', ttl: MINUTE_MS, limit: commandsPerMinute, skipIf: (ctx) => !isCommand(ctx) },
    ],
    getTracker: (req: Record<string, unknown>) => {
      const actor = req.actor as Actor | undefined;
      return actor ? `user:${actor.userId}` : `ip:${String(req.ip)}`;
    },
    errorMessage: (ctx, detail) =>
      `Too many ${isTokenRequest(ctx) ? 'token requests from this address' : 'commands from this caller'}: at most ${detail.limit} a minute; retry in ${Math.max(1, detail.timeToBlockExpire)} s`,
  };
}

export const RateLimitModule = ThrottlerModule.forRootAsync({ inject: [CONFIG], useFactory: rateLimitOptions });

/** The throttler's guard, adding the standard Retry-After header (the throttler's own names it per limit). */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    ctx: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    ctx
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(ctx, detail);
  }
}
