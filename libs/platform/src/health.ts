/**
 * Readiness checks of the worker's health server (`GET /ready`; the API's `GET /api/health/ready` is on @nestjs/terminus,
 * apps/api/src/health, and masks with maskCredentials too): each dependency is probed with a time limit, and the answer
 * names what failed without any credential (errors are reduced to their message, connection strings never appear in
 * them).
 */

export interface CheckResult {
  ok: boolean;
  /** How long the probe took, in milliseconds. */
  ms: number;
  error?: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

/** Runs one probe, failing it when it throws or takes longer than `timeoutMs`. */
export async function check(probe: () => Promise<unknown>, timeoutMs = 2000): Promise<CheckResult> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { ok: true, ms: Date.now() - started };
  } catch (e: unknown) {
    return { ok: false, ms: Date.now() - started, error: maskCredentials(e instanceof Error ? e.message : String(e)) };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every probe at once; ready when all pass. */
export async function readiness(
  probes: Record<string, () => Promise<unknown>>,
  timeoutMs?: number,
): Promise<Readiness> {
  const names = Object.keys(probes);
  const results = await Promise.all(names.map((n) => check(probes[n], timeoutMs)));
  const checks = Object.fromEntries(names.map((n, i) => [n, results[i]]));
  return { ready: results.every((r) => r.ok), checks };
}

/** `postgres://user:secret@host` → `postgres://user:***@host`, wherever a URL with a password appears in a message. */
export function maskCredentials(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1***@');
}
