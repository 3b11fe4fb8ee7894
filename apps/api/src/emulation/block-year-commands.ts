import type { BlockYearCommand } from '@tdkt/domain';
import type {
  MidYearCheckDto,
  OpenSelfAssessmentDto,
  ScoreAdjustmentDto,
  ScoringTemplateDto,
  SelfAssessmentDto,
} from './emulation.dto';

/* The domain command a block year endpoint's body stands for (block-years.controller.ts): plain copies of the DTOs. */

export const templateCommand = (dto: ScoringTemplateDto): BlockYearCommand => ({
  type: 'AdoptTemplate',
  data: { criteria: dto.criteria.map((c) => ({ ...c })), maxBonus: dto.maxBonus, maxPenalty: dto.maxPenalty },
});

export const midYearCheckCommand = (dto: MidYearCheckDto): BlockYearCommand => ({
  type: 'RecordMidYearCheck',
  data: {
    heldOn: dto.heldOn,
    summary: dto.summary,
    remarks: (dto.remarks ?? []).map((r) => ({ unitCode: r.unitCode, remark: r.remark })),
  },
});

export const openSelfAssessmentCommand = (dto: OpenSelfAssessmentDto): BlockYearCommand => ({
  type: 'OpenSelfAssessment',
  data: dto.workingDays === undefined ? {} : { workingDays: dto.workingDays },
});

export const selfAssessmentCommand = (dto: SelfAssessmentDto): BlockYearCommand => ({
  type: 'SubmitSelfAssessment',
  data: {
    unitCode: dto.unitCode,
    scores: dto.scores.map((s) => ({ ...s })),
    bonus: dto.bonus,
    penalty: dto.penalty,
    ...(dto.bonusReason?.trim() ? { bonusReason: dto.bonusReason.trim() } : {}),
    ...(dto.penaltyReason?.trim() ? { penaltyReason: dto.penaltyReason.trim() } : {}),
  },
});

export const adjustmentCommand = (dto: ScoreAdjustmentDto): BlockYearCommand => ({
  type: 'AdjustScore',
  data: { unitCode: dto.unitCode, target: dto.target, points: dto.points, reason: dto.reason },
});
