import { allHandlersFinished, condition, log, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  envelopeEvents,
  decideSession,
  endOfDayInVietnam,
  initialSessionState,
  evolveSessionAll,
  SYSTEM_ACTOR,
  type CommandContext,
  type SessionCommand,
  type SessionDecision,
  type SessionEnvelope,
  type SessionState,
} from '@tdkt/domain';
import { failure, refusingUnstorable } from './command-runner';
import {
  sessionCommandUpdate,
  sessionDecisionUpdate,
  sessionStateQuery,
  type SessionActivities,
  type SessionCommandRequest,
  type SessionDecisionRequest,
} from './council-messages';
import { serializer } from './serialized';

const acts = proxyActivities<SessionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
/** How long a closed session with passed dossiers stays open for its decision; after that, dossiers are decided one by one. */
export const AWAIT_DECISION_FOR = '90 days';

/**
 * One workflow per council session (phiên họp Hội đồng TĐKT): convene with an agenda (each dossier is put on it
 * through its own workflow), record attendance, recusals and votes, close at the chair's word or at the deadline,
 * count the secret-ballot box, and send each dossier its result. The rules live in libs/domain/src/council/session.ts.
 */
export async function councilSessionWorkflow(input: { sessionId: string }): Promise<SessionState> {
  let state = initialSessionState(input.sessionId);
  const serialized = serializer();
  const ctxOf = (req: SessionCommandRequest): CommandContext => ({ actor: req.actor, now: Date.now() });
  const forValidation = (c: SessionCommand): SessionCommand =>
    c.type === 'CloseSession' ? { type: 'CloseSession', data: { secretBallots: {} } } : c;

  const apply = async (req: SessionCommandRequest, command: SessionCommand): Promise<void> => {
    const decision = decideSession(state, command, ctxOf(req));
    if (!decision.ok) throw failure(decision.rejection);
    const occurredAt = new Date(Date.now()).toISOString();
    const envelopes: SessionEnvelope[] = envelopeEvents(state.sessionId, state.seq, decision.value, {
      actor: req.actor,
      occurredAt,
      requestId: req.requestId,
    });
    await refusingUnstorable(acts.appendSessionEvents(envelopes));
    state = evolveSessionAll(state, decision.value);
  };

  // decide() runs in the validator and once in apply(); closing checks once more before it counts the box (an
  // activity), and apply() decides with the counted ballots, as a signature decides with its allocated number.
  const execute = async (req: SessionCommandRequest): Promise<SessionState> => {
    if (req.command.type === 'CloseSession') {
      const check = decideSession(state, forValidation(req.command), ctxOf(req));
      if (!check.ok) throw failure(check.rejection);
      const secretBallots = await acts.countSecretBallots(state.sessionId);
      await apply(req, { type: 'CloseSession', data: { secretBallots } });
      await acts.sealBallotBox(state.sessionId);
      for (const tally of state.tallies ?? []) {
        const sent = await acts.recordDossierResult({ sessionId: state.sessionId, dossierId: tally.dossierId, tally });
        if (!sent.ok)
          log.warn('dossier refused the session result', { dossierId: tally.dossierId, reason: sent.reason });
      }
      return state;
    }
    await apply(req, req.command);
    if (req.command.type === 'ConveneSession') {
      for (const item of [...state.agenda]) {
        const scheduled = await acts.scheduleDossier({
          sessionId: state.sessionId,
          dossierId: item.dossierId,
          members: state.members.map((m) => m.userId),
          convener: req.actor,
        });
        if (!scheduled.ok)
          await apply(
            { ...req, actor: SYSTEM_ACTOR, requestId: `${req.requestId}:drop:${item.dossierId}` },
            { type: 'DropAgendaItem', data: { dossierId: item.dossierId, reason: scheduled.reason } },
          );
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

  /**
   * One decision (one number) for many dossiers of the closed session: each listed dossier takes DecideDossier through
   * its own workflow (its stream records the award, signer, date, basis and its own chain head); the first to take it
   * allocates the number under the session's key, the others get the same one. Refusals are reported, not fatal.
   */
  const placeholderDecision = (req: SessionDecisionRequest): SessionCommand => ({
    type: 'RecordSessionDecision',
    data: {
      number: '-',
      authority: '-',
      year: 0,
      signerId: req.actor.userId,
      signedOn: '-',
      legalBasis: [],
      dossierIds: [],
      refused: [],
    },
  });
  const asCommand = (req: SessionDecisionRequest, command: SessionCommand): SessionCommandRequest => ({
    command,
    actor: req.actor,
    requestId: req.requestId,
  });
  const issueDecision = async (req: SessionDecisionRequest): Promise<SessionDecision> => {
    const check = decideSession(state, placeholderDecision(req), ctxOf(asCommand(req, placeholderDecision(req))));
    if (!check.ok) throw failure(check.rejection);
    const onAgenda = new Set((state.tallies ?? []).map((t) => t.dossierId));
    const listed = [...new Set(req.dossierIds ?? (state.tallies ?? []).map((t) => t.dossierId))];
    const refused = listed
      .filter((id) => !onAgenda.has(id))
      .map((dossierId) => ({ dossierId, reason: "Not on this session's agenda" }));
    const awarded: string[] = [];
    let issued: SessionDecision | undefined;
    for (const dossierId of listed.filter((id) => onAgenda.has(id))) {
      const result = await acts.decideSessionDossier({
        sessionId: state.sessionId,
        dossierId,
        actor: req.actor,
        ...(req.legalBasis?.length ? { legalBasis: req.legalBasis } : {}),
      });
      if (!result.ok) {
        refused.push({ dossierId, reason: result.reason });
        continue;
      }
      awarded.push(dossierId);
      const d = result.decision;
      issued ??= {
        number: d.number,
        authority: d.authority,
        year: d.year,
        signerId: d.signerId,
        signedOn: d.signedOn,
        legalBasis: d.legalBasis,
        dossierIds: [],
        refused: [],
      };
    }
    if (!issued)
      throw failure({
        code: 'WRONG_STATE',
        rule: 'session.decision-dossiers',
        message: `No dossier of the session could take the decision: ${refused.map((r) => `${r.dossierId}: ${r.reason}`).join('; ')}`,
        details: { refused },
      });
    const command: SessionCommand = {
      type: 'RecordSessionDecision',
      data: { ...issued, dossierIds: awarded, refused },
    };
    await apply(asCommand(req, command), command);
    return { ...issued, dossierIds: awarded, refused };
  };
  setHandler(sessionDecisionUpdate, (req) => serialized(() => issueDecision(req)), {
    validator: (req) => {
      const check = decideSession(state, placeholderDecision(req), ctxOf(asCommand(req, placeholderDecision(req))));
      if (!check.ok) throw failure(check.rejection);
    },
  });

  if (!(await condition(() => state.status !== 'NEW', '1 day'))) return state;
  // The session closes itself at the end of its deadline day (Asia/Ho_Chi_Minh) unless the chair closed it before.
  const closedInTime = await condition(
    () => state.status === 'CLOSED',
    Math.max(1, endOfDayInVietnam(state.deadline) - Date.now()),
  );
  if (!closedInTime) {
    try {
      await serialized(() =>
        execute({
          command: { type: 'CloseSession', data: { secretBallots: {} } },
          actor: SYSTEM_ACTOR,
          requestId: `deadline:${state.sessionId}`,
        }),
      );
    } catch (e) {
      log.warn('closing at the deadline was refused', { error: String(e) });
    }
  }
  await condition(() => state.status === 'CLOSED' && allHandlersFinished());
  // A session with passed dossiers waits for its one decision (POST /api/council-sessions/:id/decision) a while.
  if ((state.tallies ?? []).some((t) => t.passed) && patched('session-decision')) {
    await condition(() => state.decision !== undefined, AWAIT_DECISION_FOR);
    await condition(allHandlersFinished);
  }
  return state;
}
