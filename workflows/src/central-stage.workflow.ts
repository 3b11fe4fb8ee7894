import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { SYSTEM_ACTOR, type CommandContext, type DossierState, type DossierStatus } from '@tdkt/domain';
import { WorkflowCalendar } from './calendar';
import { awaitNextDeadline, runCommand, validate } from './command-runner';
import {
  dossierCommandUpdate,
  dossierStateQuery,
  outcomeOf,
  type CentralActivities,
  type CentralStageInput,
  type CentralStageResult,
  type CommandRequest,
} from './messages';
import { serializer } from './serialized';

const { forwardToCentre } = proxyActivities<CentralActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Where the central stage ends: the dossier goes back to its own workflow awarded or rejected. */
const OUTCOMES: readonly DossierStatus[] = ['AWARDED', 'REJECTED'];

/**
 * The central stage of a state-level award (rules 3, 24, 25), a child of the dossier's workflow (id `central-<id>`).
 * It hands the signed tờ trình to the centre through the central gateway (one activity, forwardToCentre), opens the
 * stage with the reference the centre gives, then takes the central actors' commands — the same update as the
 * dossier's workflow, sent here by the API while the dossier is at the centre: CENTRAL_APPRAISER appraises for the
 * Ministry of Home Affairs (hiệp y where required, supplement, accept, reject), the Ministry's public consultation
 * ends on its timer, CENTRAL_DECIDER records the Central Council standing committee, the Prime Minister's decision or
 * proposal, and the President's decision. Every event goes to the dossier's own stream (next seq, same hash chain).
 */
export async function centralStageWorkflow(input: CentralStageInput): Promise<CentralStageResult> {
  let { state, chainHead } = input;
  const serialized = serializer();
  const calendar = new WorkflowCalendar();
  const contextOf = (req: CommandRequest): CommandContext => ({
    actor: req.actor,
    now: Date.now(),
    calendar: calendar.for(req),
  });
  const execute = async (req: CommandRequest): Promise<DossierState> => {
    calendar.adopt(req);
    ({ state, chainHead } = await runCommand(state, chainHead, req, contextOf(req)));
    return state;
  };
  setHandler(dossierCommandUpdate, (req) => serialized(async () => outcomeOf(await execute(req))), {
    validator: (req) => validate(state, req.command, contextOf(req)),
  });
  setHandler(dossierStateQuery, () => state);

  if (state.status === 'FORWARDED_TO_CENTRE') {
    const { reference } = await forwardToCentre({
      dossierId: state.dossierId,
      awardCode: state.awardCode,
      proposalNumber: state.proposal?.number ?? '',
      nomineeName: state.nominee?.fullName ?? '',
      requestId: `central:${state.dossierId}:forward`,
    });
    await serialized(() =>
      execute({
        command: { type: 'OpenCentralStage', data: { reference } },
        actor: SYSTEM_ACTOR,
        requestId: `central:${state.dossierId}:open`,
      }),
    );
  }

  const isOver = () => OUTCOMES.includes(state.status);
  while (!isOver())
    await awaitNextDeadline(
      () => state,
      (req) => serialized(() => execute(req)),
      () => calendar.current(),
    );
  await condition(allHandlersFinished);
  return { state, ...(chainHead ? { chainHead } : {}) };
}
