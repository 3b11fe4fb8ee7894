/**
 * The one typed way into the workflows from outside them: the API's services and the worker's activities send every
 * command through here. It knows each workflow's id, start arguments, Update and Query, and the rule that a command's
 * request id is its Update id (so a retried request is answered once, by Temporal). What a refusal means is decided by
 * the error filter; what a command is, by the domain.
 */
import { WithStartWorkflowOperation, type Client, type WorkflowHandle } from '@temporalio/client';
import type { BlockYearState, CommandTarget, DossierState, SessionDecision, SessionState } from '@tdkt/domain';
import {
  blockYearCommandUpdate,
  blockYearStateQuery,
  blockYearWorkflowId,
  type BlockYearCommandRequest,
} from '@tdkt/workflows/src/emulation-messages';
import {
  councilSessionWorkflowId,
  sessionCommandUpdate,
  sessionDecisionUpdate,
  sessionStateQuery,
  type SessionCommandRequest,
  type SessionDecisionRequest,
} from '@tdkt/workflows/src/council-messages';
import {
  centralStageWorkflowId,
  dossierCommandUpdate,
  dossierStateQuery,
  dossierWorkflowId,
  revocationCommandUpdate,
  revocationWorkflowId,
  type CommandOutcome,
  type CommandRequest,
  type RevocationRequest,
} from '@tdkt/workflows/src/messages';

export interface WorkflowGatewayOptions {
  taskQueue: string;
  /** Whether dossier workflows index their stage, award, unit and level as search attributes. */
  searchAttributes?: boolean;
}

export class WorkflowGateway {
  constructor(
    private readonly client: Client,
    private readonly options: WorkflowGatewayOptions,
  ) {}

  /**
   * Starts a dossier's workflow with its creating command in one call (update-with-start: one round trip, and the
   * workflow's first task takes the command, so it starts no abandonment timer); a running one is reused, so a retried
   * create never starts two. A refused create ends the empty workflow when `abandon` says nothing was created.
   */
  async createDossier(
    dossierId: string,
    req: CommandRequest,
    abandon: (e: unknown) => Promise<boolean>,
  ): Promise<CommandOutcome> {
    const start = new WithStartWorkflowOperation('dossierWorkflow', {
      workflowId: dossierWorkflowId(dossierId),
      taskQueue: this.options.taskQueue,
      args: [{ dossierId, indexSearchAttributes: this.options.searchAttributes ?? false }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    try {
      return await this.client.workflow.executeUpdateWithStart(dossierCommandUpdate, {
        args: [req],
        updateId: req.requestId,
        startWorkflowOperation: start,
      });
    } catch (e) {
      if (await abandon(e)) {
        const handle = await start.workflowHandle().catch(() => undefined);
        await handle?.terminate('create refused').catch(() => undefined);
      }
      throw e;
    }
  }

  /** A command to the dossier's own workflow, or at the centre to its central-stage workflow (the domain names which). */
  commandDossier(
    dossierId: string,
    req: CommandRequest,
    target: Extract<CommandTarget, 'DOSSIER' | 'CENTRAL'> = 'DOSSIER',
  ): Promise<CommandOutcome> {
    return this.dossierHandle(dossierId, target).executeUpdate(dossierCommandUpdate, {
      args: [req],
      updateId: req.requestId,
    });
  }

  /**
   * Waits until an Update already sent to a dossier's workflow has finished (a retried request whose answer was lost);
   * false when Temporal no longer knows it (the workflow has ended, or the update was never admitted).
   */
  async awaitDossierUpdate(
    dossierId: string,
    updateId: string,
    target: Extract<CommandTarget, 'DOSSIER' | 'CENTRAL'> = 'DOSSIER',
  ): Promise<boolean> {
    try {
      await this.dossierHandle(dossierId, target).getUpdateHandle(updateId).result();
      return true;
    } catch {
      return false;
    }
  }

  dossierState(
    dossierId: string,
    target: Extract<CommandTarget, 'DOSSIER' | 'CENTRAL'> = 'DOSSIER',
  ): Promise<DossierState> {
    return this.dossierHandle(dossierId, target).query(dossierStateQuery);
  }

  /** A revocation command, starting the dossier's revocation workflow if none is running. */
  async revoke(dossierId: string, req: RevocationRequest): Promise<CommandOutcome> {
    const handle = await this.start('revocationWorkflow', revocationWorkflowId(dossierId), { dossierId });
    return handle.executeUpdate(revocationCommandUpdate, { args: [req], updateId: req.requestId });
  }

  /** Convenes a session: starts its workflow with the convening command; a refused convening ends the workflow. */
  async convene(sessionId: string, req: SessionCommandRequest): Promise<SessionState> {
    const handle = await this.start('councilSessionWorkflow', councilSessionWorkflowId(sessionId), { sessionId });
    try {
      return await handle.executeUpdate(sessionCommandUpdate, { args: [req], updateId: req.requestId });
    } catch (e) {
      await handle.terminate('convening refused').catch(() => undefined);
      throw e;
    }
  }

  commandSession(sessionId: string, req: SessionCommandRequest): Promise<SessionState> {
    return this.client.workflow
      .getHandle(councilSessionWorkflowId(sessionId))
      .executeUpdate(sessionCommandUpdate, { args: [req], updateId: req.requestId });
  }

  /** The session's decision; its Update id is scoped to the session, as the request id is the caller's. */
  decideSession(sessionId: string, req: SessionDecisionRequest): Promise<SessionDecision> {
    return this.client.workflow
      .getHandle(councilSessionWorkflowId(sessionId))
      .executeUpdate(sessionDecisionUpdate, { args: [req], updateId: `decision:${sessionId}:${req.requestId}` });
  }

  sessionState(sessionId: string): Promise<SessionState> {
    return this.client.workflow.getHandle(councilSessionWorkflowId(sessionId)).query(sessionStateQuery);
  }

  /** Opens a block's year: starts its workflow (reusing a running one) with the opening command. */
  async openBlockYear(blockYearId: string, req: BlockYearCommandRequest): Promise<BlockYearState> {
    const handle = await this.start('blockYearWorkflow', blockYearWorkflowId(blockYearId), { blockYearId });
    return handle.executeUpdate(blockYearCommandUpdate, { args: [req], updateId: req.requestId });
  }

  commandBlockYear(blockYearId: string, req: BlockYearCommandRequest): Promise<BlockYearState> {
    return this.client.workflow
      .getHandle(blockYearWorkflowId(blockYearId))
      .executeUpdate(blockYearCommandUpdate, { args: [req], updateId: req.requestId });
  }

  blockYearState(blockYearId: string): Promise<BlockYearState> {
    return this.client.workflow.getHandle(blockYearWorkflowId(blockYearId)).query(blockYearStateQuery);
  }

  private dossierHandle(dossierId: string, target: Extract<CommandTarget, 'DOSSIER' | 'CENTRAL'>): WorkflowHandle {
    return this.client.workflow.getHandle(
      target === 'CENTRAL' ? centralStageWorkflowId(dossierId) : dossierWorkflowId(dossierId),
    );
  }

  private start(workflowType: string, workflowId: string, input: object): Promise<WorkflowHandle> {
    return this.client.workflow.start(workflowType, {
      workflowId,
      taskQueue: this.options.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  }
}
