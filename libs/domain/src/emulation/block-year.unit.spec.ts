import type { Actor } from '../shared/actor';
import { SYSTEM_ACTOR } from '../shared/actor';
import { pendingBlockYearTimer, type BlockYearEvent, type BlockYearOpening } from './block-year';
import type { ScoringTemplate } from './scoring';
import { givenBlockYear, thenEvents, thenRejected, whenBlockYear } from './given-when-then';

const at = (isoLocal: string) => Date.parse(`${isoLocal}+07:00`);
const secretariat: Actor = { userId: 's1', role: 'SECRETARIAT_OFFICER' };
const headOf = (unitCode: string): Actor => ({ userId: `head-${unitCode}`, role: 'UNIT_HEAD', unitCode });
const clerkOf = (unitCode: string): Actor => ({ userId: `clerk-${unitCode}`, role: 'UNIT_CLERK', unitCode });

const opening: BlockYearOpening = {
  blockId: 'b1',
  blockCode: 'K1',
  blockName: 'Khối Văn hóa – Xã hội',
  provinceCode: 'P',
  year: 2026,
  members: [
    { unitCode: 'A', name: 'Sở A' },
    { unitCode: 'B', name: 'Sở B' },
    { unitCode: 'C', name: 'Sở C' },
  ],
  leadership: { head: 'A', deputy: 'B' },
};
const template: ScoringTemplate = {
  criteria: [
    { code: 'C1', title: 'Nhiệm vụ chuyên môn', maxPoints: 70, evidenceRequired: true },
    { code: 'C2', title: 'Phong trào', maxPoints: 30, evidenceRequired: false },
  ],
  maxBonus: 5,
  maxPenalty: 10,
};
const opened: BlockYearEvent = { type: 'BlockYearOpened', data: opening };
const adopted: BlockYearEvent = { type: 'BlockYearTemplateAdopted', data: template };
const approved: BlockYearEvent = { type: 'BlockYearTemplateApproved', data: { approvedOn: '2026-02-20' } };
const pledged = (u: string): BlockYearEvent => ({
  type: 'BlockYearPledgeSigned',
  data: { unitCode: u, signedOn: '2026-03-01' },
});
const allPledged: BlockYearEvent[] = [
  pledged('A'),
  pledged('B'),
  pledged('C'),
  { type: 'BlockYearPledgesCompleted', data: { members: 3 } },
];
const selfOpen: BlockYearEvent = {
  type: 'BlockYearSelfAssessmentOpened',
  data: { deadline: '2027-02-19', workingDays: 10 },
};
const selfAssessed = (u: string, c1: number): BlockYearEvent => ({
  type: 'BlockYearSelfAssessed',
  data: {
    unitCode: u,
    scores: [{ criterionCode: 'C1', points: c1, evidence: ['01/BC'] }],
    bonus: 0,
    penalty: 0,
    submittedOn: '2027-02-01',
  },
});
const inReview: BlockYearEvent[] = [
  opened,
  adopted,
  approved,
  ...allPledged,
  selfOpen,
  selfAssessed('A', 60),
  selfAssessed('B', 65),
  selfAssessed('C', 50),
  { type: 'BlockYearSelfAssessmentClosed', data: { missing: [], atDeadline: false } },
];

describe('opening a block year: the head and deputy by rotation', () => {
  it('the secretariat opens the year with the rotation’s head and deputy', () => {
    expect(
      thenEvents(
        whenBlockYear(
          givenBlockYear(),
          { type: 'OpenBlockYear', data: opening },
          secretariat,
          at('2026-01-10T09:00:00'),
        ),
      ),
    ).toEqual([opened]);
  });
  it('a head other than the rotation gives is refused without a reason, accepted with one', () => {
    const other = { ...opening, leadership: { head: 'C', deputy: 'A' } };
    expect(
      thenRejected(
        whenBlockYear(givenBlockYear(), { type: 'OpenBlockYear', data: other }, secretariat, at('2026-01-10T09:00:00')),
      ).rule,
    ).toBe('block.rotation');
    expect(
      thenEvents(
        whenBlockYear(
          givenBlockYear(),
          { type: 'OpenBlockYear', data: { ...other, departureReason: 'Sở A xin không làm khối trưởng (sáp nhập)' } },
          secretariat,
          at('2026-01-10T09:00:00'),
        ),
      ),
    ).toHaveLength(1);
  });
  it('the year after: the member after last year’s head', () => {
    const next = { ...opening, year: 2027, previous: { head: 'A', order: ['A', 'B', 'C'] } };
    expect(
      thenRejected(whenBlockYear(givenBlockYear(), { type: 'OpenBlockYear', data: next }, secretariat, 0)).details,
    ).toMatchObject({ rotation: { head: 'B', deputy: 'C' } });
  });
  it('a unit head may not open a block year', () => {
    expect(
      thenRejected(whenBlockYear(givenBlockYear(), { type: 'OpenBlockYear', data: opening }, headOf('A'), 0)).code,
    ).toBe('FORBIDDEN');
  });
});

describe('template adopted by the block, approved by the secretariat for the provincial council', () => {
  it('the head unit adopts, the secretariat approves; another member cannot adopt', () => {
    expect(
      thenEvents(whenBlockYear(givenBlockYear(opened), { type: 'AdoptTemplate', data: template }, headOf('A'), 0)),
    ).toEqual([adopted]);
    expect(
      thenRejected(whenBlockYear(givenBlockYear(opened), { type: 'AdoptTemplate', data: template }, headOf('B'), 0))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      thenEvents(
        whenBlockYear(
          givenBlockYear(opened, adopted),
          { type: 'ApproveTemplate', data: {} },
          secretariat,
          at('2026-02-20T10:00:00'),
        ),
      ),
    ).toEqual([approved]);
  });
  it('no pledge before the template is approved', () => {
    expect(
      thenRejected(
        whenBlockYear(givenBlockYear(opened, adopted), { type: 'SignPledge', data: { unitCode: 'A' } }, headOf('A'), 0),
      ).code,
    ).toBe('WRONG_STATE');
  });
});

describe('pledges (ký giao ước): one event per member, the last completes them', () => {
  it('each member’s head signs once; the third signature completes the pledges', () => {
    const s = givenBlockYear(opened, adopted, approved, pledged('A'), pledged('B'));
    expect(
      thenEvents(
        whenBlockYear(s, { type: 'SignPledge', data: { unitCode: 'C' } }, headOf('C'), at('2026-03-01T09:00:00')),
      ).map((e) => e.type),
    ).toEqual(['BlockYearPledgeSigned', 'BlockYearPledgesCompleted']);
    expect(thenRejected(whenBlockYear(s, { type: 'SignPledge', data: { unitCode: 'A' } }, headOf('A'), 0)).rule).toBe(
      'block.pledge-once',
    );
    expect(thenRejected(whenBlockYear(s, { type: 'SignPledge', data: { unitCode: 'C' } }, headOf('A'), 0)).code).toBe(
      'FORBIDDEN',
    );
    expect(thenRejected(whenBlockYear(s, { type: 'SignPledge', data: { unitCode: 'Z' } }, secretariat, 0)).rule).toBe(
      'block.member',
    );
  });
});

describe('self-assessment by a working-day deadline', () => {
  const running = givenBlockYear(opened, adopted, approved, ...allPledged);
  it('opened on Fri 29/01/2027 for 10 working days, it is due Fri 19/02/2027 (Tết 04–10/02 skipped)', () => {
    const [e] = thenEvents(
      whenBlockYear(running, { type: 'OpenSelfAssessment', data: {} }, headOf('A'), at('2027-01-29T09:00:00')),
    );
    expect(e).toEqual(selfOpen);
    expect(pendingBlockYearTimer(givenBlockYear(opened, adopted, approved, ...allPledged, selfOpen))).toMatchObject({
      dueAt: at('2027-02-20T00:00:00'),
      command: { type: 'CloseSelfAssessment' },
    });
  });
  it('a member’s clerk submits its own unit’s scores with evidence; another unit’s clerk may not', () => {
    const s = givenBlockYear(opened, adopted, approved, ...allPledged, selfOpen);
    const data = {
      unitCode: 'B',
      scores: [{ criterionCode: 'C1', points: 60, evidence: ['01/BC-SB'] }],
      bonus: 2,
      penalty: 0,
    };
    expect(
      thenEvents(whenBlockYear(s, { type: 'SubmitSelfAssessment', data }, clerkOf('B'), at('2027-02-01T09:00:00'))),
    ).toEqual([{ type: 'BlockYearSelfAssessed', data: { ...data, submittedOn: '2027-02-01' } }]);
    expect(thenRejected(whenBlockYear(s, { type: 'SubmitSelfAssessment', data }, clerkOf('A'), 0)).code).toBe(
      'FORBIDDEN',
    );
    expect(
      thenRejected(
        whenBlockYear(
          s,
          {
            type: 'SubmitSelfAssessment',
            data: { ...data, scores: [{ criterionCode: 'C1', points: 60, evidence: [] }] },
          },
          clerkOf('B'),
          0,
        ),
      ).rule,
    ).toBe('block.evidence-required');
  });
  it('the last member’s assessment closes the self-assessment before the deadline', () => {
    const s = givenBlockYear(
      opened,
      adopted,
      approved,
      ...allPledged,
      selfOpen,
      selfAssessed('A', 60),
      selfAssessed('B', 60),
    );
    const events = thenEvents(
      whenBlockYear(
        s,
        { type: 'SubmitSelfAssessment', data: { unitCode: 'C', scores: [], bonus: 0, penalty: 0 } },
        headOf('C'),
        0,
      ),
    );
    expect(events.map((e) => e.type)).toEqual(['BlockYearSelfAssessed', 'BlockYearSelfAssessmentClosed']);
  });
  it('at the deadline the engine closes it, naming the members that sent nothing; not before', () => {
    const s = givenBlockYear(opened, adopted, approved, ...allPledged, selfOpen, selfAssessed('A', 60));
    expect(
      thenRejected(whenBlockYear(s, { type: 'CloseSelfAssessment', data: {} }, SYSTEM_ACTOR, at('2027-02-19T18:00:00')))
        .rule,
    ).toBe('block.self-assessment-deadline');
    expect(
      thenEvents(whenBlockYear(s, { type: 'CloseSelfAssessment', data: {} }, SYSTEM_ACTOR, at('2027-02-20T00:00:00'))),
    ).toEqual([{ type: 'BlockYearSelfAssessmentClosed', data: { missing: ['B', 'C'], atDeadline: true } }]);
  });
});

describe('cross-review, ranking, proposals, closing', () => {
  it('the head adjusts a member’s points with a reason; the deputy reviews the head’s own unit', () => {
    const s = givenBlockYear(...inReview);
    const adj = { unitCode: 'B', target: 'C1', points: 55, reason: 'Minh chứng chưa đủ cho 10 điểm' };
    expect(thenEvents(whenBlockYear(s, { type: 'AdjustScore', data: adj }, headOf('A'), 0))).toEqual([
      { type: 'BlockYearScoreAdjusted', data: adj },
    ]);
    expect(
      thenRejected(whenBlockYear(s, { type: 'AdjustScore', data: { ...adj, reason: ' ' } }, headOf('A'), 0)).rule,
    ).toBe('block.adjustment-reason');
    expect(
      thenRejected(whenBlockYear(s, { type: 'AdjustScore', data: { ...adj, unitCode: 'A' } }, headOf('A'), 0)).code,
    ).toBe('FORBIDDEN');
    expect(
      thenEvents(whenBlockYear(s, { type: 'AdjustScore', data: { ...adj, unitCode: 'A' } }, headOf('B'), 0)),
    ).toHaveLength(1);
  });
  it('ranking, then the block proposes its leader; a non-leader is refused naming its rank; the secretariat closes', () => {
    const s = givenBlockYear(...inReview, {
      type: 'BlockYearScoreAdjusted',
      data: { unitCode: 'B', target: 'C1', points: 55, reason: 'Thiếu minh chứng' },
    });
    const [ranked] = thenEvents(whenBlockYear(s, { type: 'RankBlock', data: {} }, headOf('A'), 0));
    expect(ranked).toMatchObject({
      type: 'BlockYearRanked',
      data: {
        ranking: [
          { unitCode: 'A', total: 60, rank: 1 },
          { unitCode: 'B', total: 55, rank: 2 },
          { unitCode: 'C', total: 50, rank: 3 },
        ],
      },
    });
    const r = givenBlockYear(...inReview, ranked);
    const meeting = { meetingDate: '2027-03-05', minutesRef: '05/BB-K1' };
    expect(
      thenRejected(
        whenBlockYear(
          r,
          { type: 'ProposeFlags', data: { provincial: ['B'], government: [], ...meeting } },
          headOf('A'),
          0,
        ),
      ).message,
    ).toContain('B ranks 2 of 3');
    const [proposed] = thenEvents(
      whenBlockYear(
        r,
        { type: 'ProposeFlags', data: { provincial: ['A'], government: ['A'], ...meeting } },
        headOf('A'),
        0,
      ),
    );
    expect(
      thenEvents(
        whenBlockYear(
          givenBlockYear(...inReview, ranked, proposed),
          { type: 'CloseBlockYear', data: {} },
          secretariat,
          0,
        ),
      ),
    ).toEqual([{ type: 'BlockYearClosed', data: { ranking: (ranked.data as { ranking: unknown }).ranking } }]);
  });
});
