import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  executeChild,
  patched,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { FINAL_STATUSES, findAward, initialDossierState, type CommandContext, type DossierState } from '@tdkt/domain';
import { centralStageWorkflow } from './central-stage.workflow';
import { WorkflowCalendar } from './calendar';
import { awaitNextDeadline, failure, LEAN_WRITE_PATH_PATCH, runCommand, validate } from './command-runner';
import {
  centralStageWorkflowId,
  dossierCommandUpdate,
  dossierStateQuery,
  outcomeOf,
  SA_AWARD,
  SA_LEVEL,
  SA_STAGE,
  SA_UNIT,
  type CommandOutcome,
  type CommandRequest,
  type DossierWorkflowInput,
} from './messages';
import { serializer } from './serialized';

export { failure };
export const ABANDON_UNCREATED_AFTER = '1 day';

/**
 * One workflow per dossier (hồ sơ). It orchestrates, the domain decides: every command is validated, decided,
 * appended to the event table (with the read models, in one transaction) and only then applied to the state.
 * A state-level dossier forwarded to the centre continues in the central-stage child workflow, which appends to the
 * same stream and hands the dossier back awarded or rejected.
 */
export async function dossierWorkflow(input: DossierWorkflowInput): Promise<CommandOutcome> {
  /**
   * Started on this code (the newest patch is recorded in the first task, before any command): every older patch
   * applies without asking for it, so a new dossier's history holds one patch marker and one TemporalChangeVersion
   * upsert instead of four of each. A history recorded before asks each patch where it did.
   */
  const lean = patched(LEAN_WRITE_PATH_PATCH);
  const since = (patch: string) => lean || patched(patch);
  let state = initialDossierState(input.dossierId);
  /** Hash of the last event appended, as the event store reported it. */
  let chainHead: string | undefined;
  const serialized = serializer();
  const calendar = new WorkflowCalendar();
  const contextOf = (req: CommandRequest): CommandContext => ({
    actor: req.actor,
    now: Date.now(),
    calendar: calendar.for(req),
  });

  const execute = async (req: CommandRequest): Promise<DossierState> => {
    calendar.adopt(req);
    // Histories recorded before submission checked completeness and eligibility replay without the checks.
    // Histories recorded before the rule set listed the posted awards posted every state-level award.
    const ctx =
      req.command.type === 'SubmitDossier' && !since('submission-checks')
        ? { ...contextOf(req), legacySubmission: true }
        : req.command.type === 'OpenPublicPosting' && !since('posting-list')
          ? { ...contextOf(req), legacyPostingForEveryStateAward: true }
          : contextOf(req);
    ({ state, chainHead } = await runCommand(state, chainHead, req, ctx));
    indexSearchAttributes();
    return state;
  };
  /** The values last indexed: a command that leaves stage, award and unit as they were upserts nothing. */
  let indexed: string | undefined;
  /** Each attribute as last upserted: after the first upsert, only the ones a command changed are sent. */
  const upserted = new Map<string, string>();
  const indexSearchAttributes = () => {
    if (input.indexSearchAttributes) {
      const values = `${state.status}|${state.awardCode}|${state.unitCode}`;
      // Histories recorded before upserted after every command; they replay that way.
      if (since('search-attributes-on-change')) {
        if (values === indexed) return;
        indexed = values;
      }
      const attributes = [
        { key: SA_STAGE, value: state.status },
        { key: SA_AWARD, value: state.awardCode },
        { key: SA_UNIT, value: state.unitCode },
        { key: SA_LEVEL, value: findAward(state.awardCode)?.level ?? 'UNKNOWN' },
      ];
      // Temporal merges an upsert into the attributes already set; histories recorded before sent all four each time.
      const changed = lean ? attributes.filter(({ key, value }) => upserted.get(key.name) !== value) : attributes;
      for (const { key, value } of changed) upserted.set(key.name, value);
      if (changed.length) upsertSearchAttributes(changed);
    }
  };

  setHandler(dossierCommandUpdate, (req) => serialized(async () => outcomeOf(await execute(req))), {
    validator: (req) => validate(state, req.command, contextOf(req)),
  });
  setHandler(dossierStateQuery, () => state);

  // A workflow started for a create that was never accepted (the client gave up) closes itself after a day. The API
  // starts the workflow with its creating command (update-with-start): while that command runs, no timer is needed.
  // Histories recorded before started the timer at once and cancelled it when the create was accepted.
  if (lean) await condition(() => state.status !== 'NEW' || allHandlersFinished());
  if ((!lean || state.status === 'NEW') && !(await condition(() => state.status !== 'NEW', ABANDON_UNCREATED_AFTER)))
    return outcomeOf(state);
  const isFinal = () => FINAL_STATUSES.includes(state.status);
  if (since('deadline-timers')) {
    // Deadlines: sleep until the next one the domain names; a user command that changes the state first wins.
    while (!isFinal()) {
      if (state.status === 'FORWARDED_TO_CENTRE' && since('central-stage')) {
        // The centre's part (rules 3, 24, 25) runs as a child workflow on the same stream; it returns the outcome.
        const result = await executeChild(centralStageWorkflow, {
          workflowId: centralStageWorkflowId(state.dossierId),
          args: [{ state, ...(chainHead ? { chainHead } : {}) }],
        });
        ({ state, chainHead } = result);
        indexSearchAttributes();
        if (!isFinal())
          throw ApplicationFailure.create({
            type: 'CENTRAL_STAGE',
            message: `The central stage ended with the dossier ${state.status}`,
            nonRetryable: true,
          });
        continue;
      }
      await awaitNextDeadline(
        () => state,
        (req) => serialized(() => execute(req)),
        () => calendar.current(),
      );
    }
  }
  await condition(() => isFinal() && allHandlersFinished());
  // The outcome, not the state: the result stays in the history for good, and the state's parts and nominee need not.
  return outcomeOf(state);
}
