import { RULE_SET_2025 } from '../rule-set/rule-sets';
import { councilRuleFor } from '../rule-set/select';
import type { RuleSet } from '../rule-set/types';
import type { Actor } from '../shared/actor';
import type { DossierCommand } from '../dossier/commands';
import type { DossierEvent } from '../dossier/events';
import { exampleBkTinhContent, exampleCstdCoSoContent } from '../dossier/examples';
import { givenStream, thenEvents, thenRejected, when as whenAt } from '../dossier/given-when-then';
import { SECRET_BALLOT_PATH } from './secret-ballot';

/** Given events / when command / then events or rejection: a secret-ballot item is never voted per dossier. */
const JULY_2025 = Date.UTC(2025, 6, 1, 3);
const actor = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});
const secretariat = actor('SECRETARIAT_OFFICER', 'sec');
const head = actor('UNIT_HEAD', 'head', 'SGDDT');
const m1 = actor('COUNCIL_MEMBER', 'm1');
const given = givenStream('s-1');
const when = (events: DossierEvent[], command: DossierCommand, who: Actor) =>
  whenAt(given(...events), command, who, JULY_2025);

const nominee = { kind: 'INDIVIDUAL' as const, fullName: 'Nguyễn Thị Lan' };
const dossierOf = (awardCode: string): DossierEvent => ({
  type: 'DossierCreated',
  data: {
    awardCode,
    unitCode: 'SGDDT',
    title: awardCode,
    nominee,
    achievements: 'Xuất sắc',
    ...(awardCode === 'CSTD_CO_SO' ? exampleCstdCoSoContent(2024) : exampleBkTinhContent(2024)),
  },
});
const submitted = (ruleSet?: RuleSet): DossierEvent => ({
  type: 'DossierSubmitted',
  data: { ruleSetVersion: ruleSet?.version ?? RULE_SET_2025.version, ...(ruleSet ? { ruleSet } : {}) },
});
const underAppraisal = (awardCode: string): DossierEvent[] => [
  dossierOf(awardCode),
  submitted(),
  { type: 'UnitApproved', data: {} },
];
/** A province whose own rule set puts CSTĐ cơ sở to a secret ballot of the unit's council. */
const secretGrassroots: RuleSet = {
  ...RULE_SET_2025,
  version: `${RULE_SET_2025.version}@P1`,
  baseVersion: RULE_SET_2025.version,
  council: {
    ...RULE_SET_2025.council,
    byAward: { ...RULE_SET_2025.council.byAward, CSTD_CO_SO: { ...RULE_SET_2025.council.default, ballot: 'SECRET' } },
  },
};
const accept: DossierCommand = { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2'] } };
const vote: DossierCommand = { type: 'CastVote', data: { approve: true } };
/** Per-dossier voting opened on a secret item before the rule (a dossier already in flight). */
const openedOnSecret = (awardCode: string): DossierEvent => ({
  type: 'CouncilVotingOpened',
  data: { members: ['m1', 'm2'], rule: councilRuleFor(RULE_SET_2025, awardCode), deadline: '2025-07-08' },
});

describe('a secret-ballot item on the per-dossier route', () => {
  it('the secretariat cannot open per-dossier voting on it: the refusal names the secret path (a council session)', () => {
    const r = thenRejected(when(underAppraisal('CSTD_TINH'), accept, secretariat));
    expect(r).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'council.secret-ballot',
      details: { ballot: 'SECRET', secretPath: SECRET_BALLOT_PATH },
    });
    expect(r.message).toContain('/api/council-sessions');
  });
  it('an open-ballot item still opens per-dossier voting', () => {
    expect(thenEvents(when(underAppraisal('BK_TINH'), accept, secretariat)).map((e) => e.type)).toEqual([
      'AppraisalAccepted',
      'CouncilVotingOpened',
    ]);
  });
  it('a vote in per-dossier voting already open on a secret item is refused, and no VoteCast is produced', () => {
    const r = thenRejected(
      when(
        [...underAppraisal('CSTD_TINH'), { type: 'AppraisalAccepted', data: {} }, openedOnSecret('CSTD_TINH')],
        vote,
        m1,
      ),
    );
    expect(r).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'council.secret-ballot',
      details: { secretPath: SECRET_BALLOT_PATH },
    });
  });
  it('the same member may vote when the item is open (the refusal is the ballot kind, not the member)', () => {
    const events = thenEvents(
      when(
        [...underAppraisal('BK_TINH'), { type: 'AppraisalAccepted', data: {} }, openedOnSecret('BK_TINH')],
        vote,
        m1,
      ),
    );
    expect(events[0]).toEqual({ type: 'VoteCast', data: { memberId: 'm1', approve: true } });
  });
});

describe("a secret-ballot item and the unit's own council (grassroots route)", () => {
  const open: DossierCommand = { type: 'OpenUnitCouncilVoting', data: { councilMembers: ['u1', 'u2'] } };

  it("the unit head cannot put it to the unit's council when the province's rule set says SECRET", () => {
    const r = thenRejected(when([dossierOf('CSTD_CO_SO'), submitted(secretGrassroots)], open, head));
    expect(r).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'council.secret-ballot',
      details: { ballot: 'SECRET', secretPath: null },
    });
  });
  it('under the shipped rule set (open ballot) the unit council opens as before', () => {
    expect(thenEvents(when([dossierOf('CSTD_CO_SO'), submitted()], open, head)).map((e) => e.type)).toEqual([
      'CouncilVotingOpened',
    ]);
  });
  it('a vote in a unit council already open on a secret item is refused', () => {
    const opened: DossierEvent = {
      type: 'CouncilVotingOpened',
      data: { members: ['u1', 'u2'], rule: councilRuleFor(secretGrassroots, 'CSTD_CO_SO'), deadline: '2025-07-08' },
    };
    const r = thenRejected(
      when(
        [dossierOf('CSTD_CO_SO'), submitted(secretGrassroots), opened],
        vote,
        actor('COUNCIL_MEMBER', 'u1', 'SGDDT'),
      ),
    );
    expect(r).toMatchObject({ rule: 'council.secret-ballot', details: { secretPath: null } });
  });
});
