import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { AppConfig } from '@tdkt/config';
import { DOSSIER_STATUSES, revocationReaches, type Actor, type DossierStatus, type RevocationCommand } from '@tdkt/domain';
import { RecoveryTaskQueries, type DossierView, type RecoveryTaskRow } from '@tdkt/persistence';
import { revocationCommandUpdate, revocationWorkflowId, type RevocationRequest } from '@tdkt/workflows/src/messages';
import { CONFIG, TEMPORAL_CLIENT } from '../platform/tokens';
import { DossierCommandsService } from './dossier-commands.service';

/**
 * Revocation after the award (rule 34): scope checked on the read model, then a Temporal Update to the dossier's
 * revocation workflow (`revocation-<id>`), started if it is not running (a running one is reused, so a retried
 * request never starts two). The domain decides who may revoke and record, and what.
 */
@Injectable()
export class RevocationService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly dossiers: DossierCommandsService,
    private readonly recoveryTasks: RecoveryTaskQueries,
  ) {}

  async execute(actor: Actor, dossierId: string, command: RevocationCommand, idempotencyKey?: string): Promise<DossierView> {
    const current = await this.dossiers.visible(actor, dossierId);
    // Where the command reaches the revocation workflow (a retry of an applied one is answered there): the domain says.
    if (!revocationReaches(command.type, current.status as DossierStatus)) {
      const reaches = DOSSIER_STATUSES.filter((s) => revocationReaches(command.type, s));
      throw new ConflictException(`${command.type} is not possible while the dossier is ${current.status}; expected ${reaches.join(' or ')}`);
    }
    const requestId = idempotencyKey ? `${actor.userId}:${idempotencyKey}` : randomUUID();
    const handle = await this.temporal.workflow.start('revocationWorkflow', {
      workflowId: revocationWorkflowId(dossierId),
      taskQueue: this.config.temporal.taskQueue,
      args: [{ dossierId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    const request: RevocationRequest = { command, actor, requestId };
    await handle.executeUpdate(revocationCommandUpdate, { args: [request], updateId: requestId });
    return this.dossiers.mustFind(dossierId);
  }

  async tasks(actor: Actor, dossierId: string): Promise<RecoveryTaskRow[]> {
    await this.dossiers.visible(actor, dossierId);
    return this.recoveryTasks.forDossier(dossierId);
  }
}
