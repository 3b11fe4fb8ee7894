// The first import of main.ts: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http and pg before they load.
import { startTracing } from '@tdkt/platform/src/observability/tracing';

startTracing('tdkt-api');
