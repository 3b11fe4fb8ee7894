import type { Actor } from '../shared/actor';
import type { CouncilRule } from '../rule-set/types';
import { decideSession, evolveSessionAll, minutesOf, tallyItems } from './session';
import { initialSessionState, type SessionCommand, type SessionEvent, type SessionState } from './session-types';

const OPEN_MAJORITY: CouncilRule = {
  ballot: 'OPEN',
  threshold: { share: [1, 2], strict: true },
  denominator: 'TOTAL',
  allowWrittenVotes: false,
  quorum: [2, 3],
};
const SECRET_90: CouncilRule = {
  ballot: 'SECRET',
  threshold: { share: [9, 10], strict: false },
  denominator: 'TOTAL',
  allowWrittenVotes: true,
  quorum: [2, 3],
};
const secretariat: Actor = { userId: 's1', role: 'SECRETARIAT_OFFICER' };
const member = (userId: string): Actor => ({ userId, role: 'COUNCIL_MEMBER' });
const chair: Actor = { userId: 'm1', role: 'COUNCIL_CHAIR' };
const now = Date.UTC(2026, 11, 1, 3);

const members = ['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => ({
  userId: id,
  fullName: `Thành viên ${id}`,
  unitCode: id === 'm5' ? 'SGDDT' : null,
}));
const item = (dossierId: string, unitCode: string, rule: CouncilRule) => ({
  dossierId,
  awardCode: 'BK_TINH',
  unitCode,
  nomineeName: `Người ${dossierId}`,
  rule,
});

function given(...events: SessionEvent[]): SessionState {
  return evolveSessionAll(initialSessionState('sess-1'), events);
}
function when(s: SessionState, command: SessionCommand, actor: Actor) {
  return decideSession(s, command, { actor, now });
}
const events = (r: ReturnType<typeof when>) => {
  if (!r.ok) throw new Error(`refused: ${r.rejection.rule} ${r.rejection.message}`);
  return r.value;
};
const rule = (r: ReturnType<typeof when>) => (r.ok ? 'accepted' : r.rejection.rule);

const convened = (...agenda: ReturnType<typeof item>[]) =>
  events(
    when(
      given(),
      {
        type: 'ConveneSession',
        data: { title: 'Phiên 1', provinceCode: 'P', deadline: '2026-12-10', members, agenda },
      },
      secretariat,
    ),
  );
const attend = (...ids: string[]): SessionEvent[] =>
  ids.map((memberId) => ({ type: 'SessionAttendanceRecorded', data: { memberId, attendance: 'PRESENT' } }));
const openVote = (memberId: string, dossierId: string, approve: boolean): SessionEvent => ({
  type: 'SessionOpenVoteCast',
  data: { memberId, dossierId, approve },
});

describe('convening', () => {
  it('recuses a member automatically from dossiers of their own unit', () => {
    const es = convened(item('d1', 'SGDDT', OPEN_MAJORITY), item('d2', 'SYT', OPEN_MAJORITY));
    expect(es.filter((e) => e.type === 'SessionMemberRecused').map((e) => e.data)).toEqual([
      { memberId: 'm5', dossierId: 'd1', reason: 'SAME_UNIT', detail: 'member of unit SGDDT' },
    ]);
  });
  it('needs an agenda and members, and a dossier appears once', () => {
    expect(
      rule(
        when(
          given(),
          {
            type: 'ConveneSession',
            data: { title: 't', provinceCode: 'P', deadline: '2026-12-10', members, agenda: [] },
          },
          secretariat,
        ),
      ),
    ).toBe('session.has-agenda');
    expect(
      rule(
        when(
          given(),
          {
            type: 'ConveneSession',
            data: {
              title: 't',
              provinceCode: 'P',
              deadline: '2026-12-10',
              members,
              agenda: [item('d1', 'X', OPEN_MAJORITY), item('d1', 'X', OPEN_MAJORITY)],
            },
          },
          secretariat,
        ),
      ),
    ).toBe('session.agenda-unique');
  });
  it('only the secretariat convenes', () =>
    expect(
      rule(
        when(
          given(),
          { type: 'ConveneSession', data: { title: 't', provinceCode: 'P', deadline: 'x', members, agenda: [] } },
          chair,
        ),
      ),
    ).toBe('role.ConveneSession'));
});

describe('voting', () => {
  const open = () => given(...convened(item('d1', 'SGDDT', OPEN_MAJORITY)), ...attend('m1', 'm2', 'm3', 'm5'));
  it('a member votes only when recorded present', () =>
    expect(
      rule(
        when(
          given(...convened(item('d1', 'SYT', OPEN_MAJORITY))),
          { type: 'CastOpenVote', data: { dossierId: 'd1', approve: true } },
          member('m2'),
        ),
      ),
    ).toBe('session.attendance'));
  it('a recused member cannot vote', () =>
    expect(rule(when(open(), { type: 'CastOpenVote', data: { dossierId: 'd1', approve: true } }, member('m5')))).toBe(
      'session.recused',
    ));
  it('a member votes once', () =>
    expect(
      rule(
        when(
          given(...convened(item('d1', 'SYT', OPEN_MAJORITY)), ...attend('m2'), openVote('m2', 'd1', true)),
          { type: 'CastOpenVote', data: { dossierId: 'd1', approve: false } },
          member('m2'),
        ),
      ),
    ).toBe('session.votes-once'));
  it('a secret item takes part-taking, not an open vote', () =>
    expect(
      rule(
        when(
          given(...convened(item('d1', 'SYT', SECRET_90)), ...attend('m2')),
          { type: 'CastOpenVote', data: { dossierId: 'd1', approve: true } },
          member('m2'),
        ),
      ),
    ).toBe('session.ballot-kind'));
  it('a declared conflict recuses the member from that item', () => {
    const [e] = events(
      when(open(), { type: 'DeclareConflict', data: { dossierId: 'd1', reason: 'Anh ruột' } }, member('m2')),
    );
    expect(e).toEqual({
      type: 'SessionMemberRecused',
      data: { memberId: 'm2', dossierId: 'd1', reason: 'DECLARED_CONFLICT', detail: 'Anh ruột' },
    });
  });
  it('a member records only their own attendance', () =>
    expect(
      rule(when(open(), { type: 'RecordAttendance', data: { memberId: 'm3', attendance: 'ABSENT' } }, member('m2'))),
    ).toBe('session.own-attendance'));
});

describe('tallies', () => {
  it('the recused member is not in the denominator: 2 of 4 eligible is not more than half, 3 of 4 is', () => {
    const base = [...convened(item('d1', 'SGDDT', OPEN_MAJORITY)), ...attend('m1', 'm2', 'm3', 'm4')];
    expect(
      tallyItems(
        given(...base, openVote('m1', 'd1', true), openVote('m2', 'd1', true), openVote('m3', 'd1', false)),
        {},
      )[0],
    ).toMatchObject({ members: 4, approvals: 2, passed: false, recused: 1 });
    expect(
      tallyItems(
        given(...base, openVote('m1', 'd1', true), openVote('m2', 'd1', true), openVote('m3', 'd1', true)),
        {},
      )[0],
    ).toMatchObject({ members: 4, approvals: 3, passed: true });
  });
  it('quorum is 2/3 of eligible members present: 2 of 4 present fails quorum whatever the votes', () => {
    const s = given(
      ...convened(item('d1', 'SGDDT', OPEN_MAJORITY)),
      ...attend('m1', 'm2'),
      openVote('m1', 'd1', true),
      openVote('m2', 'd1', true),
    );
    expect(tallyItems(s, {})[0]).toMatchObject({ present: 2, quorumMet: false, passed: false });
  });
  it('a written vote counts as present only where the rule allows it', () => {
    const written: SessionEvent = {
      type: 'SessionAttendanceRecorded',
      data: { memberId: 'm4', attendance: 'WRITTEN_VOTE' },
    };
    expect(
      tallyItems(given(...convened(item('d1', 'SYT', SECRET_90)), ...attend('m1', 'm2'), written), {})[0].present,
    ).toBe(3);
    expect(
      tallyItems(given(...convened(item('d1', 'SYT', OPEN_MAJORITY)), ...attend('m1', 'm2'), written), {})[0].present,
    ).toBe(2);
  });
  it('secret ballot at exactly 90% of all members passes, one ballot under fails', () => {
    const tookPart = (ids: string[]): SessionEvent[] =>
      ids.map((memberId) => ({ type: 'SessionSecretBallotTakenPart', data: { memberId, dossierId: 'd1' } }));
    const tenMembers = Array.from({ length: 10 }, (_, i) => ({ userId: `x${i}`, fullName: `x${i}`, unitCode: null }));
    const s = given(
      {
        type: 'SessionConvened',
        data: {
          title: 't',
          provinceCode: 'P',
          deadline: '2026-12-10',
          members: tenMembers,
          agenda: [item('d1', 'SYT', SECRET_90)],
        },
      },
      ...tenMembers.map((m): SessionEvent => ({
        type: 'SessionAttendanceRecorded',
        data: { memberId: m.userId, attendance: 'PRESENT' },
      })),
      ...tookPart(tenMembers.map((m) => m.userId)),
    );
    const ballots = (yes: number) => ({
      d1: Array.from({ length: 10 }, (_, i) => ({ ballotId: `b${i}`, approve: i < yes })),
    });
    expect(tallyItems(s, ballots(9))[0]).toMatchObject({ approvals: 9, passed: true });
    expect(tallyItems(s, ballots(8))[0]).toMatchObject({ approvals: 8, passed: false });
  });
  it('more ballots in the box than members who took part is refused at closing', () => {
    const s = given(...convened(item('d1', 'SYT', SECRET_90)), ...attend('m1'), {
      type: 'SessionSecretBallotTakenPart',
      data: { memberId: 'm1', dossierId: 'd1' },
    });
    const r = when(
      s,
      {
        type: 'CloseSession',
        data: {
          secretBallots: {
            d1: [
              { ballotId: 'a', approve: true },
              { ballotId: 'b', approve: true },
            ],
          },
        },
      },
      secretariat,
    );
    expect(rule(r)).toBe('ballot-box.integrity');
  });
  it('closing counts the box into an event sorted by ballot id, and the minutes name no secret choice', () => {
    const s = given(
      ...convened(item('d1', 'SYT', SECRET_90)),
      ...attend('m1', 'm2'),
      ...['m1', 'm2'].map((memberId): SessionEvent => ({
        type: 'SessionSecretBallotTakenPart',
        data: { memberId, dossierId: 'd1' },
      })),
    );
    const es = events(
      when(
        s,
        {
          type: 'CloseSession',
          data: {
            secretBallots: {
              d1: [
                { ballotId: 'z', approve: true },
                { ballotId: 'a', approve: false },
              ],
            },
          },
        },
        chair,
      ),
    );
    expect(es.map((e) => e.type)).toEqual(['SessionBallotsCounted', 'SessionClosed', 'SessionMinutesIssued']);
    expect(es[0].data).toEqual({
      dossierId: 'd1',
      ballots: [
        { ballotId: 'a', approve: false },
        { ballotId: 'z', approve: true },
      ],
    });
    const minutes = minutesOf(evolveSessionAll(s, es));
    expect(minutes).toContain('bỏ phiếu kín');
    expect(minutes).not.toMatch(/Thành viên m1: (đồng ý|không đồng ý)/);
  });
  it('the sealed box is counted as totals: the event keeps the totals (recountable), the tally and undeposited follow', () => {
    const three = ['m1', 'm2', 'm3'].map((memberId): SessionEvent => ({
      type: 'SessionSecretBallotTakenPart',
      data: { memberId, dossierId: 'd1' },
    }));
    const s = given(...convened(item('d1', 'SYT', SECRET_90)), ...attend('m1', 'm2', 'm3'), ...three);
    const es = events(
      when(s, { type: 'CloseSession', data: { secretBallots: { d1: { approvals: 1, rejections: 1 } } } }, chair),
    );
    expect(es[0]).toEqual({ type: 'SessionBallotsCounted', data: { dossierId: 'd1', approvals: 1, rejections: 1 } });
    const closed = es.find((e) => e.type === 'SessionClosed');
    expect(closed?.data).toMatchObject({
      tallies: [{ dossierId: 'd1', approvals: 1, rejections: 1, undeposited: 1, passed: false }],
    });
    expect(tallyItems(s, { d1: { approvals: 3, rejections: 0 } })[0]).toMatchObject({ approvals: 3, undeposited: 0 });
  });
  it('totals larger than the members who took part, or negative, are refused at closing', () => {
    const s = given(...convened(item('d1', 'SYT', SECRET_90)), ...attend('m1'), {
      type: 'SessionSecretBallotTakenPart',
      data: { memberId: 'm1', dossierId: 'd1' },
    });
    expect(
      rule(
        when(
          s,
          { type: 'CloseSession', data: { secretBallots: { d1: { approvals: 1, rejections: 1 } } } },
          secretariat,
        ),
      ),
    ).toBe('ballot-box.integrity');
    expect(
      rule(
        when(
          s,
          { type: 'CloseSession', data: { secretBallots: { d1: { approvals: 2, rejections: -1 } } } },
          secretariat,
        ),
      ),
    ).toBe('ballot-box.integrity');
    expect(
      rule(
        when(
          s,
          { type: 'CloseSession', data: { secretBallots: { d1: { approvals: 1, rejections: 0 } } } },
          secretariat,
        ),
      ),
    ).toBe('accepted');
  });
});

describe('the one decision of a closed session', () => {
  const decider: Actor = { userId: 'chairman', role: 'PROVINCIAL_DECIDER' };
  const decision = (dossierIds: string[]): SessionCommand => ({
    type: 'RecordSessionDecision',
    data: {
      number: '7/QĐ-UBND',
      authority: 'PROVINCIAL_CHAIRMAN:P',
      year: 2026,
      signerId: 'chairman',
      signedOn: '2026-12-11',
      legalBasis: ['Luật 06/2022/QH15'],
      dossierIds,
      refused: [{ dossierId: 'd2', reason: 'wrong state' }],
    },
  });
  const open = () => [
    ...convened(item('d1', 'SYT', OPEN_MAJORITY), item('d2', 'SYT', OPEN_MAJORITY)),
    ...attend('m1', 'm2', 'm3', 'm4'),
  ];
  const closed = () => {
    const s = given(...open(), openVote('m1', 'd1', true), openVote('m2', 'd1', true), openVote('m3', 'd1', true));
    return given(
      ...open(),
      openVote('m1', 'd1', true),
      openVote('m2', 'd1', true),
      openVote('m3', 'd1', true),
      ...events(when(s, { type: 'CloseSession', data: { secretBallots: {} } }, chair)),
    );
  };

  it('follows the closed session only, once, from the provincial decider, for dossiers on its agenda', () => {
    expect(rule(when(given(...open()), decision(['d1']), decider))).toBe('session.decision-after-close');
    expect(rule(when(closed(), decision(['d1']), secretariat))).toBe('role.RecordSessionDecision');
    expect(rule(when(closed(), decision(['d9']), decider))).toBe('session.on-agenda');
    const issued = events(when(closed(), decision(['d1']), decider));
    expect(issued).toEqual([{ type: 'SessionDecisionIssued', data: decision(['d1']).data }]);
    const after = evolveSessionAll(closed(), issued);
    expect(after.decision).toMatchObject({ number: '7/QĐ-UBND', dossierIds: ['d1'], refused: [{ dossierId: 'd2' }] });
    expect(rule(when(after, decision(['d1']), decider))).toBe('session.one-decision');
  });
});
