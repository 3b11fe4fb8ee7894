import type { Actor } from '../shared/actor';
import type { DossierCommand } from './commands';
import type { DossierEvent } from './events';
import { evolveAll } from './evolve';
import { type DossierState } from './types';
import { exampleBkTinhContent } from './examples';
import { givenStream, thenEvents, thenRejected, when as whenAt } from './given-when-then';

/** Given events / when command / then events or rejection, over the pure dossier model. */
const JULY_2025 = Date.UTC(2025, 6, 1, 3); // 10:00 in Hà Nội, 01/07/2025
const MAY_2024 = Date.UTC(2024, 4, 6, 3);
const actor = (role: Actor['role'], userId = role.toLowerCase(), unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});
const clerk = actor('UNIT_CLERK', 'clerk', 'SGDDT');
const head = actor('UNIT_HEAD', 'head', 'SGDDT');
const secretariat = actor('SECRETARIAT_OFFICER', 'sec');
const chairman = actor('PROVINCIAL_DECIDER', 'chair');

const content = exampleBkTinhContent(2024);
const created: DossierEvent = {
  type: 'DossierCreated',
  data: {
    awardCode: 'BK_TINH',
    unitCode: 'SGDDT',
    title: 'Bằng khen',
    nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
    achievements: 'Hoàn thành xuất sắc',
    ...content,
  },
};
const submitted: DossierEvent = { type: 'DossierSubmitted', data: { ruleSetVersion: 'LAW2022+ND152+TT15/2025' } };
const unitApproved: DossierEvent = { type: 'UnitApproved', data: {} };
const opened = (members: string[]): DossierEvent[] => [
  { type: 'AppraisalAccepted', data: {} },
  {
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
    },
  },
];

const given = givenStream('d-1');
const when = (state: DossierState, command: DossierCommand, who: Actor, now = JULY_2025) =>
  whenAt(state, command, who, now);

describe('creating a dossier', () => {
  const create = (over: Partial<Extract<DossierCommand, { type: 'CreateDossier' }>['data']> = {}): DossierCommand => ({
    type: 'CreateDossier',
    data: { ...created.data, ...over } as never,
  });

  it('a unit clerk creates a draft for their own unit', () => {
    expect(thenEvents(when(given(), create(), clerk)).map((e) => e.type)).toEqual(['DossierCreated']);
  });
  it('a unit clerk cannot create a dossier for another unit', () => {
    expect(thenRejected(when(given(), create({ unitCode: 'SYT' }), clerk))).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'unit.own-dossiers',
    });
  });
  it('an unknown award code is invalid', () => {
    expect(thenRejected(when(given(), create({ awardCode: 'NOPE' }), clerk)).code).toBe('INVALID');
  });
  it('a collective-only award cannot go to an individual (Cờ thi đua)', () => {
    expect(thenRejected(when(given(), create({ awardCode: 'CO_TD_TINH' }), clerk)).rule).toBe('award.subject-kind');
  });
  it('only unit clerks create dossiers', () => {
    expect(thenRejected(when(given(), create(), secretariat)).code).toBe('FORBIDDEN');
  });
  it('a dossier is created once', () => {
    expect(thenRejected(when(given(created), create(), clerk)).code).toBe('WRONG_STATE');
  });
});

describe('submission binds the rule set in force', () => {
  it('from 01/07/2025 the dossier is bound to Nghị định 152/2025', () => {
    expect(thenEvents(when(given(created), { type: 'SubmitDossier', data: {} }, clerk, JULY_2025))[0]).toMatchObject(
      submitted,
    );
  });
  it('on 06/05/2024 the dossier is bound to Nghị định 98/2023', () => {
    expect(thenEvents(when(given(created), { type: 'SubmitDossier', data: {} }, clerk, MAY_2024))[0]).toMatchObject({
      type: 'DossierSubmitted',
      data: { ruleSetVersion: 'LAW2022+ND98+TT01/2024' },
    });
  });
  it('before 01/01/2024 no rule set is in force and submission is refused', () => {
    expect(
      thenRejected(when(given(created), { type: 'SubmitDossier', data: {} }, clerk, Date.UTC(2023, 11, 30))).rule,
    ).toBe('rule-set.in-force');
  });
  it('a resubmitted dossier keeps the rule set it was first bound to', () => {
    const returned = given(
      created,
      { type: 'DossierSubmitted', data: { ruleSetVersion: 'LAW2022+ND98+TT01/2024' } },
      { type: 'DossierReturned', data: { reason: 'Thiếu biên bản', from: 'UNIT_REVIEW' } },
    );
    expect(thenEvents(when(returned, { type: 'SubmitDossier', data: {} }, clerk, JULY_2025))[0].data).toMatchObject({
      ruleSetVersion: 'LAW2022+ND98+TT01/2024',
    });
  });
});

describe('submission checks completeness and eligibility', () => {
  it('a movement’s quota for the award, full with the other dossiers, refuses the submission; a place left accepts it', () => {
    const quota = (taken: number) => ({
      type: 'SubmitDossier' as const,
      data: { movementQuota: { movementId: 'm-1', movementName: 'Dạy tốt', awardCode: 'BK_TINH', max: 1, taken } },
    });
    const refused = thenRejected(when(given(created), quota(1), clerk));
    expect(refused.rule).toBe('eligibility');
    expect(refused.message).toContain('The movement Dạy tốt caps BK_TINH at 1; 1 already proposed or awarded');
    const [event] = thenEvents(when(given(created), quota(0), clerk));
    expect(event.type).toBe('DossierSubmitted');
    expect(
      (event.data as { eligibility: { criteria: { id: string; passed: boolean }[] } }).eligibility.criteria,
    ).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'movement.quota', passed: true })]));
  });
  const withContent = (record: typeof content.record, parts: typeof content.parts): DossierEvent => ({
    type: 'DossierCreated',
    data: { ...(created.data as object), record, parts } as never,
  });

  it('an incomplete dossier is refused with the list of missing parts (rule 18 and the route package)', () => {
    const rejection = thenRejected(
      when(
        given(
          withContent(
            content.record,
            content.parts.filter((p) => p.kind !== 'BIEN_BAN'),
          ),
        ),
        { type: 'SubmitDossier', data: {} },
        clerk,
      ),
    );
    expect(rejection).toMatchObject({ code: 'RULE_VIOLATION', rule: 'dossier.parts-complete' });
    expect((rejection.details?.missing as { part: string }[]).map((m) => m.part)).toEqual(['BIEN_BAN']);
  });
  it('a plain copy of the evidence is refused (rule 20)', () => {
    const parts = [
      ...content.parts,
      { kind: 'EVIDENCE' as const, ref: 'Quyết định công nhận sáng kiến', copy: 'PLAIN_COPY' as const },
    ];
    expect(
      thenRejected(when(given(withContent(content.record, parts)), { type: 'SubmitDossier', data: {} }, clerk)).rule,
    ).toBe('dossier.parts-complete');
  });
  it('an ineligible nominee is refused with the failed criterion and its legal basis (rule 8)', () => {
    const record = { ...content.record, awards: content.record.awards.slice(1) };
    const rejection = thenRejected(
      when(given(withContent(record, content.parts)), { type: 'SubmitDossier', data: {} }, clerk),
    );
    expect(rejection.rule).toBe('eligibility');
    expect(rejection.message).toContain('rule 8');
  });
  it('awards the system recorded count: the missing CSTĐ cơ sở year comes from the award history', () => {
    const record = { ...content.record, awards: content.record.awards.slice(1) };
    const recordedAwards = [content.record.awards[0]];
    const [event] = thenEvents(
      when(given(withContent(record, content.parts)), { type: 'SubmitDossier', data: { recordedAwards } }, clerk),
    );
    expect(event.type).toBe('DossierSubmitted');
  });
  it('the submission keeps the explained assessment for the audit', () => {
    const [event] = thenEvents(when(given(created), { type: 'SubmitDossier', data: {} }, clerk));
    const data = event.data as { eligibility: { evaluationYear: number; criteria: { id: string; passed: boolean }[] } };
    expect(data.eligibility.evaluationYear).toBe(2024);
    expect(data.eligibility.criteria.find((c) => c.id === 'bk-tinh.standard')).toMatchObject({ passed: true });
  });
});

describe('unit review and appraisal', () => {
  it('the unit head approves a dossier under review, which starts the 10-working-day appraisal clock', () => {
    // 01/07/2025 (Tuesday) + 10 working days, no holiday in between → 15/07/2025.
    expect(thenEvents(when(given(created, submitted), { type: 'ApproveAtUnit', data: {} }, head))).toEqual([
      unitApproved,
      { type: 'AppraisalClockStarted', data: { deadline: '2025-07-15', workingDays: 10 } },
    ]);
  });
  it("another unit's head cannot approve it", () => {
    expect(
      thenRejected(
        when(given(created, submitted), { type: 'ApproveAtUnit', data: {} }, actor('UNIT_HEAD', 'h2', 'SYT')),
      ).code,
    ).toBe('FORBIDDEN');
  });
  it('the secretariat opens council voting with the members it names, once each', () => {
    const events = thenEvents(
      when(
        given(created, submitted, unitApproved),
        { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2', 'm1'] } },
        secretariat,
      ),
    );
    expect(events.map((e) => e.type)).toEqual(['AppraisalAccepted', 'CouncilVotingOpened']);
    expect(events[1].data).toMatchObject({ members: ['m1', 'm2'] });
  });
  it('the secretariat returns a dossier under appraisal with its reason', () => {
    expect(
      thenEvents(
        when(
          given(created, submitted, unitApproved),
          { type: 'ReturnDossier', data: { reason: 'Thiếu tờ trình' } },
          secretariat,
        ),
      ),
    ).toEqual([{ type: 'DossierReturned', data: { reason: 'Thiếu tờ trình', from: 'APPRAISAL' } }]);
  });
});

describe('council voting', () => {
  const voting = () => given(created, submitted, unitApproved, ...opened(['m1', 'm2', 'm3']));
  const vote = (approve: boolean): DossierCommand => ({ type: 'CastVote', data: { approve } });

  it('a member votes once', () => {
    const s = given(created, submitted, unitApproved, ...opened(['m1', 'm2', 'm3']), {
      type: 'VoteCast',
      data: { memberId: 'm1', approve: true },
    });
    expect(thenRejected(when(s, vote(false), actor('COUNCIL_MEMBER', 'm1'))).rule).toBe('council.member-votes-once');
  });
  it('someone outside the council cannot vote', () => {
    expect(thenRejected(when(voting(), vote(true), actor('COUNCIL_MEMBER', 'outsider'))).rule).toBe(
      'council.members-only',
    );
  });
  it('the last vote closes the voting with the tally: 2 of 3 passes a simple majority', () => {
    const s = given(
      created,
      submitted,
      unitApproved,
      ...opened(['m1', 'm2', 'm3']),
      { type: 'VoteCast', data: { memberId: 'm1', approve: true } },
      { type: 'VoteCast', data: { memberId: 'm2', approve: false } },
    );
    const events = thenEvents(when(s, vote(true), actor('COUNCIL_MEMBER', 'm3')));
    expect(events[1]).toEqual({
      type: 'CouncilVotingClosed',
      data: { members: 3, present: 3, approvals: 2, rejections: 1, quorumMet: true, passed: true },
    });
  });
  it('1 of 3 fails and the dossier is rejected', () => {
    const s = given(
      created,
      submitted,
      unitApproved,
      ...opened(['m1', 'm2', 'm3']),
      { type: 'VoteCast', data: { memberId: 'm1', approve: true } },
      { type: 'VoteCast', data: { memberId: 'm2', approve: false } },
    );
    const events = thenEvents(when(s, vote(false), actor('COUNCIL_MEMBER', 'm3')));
    expect(evolveAll(s, events).status).toBe('REJECTED');
  });
});

describe('the decision', () => {
  const awaiting = () =>
    given(
      created,
      submitted,
      unitApproved,
      ...opened(['m1']),
      { type: 'VoteCast', data: { memberId: 'm1', approve: true } },
      {
        type: 'CouncilVotingClosed',
        data: { members: 1, present: 1, approvals: 1, rejections: 0, quorumMet: true, passed: true },
      },
    );
  const allocated = { number: '12/QĐ-UBND', authority: 'PROVINCIAL_CHAIRMAN', year: 2025 };

  it('the chairman awards with the allocated number, signer, date and the rule set legal basis', () => {
    const [event] = thenEvents(
      when(awaiting(), { type: 'DecideDossier', data: { approve: true, allocated } }, chairman),
    );
    expect(event).toEqual({
      type: 'DossierAwarded',
      data: {
        decision: {
          ...allocated,
          signerId: 'chair',
          signedOn: '2025-07-01',
          legalBasis: [
            'Luật Thi đua, khen thưởng số 06/2022/QH15',
            'Nghị định 152/2025/NĐ-CP',
            'Thông tư 15/2025/TT-BNV',
          ],
        },
      },
    });
  });
  it('a rejection needs a written reason', () => {
    expect(thenRejected(when(awaiting(), { type: 'DecideDossier', data: { approve: false } }, chairman)).rule).toBe(
      'decision.reason-required',
    );
  });
  it('no decision before the council has voted', () => {
    expect(
      thenRejected(
        when(given(created, submitted), { type: 'DecideDossier', data: { approve: true, allocated } }, chairman),
      ).code,
    ).toBe('WRONG_STATE');
  });
  it('the unit cannot withdraw a dossier awaiting the decision', () => {
    expect(thenRejected(when(awaiting(), { type: 'WithdrawDossier', data: { reason: 'x' } }, clerk)).code).toBe(
      'WRONG_STATE',
    );
  });
});
