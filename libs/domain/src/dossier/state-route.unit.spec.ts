import { RULE_SET_2024, RULE_SET_2025 } from '../rule-set/rule-sets';
import { requiresPublicPosting } from '../rule-set/select';
import { SYSTEM_ACTOR, type Actor } from '../shared/actor';
import type { DossierCommand } from './commands';
import { decide } from './decide';
import { pendingTimer } from './deadlines';
import type { DossierEvent } from './events';
import { evolveAll } from './evolve';
import { exampleBkThuTuongContent } from './examples';
import { centralRequirements, decisionIssuer, proposalIssuer } from './route';
import { progressOf } from './progress';
import type { DossierState } from './types';
import { givenStream, thenEvents, thenRejected, when as whenAt } from './given-when-then';

/** Given events / when command / then events or rejection: the state route (rules 3, 23–25, 28). */
const JULY_2025 = Date.UTC(2025, 6, 1, 3); // Tuesday 01/07/2025, 10:00 in Hà Nội
const actor = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});
const clerk = actor('UNIT_CLERK', 'clerk', 'SGDDT');
const secretariat = actor('SECRETARIAT_OFFICER', 'sec');
const chairman = actor('PROVINCIAL_DECIDER', 'chair');
const moha = actor('CENTRAL_APPRAISER', 'moha');
const pm = { ...actor('CENTRAL_DECIDER', 'vpcp'), onBehalfOf: 'PRIME_MINISTER' };
const president = { ...actor('CENTRAL_DECIDER', 'vpctn'), onBehalfOf: 'PRESIDENT' };

const nominee = { kind: 'INDIVIDUAL' as const, fullName: 'Lê Thị Hoa' };
const createdAs = (awardCode: string): DossierEvent => ({
  type: 'DossierCreated',
  data: {
    awardCode,
    unitCode: 'SGDDT',
    title: 'Đề nghị khen thưởng cấp Nhà nước',
    nominee,
    achievements: 'Xuất sắc',
    ...exampleBkThuTuongContent(2024),
  },
});
const submitted: DossierEvent = { type: 'DossierSubmitted', data: { ruleSetVersion: RULE_SET_2025.version } };
const inAppraisal = (award: string): DossierEvent[] => [
  createdAs(award),
  submitted,
  { type: 'UnitApproved', data: {} },
];
const posting: DossierEvent[] = [
  { type: 'AppraisalAccepted', data: {} },
  { type: 'PublicPostingOpened', data: { deadline: '2025-07-15', workingDays: 10 } },
];
const objection: DossierEvent = {
  type: 'ObjectionRecorded',
  data: { source: 'Đơn của ông A', text: 'Thành tích chưa chính xác', receivedOn: '2025-07-03' },
};
const passed: DossierEvent = {
  type: 'CouncilVotingClosed',
  data: { members: 3, present: 3, approvals: 3, rejections: 0, quorumMet: true, passed: true, sessionId: 's1' },
};
const rule = RULE_SET_2025.council.default;
const councilDone = (award: string): DossierEvent[] => [
  ...inAppraisal(award),
  ...posting,
  { type: 'PublicPostingClosed', data: { deadline: '2025-07-15', objections: 0 } },
  { type: 'ScheduledForCouncil', data: { sessionId: 's1', rule, members: ['m1', 'm2', 'm3'] } },
  passed,
];
const proposal = {
  number: '45/TTr-UBND',
  authority: 'PROVINCIAL_CHAIRMAN:P',
  year: 2025,
  signerId: 'chair',
  signedOn: '2025-07-01',
};
const atCentre = (award: string): DossierEvent[] => [
  ...councilDone(award),
  { type: 'ProposalSigned', data: { proposal } },
  { type: 'CentralStageOpened', data: { reference: 'in-process:d', ...centralRequirements(RULE_SET_2025, award) } },
];

const given = givenStream('s-1');
const when = (state: DossierState, command: DossierCommand, who: Actor, now = JULY_2025) =>
  whenAt(state, command, who, now);
const after = (state: DossierState, result: ReturnType<typeof decide>) => evolveAll(state, thenEvents(result));

describe('state-level awards open by the catalog (rules 3, 4)', () => {
  it.each(['BK_THU_TUONG', 'CSTD_TOAN_QUOC', 'HC_LAO_DONG_3'])('a unit clerk creates a %s dossier', (code) => {
    const { data } = createdAs(code) as Extract<DossierEvent, { type: 'DossierCreated' }>;
    expect(thenEvents(when(given(), { type: 'CreateDossier', data }, clerk)).map((e) => e.type)).toEqual([
      'DossierCreated',
    ]);
  });
  it('a complete and eligible BK TTg passes submission (rules 9, 18, 19)', () => {
    expect(thenEvents(when(given(createdAs('BK_THU_TUONG')), { type: 'SubmitDossier', data: {} }, clerk))[0].type).toBe(
      'DossierSubmitted',
    );
  });
  it('what the centre requires comes from the rule set: hiệp y (UNCONFIRMED) and the Ministry consultation (rule 24)', () => {
    expect(centralRequirements(RULE_SET_2025, 'BK_THU_TUONG')).toEqual({
      hiepYRequired: true,
      consultationRequired: false,
    });
    expect(centralRequirements(RULE_SET_2025, 'CSTD_TOAN_QUOC')).toEqual({
      hiepYRequired: false,
      consultationRequired: true,
    });
    expect(centralRequirements(RULE_SET_2025, 'HC_LAO_DONG_3')).toEqual({
      hiepYRequired: true,
      consultationRequired: false,
    });
    expect(RULE_SET_2025.stateRoute.hiepY.confirmed).toBe(false);
    expect(RULE_SET_2025.stateRoute.hiepY.note).toContain('UNCONFIRMED');
  });
});

describe('public posting at the proposing level, 10 working days (rules 23, 28)', () => {
  // Corrected (issue 8): these two used Bằng khen Thủ tướng, which the rule set does not post (rule 23 is a list).
  it('after appraisal the secretariat opens the posting with a deadline in working days', () => {
    const s = given(...inAppraisal('HC_LAO_DONG_3'));
    const events = thenEvents(when(s, { type: 'OpenPublicPosting', data: {} }, secretariat));
    // 01/07/2025 + 10 working days → 15/07/2025.
    expect(events).toEqual([
      { type: 'AppraisalAccepted', data: {} },
      { type: 'PublicPostingOpened', data: { deadline: '2025-07-15', workingDays: 10 } },
    ]);
    const next = evolveAll(s, events);
    expect(next.status).toBe('PUBLIC_POSTING');
    expect(progressOf(next.status, 'STATE').holder).toBe('SECRETARIAT_OFFICER');
    expect(pendingTimer(next)).toEqual({
      dueAt: Date.UTC(2025, 6, 15, 17),
      command: { type: 'ClosePublicPosting', data: {} },
    });
  });
  it('a state-level dossier the rule set posts is not put to the council before the posting', () => {
    const s = given(...inAppraisal('HC_LAO_DONG_3'));
    expect(
      thenRejected(when(s, { type: 'ScheduleForCouncil', data: { sessionId: 's1', members: ['m1'] } }, secretariat))
        .code,
    ).toBe('WRONG_STATE');
    expect(thenRejected(when(s, { type: 'AcceptAppraisal', data: { councilMembers: ['m1'] } }, secretariat)).code).toBe(
      'WRONG_STATE',
    );
  });
  it('which awards are posted is a rule-set list: orders, honorary titles and CSTĐ toàn quốc, not Bằng khen Thủ tướng or Cờ thi đua CP', () => {
    for (const ruleSet of [RULE_SET_2024, RULE_SET_2025]) {
      expect(
        ['HC_LAO_DONG_3', 'HC_DOC_LAP_1', 'AH_LAO_DONG', 'BA_ME_VNAH', 'CSTD_TOAN_QUOC'].every((c) =>
          requiresPublicPosting(ruleSet, c),
        ),
      ).toBe(true);
      expect(
        ['BK_THU_TUONG', 'CO_TD_CHINH_PHU', 'HCH_CHIEN_SI_VE_VANG_1'].some((c) => requiresPublicPosting(ruleSet, c)),
      ).toBe(false);
    }
    expect(RULE_SET_2025.stateRoute.publicPosting?.legalBasis).toContain('152/2025/NĐ-CP, Điều 44(2)');
  });
  it('given a Bằng khen Thủ tướng in appraisal, when the secretariat opens a posting, then it is refused; it goes to the council after the appraisal', () => {
    const s = given(...inAppraisal('BK_THU_TUONG'));
    expect(thenRejected(when(s, { type: 'OpenPublicPosting', data: {} }, secretariat)).rule).toBe('posting.required');
    const opened = after(s, when(s, { type: 'AcceptAppraisal', data: { councilMembers: ['m1'] } }, secretariat));
    expect(opened.status).toBe('COUNCIL_VOTING');
  });
  it('a history recorded before the list replays: the legacy flag still posts a Bằng khen Thủ tướng', () => {
    const s = given(...inAppraisal('BK_THU_TUONG'));
    const result = decide(
      s,
      { type: 'OpenPublicPosting', data: {} },
      { actor: secretariat, now: JULY_2025, legacyPostingForEveryStateAward: true },
    );
    expect(thenEvents(result).map((e) => e.type)).toEqual(['AppraisalAccepted', 'PublicPostingOpened']);
  });
  it('a provincial award has no posting', () => {
    const s = given({ ...createdAs('BK_TINH') }, submitted, { type: 'UnitApproved', data: {} });
    expect(thenRejected(when(s, { type: 'OpenPublicPosting', data: {} }, secretariat)).rule).toBe(
      'route.OpenPublicPosting',
    );
  });
  it('without objections the posting ends ready for the council', () => {
    const s = given(...inAppraisal('BK_THU_TUONG'), ...posting);
    const events = thenEvents(when(s, { type: 'ClosePublicPosting', data: {} }, SYSTEM_ACTOR));
    expect(events).toEqual([{ type: 'PublicPostingClosed', data: { deadline: '2025-07-15', objections: 0 } }]);
    expect(evolveAll(s, events).status).toBe('READY_FOR_COUNCIL');
  });
  it('only the engine ends the posting', () => {
    expect(
      thenRejected(
        when(given(...inAppraisal('BK_THU_TUONG'), ...posting), { type: 'ClosePublicPosting', data: {} }, secretariat),
      ).code,
    ).toBe('FORBIDDEN');
  });
  it('the secretariat records an objection with its source and text; with one, the posting ends in complaint review', () => {
    const s = given(...inAppraisal('BK_THU_TUONG'), ...posting);
    const recorded = thenEvents(
      when(
        s,
        { type: 'RecordObjection', data: { source: 'Đơn của ông A', text: 'Thành tích chưa chính xác' } },
        secretariat,
      ),
    );
    expect(recorded).toEqual([
      {
        type: 'ObjectionRecorded',
        data: { source: 'Đơn của ông A', text: 'Thành tích chưa chính xác', receivedOn: '2025-07-01' },
      },
    ]);
    const withObjection = evolveAll(s, recorded);
    const closed = after(withObjection, when(withObjection, { type: 'ClosePublicPosting', data: {} }, SYSTEM_ACTOR));
    expect(closed.status).toBe('COMPLAINT_REVIEW');
    expect(
      thenRejected(
        when(closed, { type: 'ScheduleForCouncil', data: { sessionId: 's1', members: ['m1'] } }, secretariat),
      ).code,
    ).toBe('WRONG_STATE');
  });
  it('the review needs its outcome, and the outcome is carried in the event the council sees', () => {
    const s = given(...inAppraisal('BK_THU_TUONG'), ...posting, objection, {
      type: 'PublicPostingClosed',
      data: { deadline: '2025-07-15', objections: 1 },
    });
    expect(
      thenRejected(when(s, { type: 'RecordObjectionReview', data: { outcome: '  ', upheld: false } }, secretariat))
        .rule,
    ).toBe('objection.review-outcome');
    const reviewed = after(
      s,
      when(
        s,
        { type: 'RecordObjectionReview', data: { outcome: 'Đã xác minh, phản ánh không có cơ sở', upheld: false } },
        secretariat,
      ),
    );
    expect(reviewed.status).toBe('READY_FOR_COUNCIL');
    const [scheduled] = thenEvents(
      when(reviewed, { type: 'ScheduleForCouncil', data: { sessionId: 's1', members: ['m1', 'm2'] } }, secretariat),
    );
    expect(scheduled).toMatchObject({
      type: 'ScheduledForCouncil',
      data: { objectionReview: { objections: 1, outcome: 'Đã xác minh, phản ánh không có cơ sở', upheld: false } },
    });
    const [opened] = thenEvents(
      when(reviewed, { type: 'AcceptAppraisal', data: { councilMembers: ['m1'] } }, secretariat),
    );
    expect(opened).toMatchObject({ type: 'CouncilVotingOpened', data: { objectionReview: { objections: 1 } } });
  });
  it('a council without quorum sends a state-level dossier back to be put to the council again', () => {
    const s = given(
      ...inAppraisal('BK_THU_TUONG'),
      ...posting,
      { type: 'PublicPostingClosed', data: { deadline: '2025-07-15', objections: 0 } },
      { type: 'ScheduledForCouncil', data: { sessionId: 's1', rule, members: ['m1', 'm2', 'm3'] } },
    );
    const closed = evolveAll(s, [
      {
        type: 'CouncilVotingClosed',
        data: { members: 3, present: 1, approvals: 1, rejections: 0, quorumMet: false, passed: false, sessionId: 's1' },
      },
    ]);
    expect(closed.status).toBe('READY_FOR_COUNCIL');
  });
});

describe('the chairman signs the tờ trình to the centre', () => {
  const allocated = { number: '45/TTr-UBND', authority: 'PROVINCIAL_CHAIRMAN:P', year: 2025 };
  it('forwards the dossier with a proposal number from the province series', () => {
    const s = given(...councilDone('BK_THU_TUONG'));
    expect(progressOf(s.status, 'STATE').holder).toBe('PROVINCIAL_DECIDER');
    const events = thenEvents(when(s, { type: 'SignProposal', data: { approve: true, allocated } }, chairman));
    expect(events).toEqual([
      { type: 'ProposalSigned', data: { proposal: { ...allocated, signerId: 'chair', signedOn: '2025-07-01' } } },
    ]);
    expect(evolveAll(s, events).status).toBe('FORWARDED_TO_CENTRE');
    expect(proposalIssuer(RULE_SET_2025)).toEqual({
      authority: 'PROVINCIAL_CHAIRMAN',
      issuerCode: 'UBND',
      documentKind: 'TTr',
    });
  });
  it('the chairman cannot award a state-level form himself', () => {
    const s = given(...councilDone('BK_THU_TUONG'));
    expect(thenRejected(when(s, { type: 'DecideDossier', data: { approve: true, allocated } }, chairman)).code).toBe(
      'WRONG_STATE',
    );
  });
  it('a refusal to propose needs a reason and rejects the dossier', () => {
    const s = given(...councilDone('BK_THU_TUONG'));
    expect(thenRejected(when(s, { type: 'SignProposal', data: { approve: false } }, chairman)).rule).toBe(
      'decision.reason-required',
    );
    expect(
      after(s, when(s, { type: 'SignProposal', data: { approve: false, reason: 'Chưa đủ tiêu chuẩn' } }, chairman))
        .status,
    ).toBe('REJECTED');
  });
  it('only the provincial decider signs it, and only for a state-level award', () => {
    expect(
      thenRejected(
        when(
          given(...councilDone('BK_THU_TUONG')),
          { type: 'SignProposal', data: { approve: true, allocated } },
          secretariat,
        ),
      ).code,
    ).toBe('FORBIDDEN');
  });
  it('the unit can no longer withdraw a forwarded dossier', () => {
    const s = given(...councilDone('BK_THU_TUONG'), { type: 'ProposalSigned', data: { proposal } });
    expect(thenRejected(when(s, { type: 'WithdrawDossier', data: { reason: 'Rút' } }, clerk)).code).toBe('WRONG_STATE');
  });
});

describe('the central stage: Ministry of Home Affairs appraisal, hiệp y, supplement', () => {
  it('opens with the requirements of the bound rule set (engine only)', () => {
    const s = given(...councilDone('CSTD_TOAN_QUOC'), { type: 'ProposalSigned', data: { proposal } });
    const events = thenEvents(
      when(s, { type: 'OpenCentralStage', data: { reference: 'in-process:s-1' } }, SYSTEM_ACTOR),
    );
    expect(events).toEqual([
      {
        type: 'CentralStageOpened',
        data: { reference: 'in-process:s-1', hiepYRequired: false, consultationRequired: true },
      },
    ]);
    expect(progressOf(evolveAll(s, events).status).holder).toBe('CENTRAL_APPRAISER');
  });
  it('requests a supplement; the provincial secretariat provides it and appraisal resumes', () => {
    const s = given(...atCentre('BK_THU_TUONG'));
    expect(thenRejected(when(s, { type: 'CentralAppraise', data: { outcome: 'REQUEST_SUPPLEMENT' } }, moha)).rule).toBe(
      'supplement.lists-parts',
    );
    const requested = after(
      s,
      when(
        s,
        {
          type: 'CentralAppraise',
          data: { outcome: 'REQUEST_SUPPLEMENT', missingParts: ['BIEN_BAN'], reason: 'Thiếu biên bản' },
        },
        moha,
      ),
    );
    expect(requested.status).toBe('CENTRAL_SUPPLEMENT_REQUESTED');
    expect(progressOf(requested.status).holder).toBe('SECRETARIAT_OFFICER');
    expect(thenRejected(when(requested, { type: 'ProvideCentralSupplement', data: {} }, clerk)).code).toBe('FORBIDDEN');
    expect(
      after(requested, when(requested, { type: 'ProvideCentralSupplement', data: { note: 'Đã bổ sung' } }, secretariat))
        .status,
    ).toBe('MOHA_APPRAISAL');
  });
  it('accepting needs the hiệp y where the rule set requires it', () => {
    const s = given(...atCentre('BK_THU_TUONG'));
    expect(thenRejected(when(s, { type: 'CentralAppraise', data: { outcome: 'ACCEPT' } }, moha)).rule).toBe(
      'central.hiep-y-required',
    );
    const consulted = after(
      s,
      when(s, { type: 'RecordHiepY', data: { agency: 'UBND tỉnh', agrees: true, opinion: 'Nhất trí' } }, moha),
    );
    expect(
      after(consulted, when(consulted, { type: 'CentralAppraise', data: { outcome: 'ACCEPT' } }, moha)).status,
    ).toBe('SUBMITTED_TO_PM');
  });
  it('no hiệp y is recorded where none is required', () => {
    expect(
      thenRejected(
        when(
          given(...atCentre('CSTD_TOAN_QUOC')),
          { type: 'RecordHiepY', data: { agency: 'X', agrees: true, opinion: 'Y' } },
          moha,
        ),
      ).rule,
    ).toBe('central.hiep-y-required');
  });
  it('rejects with a reason', () => {
    const s = given(...atCentre('BK_THU_TUONG'));
    expect(
      after(s, when(s, { type: 'CentralAppraise', data: { outcome: 'REJECT', reason: 'Không đủ tiêu chuẩn' } }, moha))
        .status,
    ).toBe('REJECTED');
  });
  it('CSTĐ toàn quốc: Ministry public consultation 10 WD, then the Central Council standing committee (rules 24, 25)', () => {
    const s = given(...atCentre('CSTD_TOAN_QUOC'));
    const consulting = after(s, when(s, { type: 'CentralAppraise', data: { outcome: 'ACCEPT' } }, moha));
    expect(consulting.status).toBe('MOHA_PUBLIC_CONSULTATION');
    expect(consulting.central?.consultation).toEqual({ deadline: '2025-07-15', workingDays: 10 });
    expect(pendingTimer(consulting)?.command.type).toBe('CloseCentralConsultation');
    const review = after(consulting, when(consulting, { type: 'CloseCentralConsultation', data: {} }, SYSTEM_ACTOR));
    expect(review.status).toBe('CENTRAL_COUNCIL_STANDING_REVIEW');
    const noQuorum = thenEvents(
      when(review, { type: 'RecordStandingReview', data: { members: 9, present: 5, approvals: 5 } }, pm),
    );
    expect(noQuorum[0]).toMatchObject({ data: { quorumMet: false, passed: false } });
    expect(evolveAll(review, noQuorum).status).toBe('CENTRAL_COUNCIL_STANDING_REVIEW');
    expect(
      after(review, when(review, { type: 'RecordStandingReview', data: { members: 9, present: 6, approvals: 4 } }, pm))
        .status,
    ).toBe('SUBMITTED_TO_PM');
  });
});

describe('the Prime Minister decides, or proposes to the President who decides (rules 3, 4)', () => {
  const submittedToPm = (award: string) => given(...atCentre(award), { type: 'CentralAppraisalAccepted', data: {} });
  const ttg = { number: '12/QĐ-TTg', authority: 'PRIME_MINISTER', year: 2025 };
  it('BK TTg: the Prime Minister awards it, numbered in the TTg series', () => {
    const s = submittedToPm('BK_THU_TUONG');
    expect(progressOf(s.status).holder).toBe('CENTRAL_DECIDER');
    expect(decisionIssuer(s, RULE_SET_2025)).toEqual({ authority: 'PRIME_MINISTER', issuerCode: 'TTg' });
    expect(thenRejected(when(s, { type: 'DecideDossier', data: { approve: true, allocated: ttg } }, pm)).rule).toBe(
      'decision.decided-by',
    );
    const [awarded] = thenEvents(
      when(s, { type: 'DecideDossier', data: { approve: true, allocated: ttg, decidedBy: 'PRIME_MINISTER' } }, pm),
    );
    expect(awarded).toMatchObject({
      type: 'DossierAwarded',
      data: { decision: { number: '12/QĐ-TTg', authority: 'PRIME_MINISTER' } },
    });
  });
  it('BK TTg is not proposed to the President', () => {
    expect(thenRejected(when(submittedToPm('BK_THU_TUONG'), { type: 'ProposeToPresident', data: {} }, pm)).rule).toBe(
      'decision.decider',
    );
  });
  it('Huân chương Lao động hạng Ba: the Prime Minister proposes, the President decides in the CTN series', () => {
    const s = submittedToPm('HC_LAO_DONG_3');
    expect(
      thenRejected(
        when(s, { type: 'DecideDossier', data: { approve: true, allocated: ttg, decidedBy: 'PRIME_MINISTER' } }, pm),
      ).rule,
    ).toBe('decision.decider');
    const proposed = after(s, when(s, { type: 'ProposeToPresident', data: { note: 'Tờ trình của Thủ tướng' } }, pm));
    expect(proposed.status).toBe('SUBMITTED_TO_PRESIDENT');
    expect(decisionIssuer(proposed, RULE_SET_2025)).toEqual({ authority: 'PRESIDENT', issuerCode: 'CTN' });
    const ctn = { number: '7/QĐ-CTN', authority: 'PRESIDENT', year: 2025 };
    expect(
      thenRejected(
        when(
          proposed,
          { type: 'DecideDossier', data: { approve: true, allocated: ctn, decidedBy: 'PRIME_MINISTER' } },
          president,
        ),
      ).rule,
    ).toBe('decision.decided-by');
    expect(
      after(
        proposed,
        when(
          proposed,
          { type: 'DecideDossier', data: { approve: true, allocated: ctn, decidedBy: 'PRESIDENT' } },
          president,
        ),
      ).decision?.number,
    ).toBe('7/QĐ-CTN');
  });
  it('the Prime Minister may reject with a reason; the provincial decider decides nothing here', () => {
    const s = submittedToPm('HC_LAO_DONG_3');
    expect(
      after(
        s,
        when(
          s,
          {
            type: 'DecideDossier',
            data: { approve: false, reason: 'Chưa đủ tiêu chuẩn', decidedBy: 'PRIME_MINISTER' },
          },
          pm,
        ),
      ).rejectionReason,
    ).toBe('Chưa đủ tiêu chuẩn');
    expect(
      thenRejected(
        when(
          s,
          { type: 'DecideDossier', data: { approve: true, allocated: ttg, decidedBy: 'PRIME_MINISTER' } },
          chairman,
        ),
      ).code,
    ).toBe('FORBIDDEN');
  });
});
