import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { body } from './errors';
import { requestIdOf } from './request-context';

/**
 * How deep arrays and objects nest in a JSON text, counted on the raw bytes before it is parsed (a deeply nested
 * body must be refused before anything walks it recursively). Brackets inside strings do not count.
 */
export function jsonDepth(text: Buffer | string, stopAbove = Infinity): number {
  const s = typeof text === 'string' ? Buffer.from(text) : text;
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
      if (max > stopAbove) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

class BodyRefused extends Error {
  readonly status = 400;
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The JSON body parser with its limits (size and nesting depth), and the handler that answers its refusals — malformed,
 * too large, too deep — as 400 in the API's error shape. Nothing of the body is logged.
 */
export function jsonBody(limits: {
  jsonLimitKb: number;
  jsonMaxDepth: number;
}): [RequestHandler, (err: unknown, req: Request, res: Response, next: NextFunction) => void] {
  const parse = express.json({
    limit: limits.jsonLimitKb * 1024,
    verify: (_req, _res, buf) => {
      if (jsonDepth(buf, limits.jsonMaxDepth) > limits.jsonMaxDepth)
        throw new BodyRefused('entity.too.deep', `The JSON body nests deeper than ${limits.jsonMaxDepth} levels`);
    },
  });
  const refuse = (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (!err) return next();
    const e = err as Error & { status?: number; type?: string };
    const message =
      e.type === 'entity.parse.failed'
        ? 'Malformed JSON body'
        : e.type === 'entity.too.large'
          ? `The JSON body is larger than ${limits.jsonLimitKb} KB`
          : e.type === 'entity.too.deep'
            ? e.message
            : e.status && e.status >= 400 && e.status < 500
              ? e.message
              : 'The request body could not be read';
    const status = e.status && e.status >= 400 && e.status < 500 && e.status !== 413 ? e.status : 400;
    res.status(status).json({ ...body(status, message), requestId: requestIdOf(res) });
  };
  return [parse, refuse];
}
