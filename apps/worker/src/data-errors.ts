import { ApplicationFailure } from '@temporalio/common';
import { UNSTORABLE_DATA } from '@tdkt/workflows/src/messages';

/** The unique key whose conflict makes a retried append a no-op: a retry, never a data error. */
const IDEMPOTENT_APPEND_KEY = 'dossier_event_stream_seq';

interface PgError {
  code?: unknown;
  constraint?: unknown;
  driverError?: { code?: unknown; constraint?: unknown };
}

/**
 * Whether a database error is about the data (SQLSTATE class 22, data exception — a NUL character in text or JSON,
 * a value out of range — or class 23, integrity constraint violation) rather than about the moment (a lost
 * connection, a serialization failure, a lock timeout). Retrying a data error fails the same way for ever.
 */
export function isDataError(e: unknown): { sqlState: string; constraint?: string } | undefined {
  const err = (e ?? {}) as PgError;
  const code = err.code ?? err.driverError?.code;
  const constraint = err.constraint ?? err.driverError?.constraint;
  if (typeof code !== 'string' || !/^2[23][0-9A-Z]{3}$/.test(code)) return undefined;
  if (code === '23505' && constraint === IDEMPOTENT_APPEND_KEY) return undefined;
  return { sqlState: code, ...(typeof constraint === 'string' ? { constraint } : {}) };
}

/**
 * Wraps an activity so that a data error ends its retries at once: it becomes a non-retryable ApplicationFailure
 * of type UNSTORABLE_DATA (the SQLSTATE in its details, never the data), which the workflow turns into a refusal.
 */
export function failFastOnDataError<A extends unknown[], R>(
  activity: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await activity(...args);
    } catch (e) {
      const data = isDataError(e);
      if (!data) throw e;
      const reason = e instanceof Error ? e.message : String(e);
      throw ApplicationFailure.nonRetryable(
        `The database refused the data (SQLSTATE ${data.sqlState}): ${reason}`,
        UNSTORABLE_DATA,
        data,
      );
    }
  };
}
