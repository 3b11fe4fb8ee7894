import { ApiError, type ErrorBody } from './client';
import { session } from '../auth/session';

/**
 * A council session as GET /api/council-sessions/:id gives it (CouncilSessionView; the OpenAPI document has no
 * response schema for the session endpoints yet, so the shape is written out here).
 */
export interface SessionView {
  id: string;
  provinceCode: string;
  title: string;
  status: 'NEW' | 'OPEN' | 'CLOSED';
  deadline: string;
  members: { userId: string; fullName: string; unitCode: string | null }[];
  agenda: { dossierId: string; awardCode: string; unitCode: string; nomineeName: string; ballot: 'OPEN' | 'SECRET' }[];
  attendance: Record<string, 'PRESENT' | 'ABSENT' | 'WRITTEN_VOTE'>;
  recusals: { memberId: string; dossierId: string; reason: string; detail?: string }[];
  tallies: ItemTally[] | null;
  minutes: string | null;
  convenedBy: string;
  convenedAt: string;
  closedAt: string | null;
  decisionNumber: string | null;
  decision: SessionDecision | null;
  version: number;
}

export interface ItemTally {
  dossierId: string;
  ballot: 'OPEN' | 'SECRET';
  members: number;
  present: number;
  approvals: number;
  rejections: number;
  recused: number;
  undeposited: number;
  quorumMet: boolean;
  passed: boolean;
}

export interface SessionDecision {
  sessionId?: string;
  number: string;
  authority: string;
  year: number;
  signerId: string;
  signedOn: string;
  legalBasis: string[];
  dossierIds: string[];
  refused: { dossierId: string; reason: string }[];
}

/** One event of the session's stream (GET /api/council-sessions/:id/history): a secret ballot holds only THAT a member took part. */
export interface SessionHistoryEntry {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  actor: { userId: string; role: string };
  occurredAt: string;
}

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
