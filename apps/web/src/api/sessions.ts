import { ApiError, type ErrorBody, type Schemas } from './client';
import { session } from '../auth/session';

/** The council session endpoints' types, generated from the API's OpenAPI (apps/api/src/council/council-view.dto.ts). */
export type SessionView = Schemas['CouncilSessionViewDto'];
export type ItemTally = Schemas['ItemTallyDto'];
export type SessionDecision = Schemas['SessionDecisionViewDto'];
/** One event of the session's stream: a secret ballot holds only THAT a member took part. */
export type SessionHistoryEntry = Schemas['HistoryEntryDto'];

/**
 * Casts a ballot with a plain fetch, outside TanStack Query: a secret choice must not stay in a mutation's
 * `variables` (the mutation cache), in component state or in storage. The caller passes the choice as a literal and
 * learns only that the ballot was recorded.
 */
export async function castBallot(sessionId: string, dossierId: string, approve: boolean): Promise<void> {
  const token = session.token();
  const res = await fetch(`/api/council-sessions/${encodeURIComponent(sessionId)}/votes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ dossierId, approve }),
  });
  if (!res.ok) {
    const text = await res.text();
    throw new ApiError(res.status, (text ? JSON.parse(text) : {}) as Partial<ErrorBody>);
  }
  // The answer ({ sessionId, dossierId, recorded }) is read and dropped: nothing of it is kept.
  await res.body?.cancel();
}
