import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { Refused } from '@tdkt/domain';

/** What an Idempotency-Key may look like: 8–128 characters of A–Z a–z 0–9 _ . : - */
export const IDEMPOTENCY_KEY_FORMAT = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The Idempotency-Key header of a command, checked (400 when malformed); undefined when absent. */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<Request>().header('idempotency-key');
  if (value === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_FORMAT.test(value))
    throw Refused.invalid({ 'Idempotency-Key': ['must be 8–128 characters of A–Z a–z 0–9 _ . : -'] });
  return value;
});

/** The header in the OpenAPI document (optional), for every command endpoint. */
export const IDEMPOTENCY = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description:
    'Retrying with the same key never applies a command twice; reusing it for another request is refused (422)',
});
