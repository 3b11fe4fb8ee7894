/**
 * Prometheus metrics (prom-client), served on /metrics by the API and by the worker's health server. Labels are
 * command types, outcomes, rule codes, activity and event types: small fixed sets, never an id or personal data.
 * The worker's /metrics also carries the Temporal SDK's own (Core's Prometheus exporter, see worker.ts).
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
let defaultsCollected = false;

/** Node process metrics (CPU, memory, event-loop lag, GC) once per process, labelled with the service. */
export function collectProcessMetrics(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

/** Every command sent to a workflow (an update), by workflow update, command type and outcome. */
export const commandsTotal = new Counter({
  name: 'tdkt_commands_total',
  help: 'Commands sent to workflows, by update, command type and outcome (accepted, refused by a rule, failed)',
  labelNames: ['update', 'command', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Commands refused by a domain rule (403/409/422 with a rule), by rule code; API-side and workflow refusals alike. */
export const commandsRefusedTotal = new Counter({
  name: 'tdkt_commands_refused_total',
  help: 'Commands refused by a domain rule, by rule',
  labelNames: ['rule', 'status'] as const,
  registers: [metricsRegistry],
});

/** How long an append activity takes: one transaction inserting the events and updating every read model. */
export const appendDuration = new Histogram({
  name: 'tdkt_event_append_duration_seconds',
  help: 'Duration of an append activity (events and read models in one transaction), by activity',
  labelNames: ['activity'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/**
 * From the moment the workflow decided an event (its occurredAt, Temporal's clock) to the moment its read models were
 * committed with it: the delay before a read shows a change.
 */
export const projectionLag = new Histogram({
  name: 'tdkt_projection_lag_seconds',
  help: 'Seconds from an event being decided in the workflow to its read models being committed',
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [metricsRegistry],
});

/** Deadline timers that fired and appended their command's events (reminders, escalations, expiries, closings). */
export const deadlineTimersFired = new Counter({
  name: 'tdkt_deadline_timers_fired_total',
  help: 'Deadline timers that fired and appended events, by the first event type',
  labelNames: ['event'] as const,
  registers: [metricsRegistry],
});

/** Activities run by the worker, by type and outcome. */
export const activitiesTotal = new Counter({
  name: 'tdkt_activities_total',
  help: 'Activities executed by the worker, by activity type and outcome',
  labelNames: ['activity', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** HTTP requests answered by the API, by method, route template (never the path with its ids) and status. */
export const httpDuration = new Histogram({
  name: 'tdkt_http_request_duration_seconds',
  help: 'HTTP requests answered by the API, by method, route template and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Background admin jobs (verify, rebuild, reconcile), by kind and final status. */
export const adminJobsTotal = new Counter({
  name: 'tdkt_admin_jobs_total',
  help: 'Background admin jobs finished, by kind and status',
  labelNames: ['kind', 'status'] as const,
  registers: [metricsRegistry],
});

/** Every metric name this code exports (the dashboard check in check:deploy reads this list). */
export const APP_METRIC_NAMES = [
  'tdkt_commands_total',
  'tdkt_commands_refused_total',
  'tdkt_event_append_duration_seconds',
  'tdkt_projection_lag_seconds',
  'tdkt_deadline_timers_fired_total',
  'tdkt_activities_total',
  'tdkt_http_request_duration_seconds',
  'tdkt_admin_jobs_total',
] as const;

/** The text exposition of this process's metrics, followed by extra text (the Temporal SDK's) when given. */
export async function metricsText(extra?: () => Promise<string | undefined>): Promise<string> {
  const own = await metricsRegistry.metrics();
  const more = extra ? await extra().catch(() => undefined) : undefined;
  return more ? `${own}\n${more}` : own;
}

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;
