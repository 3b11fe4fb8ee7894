import type { RuleSet } from '../rule-set/types';
import type { DossierPart } from '../eligibility/dossier-parts';
import type { ReceivedAward } from '../eligibility/history';
import type { AchievementUse, InitiativeUse } from '../eligibility/initiatives';
import type { Tally as CouncilTally } from '../council/tally';
import type { RecoveryItem, RevocationGround } from './revocation-model';
import type { Decider } from '../award/catalog';
import type { DeclaredRecord, Nominee } from './types';
import type { RoundSnapshot, VariantClaims } from './variants';
import type { BlockStanding } from '../emulation/standing';
import type { RegistrationEntry } from '../registration/registration';
import type { MovementQuotaFinding } from '../movement/movement';

/** A number allocated by the issuing authority's gapless counter, attached by the workflow before deciding. */
export interface AllocatedNumber {
  number: string;
  authority: string;
  year: number;
}

export type DossierCommand =
  /** The variant claims (commendation type, ad-hoc date, simplified procedure, thematic round) are fixed at creation. */
  | {
      type: 'CreateDossier';
      data: {
        awardCode: string;
        unitCode: string;
        title: string;
        nominee: Nominee;
        achievements: string;
        record?: DeclaredRecord;
        parts?: DossierPart[];
      } & VariantClaims;
    }
  | {
      type: 'UpdateDossierContent';
      data: { title?: string; achievements?: string; record?: DeclaredRecord; parts?: DossierPart[] };
    }
  /** recordedAwards: the nominee's awards in this system's award history, added by the API from the read model.
   *  blockStandings: the proposing unit's places in its emulation blocks' rankings (Cờ thi đua), added by the API likewise;
   *  the domain reads the one of the evaluation year. */
  /** round: a thematic dossier's round as the rounds read model holds it, added by the API (rule 32). */
  /** registrations: the unit's registered subjects for the award (đăng ký thi đua), added by the API likewise. */
  /** movementQuota: the dossier's movement's cap for its award and the places taken, added by the API when it caps it. */
  /** usedInitiatives, usedAchievements: from the initiative registry and the dossier read models, added by the API. */
  /** attachedParts: the parts that have a file attached (the API adds them); they count where no part was declared. */
  | {
      type: 'SubmitDossier';
      data: {
        attachedParts?: DossierPart[];
        recordedAwards?: ReceivedAward[];
        round?: RoundSnapshot;
        ruleSet?: RuleSet;
        usedInitiatives?: InitiativeUse[];
        usedAchievements?: AchievementUse[];
        blockStandings?: BlockStanding[];
        registrations?: RegistrationEntry[];
        movementQuota?: MovementQuotaFinding;
      };
    }
  | { type: 'ApproveAtUnit'; data: { note?: string } }
  | { type: 'ReturnDossier'; data: { reason: string } }
  | { type: 'AcceptAppraisal'; data: { note?: string; councilMembers: string[] } }
  | { type: 'CastVote'; data: { approve: boolean } }
  /** decidedBy: at the centre, whose decision it is (the Prime Minister's or the President's); absent below it. */
  /** numberRequestId: a decision covering many dossiers (a council session's) shares one allocation under this key. */
  | {
      type: 'DecideDossier';
      data: {
        approve: boolean;
        reason?: string;
        legalBasis?: string[];
        allocated?: AllocatedNumber;
        chainHead?: string;
        decidedBy?: Decider;
        numberRequestId?: string;
      };
    }
  | { type: 'WithdrawDossier'; data: { reason: string } }
  | { type: 'RequestSupplement'; data: { missingParts: string[]; reason: string; deadlineWD?: number } }
  | { type: 'ProvideSupplement'; data: { note?: string; parts?: DossierPart[] } }
  | { type: 'ScheduleForCouncil'; data: { sessionId: string; members: string[] } }
  /** Grassroots route: the unit head puts the dossier to the unit's council (members added by the API). */
  | { type: 'OpenUnitCouncilVoting'; data: { councilMembers: string[] } }
  /** After the award (rule 34): handled by the revocation workflow, never by the dossier's own. */
  | { type: 'RevokeAward'; data: { ground: RevocationGround; reason: string; decisionRef: string } }
  /** paidVnd: what the award fund ledger records as paid for the dossier, added by the API for the bonus; absent in
   *  commands recorded before it travelled (no check then). */
  | { type: 'RecordRecovery'; data: { item: RecoveryItem; note?: string; amountVnd?: number; paidVnd?: number } }
  // State route, provincial part (rules 3, 23): posting, objections, their review, the chairman's tờ trình.
  | { type: 'OpenPublicPosting'; data: { note?: string } }
  | { type: 'RecordObjection'; data: { source: string; text: string } }
  | { type: 'RecordObjectionReview'; data: { outcome: string; upheld: boolean } }
  | { type: 'SignProposal'; data: { approve: boolean; reason?: string; allocated?: AllocatedNumber } }
  // State route, central stage (rules 3, 24, 25): Ministry of Home Affairs, Central Council, Prime Minister, President.
  | { type: 'RecordHiepY'; data: { agency: string; agrees: boolean; opinion: string } }
  | {
      type: 'CentralAppraise';
      data: { outcome: 'ACCEPT' | 'REQUEST_SUPPLEMENT' | 'REJECT'; reason?: string; missingParts?: string[] };
    }
  | { type: 'ProvideCentralSupplement'; data: { note?: string; parts?: DossierPart[] } }
  | { type: 'RecordStandingReview'; data: { members: number; present: number; approvals: number; note?: string } }
  | { type: 'ProposeToPresident'; data: { note?: string } }
  // Issued by the engine (SYSTEM actor): a council session's result, and the timers' commands.
  | { type: 'RecordCouncilResult'; data: { sessionId: string; tally: CouncilTally } }
  | { type: 'ExpireSupplement'; data: Record<string, never> }
  | { type: 'RemindAppraisalDeadline'; data: Record<string, never> }
  | { type: 'EscalateOverdueAppraisal'; data: Record<string, never> }
  | { type: 'CloseCouncilVoting'; data: Record<string, never> }
  | { type: 'ClosePublicPosting'; data: Record<string, never> }
  /** The central-stage workflow, once the central gateway has taken the dossier (reference: the centre's own id). */
  | { type: 'OpenCentralStage'; data: { reference: string } }
  | { type: 'CloseCentralConsultation'; data: Record<string, never> };

export type DossierCommandType = DossierCommand['type'];
/** The commands the revocation workflow accepts. */
/** The commands of the central stage: the API sends them to the central-stage workflow while it runs. */
export const CENTRAL_COMMANDS: readonly DossierCommandType[] = [
  'RecordHiepY',
  'CentralAppraise',
  'ProvideCentralSupplement',
  'RecordStandingReview',
  'ProposeToPresident',
  'DecideDossier',
];
export type RevocationCommand = Extract<DossierCommand, { type: 'RevokeAward' | 'RecordRecovery' }>;
