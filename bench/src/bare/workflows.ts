/**
 * The write bench's baseline (bench/src/writes.ts): a bare Temporal workflow of the product's shape — one per dossier,
 * the same 8 updates, each running one activity that inserts one row per event — and nothing else: no decider, no
 * hash chain, no read model, no search attribute, no timer, no payload codec. Only @temporalio/workflow imports here.
 */
import { allHandlersFinished, condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export const BARE_TASK_QUEUE_PREFIX = 'bench-bare';

/** One event as the product stored it (type and data), replayed by the baseline as a row of its own. */
export interface BareEvent {
  type: string;
  data: unknown;
}

export interface BareActivities {
  /** One transaction, one INSERT per event (seqs from `seq` + 1 on). */
  insertEvents(input: { streamId: string; seq: number; events: BareEvent[] }): Promise<void>;
}

/** One command: the events it appends; answers the stream's seq after it. */
export const bareCommand = defineUpdate<{ seq: number }, [BareEvent[]]>('bareCommand');

const { insertEvents } = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });

export async function bareDossierWorkflow(input: { streamId: string; commands: number }): Promise<number> {
  let seq = 0;
  let done = 0;
  setHandler(bareCommand, async (events) => {
    const from = seq;
    seq += events.length;
    await insertEvents({ streamId: input.streamId, seq: from, events });
    done++;
    return { seq };
  });
  await condition(() => done >= input.commands && allHandlersFinished());
  return seq;
}
