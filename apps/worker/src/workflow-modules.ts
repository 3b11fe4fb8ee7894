/**
 * The workflow interceptor modules bundled with the workflows: the request-context header
 * (workflows/src/interceptors.ts) and OpenTelemetry's (spans of the workflow, its updates and the activities it
 * schedules, exported through the `exporter` sink the worker registers, a no-op while tracing is off). The worker
 * bundles them when it bundles from the sources; `npm run build` bakes the same list into dist/workflow-bundle.js.
 */
export const WORKFLOW_INTERCEPTOR_MODULES: readonly string[] = [
  require.resolve('@tdkt/workflows/src/interceptors'),
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
];
