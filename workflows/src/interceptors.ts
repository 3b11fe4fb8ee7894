/**
 * Workflow interceptors, bundled with the workflows (`workflowInterceptorModules`): the request-context header an
 * update or signal arrives with is kept for the duration of its handler and copied onto every activity, local activity
 * and child workflow the handler schedules. Headers only: nothing here touches the state the workflow decides with,
 * adds a command or reads a clock, so recorded histories replay unchanged.
 */
import {
  AsyncLocalStorage,
  type ActivityInput,
  type LocalActivityInput,
  type Next,
  type Payload,
  type SignalInput,
  type StartChildWorkflowExecutionInput,
  type UpdateInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import { REQUEST_CONTEXT_HEADER } from './request-context-header';

const handling = new AsyncLocalStorage<Payload>();

class RequestContextInbound implements WorkflowInboundCallsInterceptor {
  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    const header = input.headers[REQUEST_CONTEXT_HEADER];
    return header ? handling.run(header, () => next(input)) : next(input);
  }

  handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    const header = input.headers[REQUEST_CONTEXT_HEADER];
    return header ? handling.run(header, () => next(input)) : next(input);
  }
}

/** The handler's header onto an outgoing call that has none of its own. */
function withHeader<T extends { headers: Record<string, Payload> }>(input: T): T {
  const header = handling.getStore();
  return header && !input.headers[REQUEST_CONTEXT_HEADER]
    ? { ...input, headers: { ...input.headers, [REQUEST_CONTEXT_HEADER]: header } }
    : input;
}

class RequestContextOutbound implements WorkflowOutboundCallsInterceptor {
  scheduleActivity(
    input: ActivityInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>,
  ): Promise<unknown> {
    return next(withHeader(input));
  }

  scheduleLocalActivity(
    input: LocalActivityInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>,
  ): Promise<unknown> {
    return next(withHeader(input));
  }

  startChildWorkflowExecution(
    input: StartChildWorkflowExecutionInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'startChildWorkflowExecution'>,
  ): ReturnType<Next<WorkflowOutboundCallsInterceptor, 'startChildWorkflowExecution'>> {
    return next(withHeader(input));
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [new RequestContextInbound()],
  outbound: [new RequestContextOutbound()],
});
