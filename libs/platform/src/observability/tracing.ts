/**
 * OpenTelemetry traces, exported by OTLP (HTTP, JSON) only when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set; otherwise nothing is recorded and nothing is loaded into the request
 * path. HTTP → Temporal client → workflow → activity → Postgres: the http and pg instrumentations here, the Temporal
 * interceptors from @temporalio/interceptors-opentelemetry in the client (libs/platform), the worker and the bundle.
 *
 * `startTracing` must run before `http`, `express` and `pg` are loaded: each app's `tracing.ts` is the first import of
 * its main.ts. No personal data in spans: the query string is cut from HTTP spans, pg spans carry the parameterised
 * statement without its values (enhancedDatabaseReporting off), no header is recorded.
 */
import { context, trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { IncomingMessage } from 'node:http';

export interface Tracing {
  spanProcessor: SpanProcessor;
  resource: Resource;
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

/** The tracing started in this process, if any (the Temporal interceptors are added only then). */
export function tracing(): Tracing | undefined {
  return active;
}

export function tracingEndpoint(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || undefined;
}

const withoutQuery = (url: string | undefined) => (url ?? '/').split('?')[0];

/** Starts tracing for this process when an OTLP endpoint is configured; idempotent. */
export function startTracing(
  serviceName: string,
  env: Record<string, string | undefined> = process.env,
): Tracing | undefined {
  if (active || !tracingEndpoint(env)) return active;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME?.trim() || serviceName });
  // The exporter reads OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS and _TIMEOUT itself.
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are not traced; the worker's fetch of the SDK's own metrics neither.
        ignoreIncomingRequestHook: (req) => /^\/(metrics|live|ready)\b|^\/api\/health\b/.test(withoutQuery(req.url)),
        ignoreOutgoingRequestHook: (req) => /\/metrics$/.test(withoutQuery(req.path ?? undefined)),
        // The query string may hold a citizen id (award-history search): the span keeps the path only.
        requestHook: (span: Span, req) => {
          if ('headers' in req && !('method' in req && typeof (req as { path?: unknown }).path === 'string')) {
            const path = withoutQuery((req as IncomingMessage).url);
            span.setAttribute('http.target', path);
            span.setAttribute('url.path', path);
            const host = (req as IncomingMessage).headers.host;
            if (host) span.setAttribute('http.url', `http://${host}${path}`);
          }
        },
      }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  active = { spanProcessor, resource, shutdown: () => provider.shutdown() };
  return active;
}

/** The trace id of the current span (for log lines), when tracing is on. */
export function currentTraceId(): string | undefined {
  if (!active) return undefined;
  return trace.getSpan(context.active())?.spanContext().traceId;
}
