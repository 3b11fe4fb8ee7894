import { allHandlersFinished, condition, log, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  envelopeEvents,
  decideBlockYear,
  evolveBlockYearAll,
  initialBlockYearState,
  pendingBlockYearTimer,
  SYSTEM_ACTOR,
  type BlockYearContext,
  type BlockYearEnvelope,
  type BlockYearState,
} from '@tdkt/domain';
import { WorkflowCalendar } from './calendar';
import { failure, refusingUnstorable } from './command-runner';
import {
  blockYearCommandUpdate,
  blockYearStateQuery,
  type BlockYearCommandRequest,
  type EmulationActivities,
} from './emulation-messages';
import { serializer } from './serialized';

const acts = proxyActivities<EmulationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: ['ConcurrentAppendError'],
  },
});
/** A block year opened by nobody (the API's start was not followed by its opening) closes itself after a day. */
export const ABANDON_UNOPENED_AFTER = '1 day';

/**
 * One workflow per emulation block and year (khối thi đua, năm thi đua): it orchestrates the year on paper — opened,
 * template adopted and approved, pledges, self-assessment until its working-day deadline, cross-review, ranking,
 * proposals, closed — and the domain decides every step (libs/domain/src/emulation/block-year.ts). Each accepted
 * command is appended to the block year's stream (read models in the same transaction), then evolved.
 */
export async function blockYearWorkflow(input: { blockYearId: string }): Promise<BlockYearState> {
  let state = initialBlockYearState(input.blockYearId);
  const serialized = serializer();
  const calendar = new WorkflowCalendar();
  const ctxOf = (req: BlockYearCommandRequest): BlockYearContext => ({
    actor: req.actor,
    now: Date.now(),
    calendar: calendar.for(req),
  });

  const execute = async (req: BlockYearCommandRequest): Promise<BlockYearState> => {
    calendar.adopt(req);
    const decision = decideBlockYear(state, req.command, ctxOf(req));
    if (!decision.ok) throw failure(decision.rejection);
    const occurredAt = new Date(Date.now()).toISOString();
    const envelopes: BlockYearEnvelope[] = envelopeEvents(state.blockYearId, state.seq, decision.value, {
      actor: req.actor,
      occurredAt,
      requestId: req.requestId,
    });
    await refusingUnstorable(acts.appendBlockYearEvents(envelopes));
    state = evolveBlockYearAll(state, decision.value);
    return state;
  };

  setHandler(blockYearCommandUpdate, (req) => serialized(() => execute(req)), {
    validator: (req) => {
      const check = decideBlockYear(state, req.command, ctxOf(req));
      if (!check.ok) throw failure(check.rejection);
    },
  });
  setHandler(blockYearStateQuery, () => state);

  if (!(await condition(() => state.phase !== 'NEW', ABANDON_UNOPENED_AFTER))) return state;
  while (state.phase !== 'CLOSED') {
    // The one deadline the domain names (the self-assessment's); otherwise wait for the next command.
    const seqBefore = state.seq;
    const moved = () => state.seq !== seqBefore;
    const timer = pendingBlockYearTimer(state);
    if (!timer) {
      await condition(moved);
      continue;
    }
    if (await condition(moved, Math.max(1, timer.dueAt - Date.now()))) continue;
    try {
      await serialized(() =>
        execute({
          command: timer.command,
          actor: SYSTEM_ACTOR,
          requestId: `timer:${state.blockYearId}:${seqBefore}:${timer.command.type}`,
        }),
      );
    } catch (e) {
      log.warn('block-year deadline command refused', { command: timer.command.type, error: String(e) });
      await condition(moved);
    }
  }
  await condition(allHandlersFinished);
  return state;
}
