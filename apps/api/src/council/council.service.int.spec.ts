/**
 * CouncilService on the run's Postgres and Temporal dev server, without HTTP: the agenda it checks before convening
 * (every dossier known and at its council step, one province, each once), who may see a session, the secret ballot's
 * two steps, and the session's one decision — issued once, its retry answered, refused after the workflow has ended.
 */
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { councilSessionWorkflowId } from '@tdkt/workflows/src/council-messages';
import type { SessionCommand } from '@tdkt/domain';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import { CouncilService } from './council.service';
import {
  aBkTinh,
  aCstdTinh,
  driveDossier,
  evaluationYear,
  refusalOf,
  seedProvince,
  startServices,
  type Province,
  type ServiceWorld,
} from '../../../../test/support/services';

let world: ServiceWorld;
let council: CouncilService;
let commands: DossierCommandsService;
let p: Province;
let q: Province;

beforeAll(async () => {
  world = await startServices([DossierCommandsService, CouncilService]);
  council = world.module.get(CouncilService);
  commands = world.module.get(DossierCommandsService);
  p = await seedProvince(world.directory);
  q = await seedProvince(world.directory);
}, 120_000);
afterAll(async () => world?.stop());

/** Two dossiers at appraisal: the provincial route's council step. */
const atAppraisal = (province: Province) => driveDossier(commands, province, 2);
const deadline = `${evaluationYear + 3}-12-31`;
const convene = (dossierIds: string[]) =>
  council.convene(p.as.secretariat, { title: 'Phiên họp Hội đồng TĐKT', deadline, dossierIds });
const present = async (sessionId: string) => {
  for (const m of [p.as.member1, p.as.member2, p.as.chair])
    await council.run(p.as.secretariat, sessionId, {
      type: 'RecordAttendance',
      data: { memberId: m.userId, attendance: 'PRESENT' },
    });
};
const close: SessionCommand = { type: 'CloseSession', data: { secretBallots: {} } };
/** Waits for the session's workflow to end (after its decision, or at once when nothing passed). */
const ended = (sessionId: string) =>
  world.module.get(Client).workflow.getHandle(councilSessionWorkflowId(sessionId)).result();

describe('convening', () => {
  it('names every dossier that cannot go on the agenda, and convenes nothing', async () => {
    const unknown = randomUUID();
    const draft = (await commands.create(p.as.clerk, aBkTinh())).id;
    const ready = await atAppraisal(p);
    const refused = await refusalOf(convene([unknown, draft, ready]));
    expect(refused).toMatchObject({ by: 'service', code: 'INVALID' });
    expect(refused.fields).toEqual({
      dossierIds: [`${unknown}: no such dossier`, `${draft}: is DRAFT, not ready for the council`],
    });
    expect((await commands.mustFind(ready)).status).toBe('APPRAISAL');
  }, 60_000);

  it('refuses dossiers of two provinces, naming dossierIds, and leaves both at appraisal', async () => {
    const [mine, theirs] = [await atAppraisal(p), await atAppraisal(q)];
    const before = (await world.events.readStream(theirs)).length;
    const refused = await refusalOf(convene([mine, theirs]));
    expect(refused).toMatchObject({
      by: 'service',
      code: 'INVALID',
      fields: { dossierIds: ['all dossiers must belong to one province'] },
    });
    expect((await commands.mustFind(mine)).status).toBe('APPRAISAL');
    expect((await commands.mustFind(theirs)).status).toBe('APPRAISAL');
    expect(await world.events.readStream(theirs)).toHaveLength(before);
  }, 60_000);

  it('puts each dossier on the agenda once, with the province’s council and its award’s ballot', async () => {
    const [a, b] = [await atAppraisal(p), await atAppraisal(p)];
    const session = await convene([a, b, a]);
    expect(session).toMatchObject({ provinceCode: p.code, status: 'OPEN', convenedBy: p.as.secretariat.userId });
    expect(session.agenda.map((i) => [i.dossierId, i.awardCode, i.ballot])).toEqual([
      [a, 'BK_TINH', 'OPEN'],
      [b, 'BK_TINH', 'OPEN'],
    ]);
    expect(session.members.map((m) => m.userId).sort()).toEqual(
      [p.as.chair, p.as.member1, p.as.member2].map((m) => m.userId).sort(),
    );
    // Each dossier now waits for the session's vote.
    for (const id of [a, b]) expect((await commands.mustFind(id)).status).toBe('COUNCIL_VOTING');
    expect((await world.events.readStream(session.id))[0].type).toBe('SessionConvened');
  }, 60_000);
});

describe('a session', () => {
  let sessionId: string;
  let passed: string;
  let rejected: string;

  beforeAll(async () => {
    [passed, rejected] = [await atAppraisal(p), await atAppraisal(p)];
    sessionId = (await convene([passed, rejected])).id;
    await present(sessionId);
  }, 60_000);

  it('is seen by its members and the oversight roles of its province only', async () => {
    expect((await council.visible(p.as.member1, sessionId)).id).toBe(sessionId);
    expect((await council.visible(p.as.chairman, sessionId)).id).toBe(sessionId);
    expect(await refusalOf(council.visible(q.as.member1, sessionId))).toMatchObject({
      by: 'service',
      code: 'FORBIDDEN',
    });
    // Another province's chairman: an oversight role, but he signs for his own province only.
    expect(await refusalOf(council.visible(q.as.chairman, sessionId))).toMatchObject({
      by: 'service',
      code: 'FORBIDDEN',
    });
    expect((await council.list(q.as.chairman)).map((s) => s.id)).not.toContain(sessionId);
    expect((await council.list(p.as.member2)).map((s) => s.id)).toContain(sessionId);
    expect(await refusalOf(council.visible(p.as.member1, randomUUID()))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a vote on a dossier off its agenda, and takes the open votes', async () => {
    const elsewhere = randomUUID();
    expect(await refusalOf(council.vote(p.as.member1, sessionId, elsewhere, true))).toMatchObject({
      by: 'service',
      code: 'NOT_FOUND',
    });
    for (const m of [p.as.member1, p.as.member2, p.as.chair]) {
      expect(await council.vote(m, sessionId, passed, true)).toEqual({ sessionId, dossierId: passed, recorded: true });
      await council.vote(m, sessionId, rejected, false);
    }
    // The workflow refuses a second vote of the same member.
    expect(await refusalOf(council.vote(p.as.member1, sessionId, passed, false))).toMatchObject({
      by: 'workflow',
      code: 'WRONG_STATE',
      rule: 'session.votes-once',
    });
  }, 60_000);

  it('takes no decision while open; once closed, one decision for the passed dossier, its retry answered and a second refused', async () => {
    const open = await refusalOf(council.decide(p.as.chairman, sessionId, {}));
    expect(open).toMatchObject({ by: 'workflow', code: 'WRONG_STATE', rule: 'session.decision-after-close' });

    expect((await council.run(p.as.chair, sessionId, close)).status).toBe('CLOSED');
    const key = `session-decision-${randomUUID()}`;
    const decision = await council.decide(p.as.chairman, sessionId, {}, key);
    expect(decision).toMatchObject({ sessionId, dossierIds: [passed], signerId: p.as.chairman.userId });
    expect(decision.number).toMatch(/^\d+\/QĐ-/);
    expect(decision.refused.map((r) => r.dossierId)).toEqual([rejected]);
    expect(await commands.mustFind(passed)).toMatchObject({ status: 'AWARDED', decisionNumber: decision.number });
    expect((await commands.mustFind(rejected)).decisionNumber).toBeNull();

    // The workflow has ended: the service answers from the read model.
    await ended(sessionId);
    const retried = await council.decide(p.as.chairman, sessionId, {}, key);
    expect(retried).toMatchObject({ sessionId, number: decision.number, dossierIds: [passed] });
    const again = await refusalOf(council.decide(p.as.chairman, sessionId, {}, `another-${randomUUID()}`));
    expect(again).toMatchObject({ by: 'service', code: 'WRONG_STATE', rule: 'session.one-decision' });
    expect(again.message).toContain(decision.number);
    const decided = (await world.events.readStream(sessionId)).filter((e) => e.type === 'SessionDecisionIssued');
    expect(decided).toHaveLength(1);
  }, 90_000);

  it('refuses a decision once the session ended with nothing passed: its window is over', async () => {
    const dossier = await atAppraisal(p);
    const other = (await convene([dossier])).id;
    await present(other);
    for (const m of [p.as.member1, p.as.member2, p.as.chair]) await council.vote(m, other, dossier, false);
    await council.run(p.as.chair, other, close);
    await ended(other);
    const refused = await refusalOf(council.decide(p.as.chairman, other, {}));
    expect(refused).toMatchObject({ by: 'service', code: 'WRONG_STATE', rule: 'session.decision-window' });
    expect((await council.visible(p.as.chairman, other)).decision).toBeNull();
  }, 90_000);
});

describe('a secret ballot', () => {
  it('records that a member took part through the workflow, the choice only in the box, and one ballot per member', async () => {
    const id = await driveDossier(commands, p, 2, aCstdTinh());
    const session = await convene([id]);
    expect(session.agenda.map((i) => [i.awardCode, i.ballot])).toEqual([['CSTD_TINH', 'SECRET']]);
    await present(session.id);
    expect(await council.vote(p.as.member1, session.id, id, false)).toEqual({
      sessionId: session.id,
      dossierId: id,
      recorded: true,
    });
    const again = await refusalOf(council.vote(p.as.member1, session.id, id, true));
    expect(again).toMatchObject({ by: 'service', code: 'WRONG_STATE' });
    expect(again.message).toContain('already put a ballot in');
    // The stream knows who took part, once, and nothing of the choice.
    const events = await world.events.readStream(session.id);
    expect(events.filter((e) => e.type === 'SessionSecretBallotTakenPart').map((e) => e.data)).toEqual([
      { memberId: p.as.member1.userId, dossierId: id },
    ]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/"approve"/);
  }, 60_000);
});
