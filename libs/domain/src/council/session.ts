import { findAward } from '../award/catalog';
import type { ActorRole } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { CommandContext } from '../dossier/types';
import { tallyCounts } from './tally';
import type {
  AgendaItem,
  Attendance,
  BallotTotals,
  CountedBox,
  ItemTally,
  SessionCommand,
  SessionEvent,
  SessionState,
} from './session-types';

const ALLOWED: Record<SessionCommand['type'], readonly ActorRole[]> = {
  ConveneSession: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  DropAgendaItem: ['SYSTEM', 'SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  RecordAttendance: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'COUNCIL_CHAIR', 'COUNCIL_MEMBER'],
  DeclareConflict: ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
  CastOpenVote: ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
  TakePartInSecretBallot: ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
  CloseSession: ['COUNCIL_CHAIR', 'SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'SYSTEM'],
  RecordSessionDecision: ['PROVINCIAL_DECIDER'],
};

type Result = Decision<SessionEvent[]>;
const no = (code: 'FORBIDDEN' | 'WRONG_STATE' | 'RULE_VIOLATION' | 'INVALID', rule: string, message: string): Result =>
  refuse(reject(code, rule, message));

const isMember = (s: SessionState, userId: string) => s.members.some((m) => m.userId === userId);
const isRecused = (s: SessionState, memberId: string, dossierId: string) =>
  s.recusals.some((r) => r.memberId === memberId && r.dossierId === dossierId);
const item = (s: SessionState, dossierId: string) => s.agenda.find((a) => a.dossierId === dossierId);

/** Counts toward quorum and may vote: present, or a written vote where the item's rule allows one. */
const counts = (attendance: Attendance | undefined, it: AgendaItem) =>
  attendance === 'PRESENT' || (attendance === 'WRITTEN_VOTE' && it.rule.allowWrittenVotes);

/** The checks every vote shares: an open session, a seated member, an item on the agenda, no recusal, attendance. */
function voteRefusal(
  s: SessionState,
  memberId: string,
  dossierId: string,
  ballot: 'OPEN' | 'SECRET',
): Result | undefined {
  if (s.status !== 'OPEN') return no('WRONG_STATE', 'session.open', `The session is ${s.status}`);
  if (!isMember(s, memberId)) return no('FORBIDDEN', 'session.members-only', 'Only members of this session may vote');
  const it = item(s, dossierId);
  if (!it) return no('INVALID', 'session.on-agenda', `Dossier ${dossierId} is not on this session's agenda`);
  if (it.rule.ballot !== ballot)
    return no('WRONG_STATE', 'session.ballot-kind', `This item is decided by ${it.rule.ballot.toLowerCase()} ballot`);
  if (isRecused(s, memberId, dossierId))
    return no('FORBIDDEN', 'session.recused', 'The member is recused from this item');
  if (!counts(s.attendance[memberId], it))
    return no(
      'WRONG_STATE',
      'session.attendance',
      'Record the member as present (or a written vote, where allowed) before voting',
    );
  const already =
    ballot === 'OPEN'
      ? s.openVotes.some((v) => v.memberId === memberId && v.dossierId === dossierId)
      : s.secretParticipation.some((p) => p.memberId === memberId && p.dossierId === dossierId);
  if (already) return no('WRONG_STATE', 'session.votes-once', 'The member has already voted on this item');
  return undefined;
}

/** A box's totals, whichever form it was counted in. */
export function totalsOf(box: CountedBox | undefined): BallotTotals {
  if (!box) return { approvals: 0, rejections: 0 };
  if (!Array.isArray(box)) return { approvals: box.approvals, rejections: box.rejections };
  const approvals = box.filter((b) => b.approve).length;
  return { approvals, rejections: box.length - approvals };
}

/** The box as the SessionBallotsCounted event records it: its totals (a legacy box: its ballots sorted by random id). */
const countedEvent = (dossierId: string, box: CountedBox | undefined): SessionEvent =>
  Array.isArray(box)
    ? {
        type: 'SessionBallotsCounted',
        data: { dossierId, ballots: [...box].sort((x, y) => (x.ballotId < y.ballotId ? -1 : 1)) },
      }
    : { type: 'SessionBallotsCounted', data: { dossierId, ...totalsOf(box) } };

/** The tally of each item from the session's events and, for secret items, the counted ballot box. */
export function tallyItems(s: SessionState, secretBallots: Record<string, CountedBox>): ItemTally[] {
  return s.agenda.map((it) => {
    const eligible = s.members.filter((m) => !isRecused(s, m.userId, it.dossierId));
    const present = eligible.filter((m) => counts(s.attendance[m.userId], it)).length;
    const eligibleIds = new Set(eligible.map((m) => m.userId));
    let approvals: number;
    let rejections: number;
    let undeposited = 0;
    if (it.rule.ballot === 'OPEN') {
      const votes = s.openVotes.filter((v) => v.dossierId === it.dossierId && eligibleIds.has(v.memberId));
      approvals = votes.filter((v) => v.approve).length;
      rejections = votes.length - approvals;
    } else {
      ({ approvals, rejections } = totalsOf(secretBallots[it.dossierId]));
      undeposited = s.secretParticipation.filter((p) => p.dossierId === it.dossierId).length - approvals - rejections;
    }
    const t = tallyCounts(it.rule, { members: eligible.length, present, approvals, rejections });
    return {
      ...t,
      dossierId: it.dossierId,
      ballot: it.rule.ballot,
      recused: s.members.length - eligible.length,
      undeposited,
    };
  });
}

/** decide(session, command) → events, or the rule that refuses it. Pure. */
export function decideSession(s: SessionState, command: SessionCommand, { actor }: CommandContext): Result {
  if (!ALLOWED[command.type].includes(actor.role))
    return no('FORBIDDEN', `role.${command.type}`, `${actor.role} may not ${command.type}`);
  switch (command.type) {
    case 'ConveneSession': {
      if (s.status !== 'NEW') return no('WRONG_STATE', 'session.convened-once', 'The session is already convened');
      const { members, agenda } = command.data;
      if (members.length === 0) return no('RULE_VIOLATION', 'session.has-members', 'A session needs its members');
      if (agenda.length === 0)
        return no('RULE_VIOLATION', 'session.has-agenda', 'A session needs at least one dossier on its agenda');
      if (new Set(agenda.map((a) => a.dossierId)).size !== agenda.length)
        return no('INVALID', 'session.agenda-unique', 'A dossier appears twice on the agenda');
      const recusals: SessionEvent[] = agenda.flatMap((it) =>
        members
          .filter((m) => m.unitCode !== null && m.unitCode === it.unitCode)
          .map((m): SessionEvent => ({
            type: 'SessionMemberRecused',
            data: {
              memberId: m.userId,
              dossierId: it.dossierId,
              reason: 'SAME_UNIT',
              detail: `member of unit ${it.unitCode}`,
            },
          })),
      );
      return accept([{ type: 'SessionConvened', data: command.data }, ...recusals]);
    }
    case 'DropAgendaItem':
      if (!item(s, command.data.dossierId)) return no('INVALID', 'session.on-agenda', 'Not on the agenda');
      if (s.status === 'CLOSED') return no('WRONG_STATE', 'session.open', 'The session is closed');
      return accept([{ type: 'SessionAgendaItemDropped', data: command.data }]);
    case 'RecordAttendance': {
      if (s.status !== 'OPEN') return no('WRONG_STATE', 'session.open', `The session is ${s.status}`);
      if (!isMember(s, command.data.memberId))
        return no('INVALID', 'session.members-only', `${command.data.memberId} is not a member of this session`);
      if (actor.role === 'COUNCIL_MEMBER' && actor.userId !== command.data.memberId)
        return no('FORBIDDEN', 'session.own-attendance', 'A member records only their own attendance');
      if (actor.role === 'COUNCIL_CHAIR' && !isMember(s, actor.userId))
        return no('FORBIDDEN', 'session.members-only', 'Only the chair of this session records attendance');
      return accept([{ type: 'SessionAttendanceRecorded', data: command.data }]);
    }
    case 'DeclareConflict': {
      if (s.status !== 'OPEN') return no('WRONG_STATE', 'session.open', `The session is ${s.status}`);
      if (!isMember(s, actor.userId))
        return no('FORBIDDEN', 'session.members-only', 'Only members of this session declare conflicts');
      if (!item(s, command.data.dossierId)) return no('INVALID', 'session.on-agenda', 'Not on the agenda');
      if (isRecused(s, actor.userId, command.data.dossierId))
        return no('WRONG_STATE', 'session.recused', 'Already recused from this item');
      return accept([
        {
          type: 'SessionMemberRecused',
          data: {
            memberId: actor.userId,
            dossierId: command.data.dossierId,
            reason: 'DECLARED_CONFLICT',
            detail: command.data.reason,
          },
        },
      ]);
    }
    case 'CastOpenVote': {
      const refused = voteRefusal(s, actor.userId, command.data.dossierId, 'OPEN');
      return refused ?? accept([{ type: 'SessionOpenVoteCast', data: { memberId: actor.userId, ...command.data } }]);
    }
    case 'TakePartInSecretBallot': {
      const refused = voteRefusal(s, actor.userId, command.data.dossierId, 'SECRET');
      return (
        refused ??
        accept([
          { type: 'SessionSecretBallotTakenPart', data: { memberId: actor.userId, dossierId: command.data.dossierId } },
        ])
      );
    }
    case 'CloseSession': {
      if (s.status !== 'OPEN') return no('WRONG_STATE', 'session.open', `The session is ${s.status}`);
      if (actor.role === 'COUNCIL_CHAIR' && !isMember(s, actor.userId))
        return no('FORBIDDEN', 'session.members-only', 'Only the chair of this session closes it');
      for (const it of s.agenda.filter((a) => a.rule.ballot === 'SECRET')) {
        const { approvals, rejections } = totalsOf(command.data.secretBallots[it.dossierId]);
        const tookPart = s.secretParticipation.filter((p) => p.dossierId === it.dossierId).length;
        if (approvals < 0 || rejections < 0 || approvals + rejections > tookPart)
          return no(
            'RULE_VIOLATION',
            'ballot-box.integrity',
            `The ballot box of ${it.dossierId} holds ${approvals + rejections} ballots for ${tookPart} voters`,
          );
      }
      const counted: SessionEvent[] = s.agenda
        .filter((a) => a.rule.ballot === 'SECRET')
        .map((a) => countedEvent(a.dossierId, command.data.secretBallots[a.dossierId]));
      const tallies = tallyItems(s, command.data.secretBallots);
      const closed: SessionState = evolveSessionAll(s, [
        ...counted,
        { type: 'SessionClosed', data: { closedBy: actor.userId, tallies } },
      ]);
      return accept([
        ...counted,
        { type: 'SessionClosed', data: { closedBy: actor.userId, tallies } },
        { type: 'SessionMinutesIssued', data: { minutes: minutesOf(closed) } },
      ]);
    }
    case 'RecordSessionDecision': {
      if (s.status !== 'CLOSED')
        return no(
          'WRONG_STATE',
          'session.decision-after-close',
          `The session is ${s.status}: the decision follows the closed session`,
        );
      if (s.decision)
        return no(
          'WRONG_STATE',
          'session.one-decision',
          `The session's decision ${s.decision.number} is already issued`,
        );
      const offAgenda = command.data.dossierIds.filter((id) => !s.tallies?.some((t) => t.dossierId === id));
      if (offAgenda.length)
        return no('INVALID', 'session.on-agenda', `Not on this session's agenda: ${offAgenda.join(', ')}`);
      return accept([{ type: 'SessionDecisionIssued', data: command.data }]);
    }
  }
}

export function evolveSession(s: SessionState, e: SessionEvent): SessionState {
  const next = { ...s, seq: s.seq + 1 };
  switch (e.type) {
    case 'SessionConvened':
      return { ...next, status: 'OPEN', ...e.data };
    case 'SessionAgendaItemDropped':
      return { ...next, agenda: next.agenda.filter((a) => a.dossierId !== e.data.dossierId) };
    case 'SessionMemberRecused':
      return { ...next, recusals: [...next.recusals, e.data] };
    case 'SessionAttendanceRecorded':
      return { ...next, attendance: { ...next.attendance, [e.data.memberId]: e.data.attendance } };
    case 'SessionOpenVoteCast':
      return { ...next, openVotes: [...next.openVotes, e.data] };
    case 'SessionSecretBallotTakenPart':
      return { ...next, secretParticipation: [...next.secretParticipation, e.data] };
    case 'SessionBallotsCounted':
      return next;
    case 'SessionClosed':
      return { ...next, status: 'CLOSED', tallies: e.data.tallies };
    case 'SessionMinutesIssued':
      return next;
    case 'SessionDecisionIssued':
      return { ...next, decision: e.data };
  }
}

export const evolveSessionAll = (s: SessionState, events: readonly SessionEvent[]): SessionState =>
  events.reduce(evolveSession, s);

const ATTENDANCE_VI: Record<Attendance, string> = {
  PRESENT: 'có mặt',
  ABSENT: 'vắng mặt',
  WRITTEN_VOTE: 'vắng mặt, có phiếu bằng văn bản',
};

/** The minutes (biên bản) of a closed session, written from its state: who attended, who was recused, each result. */
export function minutesOf(s: SessionState): string {
  const name = (id: string) => s.members.find((m) => m.userId === id)?.fullName ?? id;
  const lines = [
    `BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG`,
    `Phiên họp: ${s.title} (mã ${s.sessionId}); thời hạn ${s.deadline}.`,
    `Thành phần: ${s.members.length} thành viên.`,
    ...s.members.map((m) => `- ${m.fullName}: ${ATTENDANCE_VI[s.attendance[m.userId] ?? 'ABSENT']}`),
  ];
  for (const [i, it] of s.agenda.entries()) {
    const t = s.tallies?.find((x) => x.dossierId === it.dossierId);
    const award = findAward(it.awardCode)?.nameVi ?? it.awardCode;
    lines.push('', `${i + 1}. ${award} — ${it.nomineeName} (đơn vị ${it.unitCode}; hồ sơ ${it.dossierId})`);
    lines.push(`   Hình thức biểu quyết: ${it.rule.ballot === 'SECRET' ? 'bỏ phiếu kín' : 'biểu quyết công khai'}.`);
    for (const r of s.recusals.filter((x) => x.dossierId === it.dossierId))
      lines.push(
        `   Không tham gia biểu quyết: ${name(r.memberId)} (${r.reason === 'SAME_UNIT' ? 'cùng đơn vị với người được đề nghị' : `tự khai xung đột lợi ích: ${r.detail ?? ''}`}).`,
      );
    if (it.rule.ballot === 'OPEN')
      for (const v of s.openVotes.filter((x) => x.dossierId === it.dossierId))
        lines.push(`   ${name(v.memberId)}: ${v.approve ? 'đồng ý' : 'không đồng ý'}.`);
    if (t) {
      const [tn, td] = it.rule.threshold.share;
      lines.push(
        `   Kết quả: ${t.members} thành viên được biểu quyết, ${t.present} có mặt; ${t.approvals} đồng ý, ${t.rejections} không đồng ý` +
          `${t.undeposited ? `, ${t.undeposited} phiếu không được bỏ vào hòm` : ''}; ngưỡng ${it.rule.threshold.strict ? 'trên' : 'từ'} ${tn}/${td} (${it.rule.denominator === 'TOTAL' ? 'tổng số thành viên' : 'số có mặt'}).`,
        `   ${!t.quorumMet ? 'Không đủ số thành viên tham dự: chưa biểu quyết được.' : t.passed ? 'ĐẠT — đề nghị khen thưởng.' : 'KHÔNG ĐẠT.'}`,
      );
    }
  }
  return lines.join('\n');
}
