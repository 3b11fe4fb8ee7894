import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  log,
  patched,
  proxyActivities,
  sleep,
} from '@temporalio/workflow';
import {
  decide,
  decisionIssuer,
  envelop,
  proposalIssuer,
  ruleSetOf,
  vietnamDate,
  type CommandContext,
  type DossierCommand,
  type DossierState,
  type HolidayCalendar,
  type Rejection,
  pendingTimer,
  SYSTEM_ACTOR,
} from '@tdkt/domain';
import { UNSTORABLE_DATA, type CommandRequest, type DossierActivities } from './messages';

const { appendEvents, allocateDecisionNumber } = proxyActivities<DossierActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: ['ConcurrentAppendError'],
  },
});

/** A refused command as the failure the API maps to 403/409/422 (the rejection rides along in its details). */
export const failure = (r: Rejection) =>
  ApplicationFailure.create({ type: r.code, message: r.message, details: [r], nonRetryable: true });

/**
 * An activity that reports its data unstorable (a NUL character in a text field…) refuses the command like a rule:
 * nothing was written, the caller does not evolve the state, and the workflow goes on taking commands.
 */
export async function refusingUnstorable<T>(activity: Promise<T>): Promise<T> {
  try {
    return await activity;
  } catch (e) {
    if (e instanceof ActivityFailure && e.cause instanceof ApplicationFailure && e.cause.type === UNSTORABLE_DATA)
      throw failure({
        code: 'RULE_VIOLATION',
        rule: 'event-store.storable-data',
        message: `The command carries data the event store cannot store; nothing was written. ${e.cause.message}`,
      });
    throw e;
  }
}

/** Validation runs decide() without side effects; a number is allocated only once the command is accepted. */
export const withPlaceholderNumber = (c: DossierCommand): DossierCommand => {
  const placeholder = { number: '0', authority: '-', year: 0 };
  if ((c.type === 'DecideDossier' || c.type === 'SignProposal') && c.data.approve)
    return { ...c, data: { ...c.data, allocated: placeholder } } as DossierCommand;
  return c;
};

/** Throws the refusal, for the update validators of the dossier's workflows. */
export function validate(state: DossierState, command: DossierCommand, ctx: CommandContext): void {
  const check = decide(state, withPlaceholderNumber(command), ctx);
  if (!check.ok) throw failure(check.rejection);
}

/**
 * One command, the same way in every workflow of a dossier: decide, allocate the number a signature needs (the
 * decider's decision series, or the province's tờ trình series), decide again with it, append, evolve.
 */
export async function runCommand(
  state: DossierState,
  chainHead: string | undefined,
  req: CommandRequest,
  ctx: CommandContext,
): Promise<{ state: DossierState; chainHead?: string }> {
  let command = req.command;
  // The validator has decided the command against this state already; decide() runs again only once a number is allocated.
  let decision = decide(state, withPlaceholderNumber(command), ctx);
  if (!decision.ok) throw failure(decision.rejection);
  if ((command.type === 'DecideDossier' || command.type === 'SignProposal') && command.data.approve) {
    const ruleSet = ruleSetOf(state);
    // A decision takes its decider's series (chairman, unit, Prime Minister, President); a tờ trình the province's.
    const issuer =
      ruleSet && (command.type === 'SignProposal' ? proposalIssuer(ruleSet) : decisionIssuer(state, ruleSet));
    if (!issuer)
      throw ApplicationFailure.create({
        type: 'RULE_VIOLATION',
        message: 'Award or rule set unknown',
        nonRetryable: true,
      });
    const allocated = await refusingUnstorable(
      allocateDecisionNumber({
        ...issuer,
        year: Number(vietnamDate(ctx.now).slice(0, 4)),
        dossierId: state.dossierId,
        // A decision covering several dossiers (a council session's) shares one number: one allocation key for all.
        requestId: (command.type === 'DecideDossier' && command.data.numberRequestId) || req.requestId,
      }),
    );
    command =
      command.type === 'SignProposal'
        ? { ...command, data: { ...command.data, allocated } }
        : { ...command, data: { ...command.data, allocated, ...(chainHead ? { chainHead } : {}) } };
    decision = decide(state, command, ctx);
    if (!decision.ok) throw failure(decision.rejection);
  }
  const { envelopes, next } = envelop(state, decision.value, {
    actor: req.actor,
    occurredAt: new Date(ctx.now).toISOString(),
    requestId: req.requestId,
  });
  const appended = await refusingUnstorable(appendEvents(envelopes));
  return { state: next, chainHead: appended.headHash };
}

/**
 * The patch of the lean write path (issue 14): a deadline timer kept while commands leave its deadline as it was, no
 * abandonment timer while the creating command is in flight, search attributes upserted key by key. Histories
 * recorded before it replay the old way. One id for the three: each patch costs every new workflow a marker and an
 * upsert of TemporalChangeVersion in its history.
 */
export const LEAN_WRITE_PATH_PATCH = 'lean-write-path';

/**
 * One turn of a workflow's deadline loop: sleep until the next deadline the domain names (`pendingTimer`) unless a
 * command moves the state first, then issue the deadline's command as the SYSTEM actor through `run` (the same
 * decide → append → evolve path). `Date.now()` is Temporal's deterministic workflow clock. A command that moves the
 * state but leaves the same deadline (a council member's vote) keeps the timer running rather than cancelling it and
 * starting an equal one.
 */
export async function awaitNextDeadline(
  current: () => DossierState,
  run: (req: CommandRequest) => Promise<unknown>,
  calendar?: () => HolidayCalendar,
): Promise<void> {
  let seqBefore = current().seq;
  const moved = () => current().seq !== seqBefore;
  const timer = pendingTimer(current(), calendar?.());
  if (!timer) {
    await condition(moved);
    return;
  }
  // The timer in a scope of its own, so it can outlive a command; the same commands as condition(moved, timeout).
  let fired = false;
  const scope = new CancellationScope();
  void scope
    .run(() => sleep(Math.max(1, timer.dueAt - Date.now())))
    .then(
      () => (fired = true),
      () => undefined,
    );
  try {
    for (;;) {
      await condition(() => fired || moved());
      if (fired) break;
      const next = pendingTimer(current(), calendar?.());
      const same = next?.dueAt === timer.dueAt && next.command.type === timer.command.type;
      // Histories recorded before the patch cancelled the timer here and started an equal one.
      if (!same || !patched(LEAN_WRITE_PATH_PATCH)) return;
      seqBefore = current().seq;
    }
  } finally {
    if (!fired) scope.cancel();
  }
  try {
    await run({
      command: timer.command,
      actor: SYSTEM_ACTOR,
      requestId: `timer:${current().dossierId}:${seqBefore}:${timer.command.type}`,
    });
  } catch (e) {
    // Refused (a user command got there first): wait for the state to move rather than retry the same timer.
    log.warn('deadline command refused', { command: timer.command.type, error: String(e) });
    await condition(moved);
  }
}
