import { RULE_SET_2025 } from '../rule-set/rule-sets';
import { SYSTEM_ACTOR, type Actor } from '../shared/actor';
import type { DossierCommand } from './commands';
import { decide } from './decide';
import { pendingTimer } from './deadlines';
import type { DossierEvent } from './events';
import { evolveAll } from './evolve';
import {
  exampleBkThuTuongContent,
  exampleBkTinhContent,
  exampleCstdCoSoContent,
  exampleHcLaoDong3Content,
} from './examples';
import { givenStream, thenEvents } from './given-when-then';
import { obligationOf } from './obligation';
import { FINAL_STATUSES, type DossierState } from './types';

/** Given events / when command / then events: a council without quorum sends the dossier back with a new clock. */
const JULY_2025 = Date.UTC(2025, 6, 1, 3); // Tuesday 01/07/2025, 10:00 in Hà Nội
const actor = (role: Actor['role'], userId: string, unitCode?: string): Actor => ({
  userId,
  role,
  ...(unitCode ? { unitCode } : {}),
});
const clerk = actor('UNIT_CLERK', 'clerk', 'SGDDT');
const head = actor('UNIT_HEAD', 'head', 'SGDDT');
const secretariat = actor('SECRETARIAT_OFFICER', 'sec');
const secretariatHead = actor('SECRETARIAT_HEAD', 'sech');
const chairman = actor('PROVINCIAL_DECIDER', 'chair');
const moha = actor('CENTRAL_APPRAISER', 'moha');
const pm = { ...actor('CENTRAL_DECIDER', 'vpcp'), onBehalfOf: 'PRIME_MINISTER' } as Actor;
const member = (n: number) => actor('COUNCIL_MEMBER', `m${n}`);
const given = givenStream('ob-1');

const content: Record<string, (year: number) => ReturnType<typeof exampleBkTinhContent>> = {
  BK_TINH: exampleBkTinhContent,
  CSTD_CO_SO: exampleCstdCoSoContent,
  BK_THU_TUONG: exampleBkThuTuongContent,
  HC_LAO_DONG_3: exampleHcLaoDong3Content,
  CSTD_TOAN_QUOC: exampleBkThuTuongContent,
};
const created = (awardCode: string): DossierEvent => ({
  type: 'DossierCreated',
  data: {
    awardCode,
    unitCode: 'SGDDT',
    title: 'Đề nghị',
    nominee: { kind: 'INDIVIDUAL', fullName: 'Lê Thị Hoa' },
    achievements: 'Xuất sắc',
    ...content[awardCode](2024),
  },
});
const submitted: DossierEvent = { type: 'DossierSubmitted', data: { ruleSetVersion: RULE_SET_2025.version } };
const noQuorum = { members: 3, present: 1, approvals: 1, rejections: 0, quorumMet: false, passed: false };
const run = (state: DossierState, command: DossierCommand, who: Actor) =>
  evolveAll(state, thenEvents(decide(state, command, { actor: who, now: JULY_2025 })));

describe('a council without quorum sends the dossier back with a new legal clock', () => {
  it('given a provincial dossier in council voting, when voting closes without quorum, then it is back in appraisal with a new appraisal clock (and its timers)', () => {
    const voting = run(
      given(created('BK_TINH'), submitted, { type: 'UnitApproved', data: {} }),
      { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2', 'm3'] } },
      secretariat,
    );
    const events = thenEvents(
      decide(voting, { type: 'CloseCouncilVoting', data: {} }, { actor: SYSTEM_ACTOR, now: JULY_2025 }),
    );
    expect(events).toEqual([
      {
        type: 'CouncilVotingClosed',
        data: {
          members: 3,
          present: 0,
          approvals: 0,
          rejections: 0,
          quorumMet: false,
          passed: false,
          returnedTo: 'APPRAISAL',
        },
      },
      { type: 'AppraisalClockStarted', data: { deadline: '2025-07-15', workingDays: 10 } },
    ]);
    const back = evolveAll(voting, events);
    expect(back).toMatchObject({ status: 'APPRAISAL', appraisal: { deadline: '2025-07-15' } });
    expect(pendingTimer(back)?.command.type).toBe('RemindAppraisalDeadline');
  });
  it('a council session without quorum does the same through RecordCouncilResult', () => {
    const scheduled = run(
      given(created('BK_TINH'), submitted, { type: 'UnitApproved', data: {} }),
      { type: 'ScheduleForCouncil', data: { sessionId: 's1', members: ['m1', 'm2', 'm3'] } },
      secretariat,
    );
    const events = thenEvents(
      decide(
        scheduled,
        { type: 'RecordCouncilResult', data: { sessionId: 's1', tally: noQuorum } },
        { actor: SYSTEM_ACTOR, now: JULY_2025 },
      ),
    );
    expect(events.map((e) => e.type)).toEqual(['CouncilVotingClosed', 'AppraisalClockStarted']);
  });
  it("a grassroots dossier goes back to the unit's council with the council retry clock (10 WD, [U])", () => {
    const voting = run(
      given(created('CSTD_CO_SO'), submitted),
      { type: 'OpenUnitCouncilVoting', data: { councilMembers: ['m1', 'm2', 'm3'] } },
      head,
    );
    const back = run(voting, { type: 'CloseCouncilVoting', data: {} }, SYSTEM_ACTOR);
    expect(back).toMatchObject({ status: 'UNIT_REVIEW', councilRetry: { deadline: '2025-07-15' } });
    expect(obligationOf(back, '2025-07-01')).toEqual({
      holder: 'UNIT_HEAD',
      due: '2025-07-15',
      clock: 'COUNCIL_RETRY',
    });
  });
  it('a posted state-level dossier goes back ready for the council, with the retry clock; a Bằng khen Thủ tướng back to appraisal', () => {
    const posted = given(
      created('HC_LAO_DONG_3'),
      submitted,
      { type: 'UnitApproved', data: {} },
      { type: 'AppraisalAccepted', data: {} },
      { type: 'PublicPostingOpened', data: { deadline: '2025-06-30', workingDays: 10 } },
      { type: 'PublicPostingClosed', data: { deadline: '2025-06-30', objections: 0 } },
    );
    const voting = run(posted, { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2', 'm3'] } }, secretariat);
    expect(run(voting, { type: 'CloseCouncilVoting', data: {} }, SYSTEM_ACTOR)).toMatchObject({
      status: 'READY_FOR_COUNCIL',
      councilRetry: { deadline: '2025-07-15' },
    });
    const bkTtg = run(
      given(created('BK_THU_TUONG'), submitted, { type: 'UnitApproved', data: {} }),
      { type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2', 'm3'] } },
      secretariat,
    );
    expect(run(bkTtg, { type: 'CloseCouncilVoting', data: {} }, SYSTEM_ACTOR)).toMatchObject({
      status: 'APPRAISAL',
      appraisal: { deadline: '2025-07-15' },
    });
  });
  it('events written before returnedTo existed still replay to the old place', () => {
    const s = given(
      created('BK_TINH'),
      submitted,
      { type: 'UnitApproved', data: {} },
      { type: 'CouncilVotingOpened', data: { members: ['m1'], rule: RULE_SET_2025.council.default } },
      { type: 'CouncilVotingClosed', data: noQuorum },
    );
    expect(s.status).toBe('APPRAISAL');
  });
  it("the Central Council's standing committee without quorum meets again by a new date", () => {
    const review = given(
      created('CSTD_TOAN_QUOC'),
      submitted,
      {
        type: 'ProposalSigned',
        data: { proposal: { number: '1/TTr-UBND', authority: 'P', year: 2025, signerId: 'c', signedOn: '2025-07-01' } },
      },
      { type: 'CentralStageOpened', data: { reference: 'r', hiepYRequired: false, consultationRequired: true } },
      { type: 'CentralConsultationClosed', data: { deadline: '2025-06-30' } },
    );
    const events = thenEvents(
      decide(
        review,
        { type: 'RecordStandingReview', data: { members: 9, present: 5, approvals: 5 } },
        { actor: pm, now: JULY_2025 },
      ),
    );
    expect(events.map((e) => e.type)).toEqual(['StandingReviewRecorded', 'CouncilRetryClockStarted']);
    const waiting = evolveAll(review, events);
    expect(obligationOf(waiting, '2025-07-01')).toEqual({
      holder: 'CENTRAL_DECIDER',
      due: '2025-07-15',
      clock: 'COUNCIL_RETRY',
    });
    expect(
      run(waiting, { type: 'RecordStandingReview', data: { members: 9, present: 6, approvals: 4 } }, pm),
    ).toMatchObject({ status: 'SUBMITTED_TO_PM', councilRetry: undefined });
  });
});

/**
 * Invariant: for every reachable non-final state, the domain names who holds the dossier and its due date. The states
 * are explored from a created dossier of each route by every command the actors below may issue (breadth first).
 */
describe('invariant: every reachable non-final state has a holder and a due date', () => {
  const allocated = { number: '1/QĐ-X', authority: 'X', year: 2025 };
  const commands: [DossierCommand, Actor][] = [
    [{ type: 'SubmitDossier', data: {} }, clerk],
    [{ type: 'ApproveAtUnit', data: {} }, head],
    [{ type: 'ReturnDossier', data: { reason: 'Bổ sung' } }, head],
    [{ type: 'ReturnDossier', data: { reason: 'Bổ sung' } }, secretariat],
    [{ type: 'WithdrawDossier', data: { reason: 'Rút' } }, clerk],
    [{ type: 'RequestSupplement', data: { missingParts: ['BIEN_BAN'], reason: 'Thiếu' } }, secretariat],
    [{ type: 'ProvideSupplement', data: {} }, clerk],
    [{ type: 'ExpireSupplement', data: {} }, SYSTEM_ACTOR],
    [{ type: 'RemindAppraisalDeadline', data: {} }, SYSTEM_ACTOR],
    [{ type: 'EscalateOverdueAppraisal', data: {} }, SYSTEM_ACTOR],
    [{ type: 'AcceptAppraisal', data: { councilMembers: ['m1', 'm2', 'm3'] } }, secretariat],
    [{ type: 'OpenUnitCouncilVoting', data: { councilMembers: ['m1', 'm2', 'm3'] } }, head],
    [{ type: 'ScheduleForCouncil', data: { sessionId: 's1', members: ['m1', 'm2', 'm3'] } }, secretariat],
    [{ type: 'RecordCouncilResult', data: { sessionId: 's1', tally: noQuorum } }, SYSTEM_ACTOR],
    [
      {
        type: 'RecordCouncilResult',
        data: {
          sessionId: 's1',
          tally: { members: 3, present: 3, approvals: 3, rejections: 0, quorumMet: true, passed: true },
        },
      },
      SYSTEM_ACTOR,
    ],
    [{ type: 'CastVote', data: { approve: true } }, member(1)],
    [{ type: 'CastVote', data: { approve: true } }, member(2)],
    [{ type: 'CastVote', data: { approve: true } }, member(3)],
    [{ type: 'CloseCouncilVoting', data: {} }, SYSTEM_ACTOR],
    [{ type: 'DecideDossier', data: { approve: true, allocated } }, chairman],
    [{ type: 'DecideDossier', data: { approve: true, allocated } }, head],
    [{ type: 'DecideDossier', data: { approve: false, reason: 'Chưa đủ' } }, chairman],
    [{ type: 'OpenPublicPosting', data: {} }, secretariat],
    [{ type: 'RecordObjection', data: { source: 'Ông A', text: 'Chưa đúng' } }, secretariat],
    [{ type: 'ClosePublicPosting', data: {} }, SYSTEM_ACTOR],
    [{ type: 'RecordObjectionReview', data: { outcome: 'Không có cơ sở', upheld: false } }, secretariat],
    [{ type: 'SignProposal', data: { approve: true, allocated } }, chairman],
    [{ type: 'OpenCentralStage', data: { reference: 'r' } }, SYSTEM_ACTOR],
    [{ type: 'RecordHiepY', data: { agency: 'UBND', agrees: true, opinion: 'Nhất trí' } }, moha],
    [{ type: 'CentralAppraise', data: { outcome: 'ACCEPT' } }, moha],
    [
      { type: 'CentralAppraise', data: { outcome: 'REQUEST_SUPPLEMENT', missingParts: ['BIEN_BAN'], reason: 'Thiếu' } },
      moha,
    ],
    [{ type: 'ProvideCentralSupplement', data: {} }, secretariat],
    [{ type: 'CloseCentralConsultation', data: {} }, SYSTEM_ACTOR],
    [{ type: 'RecordStandingReview', data: { members: 9, present: 5, approvals: 5 } }, pm],
    [{ type: 'RecordStandingReview', data: { members: 9, present: 9, approvals: 9 } }, pm],
    [{ type: 'ProposeToPresident', data: {} }, pm],
    [{ type: 'DecideDossier', data: { approve: true, allocated, decidedBy: 'PRIME_MINISTER' } }, pm],
    [
      { type: 'DecideDossier', data: { approve: true, allocated, decidedBy: 'PRESIDENT' } },
      { ...pm, onBehalfOf: 'PRESIDENT' } as Actor,
    ],
    [
      {
        type: 'RevokeAward',
        data: { ground: 'FRAUDULENT_DECLARATION', reason: 'Kê khai gian dối thành tích', decisionRef: '9/QĐ' },
      },
      secretariatHead,
    ],
    [
      {
        type: 'RevokeAward',
        data: { ground: 'FRAUDULENT_DECLARATION', reason: 'Kê khai gian dối thành tích', decisionRef: '9/QĐ' },
      },
      head,
    ],
    [{ type: 'RecordRecovery', data: { item: 'AWARD_OBJECT' } }, secretariat],
    [{ type: 'RecordRecovery', data: { item: 'AWARD_OBJECT' } }, head],
  ];
  const keyOf = (s: DossierState) =>
    JSON.stringify([
      s.status,
      s.appraisal,
      s.supplement?.deadline,
      s.council?.votes.length,
      s.council?.sessionId,
      s.posting?.objections.length,
      s.posting?.review,
      s.central?.hiepY,
      s.councilRetry,
      s.revocation?.recovered.length,
    ]);

  it.each(['BK_TINH', 'CSTD_CO_SO', 'BK_THU_TUONG', 'HC_LAO_DONG_3', 'CSTD_TOAN_QUOC'])('%s', (awardCode) => {
    const seen = new Map<string, DossierState>();
    // From a draft, and from a submitted dossier (the example records are eligible for the first four awards only).
    let frontier = [given(created(awardCode)), given(created(awardCode), submitted)];
    while (frontier.length && seen.size < 400) {
      const next: DossierState[] = [];
      for (const state of frontier) {
        const key = keyOf(state);
        if (seen.has(key)) continue;
        seen.set(key, state);
        for (const [command, who] of commands) {
          const result = decide(state, command, { actor: who, now: JULY_2025 });
          if (result.ok) next.push(evolveAll(state, result.value));
        }
      }
      frontier = next;
    }
    const open = [...seen.values()].filter((s) => !FINAL_STATUSES.includes(s.status) && s.status !== 'CLOSED');
    expect(open.length).toBeGreaterThan(3);
    for (const state of open) {
      const obligation = obligationOf(state, '2025-07-01');
      expect({ status: state.status, holder: obligation?.holder, due: obligation?.due }).toEqual({
        status: state.status,
        holder: expect.stringMatching(/^[A-Z_]+$/),
        due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      expect(obligation?.holder).not.toBe('UNKNOWN');
    }
  });
});
