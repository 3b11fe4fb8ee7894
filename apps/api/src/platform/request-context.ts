import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { logContext } from '@tdkt/platform';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** An incoming id is kept when it is short and plain (letters, digits, `.`, `_`, `:`, `-`): it ends up in logs. */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The id of the request being handled, for log lines; undefined outside a request. */
export function currentRequestId(): string | undefined {
  return logContext.current()?.requestId;
}

/** The id given to this request (echoed in the response header), for error bodies. */
export function requestIdOf(res: Response): string | undefined {
  const id = res.getHeader(REQUEST_ID_HEADER);
  return typeof id === 'string' ? id : undefined;
}

/** First middleware: takes a well-formed incoming X-Request-Id or makes one, echoes it in the response header and error bodies. */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  // Every error body carries the id, whichever middleware, guard or filter writes it.
  const json = res.json.bind(res);
  res.json = (payload: unknown) =>
    json(res.statusCode >= 400 && isErrorBody(payload) && !payload.requestId ? { ...payload, requestId: id } : payload);
  next();
}

function isErrorBody(payload: unknown): payload is { statusCode: number; message: unknown; requestId?: unknown } {
  return typeof payload === 'object' && payload !== null && 'statusCode' in payload && 'message' in payload;
}

/**
 * Opens the request's context: every log line written while it is handled carries its request id (and, once the guard
 * has authenticated the caller, the actor id), and so does every Temporal call made for it (a header the workflow
 * passes on to its activities). It runs after the body parser: a stream's events do not carry the context in which
 * the request started, so a context opened before the body is read would be lost once it has been.
 */
export function enterRequestContext(_req: Request, res: Response, next: NextFunction): void {
  logContext.run({ requestId: requestIdOf(res) ?? randomUUID() }, next);
}
