import { createHash } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import {
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { Refused, type Actor } from '@tdkt/domain';
import { IdempotencyKeys } from '@tdkt/persistence';
import { statusOf } from './errors';
import { IDEMPOTENCY_KEY_FORMAT } from './idempotency-key';

type AuthedRequest = Request & { actor?: Actor };

/** JSON with sorted object keys, so two bodies that mean the same hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/**
 * Idempotency-Key, scoped to (caller, operation, target) and remembered with a hash of the request body:
 * - first use: the command runs and its answer is kept;
 * - a retry of the same request: the original answer (status and body), even when the dossier has moved on (a final
 *   decision's retry gets its number again, never a 409);
 * - the same key on another operation, target or body: 422, nothing runs.
 * A refused first use (4xx) frees the key: nothing was applied under it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly keys: IdempotencyKeys) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const key = req.header('idempotency-key');
    if (req.method === 'GET' || key === undefined || !req.actor || !IDEMPOTENCY_KEY_FORMAT.test(key))
      return next.handle();
    // The route's own status (Nest writes it after the handler): what the first answer had and a replay repeats.
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) as number | undefined) ??
      (req.method === 'POST' ? 201 : 200);
    return from(this.run(req, ctx.switchToHttp().getResponse<Response>(), req.actor.userId, key, status, next));
  }

  private async run(
    req: AuthedRequest,
    res: Response,
    caller: string,
    key: string,
    status: number,
    next: CallHandler,
  ): Promise<unknown> {
    const operation = `${req.method} ${req.path}`;
    const fingerprint = createHash('sha256')
      .update(`${operation}\n${canonicalJson(req.body ?? {})}`)
      .digest('hex');
    const claim = await this.keys.claim(caller, key, operation, fingerprint);
    if (claim.kind === 'mismatch')
      throw new Refused(
        'RULE_VIOLATION',
        `This Idempotency-Key was already used for another request (${claim.operation}${claim.operation === operation ? ' with a different body' : ''}); use a new key for a new request`,
        { rule: 'IDEMPOTENCY_KEY_REUSED' },
      );
    if (claim.kind === 'retry' && claim.answer) {
      res.setHeader('Idempotent-Replayed', 'true');
      return claim.answer.response;
    }
    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.keys.complete(caller, key, fingerprint, status, result ?? null);
      return result;
    } catch (e) {
      // Refused (bad input, scope, a domain rule): nothing was applied under the key.
      if (
        (e instanceof Refused && statusOf(e.code) < 500) ||
        (e instanceof HttpException && e.getStatus() < 500) ||
        e instanceof WorkflowUpdateFailedError
      )
        await this.keys.release(caller, key, fingerprint);
      throw e;
    }
  }
}
