import { allHandlersFinished, ApplicationFailure, condition, log, patched, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  decide,
  decisionIssuer,
  envelop,
  FINAL_STATUSES,
  findAward,
  initialDossierState,
  pendingTimer,
  ruleSetByVersion,
  SYSTEM_ACTOR,
  vietnamDate,
  type CommandContext,
  type DossierCommand,
  type DossierState,
  type Rejection,
} from '@tdkt/domain';
import { dossierCommandUpdate, dossierStateQuery, SA_AWARD, SA_LEVEL, SA_STAGE, SA_UNIT, type CommandRequest, type DossierActivities, type DossierWorkflowInput } from './messages';

const { appendEvents, allocateDecisionNumber } = proxyActivities<DossierActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['ConcurrentAppendError'] },
});

export const ABANDON_UNCREATED_AFTER = '1 day';

/** A refused command as the failure the API maps to 403/409/422 (the rejection rides along in its details). */
export const failure = (r: Rejection) => ApplicationFailure.create({ type: r.code, message: r.message, details: [r], nonRetryable: true });

/** Validation runs decide() without side effects; a decision's number is allocated only once the command is accepted. */
const withPlaceholderNumber = (c: DossierCommand): DossierCommand =>
  c.type === 'DecideDossier' && c.data.approve ? { ...c, data: { ...c.data, allocated: { number: '0', authority: '-', year: 0 } } } : c;

/**
 * One workflow per dossier (hồ sơ). It orchestrates, the domain decides: every command is validated, decided,
 * appended to the event table (with the read models, in one transaction) and only then applied to the state.
 */
export async function dossierWorkflow(input: DossierWorkflowInput): Promise<DossierState> {
  let state = initialDossierState(input.dossierId);
  /** Hash of the last event appended, as the event store reported it. */
  let chainHead: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const contextOf = (req: CommandRequest): CommandContext => ({ actor: req.actor, now: Date.now() });

  const execute = async (req: CommandRequest): Promise<DossierState> => {
    // Histories recorded before submission checked completeness and eligibility replay without the checks.
    const ctx = req.command.type === 'SubmitDossier' && !patched('submission-checks') ? { ...contextOf(req), legacySubmission: true } : contextOf(req);
    let command = req.command;
    const check = decide(state, withPlaceholderNumber(command), ctx);
    if (!check.ok) throw failure(check.rejection);
    if (command.type === 'DecideDossier' && command.data.approve) {
      const ruleSet = ruleSetByVersion(state.ruleSetVersion ?? '');
      // The provincial chairman's series, or a unit head's own unit series for a grassroots award.
      const issuer = ruleSet && decisionIssuer(state, ruleSet);
      if (!issuer) throw ApplicationFailure.create({ type: 'RULE_VIOLATION', message: 'Award or rule set unknown', nonRetryable: true });
      const allocated = await allocateDecisionNumber({
        ...issuer,
        year: Number(vietnamDate(ctx.now).slice(0, 4)),
        dossierId: state.dossierId,
        requestId: req.requestId,
      });
      command = { ...command, data: { ...command.data, allocated, ...(chainHead ? { chainHead } : {}) } };
    }
    const decision = decide(state, command, ctx);
    if (!decision.ok) throw failure(decision.rejection);
    const { envelopes, next } = envelop(state, decision.value, { actor: req.actor, occurredAt: new Date(ctx.now).toISOString(), requestId: req.requestId });
    chainHead = (await appendEvents(envelopes)).headHash;
    state = next;
    if (input.indexSearchAttributes) {
      upsertSearchAttributes([
        { key: SA_STAGE, value: state.status },
        { key: SA_AWARD, value: state.awardCode },
        { key: SA_UNIT, value: state.unitCode },
        { key: SA_LEVEL, value: findAward(state.awardCode)?.level ?? 'UNKNOWN' },
      ]);
    }
    return state;
  };

  setHandler(dossierCommandUpdate, (req) => serialized(() => execute(req)), {
    validator: (req) => {
      const check = decide(state, withPlaceholderNumber(req.command), contextOf(req));
      if (!check.ok) throw failure(check.rejection);
    },
  });
  setHandler(dossierStateQuery, () => state);

  // A workflow started for a create that was never accepted (the client gave up) closes itself after a day.
  if (!(await condition(() => state.status !== 'NEW', ABANDON_UNCREATED_AFTER))) return state;
  const isFinal = () => FINAL_STATUSES.includes(state.status);
  if (patched('deadline-timers')) {
    // Deadlines: sleep until the next one the domain names; a user command that changes the state first wins.
    while (!isFinal()) {
      const seqBefore = state.seq;
      const timer = pendingTimer(state);
      if (!timer) {
        await condition(() => state.seq !== seqBefore || isFinal());
        continue;
      }
      if (await condition(() => state.seq !== seqBefore, Math.max(1, timer.dueAt - Date.now()))) continue;
      const request = { command: timer.command, actor: SYSTEM_ACTOR, requestId: `timer:${state.dossierId}:${seqBefore}:${timer.command.type}` };
      try {
        await serialized(() => execute(request));
      } catch (e) {
        // Refused (a user command got there first): wait for the state to move rather than retry the same timer.
        log.warn('deadline command refused', { command: timer.command.type, error: String(e) });
        await condition(() => state.seq !== seqBefore);
      }
    }
  }
  await condition(() => isFinal() && allHandlersFinished());
  return state;
}
