/**
 * A rejected command is a value, not an exception: it says which rule refused it and why.
 * The API maps the code to an HTTP status (FORBIDDEN → 403, WRONG_STATE → 409, RULE_VIOLATION → 422).
 */
export type RejectionCode = 'FORBIDDEN' | 'WRONG_STATE' | 'RULE_VIOLATION' | 'INVALID';

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
