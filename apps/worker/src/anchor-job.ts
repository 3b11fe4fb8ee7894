import { ConfigError } from '@tdkt/config';
import type { AnchorResult } from '@tdkt/persistence';

/** Default period of the anchor job: every stream head that moved is anchored every ten minutes. */
export const DEFAULT_ANCHOR_INTERVAL_SECONDS = 600;

/**
 * TDKT_ANCHOR_INTERVAL_SECONDS: how often the worker anchors the stream heads (0 switches the job off, e.g. when a
 * cron runs `npm run cli -- anchor` instead). A bad value stops the worker at start-up.
 */
export function anchorIntervalSeconds(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TDKT_ANCHOR_INTERVAL_SECONDS?.trim();
  if (!raw) return DEFAULT_ANCHOR_INTERVAL_SECONDS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 86_400)
    throw new ConfigError([`TDKT_ANCHOR_INTERVAL_SECONDS must be whole seconds from 0 (off) to 86400, got "${raw}"`]);
  return n;
}

export interface AnchorJob {
  /** Stops the timer and waits for a run in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

/**
 * Anchors every `intervalSeconds` in the worker process. Each run takes the anchor advisory lock without waiting,
 * so when several workers run the job one anchors and the others skip that turn; runs never overlap in one process.
 * A failed run is logged and the next one tries again; refused streams (tampered since the last anchor) are logged.
 */
export function startAnchorJob(
  anchors: { anchor(options: { wait: boolean }): Promise<AnchorResult> },
  intervalSeconds: number,
  log: Pick<Console, 'error' | 'warn'> = console,
): AnchorJob {
  if (intervalSeconds === 0) return { stop: async () => undefined };
  let running: Promise<void> | undefined;
  const run = async () => {
    try {
      const result = await anchors.anchor({ wait: false });
      for (const h of result.refused)
        log.error(
          `[anchor] stream ${h.streamId} no longer continues its anchored event ${h.seq}: left at it; run verify-chain`,
        );
    } catch (e) {
      log.warn(`[anchor] run failed, retrying next period: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const timer = setInterval(() => {
    running ??= run().finally(() => (running = undefined));
  }, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
