import { ApiError, type ErrorBody, type Schemas } from './client';
import { session } from '../auth/session';

export type DossierAction = Schemas['DossierActionDto'];

/**
 * Calls the endpoint an action names (GET /api/dossiers/:id/actions gives method, path and body schema). The path
 * comes from the API at run time, so this is the one untyped call; the body follows the named schema.
 */
export async function callAction(
  action: DossierAction,
  body: Record<string, unknown>,
  idempotencyKey: string,
): Promise<unknown> {
  const token = session.token();
  const res = await fetch(action.path, {
    method: action.method,
    headers: {
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, (json ?? {}) as Partial<ErrorBody>);
  return json;
}
