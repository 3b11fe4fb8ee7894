/**
 * DossierCommandsService on the run's Postgres and Temporal dev server, without HTTP: the idempotency of a create, the
 * gates it keeps before a command reaches a workflow (scope, a finished dossier, the movement named), the retry of an
 * applied command (after the award, or after later steps), and what it adds to a command from the read models.
 */
import { randomUUID } from 'node:crypto';
import type { DossierCommand } from '@tdkt/domain';
import { Client } from '@temporalio/client';
import { dossierWorkflowId } from '@tdkt/workflows/src/messages';
import { WorkflowGateway } from '@tdkt/platform/src/workflow-gateway';
import { DossierCommandsService, nameUuid } from './dossier-commands.service';
import {
  aBkTinh,
  driveDossier,
  PROVINCIAL_ROUTE,
  refusalOf,
  seedProvince,
  startServices,
  type Province,
  type ServiceWorld,
} from '../../../../test/support/services';

let world: ServiceWorld;
let commands: DossierCommandsService;
let p: Province;

beforeAll(async () => {
  world = await startServices([DossierCommandsService]);
  commands = world.module.get(DossierCommandsService);
  p = await seedProvince(world.directory);
}, 120_000);
afterAll(async () => world?.stop());

const eventTypes = async (id: string) => (await world.events.readStream(id)).map((e) => e.type);

describe('create', () => {
  it('with the same key from the same clerk is the same dossier, created once; another clerk’s key is their own', async () => {
    const key = `create-${randomUUID()}`;
    const first = await commands.create(p.as.clerk, aBkTinh(), key);
    const again = await commands.create(p.as.clerk, aBkTinh(), key);
    expect(again.id).toBe(first.id);
    expect(await eventTypes(first.id)).toEqual(['DossierCreated']);

    // The key is the caller's: the other unit's clerk with the same key gets a dossier of their own unit.
    const other = await commands.create(p.as.otherClerk, aBkTinh(), key);
    expect(other.id).not.toBe(first.id);
    expect(other.unitCode).toBe(p.otherUnitCode);
    // Without a key every create is a new dossier.
    const [a, b] = [await commands.create(p.as.clerk, aBkTinh()), await commands.create(p.as.clerk, aBkTinh())];
    expect(a.id).not.toBe(b.id);
  });

  it('with a shared key is the same dossier whichever of the unit’s clerks asks', async () => {
    const key = `shared-${randomUUID()}`;
    const first = await commands.create(p.as.clerk, aBkTinh(), key, 'shared');
    const second = await commands.create(p.as.clerk2, aBkTinh(), key, 'shared');
    expect(second.id).toBe(first.id);
    expect(second.createdBy).toBe(p.as.clerk.userId);
    expect(await eventTypes(first.id)).toEqual(['DossierCreated']);
  });

  it('keeps the nominee’s citizen id only as its keyed hash, the unit as the clerk’s', async () => {
    const dto = aBkTinh();
    const citizenId = dto.nominee.citizenId ?? '';
    const created = await commands.create(p.as.clerk, dto);
    expect(created).toMatchObject({ status: 'DRAFT', unitCode: p.unitCode, awardCode: 'BK_TINH' });
    const [event] = await world.events.readStream(created.id);
    expect(event.data).toMatchObject({
      unitCode: p.unitCode,
      nominee: { fullName: 'Nguyễn Thị Lan', citizenIdHash: commands.hashCitizenId(citizenId) },
    });
    expect(commands.hashCitizenId(citizenId)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(event.data)).not.toContain(citizenId);
  });

  it('a create the workflow refuses writes nothing and ends the workflow started with it', async () => {
    const key = `refused-${randomUUID()}`;
    // Only an ad-hoc dossier may take the simplified procedure: the decider refuses it, not the service.
    const refused = await refusalOf(commands.create(p.as.clerk, aBkTinh({ simplified: true }), key));
    expect(refused).toMatchObject({ by: 'workflow', code: 'RULE_VIOLATION', rule: 'simplified.ad-hoc-only' });
    const id = nameUuid(`dossier:${p.as.clerk.userId}:${key}`);
    expect(await world.events.readStream(id)).toEqual([]);
    const described = await world.module.get(Client).workflow.getHandle(dossierWorkflowId(id)).describe();
    expect(described.status.name).toBe('TERMINATED');
  });

  it('naming an unknown movement is refused here, naming movementId, and writes nothing', async () => {
    const key = `movement-${randomUUID()}`;
    const movementId = `no-such-movement-${randomUUID()}`;
    const refused = await refusalOf(commands.create(p.as.clerk, aBkTinh({ movementId }), key));
    expect(refused).toMatchObject({ by: 'service', code: 'INVALID' });
    expect(refused.fields).toEqual({ movementId: [expect.stringContaining(`no movement ${movementId}`)] });
    // The same key without the movement creates the dossier the refused request would have: its stream was empty.
    const created = await commands.create(p.as.clerk, aBkTinh(), key);
    expect((await world.events.readStream(created.id)).map((e) => [e.seq, e.type])).toEqual([[1, 'DossierCreated']]);
    expect(created.movementId).toBeNull();
  });
});

describe('execute', () => {
  it('refuses an unknown dossier (404) and one outside the actor’s scope (403) before any workflow', async () => {
    const submit: DossierCommand = { type: 'SubmitDossier', data: {} };
    expect(await refusalOf(commands.execute(p.as.clerk, randomUUID(), submit))).toMatchObject({
      by: 'service',
      code: 'NOT_FOUND',
    });
    const id = (await commands.create(p.as.clerk, aBkTinh())).id;
    expect(await refusalOf(commands.execute(p.as.otherClerk, id, submit))).toMatchObject({
      by: 'service',
      code: 'FORBIDDEN',
    });
    expect((await commands.mustFind(id)).status).toBe('DRAFT');
    expect(await eventTypes(id)).toEqual(['DossierCreated']);
  });

  it('answers a retried final decision with the dossier as it stands, but refuses any new command on the awarded dossier', async () => {
    const id = await driveDossier(commands, p, PROVINCIAL_ROUTE.length - 1);
    const key = `decide-${randomUUID()}`;
    const decide: DossierCommand = { type: 'DecideDossier', data: { approve: true } };
    const awarded = await commands.execute(p.as.chairman, id, decide, key);
    expect(awarded.status).toBe('AWARDED');
    expect(awarded.decisionNumber).toMatch(/^\d+\/QĐ-/);

    // The same request again (its answer lost): the dossier with the same number, nothing appended.
    const before = await eventTypes(id);
    const retried = await commands.execute(p.as.chairman, id, decide, key);
    expect(retried).toMatchObject({ status: 'AWARDED', decisionNumber: awarded.decisionNumber });
    expect(await eventTypes(id)).toEqual(before);
    expect(before.filter((t) => t === 'DossierAwarded')).toHaveLength(1);

    // A new request on the finished dossier: no workflow takes it any more, the service says so (409).
    const refused = await refusalOf(commands.execute(p.as.chairman, id, decide, `decide-${randomUUID()}`));
    expect(refused).toMatchObject({ by: 'service', code: 'WRONG_STATE' });
    expect(refused.message).toContain('AWARDED');
    const returned = await refusalOf(commands.execute(p.as.head, id, { type: 'ReturnDossier', data: { reason: 'x' } }));
    expect(returned).toMatchObject({ by: 'service', code: 'WRONG_STATE' });
    expect(await eventTypes(id)).toEqual(before);
  }, 60_000);

  it('answers a retried command the dossier has moved past with the dossier as it stands, never a 409', async () => {
    const { id } = await commands.create(p.as.clerk, aBkTinh());
    const key = `submit-${randomUUID()}`;
    const submit: DossierCommand = { type: 'SubmitDossier', data: {} };
    expect((await commands.execute(p.as.clerk, id, submit, key)).status).toBe('UNIT_REVIEW');
    expect((await commands.execute(p.as.head, id, { type: 'ApproveAtUnit', data: {} })).status).toBe('APPRAISAL');
    const before = await eventTypes(id);

    // The clerk's submission again, with its key: already applied, so the dossier now, and nothing appended.
    expect((await commands.execute(p.as.clerk, id, submit, key)).status).toBe('APPRAISAL');
    expect(await eventTypes(id)).toEqual(before);
    // The same command with a new key is a new request, and the workflow refuses it in this state.
    const fresh = await refusalOf(commands.execute(p.as.clerk, id, submit, `submit-${randomUUID()}`));
    expect(fresh).toMatchObject({ by: 'workflow', code: 'WRONG_STATE' });
    expect(await eventTypes(id)).toEqual(before);
  }, 60_000);
});

describe('enrich', () => {
  it('hands the appraisal the province’s council, and the appraised dossier keeps it', async () => {
    const id = await driveDossier(commands, p, 2);
    const current = await commands.mustFind(id);
    const accept: DossierCommand = { type: 'AcceptAppraisal', data: { councilMembers: [] } };
    const council = [p.as.chair, p.as.member1, p.as.member2].map((a) => a.userId).sort();
    expect(await commands.enrich(accept, current)).toEqual({
      type: 'AcceptAppraisal',
      data: { councilMembers: council },
    });
    const appraised = await commands.execute(p.as.secretariat, id, accept);
    expect(appraised.status).toBe('COUNCIL_VOTING');
    expect([...appraised.councilMembers].sort()).toEqual(council);
  });

  it('hands a submission the unit’s attachments, awards and registrations, and no block standings for a Bằng khen', async () => {
    const draft = await commands.create(p.as.clerk, aBkTinh());
    const enriched = await commands.enrich({ type: 'SubmitDossier', data: {} }, draft);
    expect(enriched.type).toBe('SubmitDossier');
    expect(enriched.data).toMatchObject({ attachedParts: [], recordedAwards: [], registrations: [] });
    expect(enriched.data).not.toHaveProperty('blockStandings');
    expect(enriched.data).not.toHaveProperty('round');
    // A command the read models add nothing to goes as it came.
    const vote: DossierCommand = { type: 'CastVote', data: { approve: false } };
    expect(await commands.enrich(vote, draft)).toBe(vote);
  });
});

describe('stateOf', () => {
  it('rebuilds from the event stream the state the workflow holds (the vote checks it without asking the workflow)', async () => {
    const gateway = world.module.get(WorkflowGateway);
    const id = await driveDossier(commands, p, 4);
    const held = await gateway.dossierState(id);
    expect(held.status).toBe('COUNCIL_VOTING');
    expect(held.council?.votes).toHaveLength(1);
    expect(await commands.stateOf(id)).toEqual(held);
  });
});
