import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  decideNomineePriority,
  evolveNomineePriority,
  vietnamDate,
  type Actor,
  type NomineePriority,
  type NomineePriorityEvent,
  type NomineePriorityState,
  Refused,
} from '@tdkt/domain';
import { EventStore, NomineePriorityQueries, type NomineePriorityRow } from '@tdkt/persistence';
import { appendDecided } from '../platform/stream-append';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';

/** The priority stream's id: derived from the dossier's, so a dossier has one. */
export function priorityStreamIdOf(dossierId: string): string {
  const h = createHash('sha256').update(`nominee-priority:${dossierId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type PriorityView = NomineePriority & {
  dossierId: string;
  recordedBy: string | null;
  recordedAt: string | null;
};
const toView = (dossierId: string, row: NomineePriorityRow | undefined): PriorityView =>
  row ? { ...row } : { dossierId, recordedBy: null, recordedAt: null };

/**
 * A nominee's optional priority facts: their own stream per dossier, appended by the API (no workflow, no Temporal
 * payload, no search attribute). Who may see the dossier may read them; its unit or the secretariat record them.
 */
@Injectable()
export class PriorityService {
  constructor(
    private readonly events: EventStore,
    private readonly priorities: NomineePriorityQueries,
    private readonly dossiers: DossierCommandsService,
  ) {}

  async get(actor: Actor, dossierId: string): Promise<PriorityView> {
    await this.dossiers.visible(actor, dossierId);
    return toView(dossierId, await this.priorities.forDossier(dossierId));
  }

  async record(actor: Actor, dossierId: string, priority: NomineePriority): Promise<PriorityView> {
    const dossier = await this.dossiers.visible(actor, dossierId);
    const streamId = priorityStreamIdOf(dossierId);
    const stream = await this.events.readStream(streamId);
    const state = stream.reduce<NomineePriorityState>(
      (s, e) => evolveNomineePriority(s, { type: e.type, data: e.data } as NomineePriorityEvent),
      { dossierId },
    );
    const decision = decideNomineePriority(state, priority, {
      actor,
      today: vietnamDate(Date.now()),
      dossier: { dossierId, unitCode: dossier.unitCode, nomineeKind: dossier.nomineeKind },
    });
    if (!decision.ok) throw Refused.of(decision.rejection);
    if (decision.value.length)
      await appendDecided(this.events, streamId, stream, decision.value, actor, {
        rule: 'priority.concurrent-change',
        message: 'Recorded meanwhile by someone else; reload and try again',
      });
    return toView(dossierId, await this.priorities.forDossier(dossierId));
  }
}
