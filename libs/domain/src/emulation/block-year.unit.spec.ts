import type { Actor } from '../shared/actor';
import { SYSTEM_ACTOR } from '../shared/actor';
import {
  flagDossierDraft,
  pendingBlockYearTimer,
  type BlockYearEvent,
  type BlockYearOpening,
  type FlagProposals,
} from './block-year';
import { EMULATION_DEFAULTS } from '../rule-set/rule-sets';
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

describe('the block meeting votes on its proposals (quorum 2/3 of the members, more than half of those present [U])', () => {
  const ranked: BlockYearEvent = {
    type: 'BlockYearRanked',
    data: {
      ranking: [
        { unitCode: 'B', criteriaPoints: 65, bonus: 0, penalty: 0, total: 65, rank: 1, assessed: true },
        { unitCode: 'A', criteriaPoints: 60, bonus: 0, penalty: 0, total: 60, rank: 2, assessed: true },
        { unitCode: 'C', criteriaPoints: 50, bonus: 0, penalty: 0, total: 50, rank: 3, assessed: true },
      ],
    },
  };
  const r = givenBlockYear(...inReview, ranked);
  const rule = { flagQuotas: EMULATION_DEFAULTS.flagQuotas, flagVote: EMULATION_DEFAULTS.flagVote };
  const propose = (over: Partial<FlagProposals>) =>
    whenBlockYear(
      r,
      {
        type: 'ProposeFlags',
        data: {
          provincial: ['B'],
          government: [],
          meetingDate: '2027-03-05',
          minutesRef: '05/BB-K1',
          rule,
          vote: {
            method: 'SECRET',
            present: ['A', 'B', 'C'],
            tallies: [{ unitCode: 'B', flag: 'PROVINCIAL', votesFor: 2 }],
          },
          ...over,
        },
      },
      headOf('A'),
      0,
    );

  it('a proposal carried by 2 of 3 present is recorded with its vote and the rule it was decided under', () => {
    const [e] = thenEvents(propose({}));
    expect(e).toMatchObject({
      type: 'BlockYearFlagsProposed',
      data: { provincial: ['B'], vote: { method: 'SECRET', present: ['A', 'B', 'C'] }, rule },
    });
  });
  it('without a quorum (1 of 3 present) the meeting cannot propose', () => {
    const rejection = thenRejected(
      propose({
        vote: { method: 'OPEN', present: ['B'], tallies: [{ unitCode: 'B', flag: 'PROVINCIAL', votesFor: 1 }] },
      }),
    );
    expect(rejection.rule).toBe('block.vote-quorum');
    expect(rejection.message).toContain('1 of 3 member units present');
  });
  it('half of those present is not more than half: 1 of 2 refuses, naming the unit', () => {
    const rejection = thenRejected(
      propose({
        vote: { method: 'OPEN', present: ['A', 'B'], tallies: [{ unitCode: 'B', flag: 'PROVINCIAL', votesFor: 1 }] },
      }),
    );
    expect(rejection.rule).toBe('block.vote-majority');
    expect(rejection.message).toContain('B has 1 of 2 votes');
  });
  it('every proposal needs its tally; a stranger present or more votes than present is bad input', () => {
    const tally = { unitCode: 'B', flag: 'PROVINCIAL' as const, votesFor: 3 };
    expect(thenRejected(propose({ government: ['B'] })).rule).toBe('block.vote-tally');
    expect(thenRejected(propose({ vote: { method: 'OPEN', present: ['A', 'X'], tallies: [tally] } })).rule).toBe(
      'block.vote-present',
    );
    expect(thenRejected(propose({ vote: { method: 'OPEN', present: ['A', 'B'], tallies: [tally] } })).rule).toBe(
      'block.vote-tally',
    );
  });
  it('the quota is the rule set’s: a province allowing two provincial flags per block lets the second place through', () => {
    const vote = {
      method: 'OPEN' as const,
      present: ['A', 'B', 'C'],
      tallies: [
        { unitCode: 'B', flag: 'PROVINCIAL' as const, votesFor: 3 },
        { unitCode: 'A', flag: 'PROVINCIAL' as const, votesFor: 2 },
      ],
    };
    expect(thenRejected(propose({ provincial: ['B', 'A'], vote })).rule).toBe('block.flag-quota');
    const two = { ...rule, flagQuotas: { ...rule.flagQuotas, provincialPerBlock: 2 } };
    expect(thenEvents(propose({ provincial: ['B', 'A'], vote, rule: two }))[0].type).toBe('BlockYearFlagsProposed');
  });
  it('a proposal recorded before the vote and the rule travelled (none in the command) is decided as then', () => {
    expect(thenEvents(propose({ vote: undefined, rule: undefined }))[0].type).toBe('BlockYearFlagsProposed');
  });
});

describe('the proposals become nomination dossiers, recorded on the block year', () => {
  const ranked: BlockYearEvent = {
    type: 'BlockYearRanked',
    data: {
      ranking: [
        { unitCode: 'B', criteriaPoints: 65, bonus: 2, penalty: 0, total: 67, rank: 1, assessed: true },
        { unitCode: 'A', criteriaPoints: 60, bonus: 0, penalty: 0, total: 60, rank: 2, assessed: true },
        { unitCode: 'C', criteriaPoints: 50, bonus: 0, penalty: 0, total: 50, rank: 3, assessed: true },
      ],
    },
  };
  const proposed: BlockYearEvent = {
    type: 'BlockYearFlagsProposed',
    data: {
      provincial: ['B'],
      government: [],
      meetingDate: '2027-03-05',
      minutesRef: '05/BB-K1',
      vote: {
        method: 'SECRET',
        present: ['A', 'B', 'C'],
        tallies: [{ unitCode: 'B', flag: 'PROVINCIAL', votesFor: 3 }],
      },
    },
  };
  const p = givenBlockYear(...inReview, ranked, proposed);
  const record = { unitCode: 'B', flag: 'PROVINCIAL' as const, awardCode: 'CO_TD_TINH', dossierId: 'd-1' };

  it('the draft: the unit as collective nominee, the evaluation year, rank, points, vote, and the minutes as evidence', () => {
    const draft = flagDossierDraft(p, 'B', 'PROVINCIAL', 'CO_TD_TINH');
    expect(draft).toMatchObject({
      awardCode: 'CO_TD_TINH',
      nominee: { kind: 'COLLECTIVE', fullName: 'Sở B' },
      record: { evaluationYear: 2026 },
      parts: [{ kind: 'EVIDENCE', ref: 'Biên bản họp Khối Văn hóa – Xã hội số 05/BB-K1 ngày 2027-03-05' }],
    });
    expect(draft?.achievements).toContain('Xếp hạng 1/3 của khối, tổng điểm 67');
    expect(draft?.achievements).toContain('bằng phiếu kín: 3/3 đơn vị có mặt tán thành');
    expect(flagDossierDraft(p, 'A', 'PROVINCIAL', 'CO_TD_TINH')).toBeUndefined();
    expect(flagDossierDraft(p, 'B', 'GOVERNMENT', 'CO_TD_CHINH_PHU')).toBeUndefined();
  });
  it('the leader put forward for the Government’s flag gets a second draft, for the award the rule set names', () => {
    const both = givenBlockYear(...inReview, ranked, {
      ...proposed,
      data: { ...proposed.data, government: ['B'], vote: undefined },
    } as BlockYearEvent);
    expect(flagDossierDraft(both, 'B', 'GOVERNMENT', 'CO_TD_CHINH_PHU')).toMatchObject({
      awardCode: 'CO_TD_CHINH_PHU',
      title: 'Đề nghị tặng Cờ thi đua của Chính phủ năm 2026 cho Sở B',
    });
    expect(
      thenEvents(
        whenBlockYear(
          both,
          { type: 'RecordProposalDossier', data: { ...record, flag: 'GOVERNMENT', awardCode: 'CO_TD_CHINH_PHU' } },
          clerkOf('B'),
          0,
        ),
      )[0].type,
    ).toBe('BlockYearProposalDossierRecorded');
  });
  it('the proposed unit’s clerk records its dossier once; a unit not proposed is refused', () => {
    const [e] = thenEvents(whenBlockYear(p, { type: 'RecordProposalDossier', data: record }, clerkOf('B'), 0));
    expect(e).toEqual({ type: 'BlockYearProposalDossierRecorded', data: record });
    expect(givenBlockYear(...inReview, ranked, proposed, e).proposalDossiers).toEqual([record]);
    expect(
      thenRejected(
        whenBlockYear(
          givenBlockYear(...inReview, ranked, proposed, e),
          { type: 'RecordProposalDossier', data: record },
          clerkOf('B'),
          0,
        ),
      ).rule,
    ).toBe('block.proposal-dossier-once');
    expect(
      thenRejected(
        whenBlockYear(p, { type: 'RecordProposalDossier', data: { ...record, unitCode: 'A' } }, clerkOf('A'), 0),
      ).rule,
    ).toBe('block.proposal-dossier-proposed');
    expect(thenRejected(whenBlockYear(p, { type: 'RecordProposalDossier', data: record }, clerkOf('A'), 0)).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the mid-year check (sơ kết 6 tháng): after the pledges, before the self-assessment, optional', () => {
  const running = givenBlockYear(opened, adopted, approved, ...allPledged);
  const check = {
    heldOn: '2026-07-10',
    summary: '  Sơ kết 6 tháng: các đơn vị hoàn thành 55% kế hoạch năm.  ',
    remarks: [{ unitCode: 'C', remark: ' Cần đẩy nhanh tiến độ tiêu chí C1 ' }],
  };
  const july = at('2026-07-15T09:00:00');
  const record = (data: typeof check, actor: Actor = headOf('A'), now = july, s = running) =>
    whenBlockYear(s, { type: 'RecordMidYearCheck', data }, actor, now);

  it('the head unit records it (summary and remarks trimmed, the day recorded); it is kept in the state', () => {
    const events = thenEvents(record(check));
    const checked = {
      heldOn: '2026-07-10',
      summary: 'Sơ kết 6 tháng: các đơn vị hoàn thành 55% kế hoạch năm.',
      remarks: [{ unitCode: 'C', remark: 'Cần đẩy nhanh tiến độ tiêu chí C1' }],
      recordedOn: '2026-07-15',
    };
    expect(events).toEqual([{ type: 'BlockYearMidYearChecked', data: checked }]);
    const s = givenBlockYear(opened, adopted, approved, ...allPledged, ...events);
    expect(s).toMatchObject({ phase: 'IN_PROGRESS', midYearCheck: checked });
  });
  it('the secretariat may record it, without remarks; recorded again before the self-assessment, it replaces the first', () => {
    const first = thenEvents(record(check));
    const s = givenBlockYear(opened, adopted, approved, ...allPledged, ...first);
    const again = thenEvents(record({ heldOn: '2026-07-12', summary: 'Bản sửa', remarks: [] }, secretariat, july, s));
    expect(givenBlockYear(opened, adopted, approved, ...allPledged, ...first, ...again).midYearCheck).toEqual({
      heldOn: '2026-07-12',
      summary: 'Bản sửa',
      remarks: [],
      recordedOn: '2026-07-15',
    });
  });
  it('not before every pledge is signed, nor once the self-assessment has opened', () => {
    const pledging = givenBlockYear(opened, adopted, approved, pledged('A'), pledged('B'));
    expect(thenRejected(record(check, headOf('A'), july, pledging))).toMatchObject({
      code: 'WRONG_STATE',
      rule: 'block-year.RecordMidYearCheck',
    });
    const selfAssessing = givenBlockYear(opened, adopted, approved, ...allPledged, selfOpen);
    expect(thenRejected(record(check, headOf('A'), july, selfAssessing)).code).toBe('WRONG_STATE');
  });
  it('another member’s head or the head unit’s clerk may not record it', () => {
    expect(thenRejected(record(check, headOf('B'))).code).toBe('FORBIDDEN');
    expect(thenRejected(record(check, clerkOf('A'))).code).toBe('FORBIDDEN');
  });
  it('remarks are on members of the block, one each, not empty', () => {
    const stranger = thenRejected(record({ ...check, remarks: [{ unitCode: 'Z', remark: 'Tốt' }] }));
    expect(stranger).toMatchObject({ code: 'INVALID', rule: 'block.member', details: { field: 'remarks' } });
    expect(
      thenRejected(
        record({
          ...check,
          remarks: [
            { unitCode: 'B', remark: 'Tốt' },
            { unitCode: 'B', remark: 'Khá' },
          ],
        }),
      ).rule,
    ).toBe('block.mid-year-remarks');
    expect(thenRejected(record({ ...check, remarks: [{ unitCode: 'B', remark: '  ' }] })).rule).toBe(
      'block.mid-year-remarks',
    );
    expect(thenRejected(record({ ...check, summary: ' ' })).rule).toBe('block.mid-year-summary');
  });
  it('held within the block’s year and not after today: another year, a day to come or no date are refused', () => {
    expect(thenRejected(record({ ...check, heldOn: '2025-12-30' }))).toMatchObject({
      code: 'INVALID',
      rule: 'block.mid-year-date',
      details: { field: 'heldOn', year: 2026 },
    });
    expect(thenRejected(record({ ...check, heldOn: '2026-07-16' })).rule).toBe('block.mid-year-date-future');
    expect(thenRejected(record({ ...check, heldOn: '2026-02-30' })).rule).toBe('block.mid-year-date');
    // Today (Vietnam) is allowed: 15/07 at 06:00 in Hà Nội is still 14/07 in UTC.
    expect(thenEvents(record({ ...check, heldOn: '2026-07-15' }, headOf('A'), at('2026-07-15T06:00:00')))).toHaveLength(
      1,
    );
    // A check recorded the next year (the year's work runs into January) still names a day of the block's year.
    expect(thenEvents(record({ ...check, heldOn: '2026-07-10' }, headOf('A'), at('2027-01-05T09:00:00')))).toHaveLength(
      1,
    );
  });
  it('optional: the self-assessment opens without it, as it did in histories recorded before it existed', () => {
    expect(running.midYearCheck).toBeUndefined();
    expect(
      thenEvents(
        whenBlockYear(running, { type: 'OpenSelfAssessment', data: {} }, headOf('A'), at('2027-01-29T09:00:00')),
      ),
    ).toEqual([selfOpen]);
  });
});
