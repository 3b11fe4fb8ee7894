import { RULE_SET_2025 } from '../rule-set/rule-sets';
import type { Actor } from '../shared/actor';
import type { DossierCommand } from './commands';
import type { DossierEvent } from './events';
import { evolveAll } from './evolve';
import { exampleBkTinhContent, exampleCstdCoSoContent } from './examples';
import { decisionIssuer } from './route';
import { progressOf } from './progress';
import type { DossierState } from './types';
import { givenStream, thenEvents, thenRejected, when as whenAt } from './given-when-then';

/** Given events / when command / then events or rejection: the grassroots route (unit council → unit head decides). */
const JULY_2025 = Date.UTC(2025, 6, 1, 3); // Tuesday 01/07/2025, 10:00 in Hà Nội
const actor = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});
const clerk = actor('UNIT_CLERK', 'clerk', 'SGDDT');
const head = actor('UNIT_HEAD', 'head', 'SGDDT');
const otherHead = actor('UNIT_HEAD', 'head2', 'SYT');
const chairman = actor('PROVINCIAL_DECIDER', 'chair');
const member = (id: string) => actor('COUNCIL_MEMBER', id, 'SGDDT');

const content = exampleCstdCoSoContent(2024);
const nominee = { kind: 'INDIVIDUAL' as const, fullName: 'Trần Văn Bình' };
type CreateData = Extract<DossierCommand, { type: 'CreateDossier' }>['data'];
const createData: CreateData = {
  awardCode: 'CSTD_CO_SO',
  unitCode: 'SGDDT',
  title: 'CSTĐ cơ sở',
  nominee,
  achievements: 'Hoàn thành xuất sắc',
  ...content,
};
const created: DossierEvent = { type: 'DossierCreated', data: createData };
const submitted: DossierEvent = { type: 'DossierSubmitted', data: { ruleSetVersion: RULE_SET_2025.version } };
const unitCouncil = (members: string[]): DossierEvent => ({
  type: 'CouncilVotingOpened',
  data: {
    members,
    rule: {
      ballot: 'OPEN',
      threshold: { share: [1, 2], strict: true },
      denominator: 'TOTAL',
      allowWrittenVotes: false,
      quorum: [2, 3],
    },
    deadline: '2025-07-08',
  },
});
const passed: DossierEvent = {
  type: 'CouncilVotingClosed',
  data: { members: 2, present: 2, approvals: 2, rejections: 0, quorumMet: true, passed: true },
};

const given = givenStream('g-1');
const when = (state: DossierState, command: DossierCommand, who: Actor) => whenAt(state, command, who, JULY_2025);
const open = (members: string[]): DossierCommand => ({
  type: 'OpenUnitCouncilVoting',
  data: { councilMembers: members },
});
const allocated = { number: '1/QĐ-SGDDT', authority: 'SGDDT', year: 2025 };

describe('grassroots awards are proposed on the route the catalog names', () => {
  const create = (awardCode: string): DossierCommand => ({ type: 'CreateDossier', data: { ...createData, awardCode } });

  it.each(['CSTD_CO_SO', 'LD_TIEN_TIEN', 'GIAY_KHEN'])(
    'a unit clerk creates a %s dossier (grassroots route open)',
    (code) => {
      expect(thenEvents(when(given(), create(code), clerk)).map((e) => e.type)).toEqual(['DossierCreated']);
    },
  );
  it('the state route is open too (Huân chương Lao động hạng Ba)', () => {
    expect(thenEvents(when(given(), create('HC_LAO_DONG_3'), clerk)).map((e) => e.type)).toEqual(['DossierCreated']);
  });
});

describe('grassroots submission: the same completeness and eligibility checks, with the grassroots package', () => {
  it('a complete and eligible CSTĐ cơ sở goes to unit review', () => {
    expect(thenEvents(when(given(created), { type: 'SubmitDossier', data: {} }, clerk))[0]).toMatchObject({
      type: 'DossierSubmitted',
      data: { ruleSetVersion: RULE_SET_2025.version },
    });
  });
  it('the grassroots package needs the biên bản (law page §3.1)', () => {
    const withoutMinutes: DossierEvent = {
      type: 'DossierCreated',
      data: { ...createData, parts: content.parts.filter((p) => p.kind !== 'BIEN_BAN') },
    };
    const rejection = thenRejected(when(given(withoutMinutes), { type: 'SubmitDossier', data: {} }, clerk));
    expect(rejection.rule).toBe('dossier.parts-complete');
    expect(rejection.details?.missing).toEqual([expect.objectContaining({ part: 'BIEN_BAN', rule: '§3.1' })]);
  });
  it('without Lao động tiên tiến in the year the nominee is not eligible (rule 5)', () => {
    const noTitle: DossierEvent = {
      type: 'DossierCreated',
      data: { ...createData, record: { ...content.record, awards: [] } },
    };
    expect(thenRejected(when(given(noTitle), { type: 'SubmitDossier', data: {} }, clerk)).message).toContain('rule 5');
  });
});

describe('unit review of a grassroots dossier: the unit head puts it to the unit council', () => {
  it('opens the unit council vote with its members, once each, and a council voting deadline', () => {
    const events = thenEvents(when(given(created, submitted), open(['m1', 'm2', 'm1']), head));
    // 01/07/2025 + 5 working days → 08/07/2025.
    expect(events).toEqual([
      { type: 'CouncilVotingOpened', data: expect.objectContaining({ members: ['m1', 'm2'], deadline: '2025-07-08' }) },
    ]);
    expect(evolveAll(given(created, submitted), events).status).toBe('COUNCIL_VOTING');
  });
  it('does not send a grassroots dossier up to the secretariat', () => {
    expect(thenRejected(when(given(created, submitted), { type: 'ApproveAtUnit', data: {} }, head))).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'route.ApproveAtUnit',
    });
  });
  it('a provincial dossier is not voted by the unit council', () => {
    const provincial: DossierEvent = {
      type: 'DossierCreated',
      data: {
        awardCode: 'BK_TINH',
        unitCode: 'SGDDT',
        title: 'Bằng khen',
        nominee,
        achievements: 'Xuất sắc',
        ...exampleBkTinhContent(2024),
      },
    };
    expect(thenRejected(when(given(provincial, submitted), open(['m1']), head)).rule).toBe(
      'route.OpenUnitCouncilVoting',
    );
  });
  it("another unit's head cannot open it, nor can the clerk", () => {
    expect(thenRejected(when(given(created, submitted), open(['m1']), otherHead)).rule).toBe('unit.own-dossiers');
    expect(thenRejected(when(given(created, submitted), open(['m1']), clerk)).code).toBe('FORBIDDEN');
  });
  it('a unit without council members cannot vote', () => {
    expect(thenRejected(when(given(created, submitted), open([]), head)).rule).toBe('council.members');
  });
  it("the unit council's members vote; the last vote closes the voting and the unit head holds the decision", () => {
    const s = given(created, submitted, unitCouncil(['m1', 'm2']), {
      type: 'VoteCast',
      data: { memberId: 'm1', approve: true },
    });
    const events = thenEvents(when(s, { type: 'CastVote', data: { approve: true } }, member('m2')));
    const after = evolveAll(s, events);
    expect(after.status).toBe('AWAITING_DECISION');
    expect(progressOf(after.status, 'GRASSROOTS').holder).toBe('UNIT_HEAD');
  });
  it('voting closed without quorum goes back to the unit head, not to the secretariat', () => {
    const s = given(created, submitted, unitCouncil(['m1', 'm2', 'm3']));
    const events = thenEvents(when(s, { type: 'CloseCouncilVoting', data: {} }, { userId: 'system', role: 'SYSTEM' }));
    expect(evolveAll(s, events).status).toBe('UNIT_REVIEW');
  });
});

describe('the unit head decides a grassroots award', () => {
  const awaiting = () =>
    given(
      created,
      submitted,
      unitCouncil(['m1', 'm2']),
      { type: 'VoteCast', data: { memberId: 'm1', approve: true } },
      { type: 'VoteCast', data: { memberId: 'm2', approve: true } },
      passed,
    );

  it('awards it with a number of the unit', () => {
    const [event] = thenEvents(when(awaiting(), { type: 'DecideDossier', data: { approve: true, allocated } }, head));
    expect(event).toMatchObject({
      type: 'DossierAwarded',
      data: { decision: { number: '1/QĐ-SGDDT', authority: 'SGDDT', signerId: 'head', signedOn: '2025-07-01' } },
    });
  });
  it('the provincial chairman does not sign a grassroots award', () => {
    expect(
      thenRejected(when(awaiting(), { type: 'DecideDossier', data: { approve: true, allocated } }, chairman)),
    ).toMatchObject({ code: 'FORBIDDEN', rule: 'decision.decider' });
  });
  it("another unit's head does not sign it", () => {
    expect(
      thenRejected(when(awaiting(), { type: 'DecideDossier', data: { approve: true, allocated } }, otherHead)).rule,
    ).toBe('unit.own-dossiers');
  });
  it('a unit head does not sign a provincial award', () => {
    const provincial = given(
      {
        type: 'DossierCreated',
        data: {
          awardCode: 'BK_TINH',
          unitCode: 'SGDDT',
          title: 'Bằng khen',
          nominee,
          achievements: 'Xuất sắc',
          ...exampleBkTinhContent(2024),
        },
      },
      submitted,
      { type: 'UnitApproved', data: {} },
      { type: 'AppraisalAccepted', data: {} },
      unitCouncil(['m1', 'm2']),
      passed,
    );
    expect(
      thenRejected(when(provincial, { type: 'DecideDossier', data: { approve: true, allocated } }, head)).rule,
    ).toBe('decision.decider');
  });
  it('a rejection by the unit head needs a written reason', () => {
    expect(thenRejected(when(awaiting(), { type: 'DecideDossier', data: { approve: false } }, head)).rule).toBe(
      'decision.reason-required',
    );
  });
  it("numbers in the unit's own series: authority is the unit code, issuer code from the rule set", () => {
    expect(decisionIssuer(awaiting(), RULE_SET_2025)).toEqual({ authority: 'SGDDT', issuerCode: 'SGDDT' });
    const provincial = given({
      type: 'DossierCreated',
      data: { awardCode: 'BK_TINH', unitCode: 'SGDDT', title: 'Bằng khen', nominee, achievements: 'Xuất sắc' },
    });
    expect(decisionIssuer(provincial, RULE_SET_2025)).toEqual({ authority: 'PROVINCIAL_CHAIRMAN', issuerCode: 'UBND' });
  });
});
