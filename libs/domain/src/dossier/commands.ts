import type { DossierPart } from '../eligibility/dossier-parts';
import type { ReceivedAward } from '../eligibility/history';
import type { Tally as CouncilTally } from '../council/tally';
import type { RecoveryItem, RevocationGround } from './revocation';
import type { DeclaredRecord, Nominee } from './types';

/** A number allocated by the issuing authority's gapless counter, attached by the workflow before deciding. */
export interface AllocatedNumber {
  number: string;
  authority: string;
  year: number;
}

export type DossierCommand =
  | { type: 'CreateDossier'; data: { awardCode: string; unitCode: string; title: string; nominee: Nominee; achievements: string; record?: DeclaredRecord; parts?: DossierPart[] } }
  | { type: 'UpdateDossierContent'; data: { title?: string; achievements?: string; record?: DeclaredRecord; parts?: DossierPart[] } }
  /** recordedAwards: the nominee's awards in this system's award history, added by the API from the read model. */
  | { type: 'SubmitDossier'; data: { recordedAwards?: ReceivedAward[] } }
  | { type: 'ApproveAtUnit'; data: { note?: string } }
  | { type: 'ReturnDossier'; data: { reason: string } }
  | { type: 'AcceptAppraisal'; data: { note?: string; councilMembers: string[] } }
  | { type: 'CastVote'; data: { approve: boolean } }
  | { type: 'DecideDossier'; data: { approve: boolean; reason?: string; legalBasis?: string[]; allocated?: AllocatedNumber; chainHead?: string } }
  | { type: 'WithdrawDossier'; data: { reason: string } }
  | { type: 'RequestSupplement'; data: { missingParts: string[]; reason: string; deadlineWD?: number } }
  | { type: 'ProvideSupplement'; data: { note?: string; parts?: DossierPart[] } }
  | { type: 'ScheduleForCouncil'; data: { sessionId: string; members: string[] } }
  /** Grassroots route: the unit head puts the dossier to the unit's council (members added by the API). */
  | { type: 'OpenUnitCouncilVoting'; data: { councilMembers: string[] } }
  /** After the award (rule 34): handled by the revocation workflow, never by the dossier's own. */
  | { type: 'RevokeAward'; data: { ground: RevocationGround; reason: string; decisionRef: string } }
  | { type: 'RecordRecovery'; data: { item: RecoveryItem; note?: string; amountVnd?: number } }
  // Issued by the engine (SYSTEM actor): a council session's result, and the timers' commands.
  | { type: 'RecordCouncilResult'; data: { sessionId: string; tally: CouncilTally } }
  | { type: 'ExpireSupplement'; data: Record<string, never> }
  | { type: 'RemindAppraisalDeadline'; data: Record<string, never> }
  | { type: 'EscalateOverdueAppraisal'; data: Record<string, never> }
  | { type: 'CloseCouncilVoting'; data: Record<string, never> };

export type DossierCommandType = DossierCommand['type'];
/** The commands the revocation workflow accepts. */
export type RevocationCommand = Extract<DossierCommand, { type: 'RevokeAward' | 'RecordRecovery' }>;
