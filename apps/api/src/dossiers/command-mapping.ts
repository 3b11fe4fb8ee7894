import type { DossierCommand } from '@tdkt/domain';
import type { DecisionDto, SupplementDto, SupplementRequestDto, UpdateContentDto } from './dossier.dto';
import { toDeclaredRecord, toParts } from './record.dto';
import type { CentralAppraisalDto, CentralDecisionDto, ProposalDto, StandingReviewDto } from './state-route.dto';

/*
 * The domain command a dossier endpoint's body stands for (dossier-commands.controller.ts, state-route.controller.ts).
 * Optional fields the caller left out stay out of the command rather than going in as undefined.
 */

/** `{ note }` when the body has one, else nothing. */
export const noted = (b: { note?: string }): { note?: string } => (b.note ? { note: b.note } : {});

export const contentCommand = (b: UpdateContentDto): DossierCommand => ({
  type: 'UpdateDossierContent',
  data: {
    ...(b.title ? { title: b.title } : {}),
    ...(b.achievements ? { achievements: b.achievements } : {}),
    ...(b.record ? { record: toDeclaredRecord(b.record) } : {}),
    ...(b.parts ? { parts: toParts(b.parts) } : {}),
  },
});

export const supplementRequestCommand = (b: SupplementRequestDto): DossierCommand => ({
  type: 'RequestSupplement',
  data: { missingParts: b.missingParts, reason: b.reason, ...(b.deadlineWD ? { deadlineWD: b.deadlineWD } : {}) },
});

const supplied = (b: SupplementDto) => ({ ...noted(b), ...(b.parts ? { parts: toParts(b.parts) } : {}) });

/** The unit's supplement, asked by the province's secretariat. */
export const supplementCommand = (b: SupplementDto): DossierCommand => ({
  type: 'ProvideSupplement',
  data: supplied(b),
});

/** The province's supplement, asked by the Ministry at the central stage. */
export const centralSupplementCommand = (b: SupplementDto): DossierCommand => ({
  type: 'ProvideCentralSupplement',
  data: supplied(b),
});

/** The provincial chairman's or the unit head's decision. */
export const decisionCommand = (b: DecisionDto): DossierCommand => ({
  type: 'DecideDossier',
  data: {
    approve: b.approve,
    ...(b.reason ? { reason: b.reason } : {}),
    ...(b.legalBasis ? { legalBasis: b.legalBasis } : {}),
  },
});

export const proposalCommand = (b: ProposalDto): DossierCommand => ({
  type: 'SignProposal',
  data: { approve: b.approve, ...(b.reason ? { reason: b.reason } : {}) },
});

export const centralAppraisalCommand = (b: CentralAppraisalDto): DossierCommand => ({
  type: 'CentralAppraise',
  data: {
    outcome: b.outcome,
    ...(b.reason ? { reason: b.reason } : {}),
    ...(b.missingParts ? { missingParts: b.missingParts } : {}),
  },
});

export const standingReviewCommand = (b: StandingReviewDto): DossierCommand => ({
  type: 'RecordStandingReview',
  data: { members: b.members, present: b.present, approvals: b.approvals, ...noted(b) },
});

/** The Prime Minister's or the President's decision (decidedBy). */
export const centralDecisionCommand = (b: CentralDecisionDto): DossierCommand => ({
  type: 'DecideDossier',
  data: {
    approve: b.approve,
    decidedBy: b.decidedBy,
    ...(b.reason ? { reason: b.reason } : {}),
    ...(b.legalBasis ? { legalBasis: b.legalBasis } : {}),
  },
});
