import type { ReactNode } from 'react';
import { Button, Typography } from 'antd';
import { session } from '../../auth/session';

/** The roles of the people who run emulation work for the province. */
export const SECRETARIAT = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'];
export const UNIT_STAFF = ['UNIT_CLERK', 'UNIT_HEAD'];
export const isSecretariat = (): boolean => SECRETARIAT.includes(session.me()?.role ?? '');
export const isUnitStaff = (): boolean => UNIT_STAFF.includes(session.me()?.role ?? '');

/** A file the API answers with (xlsx, pdf): fetched with the bearer token, then saved by the browser. */
export function DownloadButton({
  path,
  filename,
  label,
  testId,
}: {
  path: string;
  filename: string;
  label: string;
  testId?: string;
}) {
  const download = async () => {
    const res = await fetch(path, { headers: { authorization: `Bearer ${session.token() ?? ''}` } });
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: filename });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Button onClick={() => void download()} data-testid={testId}>
      {label}
    </Button>
  );
}

/** Lines of a textarea as a list (empty lines dropped). */
export const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
export const todayVn = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** What the API's `state` of a movement holds (typed by hand: the OpenAPI gives it as an open object). */
export interface MovementState {
  definition?: {
    objectives: string[];
    criteria: string[];
    coOrganisers: string[];
    awardCodes: string[];
    launchDecision?: { number: string; date: string; signer: string };
    milestones: { midTermReview?: string; finalReview: string };
    quotas?: { awardCode: string; max: number }[];
  };
  transitions: { from: string; to: string; on: string; note?: string }[];
  /** The review ceremonies set so far, the latest per milestone (absent before any was set). */
  ceremonies?: {
    milestone: 'MID_TERM' | 'FINAL';
    ceremonyDate: string;
    latestDecision?: { dossierId: string; number: string; date: string };
  }[];
}

export interface ModelState {
  definition?: {
    summary: string;
    subject: { kind: string; name: string; position?: string; unitCode: string };
    evidence: { title: string; ref: string }[];
  };
  replications: { unitCode: string; unitName: string; on: string; note?: string }[];
  proposals: { dossierId: string; awardCode: string; on: string }[];
  transitions: { from: string; to: string; on: string; note?: string }[];
}

export interface RegistrationState {
  subjects: { kind: string; name: string; awardCode: string }[];
  returns: { on: string; reason: string }[];
}

/** A block year as the domain holds it (libs/domain/src/emulation/block-year.ts `BlockYearState`). */
export interface BlockYearState {
  opening?: { members: { unitCode: string; name: string }[]; leadership: { head: string; deputy: string } };
  template?: {
    criteria: { code: string; title: string; maxPoints: number; evidenceRequired: boolean }[];
    maxBonus: number;
    maxPenalty: number;
  };
  templateApproval?: { approvedOn: string };
  pledges: { unitCode: string; signedOn: string }[];
  /** The mid-year check (sơ kết 6 tháng), when the block recorded one (optional). */
  midYearCheck?: {
    heldOn: string;
    summary: string;
    remarks: { unitCode: string; remark: string }[];
    recordedOn: string;
  };
  selfAssessmentDeadline?: string;
  assessments: {
    unitCode: string;
    scores: { criterionCode: string; points: number; evidence: string[] }[];
    bonus: number;
    penalty: number;
    bonusReason?: string;
    penaltyReason?: string;
    submittedOn: string;
  }[];
  missingAssessments: string[];
  adjustments: { unitCode: string; target: string; points: number; reason: string }[];
  ranking?: {
    unitCode: string;
    criteriaPoints: number;
    bonus: number;
    penalty: number;
    total: number;
    rank: number;
    assessed: boolean;
  }[];
  proposals?: {
    provincial: string[];
    government: string[];
    meetingDate: string;
    minutesRef: string;
    /** The block meeting's vote (absent on proposals recorded before the vote was asked for). */
    vote?: BlockMeetingVote;
  };
  /** The nomination dossiers the proposals became (absent in states stored before they existed). */
  proposalDossiers?: { unitCode: string; flag: FlagKind; awardCode: string; dossierId: string }[];
}

export type FlagKind = 'PROVINCIAL' | 'GOVERNMENT';

/** The block meeting's vote on its flag proposals (libs/domain/src/emulation/meeting-vote.ts): only the counts. */
export interface BlockMeetingVote {
  method: 'OPEN' | 'SECRET';
  present: string[];
  tallies: { unitCode: string; flag: FlagKind; votesFor: number }[];
}

/** A list or table when there are rows, else a plain sentence (antd's grey empty state is below the contrast WCAG asks). */
export function OrNone<T>({
  rows,
  none,
  children,
}: {
  rows: readonly T[] | undefined;
  none: string;
  children: ReactNode;
}) {
  return rows?.length ? <>{children}</> : <Typography.Text>{none}</Typography.Text>;
}
