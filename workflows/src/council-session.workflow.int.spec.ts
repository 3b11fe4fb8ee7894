/**
 * The council session workflow on Temporal's Java test server with time skipping: a session nobody closes closes
 * itself at the end of its deadline day, counts what was cast, and sends the dossier its result — here no quorum,
 * so the dossier goes back to the secretariat.
 */
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import {
  councilRuleFor,
  exampleBkTinhContent,
  RULE_SET_2025,
  type Actor,
  type DossierCommand,
  type SessionCommand,
  type SessionState,
} from '@tdkt/domain';
import {
  councilSessionWorkflowId,
  sessionCommandUpdate,
  sessionDecisionUpdate,
  sessionStateQuery,
} from './council-messages';
import { dossierCommandUpdate, dossierStateQuery, dossierWorkflowId } from './messages';
import { actorOf, startTimeSkipping, type TimeSkippingWorld } from '../../test/support/time-skipping';
import { dataConverterFromEnv } from '@tdkt/platform';

let world: TimeSkippingWorld;
let env: TestWorkflowEnvironment;
let ds: DataSource;
let taskQueue: string;
beforeAll(async () => {
  world = await startTimeSkipping('session');
  ({ env, ds, taskQueue } = world);
}, 120_000);
afterAll(async () => world?.stop());

const who = actorOf;
const secretariat = who('SECRETARIAT_OFFICER', 's1');

async function dossierUnderAppraisal(): Promise<string> {
  const dossierId = randomUUID();
  const handle = await env.client.workflow.start('dossierWorkflow', {
    taskQueue,
    workflowId: dossierWorkflowId(dossierId),
    args: [{ dossierId }],
  });
  const send = (actor: Actor, command: DossierCommand) =>
    handle.executeUpdate(dossierCommandUpdate, { args: [{ actor, command, requestId: randomUUID() }] });
  const clerk = who('UNIT_CLERK', 'c1', 'SGDDT');
  await send(clerk, {
    type: 'CreateDossier',
    data: {
      awardCode: 'BK_TINH',
      unitCode: 'SGDDT',
      title: 'Bằng khen',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
      achievements: 'Xuất sắc',
      ...exampleBkTinhContent(2025),
    },
  });
  await send(clerk, { type: 'SubmitDossier', data: {} });
  await send(who('UNIT_HEAD', 'h1', 'SGDDT'), { type: 'ApproveAtUnit', data: {} });
  return dossierId;
}

// Before the deadline test: that one lets the test server skip time far ahead.
it('the closed session takes one decision for its passed dossier through the dossier workflow, then ends; its history replays', async () => {
  const dossierId = await dossierUnderAppraisal();
  const sessionId = randomUUID();
  const session = await env.client.workflow.start('councilSessionWorkflow', {
    taskQueue,
    workflowId: councilSessionWorkflowId(sessionId),
    args: [{ sessionId }],
  });
  const send = (actor: Actor, command: SessionCommand) =>
    session.executeUpdate(sessionCommandUpdate, { args: [{ actor, command, requestId: randomUUID() }] });
  const today = new Date((await env.currentTimeMs()) + 7 * 3_600_000).toISOString().slice(0, 10);
  const deadline = new Date(Date.parse(today) + 3 * 86_400_000).toISOString().slice(0, 10);
  const members = ['m1', 'm2', 'm3'].map((userId) => ({ userId, fullName: userId, unitCode: null }));
  const agenda = [
    {
      dossierId,
      awardCode: 'BK_TINH',
      unitCode: 'SGDDT',
      nomineeName: 'Nguyễn Thị Lan',
      rule: councilRuleFor(RULE_SET_2025, 'BK_TINH'),
    },
  ];
  await send(secretariat, {
    type: 'ConveneSession',
    data: { title: 'Phiên họp', provinceCode: 'P', deadline, members, agenda },
  });
  for (const m of ['m1', 'm2', 'm3'])
    await send(secretariat, { type: 'RecordAttendance', data: { memberId: m, attendance: 'PRESENT' } });
  for (const m of ['m1', 'm2', 'm3'])
    await send(who('COUNCIL_MEMBER', m), { type: 'CastOpenVote', data: { dossierId, approve: true } });
  await send(secretariat, { type: 'CloseSession', data: { secretBallots: {} } });
  const dossier = env.client.workflow.getHandle(dossierWorkflowId(dossierId));
  expect((await dossier.query(dossierStateQuery)).status).toBe('AWAITING_DECISION');

  const chair = who('PROVINCIAL_DECIDER', 'chair');
  await expect(
    session.executeUpdate(sessionDecisionUpdate, { args: [{ actor: secretariat, requestId: randomUUID() }] }),
  ).rejects.toThrow();
  const decision = await session.executeUpdate(sessionDecisionUpdate, {
    args: [{ actor: chair, requestId: randomUUID(), dossierIds: [dossierId, 'not-on-agenda'] }],
  });
  expect(decision).toMatchObject({
    signerId: 'chair',
    dossierIds: [dossierId],
    refused: [{ dossierId: 'not-on-agenda', reason: "Not on this session's agenda" }],
  });
  const awarded = await dossier.query(dossierStateQuery);
  expect(awarded).toMatchObject({ status: 'AWARDED', decision: { number: decision.number, signerId: 'chair' } });
  expect((await session.query(sessionStateQuery)).decision?.number).toBe(decision.number);
  // The session ends once its decision is issued (polled: waiting on result() would let the test server skip time).
  for (let i = 0; i < 50 && (await session.describe()).status.name === 'RUNNING'; i++)
    await new Promise((r) => setTimeout(r, 100));
  expect((await session.describe()).status.name).toBe('COMPLETED');
  const history = await session.fetchHistory();
  await Worker.runReplayHistory(
    { workflowBundle: { codePath: process.env.TDKT_WORKFLOW_BUNDLE ?? '' }, dataConverter: dataConverterFromEnv() },
    history,
    session.workflowId,
  );
  if (process.env.TDKT_RECORD_HISTORIES)
    writeFileSync(
      join(__dirname, '__histories__', 'council-session-decision.history.bin'),
      temporal.api.history.v1.History.encode(history).finish(),
    );
}, 120_000);

it('a session nobody closes closes itself at the end of its deadline day; one member of three present is no quorum', async () => {
  const dossierId = await dossierUnderAppraisal();
  const sessionId = randomUUID();
  const session = await env.client.workflow.start('councilSessionWorkflow', {
    taskQueue,
    workflowId: councilSessionWorkflowId(sessionId),
    args: [{ sessionId }],
  });
  const send = (actor: Actor, command: SessionCommand) =>
    session.executeUpdate(sessionCommandUpdate, { args: [{ actor, command, requestId: randomUUID() }] });
  const today = new Date((await env.currentTimeMs()) + 7 * 3_600_000).toISOString().slice(0, 10);
  const deadline = new Date(Date.parse(today) + 3 * 86_400_000).toISOString().slice(0, 10);
  const members = ['m1', 'm2', 'm3'].map((userId) => ({ userId, fullName: userId, unitCode: null }));
  const agenda = [
    {
      dossierId,
      awardCode: 'BK_TINH',
      unitCode: 'SGDDT',
      nomineeName: 'Nguyễn Thị Lan',
      rule: councilRuleFor(RULE_SET_2025, 'BK_TINH'),
    },
  ];
  await send(secretariat, {
    type: 'ConveneSession',
    data: { title: 'Phiên họp', provinceCode: 'P', deadline, members, agenda },
  });
  expect((await env.client.workflow.getHandle(dossierWorkflowId(dossierId)).query(dossierStateQuery)).status).toBe(
    'COUNCIL_VOTING',
  );
  await send(secretariat, { type: 'RecordAttendance', data: { memberId: 'm1', attendance: 'PRESENT' } });
  await send(who('COUNCIL_MEMBER', 'm1'), { type: 'CastOpenVote', data: { dossierId, approve: true } });

  // The result arrives only once the deadline day is over: the test server skips the days in between.
  const closed = (await session.result()) as SessionState;
  expect(closed.status).toBe('CLOSED');
  expect(closed.tallies?.[0]).toMatchObject({ members: 3, present: 1, approvals: 1, quorumMet: false, passed: false });
  expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(Date.parse(`${deadline}T00:00:00+07:00`) + 86_400_000);
  const dossier = await env.client.workflow.getHandle(dossierWorkflowId(dossierId)).query(dossierStateQuery);
  expect(dossier.status).toBe('APPRAISAL');
  const events = (await ds.query(`SELECT type, actor_role FROM dossier_event WHERE stream_id = $1 ORDER BY seq`, [
    sessionId,
  ])) as { type: string; actor_role: string }[];
  expect(events.find((e) => e.type === 'SessionClosed')?.actor_role).toBe('SYSTEM');
});
