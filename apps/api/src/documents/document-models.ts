/**
 * What each official document says, read from the events only (and the directory's names as of the document's date):
 * no clock, so a re-render has the same text. Pure functions over a stream's events, plus name lookups.
 */
import {
  evolveSessionAll,
  findAward,
  initialSessionState,
  reject,
  ruleSetByVersion,
  vietnamDate,
  type DossierEvent,
  type IssuedDecision,
  type Nominee,
  type RuleSet,
  type SessionDecision,
  type SessionEvent,
  type SessionState,
  type SignedProposal,
  Refused,
} from '@tdkt/domain';
import type { ChainedEvent } from '@tdkt/persistence';
import type { MinutesItem } from './templates/minutes.template';

type Known = DossierEvent | SessionEvent;
/** The business event of an envelope, as a union to narrow: an envelope keeps type and data as separate unions, the table stores them together. */
export const known = (e: ChainedEvent): Known => ({ type: e.type, data: e.data }) as Known;

export interface DossierFacts {
  nominee: Nominee;
  unitCode: string;
  awardCode: string;
  achievements: string;
  decision?: IssuedDecision;
  decisionSeq?: number;
  proposal?: SignedProposal;
  proposalSeq?: number;
  ruleSet?: RuleSet;
  council?: { members: number; present: number; approvals: number };
  posting?: { objections: number; outcome?: string };
}

/** Reads a dossier's stream: what it is about, the rule set it is bound to, its council, posting, tờ trình and award. */
export function dossierFacts(events: readonly ChainedEvent[]): DossierFacts {
  let facts: DossierFacts | undefined;
  for (const e of events) {
    const k = known(e);
    if (k.type === 'DossierCreated')
      facts = {
        nominee: k.data.nominee,
        unitCode: k.data.unitCode,
        awardCode: k.data.awardCode,
        achievements: k.data.achievements,
      };
    if (!facts) continue;
    if (k.type === 'DossierContentUpdated' && k.data.achievements) facts.achievements = k.data.achievements;
    else if (k.type === 'DossierSubmitted' && !facts.ruleSet) {
      const rs = k.data.ruleSet ?? ruleSetByVersion(k.data.ruleSetVersion);
      if (rs) facts.ruleSet = rs;
    } else if (k.type === 'CouncilVotingClosed' && k.data.passed)
      facts.council = { members: k.data.members, present: k.data.present, approvals: k.data.approvals };
    else if (k.type === 'PublicPostingClosed') facts.posting = { objections: k.data.objections };
    else if (k.type === 'ObjectionReviewRecorded' && facts.posting) facts.posting.outcome = k.data.outcome;
    else if (k.type === 'ProposalSigned' && !facts.proposal)
      [facts.proposal, facts.proposalSeq] = [k.data.proposal, e.seq];
    else if (k.type === 'DossierAwarded' && !facts.decision)
      [facts.decision, facts.decisionSeq] = [k.data.decision, e.seq];
  }
  if (!facts) throw new Error('dossier stream without DossierCreated');
  return facts;
}

/** "UBND tỉnh Mẫu (Ban …)" → "tỉnh Mẫu": the province as the issuing body and the place name print it. */
export function provinceOfSeat(
  seatName: string | undefined,
  provinceCode: string,
): { province: string; place: string } {
  const m = /\b(tỉnh|thành phố)\s+([^(,–;]+?)\s*(?:[(,–;]|$)/iu.exec(seatName ?? '');
  return m
    ? { province: `${m[1].toLocaleLowerCase('vi')} ${m[2]}`, place: m[2] }
    : { province: `tỉnh ${provinceCode}`, place: provinceCode };
}

/** The province of a provincial chairman's series ("PROVINCIAL_CHAIRMAN:MAU", "PROVINCIAL_CHAIRMAN:MAU:TTr"). */
export function provinceOfAuthority(authority: string): string {
  const m = /^PROVINCIAL_CHAIRMAN:([^:]+)/.exec(authority);
  if (!m)
    throw Refused.of(
      reject(
        'RULE_VIOLATION',
        'document.template',
        `No template for the ${authority} series yet: only the provincial chairman's documents are printed`,
      ),
    );
  return m[1];
}

export const awardNameOf = (code: string): string => findAward(code)?.nameVi ?? code;

/** A council session's state from its stream, with when it was convened and closed and who convened and closed it. */
export interface SessionFacts {
  state: SessionState;
  decision?: SessionDecision;
  decisionSeq?: number;
  convenedAt: string;
  convenedBy: string;
  closedAt?: string;
  closedSeq?: number;
  closedBy?: string;
}

export function sessionFacts(sessionId: string, events: readonly ChainedEvent[]): SessionFacts {
  const sessionEvents: SessionEvent[] = [];
  const facts: Omit<SessionFacts, 'state'> = { convenedAt: '', convenedBy: '' };
  for (const e of events) {
    const k = known(e);
    if (!k.type.startsWith('Session')) continue;
    sessionEvents.push(k as SessionEvent);
    if (k.type === 'SessionConvened') [facts.convenedAt, facts.convenedBy] = [e.occurredAt, e.actorId];
    else if (k.type === 'SessionClosed')
      [facts.closedAt, facts.closedSeq, facts.closedBy] = [e.occurredAt, e.seq, k.data.closedBy];
    else if (k.type === 'SessionDecisionIssued' && !facts.decision)
      [facts.decision, facts.decisionSeq] = [k.data, e.seq];
  }
  return { ...facts, state: evolveSessionAll(initialSessionState(sessionId), sessionEvents) };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "08 giờ 30, ngày 05 tháng 3 năm 2026" of an instant, in Asia/Ho_Chi_Minh (UTC+7). */
export function vietnameseTime(iso: string, dateText: (isoDate: string) => string): string {
  const ms = Date.parse(iso);
  const local = new Date(ms + 7 * 3600_000);
  return `${pad2(local.getUTCHours())} giờ ${pad2(local.getUTCMinutes())}, ${dateText(vietnamDate(ms))}`;
}

const RECUSAL: Record<string, string> = {
  SAME_UNIT: 'cùng đơn vị với người được đề nghị',
  DECLARED_CONFLICT: 'tự khai xung đột lợi ích',
};

/**
 * The agenda items of a closed session as the minutes print them. A secret item gets the count of ballots handed out
 * and the box's totals: the session's events hold no member's choice for it, so there is none to print.
 */
export function minutesItems(s: SessionState, unitName: (code: string) => string): MinutesItem[] {
  const name = (id: string) => s.members.find((m) => m.userId === id)?.fullName ?? id;
  return s.agenda.map((it) => {
    const secret = it.rule.ballot === 'SECRET';
    const t = s.tallies?.find((x) => x.dossierId === it.dossierId);
    const [tn, td] = it.rule.threshold.share;
    return {
      awardName: awardNameOf(it.awardCode),
      nominee: it.nomineeName,
      unitName: unitName(it.unitCode),
      secret,
      recused: s.recusals
        .filter((r) => r.dossierId === it.dossierId)
        .map((r) => ({
          name: name(r.memberId),
          reason:
            r.reason === 'DECLARED_CONFLICT' && r.detail ? `${RECUSAL[r.reason]}: ${r.detail}` : RECUSAL[r.reason],
        })),
      ...(secret
        ? { ballotsIssued: s.secretParticipation.filter((p) => p.dossierId === it.dossierId).length }
        : {
            openVotes: s.openVotes
              .filter((v) => v.dossierId === it.dossierId)
              .map((v) => ({ name: name(v.memberId), approve: v.approve })),
          }),
      ...(t
        ? {
            tally: {
              members: t.members,
              present: t.present,
              approvals: t.approvals,
              rejections: t.rejections,
              undeposited: t.undeposited,
              quorumMet: t.quorumMet,
              passed: t.passed,
            },
          }
        : {}),
      threshold: `${it.rule.threshold.strict ? 'trên' : 'từ'} ${tn}/${td} ${it.rule.denominator === 'TOTAL' ? 'tổng số thành viên' : 'số thành viên có mặt'}`,
    };
  });
}
