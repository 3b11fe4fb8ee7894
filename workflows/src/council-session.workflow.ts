import { allHandlersFinished, ApplicationFailure, condition, log, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  decideSession,
  endOfDayInVietnam,
  initialSessionState,
  evolveSessionAll,
  SYSTEM_ACTOR,
  type CommandContext,
  type Rejection,
  type SessionCommand,
  type SessionEnvelope,
  type SessionState,
} from '@tdkt/domain';
import { sessionCommandUpdate, sessionStateQuery, type SessionActivities, type SessionCommandRequest } from './council-messages';

const acts = proxyActivities<SessionActivities>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '30 seconds' } });
const failure = (r: Rejection) => ApplicationFailure.create({ type: r.code, message: r.message, details: [r], nonRetryable: true });

/**
 * One workflow per council session (phiên họp Hội đồng TĐKT): convene with an agenda (each dossier is put on it
 * through its own workflow), record attendance, recusals and votes, close at the chair's word or at the deadline,
 * count the secret-ballot box, and send each dossier its result. The rules live in libs/domain/src/council/session.ts.
 */
export async function councilSessionWorkflow(input: { sessionId: string }): Promise<SessionState> {
  let state = initialSessionState(input.sessionId);
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const ctxOf = (req: SessionCommandRequest): CommandContext => ({ actor: req.actor, now: Date.now() });
  const forValidation = (c: SessionCommand): SessionCommand => (c.type === 'CloseSession' ? { type: 'CloseSession', data: { secretBallots: {} } } : c);

  const apply = async (req: SessionCommandRequest, command: SessionCommand): Promise<void> => {
    const decision = decideSession(state, command, ctxOf(req));
    if (!decision.ok) throw failure(decision.rejection);
    const occurredAt = new Date(Date.now()).toISOString();
    const envelopes: SessionEnvelope[] = decision.value.map((e, i) => ({
      dossierId: state.sessionId,
      seq: state.seq + i + 1,
      type: e.type,
      data: e.data,
      actorId: req.actor.userId,
      actorRole: req.actor.role,
      occurredAt,
      ruleSetVersion: null,
      requestId: req.requestId,
    }));
    await acts.appendSessionEvents(envelopes);
    state = evolveSessionAll(state, decision.value);
  };

  const execute = async (req: SessionCommandRequest): Promise<SessionState> => {
    const check = decideSession(state, forValidation(req.command), ctxOf(req));
    if (!check.ok) throw failure(check.rejection);
    if (req.command.type === 'CloseSession') {
      const secretBallots = await acts.countSecretBallots(state.sessionId);
      await apply(req, { type: 'CloseSession', data: { secretBallots } });
      await acts.sealBallotBox(state.sessionId);
      for (const tally of state.tallies ?? []) {
        const sent = await acts.recordDossierResult({ sessionId: state.sessionId, dossierId: tally.dossierId, tally });
        if (!sent.ok) log.warn('dossier refused the session result', { dossierId: tally.dossierId, reason: sent.reason });
      }
      return state;
    }
    await apply(req, req.command);
    if (req.command.type === 'ConveneSession') {
      for (const item of [...state.agenda]) {
        const scheduled = await acts.scheduleDossier({ sessionId: state.sessionId, dossierId: item.dossierId, members: state.members.map((m) => m.userId), convener: req.actor });
        if (!scheduled.ok)
          await apply({ ...req, actor: SYSTEM_ACTOR, requestId: `${req.requestId}:drop:${item.dossierId}` }, { type: 'DropAgendaItem', data: { dossierId: item.dossierId, reason: scheduled.reason } });
      }
    }
    return state;
  };

  setHandler(sessionCommandUpdate, (req) => serialized(() => execute(req)), {
    validator: (req) => {
      const check = decideSession(state, forValidation(req.command), ctxOf(req));
      if (!check.ok) throw failure(check.rejection);
    },
  });
  setHandler(sessionStateQuery, () => state);

  if (!(await condition(() => state.status !== 'NEW', '1 day'))) return state;
  // The session closes itself at the end of its deadline day (Asia/Ho_Chi_Minh) unless the chair closed it before.
  const closedInTime = await condition(() => state.status === 'CLOSED', Math.max(1, endOfDayInVietnam(state.deadline) - Date.now()));
  if (!closedInTime) {
    try {
      await serialized(() => execute({ command: { type: 'CloseSession', data: { secretBallots: {} } }, actor: SYSTEM_ACTOR, requestId: `deadline:${state.sessionId}` }));
    } catch (e) {
      log.warn('closing at the deadline was refused', { error: String(e) });
    }
  }
  await condition(() => state.status === 'CLOSED' && allHandlersFinished());
  return state;
}
