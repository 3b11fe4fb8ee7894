import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_KINDS, type Role } from '@tdkt/domain';
import { Roles } from '../auth/auth.guard';
import { IDEMPOTENCY } from '../platform/idempotency-key';

/** The body of a command that takes no input. */
export class EmptyDto {}

export class DossierViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty() nomineeKind!: string;
  @ApiProperty() status!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) ruleSetVersion!: string | null;
  @ApiProperty({ type: [String] }) councilMembers!: string[];
  @ApiProperty() votesCast!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionNumber!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedOn!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Number of events applied' }) version!: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Legal deadline now running (ISO date, Asia/Ho_Chi_Minh)',
  })
  deadline!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    enum: DEADLINE_KINDS,
  })
  deadlineKind!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Role that must act next' }) heldBy!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Working days left on the paused appraisal clock' })
  pausedRemainingWD!: number | null;
  @ApiProperty({ description: 'Loại hình khen thưởng (Law Art. 8)' }) commendationType!: string;
  @ApiProperty({ description: 'Simplified procedure (Law Art. 85)' }) simplified!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Thematic round (rule 32)' }) roundId!:
    string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Emulation movement (phong trào thi đua); a thematic dossier's round",
  })
  movementId!: string | null;
}

export class DossierPageDto {
  @ApiProperty({ type: [DossierViewDto] }) items!: DossierViewDto[];
  @ApiPropertyOptional({ description: 'Pass as cursor for the next page; absent on the last page' })
  nextCursor?: string;
}

/**
 * A command on one dossier: 200 with the dossier as it now stands (read from the read model the command has already
 * updated), for the roles named, retried safely with an Idempotency-Key.
 */
export const DossierCommandEndpoint = (...roles: Role[]) =>
  applyDecorators(HttpCode(200), Roles(...roles), IDEMPOTENCY, ApiOkResponse({ type: DossierViewDto }));
