import { randomUUID } from 'node:crypto';
import { vietnamDate, type Actor, type Decision, type DirectoryEvent, type Rejection, Refused } from '@tdkt/domain';
import type { DirectoryAdmin } from '@tdkt/persistence';

/** A refusal as HTTP: a bad field is a 400 naming the field (`fields`), the rest as the one error map says. */
export function adminRefusal(r: Rejection): Refused {
  const field = typeof r.details?.field === 'string' ? r.details.field : undefined;
  if (r.code === 'INVALID' && field) return Refused.invalidField(field, r.message, r.rule);
  return Refused.of(r);
}

/** Appends what the domain decided to the entity's directory stream, or throws its refusal. */
export async function applyDirectoryDecision(
  admin: DirectoryAdmin,
  streamId: string,
  decision: Decision<DirectoryEvent[]>,
  actor: Actor,
): Promise<void> {
  if (!decision.ok) throw adminRefusal(decision.rejection);
  await admin.append(streamId, decision.value, actor, randomUUID());
}

/** Today in Asia/Ho_Chi_Minh: the default day a deactivation or a seat's end takes effect. */
export const today = () => vietnamDate(Date.now());
