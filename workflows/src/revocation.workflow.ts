import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  commandTargetOf,
  decide,
  envelop,
  eventOf,
  evolveAll,
  initialDossierState,
  type CommandContext,
  type DossierState,
} from '@tdkt/domain';
import { failure, refusingUnstorable } from './command-runner';
import {
  outcomeOf,
  revocationCommandUpdate,
  revocationStateQuery,
  type RevocationActivities,
  type RevocationRequest,
  type RevocationWorkflowInput,
} from './messages';
import { serializer } from './serialized';

const { loadDossierEvents, appendEvents } = proxyActivities<RevocationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: ['ConcurrentAppendError'],
  },
});

/** A revocation that was started but never accepted (the request was refused or the client gave up) ends after a day. */
export const ABANDON_UNREVOKED_AFTER = '1 day';

/**
 * Revocation of an award after its dossier's workflow has ended (rule 34, Law Ch. VII), as a workflow of its own
 * (id `revocation-<dossierId>`). It rebuilds the dossier's state from the event table with the domain's evolve, then
 * reads like the route on paper: RevokeAward (→ AwardRevoked, RecoveryTasksOpened), RecordRecovery until both the award
 * objects and the bonus are recovered (→ RecoveryCompleted, CLOSED). Every event continues the same dossier stream,
 * so the hash chain goes on unbroken. The domain decides; this only orchestrates.
 */
export async function revocationWorkflow(input: RevocationWorkflowInput): Promise<DossierState> {
  let state = initialDossierState(input.dossierId);
  let loaded = false;
  const serialized = serializer();
  const contextOf = (req: RevocationRequest): CommandContext => ({ actor: req.actor, now: Date.now() });

  const execute = async (req: RevocationRequest): Promise<DossierState> => {
    // A request that arrived with the start waits for the stream to be loaded, then is decided like any other.
    await condition(() => loaded);
    const ctx = contextOf(req);
    const decision = decide(state, req.command, ctx);
    if (!decision.ok) throw failure(decision.rejection);
    const { envelopes, next } = envelop(state, decision.value, {
      actor: req.actor,
      occurredAt: new Date(ctx.now).toISOString(),
      requestId: req.requestId,
    });
    await refusingUnstorable(appendEvents(envelopes));
    state = next;
    return state;
  };

  setHandler(revocationCommandUpdate, (req) => serialized(async () => outcomeOf(await execute(req))), {
    validator: (req) => {
      if (!loaded) return;
      const check = decide(state, req.command, contextOf(req));
      if (!check.ok) throw failure(check.rejection);
    },
  });
  setHandler(revocationStateQuery, () => state);

  state = evolveAll(state, (await loadDossierEvents(input.dossierId)).map(eventOf));
  loaded = true;
  const finish = async () => {
    await condition(allHandlersFinished);
    return state;
  };
  // It carries on from an award to revoke, or a revocation whose recovery is still open: where the domain sends revocations.
  if (commandTargetOf(state.status) !== 'REVOCATION') return finish();
  if (state.status === 'AWARDED' && !(await condition(() => state.status !== 'AWARDED', ABANDON_UNREVOKED_AFTER)))
    return finish();
  await condition(() => state.status === 'CLOSED');
  return finish();
}
