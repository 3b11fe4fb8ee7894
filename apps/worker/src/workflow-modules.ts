import { join } from 'node:path';

/**
 * The workflow interceptor modules bundled with the workflows: the request-context header
 * (workflows/src/interceptors.ts) and OpenTelemetry's (spans of the workflow, its updates and the activities it
 * schedules, exported through the `exporter` sink the worker registers, a no-op while tracing is off). The worker
 * bundles them when it bundles from the sources; `npm run build` bakes the same list into dist/workflow-bundle.js.
 * A path from here (not a workspace import), so it resolves the same from the sources and from dist/.
 */
export const WORKFLOW_INTERCEPTOR_MODULES: readonly string[] = [
  require.resolve(join(__dirname, '..', '..', '..', 'workflows', 'src', 'interceptors')),
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
];
