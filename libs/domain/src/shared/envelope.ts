/**
 * An event as the event table stores it: the business event (type + data) plus its stream (`dossierId` is the stream
 * id: a dossier, a council session, a decision register or a round), its place, who, when, under which rules and for
 * which request. One shape for every stream kind.
 */
export interface Envelope<E extends { type: string; data: unknown }> {
  dossierId: string;
  seq: number;
  type: E['type'];
  data: E['data'];
  actorId: string;
  actorRole: string;
  onBehalfOf?: string;
  occurredAt: string;
  ruleSetVersion: string | null;
  requestId: string;
}
