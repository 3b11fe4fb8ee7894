import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { commandsRefusedTotal } from '@tdkt/platform';
import { requestIdOf } from './request-context';
import { Refused, type RejectionCode } from '@tdkt/domain';
import { InvalidCursorError } from '@tdkt/persistence';
import { RendererUnavailableError } from '../documents/pdf-renderer.service';

/** The one error shape every endpoint answers with (but the readiness probe's 503: see failedHealthCheck). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** The domain rule that refused a command, when one did. */
  rule?: string;
  /** Per-field validation messages, for 400s. */
  fields?: Record<string, string[]>;
  /** What the rule found, e.g. the missing dossier parts or the failed eligibility criteria. */
  details?: Record<string, unknown>;
  /** The request's id (also the X-Request-Id response header): quote it to find the request's log lines. */
  requestId?: string;
}

/** The one map from a refusal's code to its HTTP status, for refusals thrown here and those a workflow returns. */
const STATUS_OF: Record<RejectionCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  WRONG_STATE: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  RULE_VIOLATION: 422,
  UNAVAILABLE: 503,
};
export const statusOf = (code: string | undefined): number => STATUS_OF[code as RejectionCode] ?? 409;

/** The error shape for a status (the filter's, and the JSON body parser's, which runs before Nest). */
export function body(statusCode: number, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  const error = (HttpStatus[statusCode] ?? 'ERROR')
    .toString()
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/\b\w/g, (c) => c.toUpperCase());
  return { statusCode, error, message, ...extra };
}

/** Maps domain rejections, Temporal errors and HTTP exceptions to ErrorBody; anything else is logged as a bug. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const health = failedHealthCheck(exception);
    if (health) {
      // The readiness probe's 503 is terminus's own result, not the error shape: kept whole (it names the failing
      // check), with the request id every body carries.
      res
        .status(health.status)
        .type('application/json')
        .json({ ...health.body, requestId: requestIdOf(res) });
      return;
    }
    const out = this.toBody(exception);
    // A refusal by a domain rule (the API's own or the workflow's), counted by its rule code.
    if (out.rule && out.statusCode >= 400 && out.statusCode < 500)
      commandsRefusedTotal.inc({ rule: out.rule, status: String(out.statusCode) });
    // JSON even on routes that answer text (minutes, CSV): their Content-Type header is set before the handler runs.
    res
      .status(out.statusCode)
      .type('application/json')
      .json({ ...out, requestId: requestIdOf(res) });
  }

  private toBody(e: unknown): ErrorBody {
    if (e instanceof Refused)
      return body(statusOf(e.code), e.message, {
        ...(e.rule ? { rule: e.rule } : {}),
        ...(e.fields ? { fields: e.fields } : {}),
        ...(e.details ? { details: e.details } : {}),
      });
    // Nest's own (routing 404, guards): their status as they carry it.
    if (e instanceof HttpException) {
      const r = e.getResponse();
      if (
        typeof r === 'object' &&
        r !== null &&
        'statusCode' in r &&
        'message' in r &&
        typeof (r as ErrorBody).message === 'string'
      )
        return r as ErrorBody;
      const message =
        typeof r === 'string'
          ? r
          : Array.isArray((r as { message?: unknown }).message)
            ? (r as { message: string[] }).message.join('; ')
            : String((r as { message?: unknown }).message ?? e.message);
      return body(e.getStatus(), message);
    }
    if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
      const rejection = e.cause.details?.[0] as { rule?: string; details?: Record<string, unknown> } | undefined;
      return body(statusOf(e.cause.type ?? undefined), e.cause.message, {
        ...(rejection?.rule ? { rule: rejection.rule } : {}),
        ...(rejection?.details ? { details: rejection.details } : {}),
      });
    }
    if (e instanceof WorkflowNotFoundError) return body(404, 'Dossier not found');
    // A keyset cursor of any list that this API did not issue (or issued for another sort).
    if (e instanceof InvalidCursorError) return body(400, 'Validation failed', { fields: { cursor: [e.message] } });
    if (e instanceof RendererUnavailableError) {
      this.log.warn(e.message);
      return body(503, e.message);
    }
    if (isUnavailable(e)) {
      this.log.warn(`dependency unavailable: ${(e as Error).message}`);
      return body(503, 'A backing service is temporarily unavailable; retry the request with the same Idempotency-Key');
    }
    if (e instanceof QueryFailedError) {
      // Never the driver's message nor the parameters: both may carry the request's personal data.
      const code = (e.driverError as { code?: unknown } | undefined)?.code;
      if (typeof code === 'string' && code.startsWith('22'))
        return body(400, 'The request holds a value the database cannot store (e.g. a NUL character)');
      this.log.error(`database error SQLSTATE ${String(code)}${stackFrames(e)}`);
      return body(500, 'Internal error');
    }
    this.log.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return body(500, 'Internal error');
  }
}

/**
 * A failed @nestjs/terminus health check: HealthCheckService throws a ServiceUnavailableException whose response is the
 * health-check result `{ status: 'error' | 'shutting_down', info, error, details }` (no `statusCode`, no `message`).
 */
export function failedHealthCheck(e: unknown): { status: number; body: Record<string, unknown> } | undefined {
  if (!(e instanceof HttpException)) return undefined;
  const r = e.getResponse();
  if (typeof r !== 'object' || r === null || 'statusCode' in r) return undefined;
  const { status, details } = r as { status?: unknown; details?: unknown };
  if ((status !== 'error' && status !== 'shutting_down') || typeof details !== 'object' || details === null)
    return undefined;
  return { status: e.getStatus(), body: r as Record<string, unknown> };
}

/** The stack without its first line (the message). */
function stackFrames(e: Error): string {
  const stack = e.stack ?? '';
  const i = stack.indexOf('\n');
  return i < 0 ? '' : stack.slice(i);
}

function isUnavailable(e: unknown): boolean {
  const code =
    (e as { code?: unknown; cause?: { code?: unknown } })?.code ?? (e as { cause?: { code?: unknown } })?.cause?.code;
  return (
    code === 14 ||
    code === 'ECONNREFUSED' ||
    code === '57P01' ||
    (e instanceof Error && /ECONNREFUSED|UNAVAILABLE|Connection terminated/.test(e.message))
  );
}
