/**
 * Reconcile the event table with the workflows after the app database was restored to an earlier point than
 * Temporal's store (README "Backup and restore"). A workflow's history holds, as the inputs of its completed append
 * activities, every event it appended (the envelopes, with their seq, actor, time and request id) and, as the inputs
 * and results of its completed allocateDecisionNumber activities, every number it was given. For each workflow this
 * reads them back (through the payload codec) and compares them with the stream:
 *   - events the workflow appended that the table lost (its stream ends before them) are appended again, batch by
 *     batch as they were appended, through the event store: same content, so the same hashes, and the read models
 *     are projected as on the live path; a decision number the register lost is allocated again under its key;
 *   - what it cannot repair is listed for a person: an event at the same seq with another request id (the table went
 *     on differently), a stream longer than the workflow knows (Temporal's store restored to an earlier point than
 *     the table), a number that comes back different (another dossier took it after the restore).
 * Appending the lost tail also unblocks the workflow: its next append (refused meanwhile as a gap) is retried and
 * lands. Dry run by default: `apply` appends.
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { decodeArrayFromPayloads, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import type { temporal } from '@temporalio/proto';
import { currentEnvelope, type RecordedEnvelope, type StoredEnvelope } from '@tdkt/domain';
import type { DecisionNumbers, EventStore } from '@tdkt/persistence';

/** The activities that append a workflow's events (dossier, revocation, central stage; session; block year). */
export const APPEND_ACTIVITIES = new Set(['appendEvents', 'appendSessionEvents', 'appendBlockYearEvents']);
const ALLOCATE_ACTIVITY = 'allocateDecisionNumber';

export type ReconcileIssue =
  | { kind: 'DIVERGED'; streamId: string; seq: number; workflowId: string; message: string }
  | {
      kind: 'TABLE_AHEAD';
      streamId: string;
      tableSeq: number;
      workflowSeq: number;
      workflowId: string;
      message: string;
    }
  | {
      kind: 'DECISION_NUMBER_MISMATCH';
      dossierId: string;
      workflowId: string;
      expected: string;
      allocated: string;
      message: string;
    }
  | { kind: 'HISTORY_UNREADABLE'; workflowId: string; message: string };

export interface StreamRepair {
  streamId: string;
  workflowId: string;
  /** The stream's last seq in the table before the repair, and the workflow's. */
  tableSeq: number;
  workflowSeq: number;
  /** Events appended again (or that would be, in a dry run). */
  events: number;
}

export interface ReconcileReport {
  apply: boolean;
  workflows: number;
  streams: number;
  repaired: StreamRepair[];
  /** Decision numbers the workflows were given, allocated again under their keys (idempotent; only when applying). */
  numbersChecked: number;
  needsPerson: ReconcileIssue[];
}

interface AllocationCall {
  input: Parameters<DecisionNumbers['allocate']>[0];
  number: string;
}

interface WorkflowAppends {
  workflowId: string;
  batches: StoredEnvelope[][];
  allocations: AllocationCall[];
}

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const idOf = (v: unknown): string => String(v ?? '');

/** The completed append and allocation activities of one history, decoded, in the order they were scheduled. */
export async function appendsOf(
  history: { events?: HistoryEvent[] | null },
  converter: DataConverter | undefined,
  workflowId: string,
): Promise<WorkflowAppends> {
  const loaded = loadDataConverter(converter);
  const events = history.events ?? [];
  const completed = new Map<string, HistoryEvent>();
  for (const e of events) {
    const done = e.activityTaskCompletedEventAttributes;
    if (done) completed.set(idOf(done.scheduledEventId), e);
  }
  const out: WorkflowAppends = { workflowId, batches: [], allocations: [] };
  for (const e of events) {
    const scheduled = e.activityTaskScheduledEventAttributes;
    const name = scheduled?.activityType?.name ?? '';
    if (!scheduled || !(APPEND_ACTIVITIES.has(name) || name === ALLOCATE_ACTIVITY)) continue;
    const done = completed.get(idOf(e.eventId));
    if (!done) continue; // failed, timed out or still running: it appended nothing the workflow evolved from
    const [input] = await decodeArrayFromPayloads(loaded, scheduled.input?.payloads);
    if (name === ALLOCATE_ACTIVITY) {
      const [result] = await decodeArrayFromPayloads(
        loaded,
        done.activityTaskCompletedEventAttributes?.result?.payloads,
      );
      out.allocations.push({ input: input as AllocationCall['input'], number: (result as { number: string }).number });
    } else if (Array.isArray(input) && input.length > 0) {
      // A history recorded before the rename carries `dossierId`: read it in today's shape.
      out.batches.push((input as RecordedEnvelope<StoredEnvelope>[]).map((e) => currentEnvelope(e)));
    }
  }
  return out;
}

export interface ReconcileOptions {
  apply: boolean;
  /** Which workflows: a visibility query; default every running one. */
  query?: string;
  /** Called after each workflow, for a job's progress. */
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

export async function reconcile(
  deps: { temporal: Client; dataConverter?: DataConverter; events: EventStore; decisionNumbers: DecisionNumbers },
  options: ReconcileOptions,
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    apply: options.apply,
    workflows: 0,
    streams: 0,
    repaired: [],
    numbersChecked: 0,
    needsPerson: [],
  };
  // Every append of every stream the listed workflows wrote (a dossier's stream is written by its own workflow, its
  // central stage and its revocation), grouped by stream and ordered by seq.
  const byStream = new Map<string, { workflowId: string; batch: StoredEnvelope[] }[]>();
  const allocations: { workflowId: string; call: AllocationCall }[] = [];
  const listed: WorkflowExecutionInfo[] = [];
  for await (const wf of deps.temporal.workflow.list({ query: options.query ?? 'ExecutionStatus = "Running"' }))
    listed.push(wf);
  for (const wf of listed) {
    report.workflows++;
    try {
      const history = await deps.temporal.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      const found = await appendsOf(history, deps.dataConverter, wf.workflowId);
      for (const batch of found.batches) {
        const list = byStream.get(batch[0].streamId) ?? [];
        list.push({ workflowId: wf.workflowId, batch });
        byStream.set(batch[0].streamId, list);
      }
      allocations.push(...found.allocations.map((call) => ({ workflowId: wf.workflowId, call })));
    } catch (e) {
      report.needsPerson.push({
        kind: 'HISTORY_UNREADABLE',
        workflowId: wf.workflowId,
        message: `history not read: ${e instanceof Error ? e.name : 'error'}`,
      });
    }
    await options.onProgress?.(report.workflows, listed.length);
  }

  for (const [streamId, appends] of byStream) {
    report.streams++;
    appends.sort((a, b) => a.batch[0].seq - b.batch[0].seq);
    const stored = await deps.events.readStream(streamId);
    const tableSeq = stored.length ? stored[stored.length - 1].seq : 0;
    const last = appends[appends.length - 1];
    const workflowSeq = last.batch[last.batch.length - 1].seq;
    // Events both sides hold must be the same ones (same request id at the same seq).
    const bySeq = new Map(stored.map((e) => [e.seq, e]));
    const diverged = appends
      .flatMap((a) => a.batch.map((e) => ({ a, e })))
      .find(({ e }) => bySeq.has(e.seq) && bySeq.get(e.seq)?.requestId !== e.requestId);
    if (diverged) {
      report.needsPerson.push({
        kind: 'DIVERGED',
        streamId,
        seq: diverged.e.seq,
        workflowId: diverged.a.workflowId,
        message: `event ${diverged.e.seq} in the table comes from another request than the workflow's: the stream went on differently after the restore`,
      });
      continue;
    }
    if (tableSeq > workflowSeq) {
      report.needsPerson.push({
        kind: 'TABLE_AHEAD',
        streamId,
        tableSeq,
        workflowSeq,
        workflowId: last.workflowId,
        message: `the table holds events up to ${tableSeq}, the workflow knows ${workflowSeq}: Temporal's store is older than the table`,
      });
      continue;
    }
    const missing = appends.filter((a) => a.batch[0].seq > tableSeq);
    if (missing.length === 0) continue;
    if (options.apply) for (const { batch } of missing) await deps.events.append(batch);
    report.repaired.push({
      streamId,
      workflowId: last.workflowId,
      tableSeq,
      workflowSeq,
      events: missing.reduce((n, a) => n + a.batch.length, 0),
    });
  }

  // Then the decision register: a lost allocation is made again under its key (after the events, whose dossier rows
  // name the province whose series it is); a different number means another decision took it since the restore.
  for (const { workflowId, call } of allocations) {
    if (!options.apply) continue;
    const again = await deps.decisionNumbers.allocate(call.input);
    report.numbersChecked++;
    if (again.number !== call.number)
      report.needsPerson.push({
        kind: 'DECISION_NUMBER_MISMATCH',
        dossierId: call.input.dossierId,
        workflowId,
        expected: call.number,
        allocated: again.number,
        message: `the workflow was given ${call.number}; after the restore the register gives ${again.number} (another decision took it): a person voids one`,
      });
  }
  return report;
}
