/**
 * What the API and the worker both build at start-up, as NestJS providers: the validated configuration, the database
 * (TypeORM data source on DATABASE_URL) and the Temporal client; `closePlatform` releases them on shutdown.
 */
import { Logger, type Provider } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { loadConfig, temporalConnectionOptions, type AppConfig } from '@tdkt/config';
import { createDataSource, QueryErrorLogger } from '@tdkt/persistence';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { dataConverter } from './payload-codec';
import { connectWithRetry } from './retry';
import { RequestContextClientInterceptor } from './observability/temporal-context';
import { tracing } from './observability/tracing';

export * from './payload-codec';
export * from './health';
export * from './retry';
export * from './observability/log';
export * from './observability/metrics';
export * from './observability/temporal-context';
export * from './reconcile/reconcile';

/**
 * Injection tokens. The rule: a class is its own token (TypeORM's DataSource, Temporal's Client, every repository and
 * query class), injected by its type with no decorator; a plain value (the configuration object, the worker's
 * activities, a key) has a symbol token and is injected with `@Inject(TOKEN)`.
 */
export const CONFIG = Symbol('CONFIG');

/** The three shared providers (CONFIG, DataSource, Client); `applicationName` shows in pg_stat_activity. */
export function platformProviders(applicationName: string): Provider[] {
  return [
    { provide: CONFIG, useFactory: (): AppConfig => loadConfig() },
    {
      provide: DataSource,
      inject: [CONFIG],
      useFactory: (c: AppConfig): Promise<DataSource> => {
        const log = new Logger('db');
        // Postgres may come up after us (or be restarting): wait for it with backoff rather than exit.
        return connectWithRetry(
          () =>
            createDataSource(c.databaseUrl, {
              applicationName,
              logger: new QueryErrorLogger((line) => log.error(line)),
            }).initialize(),
          {
            what: 'Postgres',
            log: (line) => log.warn(line),
          },
        );
      },
    },
    {
      provide: Client,
      inject: [CONFIG],
      useFactory: async (c: AppConfig): Promise<Client> =>
        new Client({
          connection: await Connection.connect(temporalConnectionOptions(c.temporal)),
          namespace: c.temporal.namespace,
          dataConverter: dataConverter(c.temporal),
          // The request context header and command metrics; the trace context when tracing is on.
          interceptors: {
            workflow: [
              new RequestContextClientInterceptor(),
              ...(tracing() ? [new OpenTelemetryWorkflowClientInterceptor()] : []),
            ],
          },
        }),
    },
  ];
}

export async function closePlatform(dataSource: DataSource, temporal: Client): Promise<void> {
  await temporal.connection.close();
  if (dataSource.isInitialized) await dataSource.destroy();
}
