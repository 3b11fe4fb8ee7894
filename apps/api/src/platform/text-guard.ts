import type { NextFunction, Request, Response } from 'express';
import { body } from './errors';

/**
 * Control characters a person never types: C0 except tab, line feed and carriage return (NUL among them, which
 * Postgres refuses in text and JSON), DEL, C1, and unpaired UTF-16 surrogates (not representable in UTF-8).
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Paths ("nominee.fullName", "parts[2]", "query.status") of every string, key included, holding such a character. */
export function controlCharacterFields(value: unknown, path: string, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (FORBIDDEN.test(value)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => controlCharacterFields(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (FORBIDDEN.test(k)) out.push(at);
      else controlCharacterFields(v, at, out);
    }
  }
  return out;
}

/**
 * Text is checked at the edge: a request whose body, query string or path carries a control character is refused
 * with 400 naming each field, before any handler, log line or database sees it.
 */
export function refuseControlCharacters(req: Request, res: Response, next: NextFunction): void {
  const fields = [...controlCharacterFields(req.body, ''), ...controlCharacterFields(req.query, 'query')];
  let path = req.path;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    fields.push('path');
  }
  if (FORBIDDEN.test(path)) fields.push('path');
  if (!fields.length) return next();
  res.status(400).json(
    body(400, 'Validation failed', {
      fields: Object.fromEntries(fields.map((f) => [f || 'body', ['must not contain control characters']])),
    }),
  );
}
