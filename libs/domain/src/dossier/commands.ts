import type { DossierPart } from '../eligibility/dossier-parts';
import type { ReceivedAward } from '../eligibility/history';
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
  // Issued by the engine's timers (SYSTEM actor):
  | { type: 'ExpireSupplement'; data: Record<string, never> }
  | { type: 'RemindAppraisalDeadline'; data: Record<string, never> }
  | { type: 'EscalateOverdueAppraisal'; data: Record<string, never> }
  | { type: 'CloseCouncilVoting'; data: Record<string, never> };

export type DossierCommandType = DossierCommand['type'];
