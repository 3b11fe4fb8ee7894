import { isSessionEventType } from '../council/session-types';
import { isRegisterEventType } from '../decision/register';
import { isRoundEventType } from '../round/round';

/**
 * What kind of stream an event belongs to. The event table holds dossiers, council sessions, decision registers and
 * thematic rounds side by side; each read model says which kinds it consumes, and the registry routes events by this.
 */
export type StreamKind = 'DOSSIER' | 'SESSION' | 'REGISTER' | 'ROUND';

export function streamKindOf(eventType: string): StreamKind {
  if (isSessionEventType(eventType)) return 'SESSION';
  if (isRegisterEventType(eventType)) return 'REGISTER';
  if (isRoundEventType(eventType)) return 'ROUND';
  return 'DOSSIER';
}
