import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import {
  DOSSIER_STATUSES,
  revocationReaches,
  type Actor,
  type DossierStatus,
  type RevocationCommand,
  Refused,
} from '@tdkt/domain';
import { AwardFundQueries, RecoveryTaskQueries, type DossierView, type RecoveryTaskRow } from '@tdkt/persistence';
import type { RevocationRequest } from '@tdkt/workflows/src/messages';
import { DossierCommandsService } from './dossier-commands.service';

/**
 * Revocation after the award (rule 34): scope checked on the read model, then a Temporal Update to the dossier's
 * revocation workflow (`revocation-<id>`), started if it is not running (a running one is reused, so a retried
 * request never starts two). The domain decides who may revoke and record, and what.
 */
@Injectable()
export class RevocationService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly dossiers: DossierCommandsService,
    private readonly recoveryTasks: RecoveryTaskQueries,
    private readonly fund: AwardFundQueries,
  ) {}

  async execute(
    actor: Actor,
    dossierId: string,
    command: RevocationCommand,
    idempotencyKey?: string,
  ): Promise<DossierView> {
    const current = await this.dossiers.visible(actor, dossierId);
    // Where the command reaches the revocation workflow (a retry of an applied one is answered there): the domain says.
    if (!revocationReaches(command.type, current.status as DossierStatus)) {
      const reaches = DOSSIER_STATUSES.filter((s) => revocationReaches(command.type, s));
      throw Refused.conflict(
        `${command.type} is not possible while the dossier is ${current.status}; expected ${reaches.join(' or ')}`,
      );
    }
    const requestId = idempotencyKey ? `${actor.userId}:${idempotencyKey}` : randomUUID();
    const request: RevocationRequest = { command: await this.enrich(command, dossierId), actor, requestId };
    await this.workflows.revoke(dossierId, request);
    return this.dossiers.mustFind(dossierId);
  }

  /**
   * The bonus recovered is at most what was actually paid (Luật Điều 90): the award fund ledger's paid amount for the
   * dossier travels in the command (nothing paid, or no ledger line: 0), and the domain refuses more.
   */
  private async enrich(command: RevocationCommand, dossierId: string): Promise<RevocationCommand> {
    if (command.type !== 'RecordRecovery' || command.data.item !== 'BONUS' || command.data.amountVnd === undefined)
      return command;
    const paidVnd = (await this.fund.entry(dossierId))?.paidVnd ?? 0;
    return { ...command, data: { ...command.data, paidVnd } };
  }

  async tasks(actor: Actor, dossierId: string): Promise<RecoveryTaskRow[]> {
    await this.dossiers.visible(actor, dossierId);
    return this.recoveryTasks.forDossier(dossierId);
  }
}
