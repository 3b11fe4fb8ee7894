import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTENDANCES,
  BALLOTS,
  RECUSAL_REASONS,
  SESSION_STATUSES,
  type Ballot,
  type RecusalReason,
  type SessionStatus,
} from '@tdkt/domain';

export class SessionMemberDto {
  @ApiProperty() userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, description: "The member's unit: recused from its dossiers" })
  unitCode!: string | null;
}

export class SessionAgendaItemDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty({ example: 'BK_TINH' }) awardCode!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty({ enum: BALLOTS, description: 'Open vote or secret ballot, by the rule set' }) ballot!: Ballot;
}

export class SessionRecusalDto {
  @ApiProperty() memberId!: string;
  @ApiProperty() dossierId!: string;
  @ApiProperty({ enum: RECUSAL_REASONS }) reason!: RecusalReason;
  @ApiPropertyOptional() detail?: string;
}

/** One agenda item's count at close (a secret item: totals only). */
export class ItemTallyDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty({ enum: BALLOTS }) ballot!: Ballot;
  @ApiProperty() members!: number;
  @ApiProperty() present!: number;
  @ApiProperty() approvals!: number;
  @ApiProperty() rejections!: number;
  @ApiProperty() recused!: number;
  @ApiProperty({ description: 'Secret ballot: took part, but the ballot never reached the box' }) undeposited!: number;
  @ApiProperty() quorumMet!: boolean;
  @ApiProperty() passed!: boolean;
}

export class SessionRefusedDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() reason!: string;
}

/** The one decision (one number) for the session's passed dossiers. */
export class SessionDecisionViewDto {
  @ApiProperty({ example: '12/QĐ-UBND' }) number!: string;
  @ApiProperty({ example: 'PROVINCIAL_CHAIRMAN:HN' }) authority!: string;
  @ApiProperty() year!: number;
  @ApiProperty() signerId!: string;
  @ApiProperty({ example: '2026-12-18' }) signedOn!: string;
  @ApiProperty({ type: [String] }) legalBasis!: string[];
  @ApiProperty({ type: [String] }) dossierIds!: string[];
  @ApiProperty({ type: [SessionRefusedDto], description: 'Dossiers that could not take the decision, and why' })
  refused!: SessionRefusedDto[];
}

/** POST /council-sessions/:id/decision answers the decision with its session. */
export class SessionDecisionResultDto extends SessionDecisionViewDto {
  @ApiProperty() sessionId!: string;
}

/** A council session (phiên họp Hội đồng TĐKT) as its read model holds it. */
export class CouncilSessionViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() provinceCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: SessionStatus;
  @ApiProperty({ example: '2026-12-18' }) deadline!: string;
  @ApiProperty({ type: [SessionMemberDto] }) members!: SessionMemberDto[];
  @ApiProperty({ type: [SessionAgendaItemDto] }) agenda!: SessionAgendaItemDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...ATTENDANCES] },
    description: 'Member id → attendance',
  })
  attendance!: Record<string, 'PRESENT' | 'ABSENT' | 'WRITTEN_VOTE'>;
  @ApiProperty({ type: [SessionRecusalDto] }) recusals!: SessionRecusalDto[];
  @ApiProperty({ type: [ItemTallyDto], nullable: true, description: 'Once closed' }) tallies!: ItemTallyDto[] | null;
  @ApiProperty({ type: String, nullable: true, description: 'The minutes (biên bản), once closed' }) minutes!:
    string | null;
  @ApiProperty() convenedBy!: string;
  @ApiProperty() convenedAt!: string;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNumber!: string | null;
  @ApiProperty({ type: SessionDecisionViewDto, nullable: true }) decision!: SessionDecisionViewDto | null;
  @ApiProperty({ description: 'The last event seq of the session stream' }) version!: number;
}

/** A vote was recorded; a secret choice is never echoed back. */
export class SessionVoteRecordedDto {
  @ApiProperty() sessionId!: string;
  @ApiProperty() dossierId!: string;
  @ApiProperty({ enum: [true] }) recorded!: true;
}
