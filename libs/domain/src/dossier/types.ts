import type { Actor } from '../shared/actor';
import type { CouncilRule } from '../rule-set/types';
import type { SubjectKind } from '../award/catalog';

/** Where a dossier (hồ sơ đề nghị khen thưởng) stands. */
export const DOSSIER_STATUSES = [
  'NEW',
  'DRAFT',
  'UNIT_REVIEW',
  'APPRAISAL',
  'COUNCIL_VOTING',
  'AWAITING_DECISION',
  'AWARDED',
  'REJECTED',
  'RETURNED',
  'WITHDRAWN',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export const FINAL_STATUSES: readonly DossierStatus[] = ['AWARDED', 'REJECTED', 'WITHDRAWN'];

/** The person, collective or household proposed. Personal data (citizen id) arrives here only as a keyed hash. */
export interface Nominee {
  kind: SubjectKind;
  fullName: string;
  position?: string;
  citizenIdHash?: string;
  birthDate?: string;
}

export interface IssuedDecision {
  number: string;
  authority: string;
  year: number;
  signerId: string;
  signedOn: string;
  legalBasis: string[];
  /** Hash of the dossier's last event before the decision: deleting later rows from the chain becomes detectable. */
  chainHeadAtSigning?: string;
}

export interface Vote {
  memberId: string;
  approve: boolean;
}

export interface DossierState {
  dossierId: string;
  status: DossierStatus;
  awardCode: string;
  unitCode: string;
  title: string;
  nominee?: Nominee;
  achievements: string;
  ruleSetVersion?: string;
  council?: { members: string[]; rule: CouncilRule; votes: Vote[] };
  decision?: IssuedDecision;
  returnReason?: string;
  rejectionReason?: string;
  /** Number of events applied; the next event gets seq + 1. */
  seq: number;
}

export const initialDossierState = (dossierId: string): DossierState => ({
  dossierId,
  status: 'NEW',
  awardCode: '',
  unitCode: '',
  title: '',
  achievements: '',
  seq: 0,
});

/** What decide() needs besides state and command: who acts and when (epoch ms of the workflow clock). */
export interface CommandContext {
  actor: Actor;
  now: number;
}
