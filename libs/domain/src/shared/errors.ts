/**
 * A rejected command is a value, not an exception: it says which rule refused it and why.
 * The API's error filter is the one place that maps a code to an HTTP status (apps/api/src/platform/errors.ts):
 * INVALID → 400, UNAUTHENTICATED → 401, FORBIDDEN → 403, NOT_FOUND → 404, WRONG_STATE → 409, TOO_LARGE → 413,
 * UNSUPPORTED_TYPE → 415, RULE_VIOLATION → 422, UNAVAILABLE → 503. The deciders use the first four; the rest are for the services.
 */
export const REJECTION_CODES = [
  'INVALID',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'WRONG_STATE',
  'TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'RULE_VIOLATION',
  'UNAVAILABLE',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  message: string;
  /** The rule that refused the command, e.g. "council.member-votes-once". */
  rule: string;
  details?: Record<string, unknown>;
}

export const reject = (
  code: RejectionCode,
  rule: string,
  message: string,
  details?: Record<string, unknown>,
): Rejection => ({
  code,
  rule,
  message,
  ...(details ? { details } : {}),
});

export type Decision<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };
export const accept = <T>(value: T): Decision<T> => ({ ok: true, value });
export const refuse = <T>(rejection: Rejection): Decision<T> => ({ ok: false, rejection });

/**
 * The one refusal type code outside the pure deciders throws (API services, guards, pipes, interceptors): a
 * rejection code, a message, and optionally the rule, the fields at fault and what the rule found. The API's error
 * filter turns it into the HTTP answer; nothing else builds an error body.
 */
export class Refused extends Error {
  readonly rule?: string;
  readonly fields?: Record<string, string[]>;
  readonly details?: Record<string, unknown>;

  constructor(
    readonly code: RejectionCode,
    message: string,
    extra: { rule?: string; fields?: Record<string, string[]>; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'Refused';
    if (extra.rule) this.rule = extra.rule;
    if (extra.fields) this.fields = extra.fields;
    if (extra.details) this.details = extra.details;
  }

  /** A decider's rejection, thrown. */
  static of(r: Rejection): Refused {
    return new Refused(r.code, r.message, { rule: r.rule, ...(r.details ? { details: r.details } : {}) });
  }

  /** A 400 naming the fields at fault; `message` defaults to the validation pipe's. */
  static invalid(fields: Record<string, string[]>, message = 'Validation failed', rule?: string): Refused {
    return new Refused('INVALID', message, { fields, ...(rule ? { rule } : {}) });
  }

  /** A 400 for one field, its message also the answer's. */
  static invalidField(field: string, message: string, rule?: string): Refused {
    return Refused.invalid({ [field]: [message] }, message, rule);
  }

  static notFound(message: string): Refused {
    return new Refused('NOT_FOUND', message);
  }

  static forbidden(message: string, rule?: string): Refused {
    return new Refused('FORBIDDEN', message, rule ? { rule } : {});
  }

  /** The resource's state does not allow the request (409). */
  static conflict(message: string, rule?: string, details?: Record<string, unknown>): Refused {
    return new Refused('WRONG_STATE', message, { ...(rule ? { rule } : {}), ...(details ? { details } : {}) });
  }
}
