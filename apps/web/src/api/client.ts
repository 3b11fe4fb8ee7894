import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { session } from '../auth/session';

export type Schemas = components['schemas'];
export type DossierView = Schemas['DossierViewDto'];
export type ErrorBody = Schemas['ErrorBody'];

/** The typed client of the documented API (generated from its OpenAPI at build time): a changed DTO breaks the build. */
export const api = createClient<paths>({ baseUrl: '' });

const bearer: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    // An expired or foreign token: back to sign-in.
    if (response.status === 401 && session.token()) session.signOut();
    return response;
  },
};
api.use(bearer);

/** A refused or failed call, carrying the API's error body (status, rule code, per-field messages). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody>,
  ) {
    super(body.message ?? `HTTP ${status}`);
  }
}

/** openapi-fetch's result as a value or an ApiError, for TanStack Query. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, (error ?? {}) as Partial<ErrorBody>);
  return data as T;
}
