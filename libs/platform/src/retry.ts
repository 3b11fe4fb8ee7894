/**
 * Connecting to a dependency that may not be up yet (Postgres started after the worker, a restart of the database):
 * retry with exponential backoff instead of exiting, and log each retry — what, which attempt, the wait, and the
 * error with any credentials in it masked.
 */
export interface RetryOptions {
  /** What is being connected to, for the log line ("Postgres"). */
  what: string;
  /** First wait; doubles each attempt up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this many attempts (default: never, a worker waits for its database). */
  maxAttempts?: number;
  log: (line: string) => void;
  /** Injected by tests; a timer otherwise. */
  sleep?: (ms: number) => Promise<void>;
}

/** user:password@ in a connection string, and password=… in a libpq keyword list. */
export function maskSecrets(text: string): string {
  return text.replace(/(\/\/[^:/@\s]+:)[^@\s]*@/g, '$1***@').replace(/(password\s*=\s*)\S+/gi, '$1***');
}

export async function connectWithRetry<T>(connect: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { what, initialDelayMs = 1_000, maxDelayMs = 30_000, maxAttempts = Infinity, log } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  for (let attempt = 1; ; attempt += 1) {
    try {
      const connected = await connect();
      if (attempt > 1) log(`${what}: connected after ${attempt} attempts`);
      return connected;
    } catch (e) {
      const reason = maskSecrets(e instanceof Error ? e.message : String(e));
      if (attempt >= maxAttempts) throw new Error(`${what}: could not connect after ${attempt} attempts: ${reason}`);
      const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
      log(`${what}: connection attempt ${attempt} failed (${reason}); retrying in ${delay} ms`);
      await sleep(delay);
    }
  }
}
