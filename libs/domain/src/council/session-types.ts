import type { CouncilRule } from '../rule-set/types';
import type { Tally } from './tally';
import type { Envelope } from '../shared/envelope';

/**
 * A council session (phiên họp Hội đồng TĐKT): many dossiers on one agenda, one roster of members, attendance,
 * recusals, votes (open, or secret where the rule set requires), closed by the chair or at its deadline, with tallies
 * and minutes (biên bản) derived from its events.
 */
export interface SessionMember {
  userId: string;
  fullName: string;
  /** The member's own unit: a member is recused from dossiers of that unit. */
  unitCode: string | null;
}

export interface AgendaItem {
  dossierId: string;
  awardCode: string;
  unitCode: string;
  nomineeName: string;
  rule: CouncilRule;
}

export const ATTENDANCES = ['PRESENT', 'ABSENT', 'WRITTEN_VOTE'] as const;
export type Attendance = (typeof ATTENDANCES)[number];
export const RECUSAL_REASONS = ['SAME_UNIT', 'DECLARED_CONFLICT'] as const;
export type RecusalReason = (typeof RECUSAL_REASONS)[number];

export interface ItemTally extends Tally {
  dossierId: string;
  ballot: CouncilRule['ballot'];
  recused: number;
  /** Secret ballot: members who took part but whose ballot never reached the box (a crash between the two steps). */
  undeposited: number;
}

/** One ballot of a box counted ballot by ballot: the form of sessions closed before the sealed box (recorded histories). */
export interface SecretBallot {
  ballotId: string;
  approve: boolean;
}

/** A secret item's box as counted at close: its totals (the sealed box keeps nothing finer). */
export interface BallotTotals {
  approvals: number;
  rejections: number;
}

/** What the engine read from a secret item's box at close: its totals, or (histories before the sealed box) its ballots. */
export type CountedBox = BallotTotals | SecretBallot[];

export const SESSION_STATUSES = ['NEW', 'OPEN', 'CLOSED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface SessionState {
  sessionId: string;
  status: SessionStatus;
  title: string;
  provinceCode: string;
  deadline: string;
  members: SessionMember[];
  agenda: AgendaItem[];
  attendance: Record<string, Attendance>;
  recusals: { memberId: string; dossierId: string; reason: RecusalReason; detail?: string }[];
  openVotes: { memberId: string; dossierId: string; approve: boolean }[];
  /** Who took part in each secret ballot — never how they voted. */
  secretParticipation: { memberId: string; dossierId: string }[];
  tallies?: ItemTally[];
  /** The provincial decision that awarded the session's passed dossiers under one number, once issued. */
  decision?: SessionDecision;
  seq: number;
}

/** One decision (one number) for many dossiers of a closed session; refused: dossiers that could not take it, and why. */
export interface SessionDecision {
  number: string;
  authority: string;
  year: number;
  signerId: string;
  signedOn: string;
  legalBasis: string[];
  dossierIds: string[];
  refused: { dossierId: string; reason: string }[];
}

export const initialSessionState = (sessionId: string): SessionState => ({
  sessionId,
  status: 'NEW',
  title: '',
  provinceCode: '',
  deadline: '',
  members: [],
  agenda: [],
  attendance: {},
  recusals: [],
  openVotes: [],
  secretParticipation: [],
  seq: 0,
});

export type SessionCommand =
  | {
      type: 'ConveneSession';
      data: { title: string; provinceCode: string; deadline: string; members: SessionMember[]; agenda: AgendaItem[] };
    }
  | { type: 'DropAgendaItem'; data: { dossierId: string; reason: string } }
  | { type: 'RecordAttendance'; data: { memberId: string; attendance: Attendance } }
  | { type: 'DeclareConflict'; data: { dossierId: string; reason: string } }
  | { type: 'CastOpenVote'; data: { dossierId: string; approve: boolean } }
  | { type: 'TakePartInSecretBallot'; data: { dossierId: string } }
  /** secretBallots: the box of each secret item, counted by the engine when the session closes. */
  | { type: 'CloseSession'; data: { secretBallots: Record<string, CountedBox> } }
  /** Recorded by the session workflow once each listed dossier's own workflow has taken (or refused) the decision. */
  | { type: 'RecordSessionDecision'; data: SessionDecision };

/** Every session event type starts with "Session", which is how projections tell session streams from dossiers. */
export type SessionEvent =
  | {
      type: 'SessionConvened';
      data: { title: string; provinceCode: string; deadline: string; members: SessionMember[]; agenda: AgendaItem[] };
    }
  | { type: 'SessionAgendaItemDropped'; data: { dossierId: string; reason: string } }
  | {
      type: 'SessionMemberRecused';
      data: { memberId: string; dossierId: string; reason: RecusalReason; detail?: string };
    }
  | { type: 'SessionAttendanceRecorded'; data: { memberId: string; attendance: Attendance } }
  | { type: 'SessionOpenVoteCast'; data: { memberId: string; dossierId: string; approve: boolean } }
  | { type: 'SessionSecretBallotTakenPart'; data: { memberId: string; dossierId: string } }
  /** The box's totals; sessions closed before the sealed box list their ballots (sorted by random id) instead. */
  | { type: 'SessionBallotsCounted'; data: { dossierId: string } & (BallotTotals | { ballots: SecretBallot[] }) }
  | { type: 'SessionClosed'; data: { closedBy: string; tallies: ItemTally[] } }
  | { type: 'SessionMinutesIssued'; data: { minutes: string } }
  | { type: 'SessionDecisionIssued'; data: SessionDecision };

export const isSessionEventType = (type: string): boolean => type.startsWith('Session');

/** A session event as stored in the event table: the session id is the stream id. */
export type SessionEnvelope = Envelope<SessionEvent>;

/** Anything the event table stores: every stream kind's envelopes. */
export type StoredEnvelope =
  | import('../dossier/events').EventEnvelope
  | SessionEnvelope
  | import('../decision/register').RegisterEnvelope
  | import('../round/round').RoundEnvelope
  | import('../emulation/block').BlockEnvelope
  | import('../emulation/block-year').BlockYearEnvelope
  | import('../movement/movement').MovementEnvelope
  | import('../registration/registration').RegistrationEnvelope
  | Envelope<import('../directory/directory').DirectoryEvent>
  | Envelope<import('../award-import/award-import').AwardImportEvent>
  | import('../document/document').DocumentEnvelope
  | import('../attachment/attachment').AttachmentEnvelope
  | import('../exemplary-model/exemplary-model').ExemplaryModelEnvelope
  | import('../priority/nominee-priority').NomineePriorityEnvelope
  | import('../fund/award-fund').AwardFundEnvelope;
