/**
 * The Temporal header that carries a command's request context — `{ requestId, actorId }`, plain JSON, no personal
 * data — from the API's client to the workflow's update handler, and from there to every activity and child workflow
 * it schedules (workflows/src/interceptors.ts), so the worker's log lines of a command carry its request id.
 */
export const REQUEST_CONTEXT_HEADER = 'tdkt-request-context';

export interface RequestContextHeader {
  requestId?: string;
  actorId?: string;
}
