/**
 * The request context across Temporal, and the app's command and activity metrics:
 *   client (API, and the worker's own client) → adds the `tdkt-request-context` header to every start, update and
 *     signal, and counts each update by command type and outcome;
 *   workflow (workflows/src/interceptors.ts, in the bundle) → copies it from the update onto the activities it schedules;
 *   activity (worker) → runs the activity inside that context (its log lines carry the request and actor ids), logs
 *     one line per activity, and measures appends: their latency, the projection lag, the deadline timers that fired.
 */
import type {
  Next,
  WorkflowClientInterceptor,
  WorkflowSignalInput,
  WorkflowStartInput,
  WorkflowStartOutput,
  WorkflowStartUpdateInput,
  WorkflowStartUpdateOutput,
  WorkflowStartUpdateWithStartInput,
  WorkflowStartUpdateWithStartOutput,
} from '@temporalio/client';
import type { Context as ActivityContext } from '@temporalio/activity';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptors } from '@temporalio/worker';
import { REQUEST_CONTEXT_HEADER, type RequestContextHeader } from '@tdkt/workflows/src/request-context-header';
import { logContext, logger } from './log';
import { activitiesTotal, appendDuration, commandsTotal, deadlineTimersFired, projectionLag } from './metrics';

type Headers = Record<string, Payload>;

/** The current request's context, else what the command itself names (a command sent by the worker's activities). */
function contextFor(arg: unknown): RequestContextHeader {
  const ctx = logContext.current();
  const req =
    typeof arg === 'object' && arg !== null ? (arg as { requestId?: unknown; actor?: { userId?: unknown } }) : {};
  const requestId = ctx?.requestId ?? (typeof req.requestId === 'string' ? req.requestId : undefined);
  const actorId = (typeof req.actor?.userId === 'string' ? req.actor.userId : undefined) ?? ctx?.actorId;
  return { ...(requestId ? { requestId } : {}), ...(actorId ? { actorId } : {}) };
}

function withContext(headers: Headers, arg?: unknown): Headers {
  if (headers[REQUEST_CONTEXT_HEADER]) return headers;
  const ctx = contextFor(arg);
  if (!ctx.requestId && !ctx.actorId) return headers;
  return { ...headers, [REQUEST_CONTEXT_HEADER]: defaultPayloadConverter.toPayload(ctx) };
}

export function readContextHeader(headers: Headers): RequestContextHeader {
  const payload = headers[REQUEST_CONTEXT_HEADER];
  if (!payload) return {};
  try {
    const v = defaultPayloadConverter.fromPayload<RequestContextHeader>(payload);
    return {
      ...(typeof v?.requestId === 'string' ? { requestId: v.requestId } : {}),
      ...(typeof v?.actorId === 'string' ? { actorId: v.actorId } : {}),
    };
  } catch {
    return {};
  }
}

/** The command type of an update's argument: `{ command: { type } }`, else the update's own name (a session decision). */
function commandType(updateName: string, arg: unknown): string {
  const type = (arg as { command?: { type?: unknown } } | undefined)?.command?.type;
  return typeof type === 'string' && /^[A-Za-z]{1,64}$/.test(type) ? type : updateName;
}

type Outcome = { success?: unknown; failure?: { applicationFailureInfo?: unknown } | null } | null | undefined;
const outcomeLabel = (o: Outcome): string =>
  !o ? 'unknown' : o.success ? 'accepted' : o.failure?.applicationFailureInfo ? 'refused' : 'failed';

export class RequestContextClientInterceptor implements WorkflowClientInterceptor {
  async startWithDetails(
    input: WorkflowStartInput,
    next: Next<WorkflowClientInterceptor, 'startWithDetails'>,
  ): Promise<WorkflowStartOutput> {
    return next({ ...input, headers: withContext(input.headers) });
  }

  async signal(input: WorkflowSignalInput, next: Next<WorkflowClientInterceptor, 'signal'>): Promise<void> {
    return next({ ...input, headers: withContext(input.headers, input.args[0]) });
  }

  async startUpdate(
    input: WorkflowStartUpdateInput,
    next: Next<WorkflowClientInterceptor, 'startUpdate'>,
  ): Promise<WorkflowStartUpdateOutput> {
    const labels = { update: input.updateName, command: commandType(input.updateName, input.args[0]) };
    try {
      const out = await next({ ...input, headers: withContext(input.headers, input.args[0]) });
      commandsTotal.inc({ ...labels, outcome: outcomeLabel(out.outcome as Outcome) });
      return out;
    } catch (e) {
      commandsTotal.inc({ ...labels, outcome: 'failed' });
      throw e;
    }
  }

  async startUpdateWithStart(
    input: WorkflowStartUpdateWithStartInput,
    next: Next<WorkflowClientInterceptor, 'startUpdateWithStart'>,
  ): Promise<WorkflowStartUpdateWithStartOutput> {
    const labels = { update: input.updateName, command: commandType(input.updateName, input.updateArgs[0]) };
    try {
      const out = await next({
        ...input,
        workflowStartHeaders: withContext(input.workflowStartHeaders),
        updateHeaders: withContext(input.updateHeaders, input.updateArgs[0]),
      });
      commandsTotal.inc({ ...labels, outcome: outcomeLabel(out.updateOutcome as Outcome) });
      return out;
    } catch (e) {
      commandsTotal.inc({ ...labels, outcome: 'failed' });
      throw e;
    }
  }
}

interface AppendedEnvelope {
  seq?: unknown;
  type?: unknown;
  occurredAt?: unknown;
  requestId?: unknown;
}

/** Request ids the workflows give the commands their own timers issue (`timer:…`, a session's `deadline:…`). */
const isTimerRequest = (id: unknown) =>
  typeof id === 'string' && (id.startsWith('timer:') || id.startsWith('deadline:'));

/** After an append activity succeeded: its duration, the projection lag of its last event, a fired deadline timer. */
export function observeAppend(activity: string, args: unknown[], result: unknown, seconds: number): void {
  const events = args[0];
  if (!Array.isArray(events) || events.length === 0) return;
  appendDuration.observe({ activity }, seconds);
  const appended = (result as { appended?: unknown } | undefined)?.appended;
  if (typeof appended === 'number' && appended === 0) return; // a retried append that stored nothing new
  const last = events[events.length - 1] as AppendedEnvelope;
  const at = typeof last.occurredAt === 'string' ? Date.parse(last.occurredAt) : NaN;
  if (Number.isFinite(at)) projectionLag.observe(Math.max(0, (Date.now() - at) / 1000));
  const first = events[0] as AppendedEnvelope;
  if (isTimerRequest(first.requestId) && typeof first.type === 'string') deadlineTimersFired.inc({ event: first.type });
}

const log = () => logger('activity');

class ActivityContextInterceptor implements ActivityInboundCallsInterceptor {
  constructor(private readonly ctx: ActivityContext) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const info = this.ctx.info;
    const activity = info.activityType;
    const context = {
      ...readContextHeader(input.headers),
      ...(info.workflowExecution ? { workflowId: info.workflowExecution.workflowId } : {}),
      activity,
    };
    return logContext.run(context, async () => {
      const started = performance.now();
      try {
        const result = await next(input);
        const seconds = (performance.now() - started) / 1000;
        activitiesTotal.inc({ activity, outcome: 'completed' });
        if (activity.startsWith('append')) observeAppend(activity, input.args, result, seconds);
        log().info({ ms: Math.round(seconds * 1000), attempt: info.attempt }, 'activity completed');
        return result;
      } catch (e) {
        activitiesTotal.inc({ activity, outcome: 'failed' });
        // The error's class only: a database error's message can quote the value it refused.
        log().warn({ ms: Math.round(performance.now() - started), attempt: info.attempt, err: e }, 'activity failed');
        throw e;
      }
    });
  }
}

export const requestContextActivityInterceptor = (ctx: ActivityContext): ActivityInterceptors => ({
  inbound: new ActivityContextInterceptor(ctx),
});
