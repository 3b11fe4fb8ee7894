import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { temporalConnectionOptions, type AppConfig } from '@tdkt/config';
import { databaseAnswers } from '@tdkt/persistence';
import { maskCredentials } from '@tdkt/platform';
import { CONFIG } from '../platform/tokens';

/** How long a dependency may take to answer the readiness probe before it counts as down. */
export const PROBE_TIMEOUT_MS = 2000;

/**
 * One dependency probe as a terminus indicator: `{ [key]: { status: 'up', responseTime } }` when it answers within
 * `timeoutMs`, else `{ [key]: { status: 'down', message, responseTime } }`. The message is the error's own, reduced to
 * its text with any URL's password masked, so no connection string or credential reaches the answer or the log.
 */
export function probe<const Key extends string>(
  indicators: HealthIndicatorService,
  key: Key,
  answers: () => Promise<unknown>,
  timeoutMs = PROBE_TIMEOUT_MS,
): PromiseLike<HealthIndicatorResult<Key>> {
  return indicators
    .check(key)
    .attempt(async () => {
      try {
        await answers();
      } catch (e: unknown) {
        throw new Error(maskCredentials(e instanceof Error ? e.message : String(e)));
      }
    })
    .withTimeout(timeoutMs);
}

/** `database`: SELECT 1 on the runtime connection (databaseAnswers), within 2 s. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  isHealthy(): PromiseLike<HealthIndicatorResult<'database'>> {
    return probe(this.indicators, 'database', () => databaseAnswers(this.dataSource));
  }
}

/**
 * The readiness probe's own connection to the Temporal frontend (the API's address, TLS and API key), without the
 * client's retry interceptor: the probe asks whether the frontend answers now, and leaves no retry pending after it
 * gave up (the client's connection retries UNAVAILABLE for seconds, past the probe and past its close at shutdown).
 * Lazy: built without a round trip; closed by HealthModule at shutdown.
 */
export const TEMPORAL_PROBE_CONNECTION = Symbol('TEMPORAL_PROBE_CONNECTION');
export const temporalProbeConnection = (config: AppConfig): Connection =>
  Connection.lazy({ ...temporalConnectionOptions(config.temporal), interceptors: [] });

/** `temporal`: DescribeNamespace of the API's namespace on the Temporal frontend, within 2 s. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(TEMPORAL_PROBE_CONNECTION) private readonly connection: Connection,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  isHealthy(): PromiseLike<HealthIndicatorResult<'temporal'>> {
    return probe(this.indicators, 'temporal', () =>
      // The call's own deadline too, so an unreachable frontend leaves no call pending after the probe gave up.
      this.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        this.connection.workflowService.describeNamespace({ namespace: this.config.temporal.namespace }),
      ),
    );
  }
}
