/**
 * EmulationService on the run's Postgres and Temporal dev server, without HTTP: a block's members known and of one
 * province, its code unique in the province; a year's leadership by rotation; the block regulation the proposals
 * carry; the ranking a Cờ thi đua submission is handed; the proposal dossiers made once per unit and flag even when
 * two clerks of the unit ask at once; and a closed year taking no command.
 */
import { randomUUID } from 'node:crypto';
import { EMULATION_DEFAULTS, exampleBkTinhContent, ruleSetInForce, vietnamDate, type Actor } from '@tdkt/domain';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import type { CreateDossierDto } from '../dossiers/dossier.dto';
import { EmulationService } from './emulation.service';
import {
  evaluationYear,
  refusalOf,
  seedProvince,
  startServices,
  type Province,
  type ServiceWorld,
} from '../../../../test/support/services';

let world: ServiceWorld;
let emulation: EmulationService;
let commands: DossierCommandsService;
let p: Province;
let q: Province;
/** The block's members: the province's two agencies and a third. */
let A: string, B: string, C: string;

beforeAll(async () => {
  world = await startServices([DossierCommandsService, EmulationService]);
  emulation = world.module.get(EmulationService);
  commands = world.module.get(DossierCommandsService);
  p = await seedProvince(world.directory);
  q = await seedProvince(world.directory);
  [A, B, C] = [p.unitCode, p.otherUnitCode, `W-${randomUUID().slice(0, 8)}`];
  await world.directory.upsertUnit({ code: C, name: `Sở ${C}`, level: 'AGENCY', provinceCode: p.code });
}, 120_000);
afterAll(async () => world?.stop());

const members = (...units: string[]) => units.map((unitCode) => ({ unitCode, name: `Đơn vị ${unitCode}` }));
const blockCode = `K-${randomUUID().slice(0, 8)}`;
let blockId: string;

describe('forming a block', () => {
  it('refuses unknown units and members of two provinces, naming members', async () => {
    const nowhere = `X-${randomUUID().slice(0, 8)}`;
    const form = (...units: string[]) =>
      refusalOf(emulation.formBlock(p.as.secretariat, { code: blockCode, name: 'Khối', members: members(...units) }));
    expect(await form(A, nowhere)).toMatchObject({
      by: 'service',
      code: 'INVALID',
      fields: { members: [`${nowhere}: no such unit`] },
    });
    expect(await form(A, q.unitCode)).toMatchObject({
      by: 'service',
      code: 'INVALID',
      fields: { members: ['all members must belong to one province'] },
    });
    // The domain's own refusal, thrown by the service: a unit clerk forms no block.
    expect(
      await refusalOf(emulation.formBlock(p.as.clerk, { code: blockCode, name: 'Khối', members: members(A, B) })),
    ).toMatchObject({ by: 'service', code: 'FORBIDDEN', rule: 'role.FormBlock' });
  });

  // The refusals above formed nothing: the same code is still free here.
  it('forms a block as one event; its code is unique in the province, not across provinces', async () => {
    const block = await emulation.formBlock(p.as.secretariat, {
      code: blockCode,
      name: 'Khối các sở Văn hóa – Xã hội',
      members: members(A, B, C),
    });
    blockId = block.blockId;
    expect(block).toMatchObject({ code: blockCode, provinceCode: p.code, createdBy: p.as.secretariat.userId });
    expect(block.members.map((m) => m.unitCode)).toEqual([A, B, C]);
    expect((await world.events.readStream(blockId)).map((e) => e.type)).toEqual(['EmulationBlockFormed']);

    const twice = await refusalOf(
      emulation.formBlock(p.as.secretariat, { code: blockCode, name: 'Khối khác', members: members(A, B) }),
    );
    expect(twice).toMatchObject({ by: 'service', code: 'WRONG_STATE', rule: 'block.code-unique' });
    expect((await emulation.block(blockId)).name).toBe('Khối các sở Văn hóa – Xã hội');

    const elsewhere = await emulation.formBlock(q.as.secretariat, {
      code: blockCode,
      name: 'Khối của tỉnh khác',
      members: members(q.unitCode, q.otherUnitCode),
    });
    expect(elsewhere).toMatchObject({ code: blockCode, provinceCode: q.code });
    expect(elsewhere.blockId).not.toBe(blockId);
  });
});

describe('a block year', () => {
  let yearId: string;
  const run = (actor: Actor, command: Parameters<EmulationService['run']>[2]) => emulation.run(actor, yearId, command);

  it('opens with the first two members as head and deputy, and the next year rotates', async () => {
    const year = await emulation.openYear(p.as.secretariat, blockId, { year: evaluationYear });
    yearId = year.blockYearId;
    expect(year).toMatchObject({ blockId, year: evaluationYear, headUnit: A, deputyUnit: B });
    const next = await emulation.openYear(p.as.secretariat, blockId, { year: evaluationYear + 1 });
    expect(next).toMatchObject({ headUnit: B, deputyUnit: C });
    expect((await emulation.block(blockId)).years.map((y) => y.year)).toEqual([evaluationYear + 1, evaluationYear]);
  }, 60_000);

  it('ranks its members, and a Cờ thi đua submission is handed the unit’s standing', async () => {
    await run(p.as.secretariat, {
      type: 'AdoptTemplate',
      data: {
        criteria: [{ code: 'C1', title: 'Nhiệm vụ chuyên môn', maxPoints: 100, evidenceRequired: false }],
        maxBonus: 5,
        maxPenalty: 10,
      },
    });
    await run(p.as.secretariat, { type: 'ApproveTemplate', data: {} });
    for (const unitCode of [A, B, C]) await run(p.as.secretariat, { type: 'SignPledge', data: { unitCode } });
    await run(p.as.secretariat, { type: 'OpenSelfAssessment', data: { workingDays: 10 } });
    const assess = (actor: Actor, unitCode: string, points: number) =>
      run(actor, {
        type: 'SubmitSelfAssessment',
        data: { unitCode, scores: [{ criterionCode: 'C1', points, evidence: [] }], bonus: 0, penalty: 0 },
      });
    await assess(p.as.clerk, A, 90);
    await assess(p.as.otherClerk, B, 80);
    await run(p.as.secretariat, { type: 'CloseSelfAssessment', data: {} });
    const ranked = await run(p.as.secretariat, { type: 'RankBlock', data: {} });
    expect(ranked.state.ranking?.map((r) => [r.unitCode, r.rank])).toEqual([
      [A, 1],
      [B, 2],
      [C, 3],
    ]);

    const standing = (rank: number) => ({
      blockId,
      blockName: 'Khối các sở Văn hóa – Xã hội',
      year: evaluationYear,
      rank,
      rankedMembers: 3,
    });
    const leader = await commands.create(p.as.clerk, aFlagDossier(A));
    const second = await commands.create(p.as.otherClerk, aFlagDossier(B));
    const submit = { type: 'SubmitDossier', data: {} } as const;
    expect((await commands.enrich(submit, leader)).data).toMatchObject({ blockStandings: [standing(1)] });
    expect((await commands.enrich(submit, second)).data).toMatchObject({ blockStandings: [standing(2)] });
    // The leader passes the Cờ thi đua's criterion; the second is refused by the workflow, naming its rank.
    expect((await commands.execute(p.as.clerk, leader.id, submit)).status).toBe('UNIT_REVIEW');
    const refused = await refusalOf(commands.execute(p.as.otherClerk, second.id, submit));
    expect(refused).toMatchObject({ by: 'workflow', code: 'RULE_VIOLATION', rule: 'eligibility' });
    expect(refused.message).toContain('rank 2 of 3');
  }, 90_000);

  it('carries the block regulation of the rule set in force in the meeting’s proposals', async () => {
    const proposed = await emulation.proposeFlags(p.as.secretariat, yearId, {
      provincial: [A],
      government: [],
      meetingDate: `${evaluationYear + 1}-01-15`,
      minutesRef: '02/BB-KHOI',
      vote: { method: 'SECRET', present: [A, B, C], tallies: [{ unitCode: A, flag: 'PROVINCIAL', votesFor: 2 }] },
    });
    expect(proposed.phase).toBe('PROPOSED');
    const ruleSet = ruleSetInForce(vietnamDate(Date.now()));
    const e = ruleSet?.emulation ?? EMULATION_DEFAULTS;
    expect(proposed.state.proposals?.rule).toEqual({
      flagQuotas: e.flagQuotas,
      flagVote: e.flagVote,
      ...(ruleSet ? { ruleSetVersion: ruleSet.version } : {}),
    });
  }, 60_000);

  it('makes a proposed unit’s dossier once per flag, even for two of its clerks at once; others are refused', async () => {
    const notProposed = await refusalOf(emulation.proposalDossiers(p.as.otherClerk, yearId));
    expect(notProposed).toMatchObject({
      by: 'service',
      code: 'RULE_VIOLATION',
      rule: 'block.proposal-dossier-proposed',
    });

    const [one, other] = await Promise.all([
      emulation.proposalDossiers(p.as.clerk, yearId),
      emulation.proposalDossiers(p.as.clerk2, yearId),
    ]);
    expect(one.dossiers).toEqual([
      { unitCode: A, flag: 'PROVINCIAL', awardCode: 'CO_TD_TINH', dossierId: expect.any(String) },
    ]);
    const dossierId = one.dossiers[0].dossierId;
    expect(other.dossiers).toEqual(one.dossiers);
    expect((await emulation.proposalDossiers(p.as.clerk, yearId)).dossiers).toEqual(one.dossiers);

    const recorded = (await world.events.readStream(yearId)).filter(
      (e) => e.type === 'BlockYearProposalDossierRecorded',
    );
    expect(recorded.map((e) => e.data)).toEqual(one.dossiers);
    expect((await world.events.readStream(dossierId)).map((e) => e.type)).toEqual(['DossierCreated']);
    expect(await commands.mustFind(dossierId)).toMatchObject({
      status: 'DRAFT',
      awardCode: 'CO_TD_TINH',
      nomineeKind: 'COLLECTIVE',
      unitCode: A,
    });
  }, 90_000);

  it('once closed, takes no command: the service refuses before the workflow', async () => {
    expect((await run(p.as.secretariat, { type: 'CloseBlockYear', data: {} })).phase).toBe('CLOSED');
    const before = (await world.events.readStream(yearId)).length;
    const refused = await refusalOf(run(p.as.secretariat, { type: 'RankBlock', data: {} }));
    expect(refused).toMatchObject({ by: 'service', code: 'WRONG_STATE', rule: 'block-year.closed' });
    expect(await world.events.readStream(yearId)).toHaveLength(before);
    expect(
      await refusalOf(emulation.run(p.as.secretariat, randomUUID(), { type: 'RankBlock', data: {} })),
    ).toMatchObject({ by: 'service', code: 'NOT_FOUND' });
  }, 60_000);
});

/** A Cờ thi đua của UBND tỉnh for the unit itself. */
const aFlagDossier = (unit: string): CreateDossierDto => ({
  awardCode: 'CO_TD_TINH',
  title: `Đề nghị tặng Cờ thi đua của UBND tỉnh cho đơn vị ${unit}`,
  nominee: { kind: 'COLLECTIVE', fullName: `Đơn vị ${unit}` },
  achievements: 'Dẫn đầu phong trào thi đua của khối năm qua.',
  ...exampleBkTinhContent(evaluationYear),
});
