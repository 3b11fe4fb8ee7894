import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { readModelNames } from '@tdkt/persistence';

/** The first broken link of a stream's hash chain. */
export class ChainBreakDto {
  @ApiProperty({ description: 'The stream (dossier, session, register …) whose chain breaks' }) dossierId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: ['HASH_MISMATCH', 'PREV_HASH_MISMATCH', 'SEQ_GAP'] }) problem!:
    'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'SEQ_GAP';
  @ApiProperty() expected!: string;
  @ApiProperty() found!: string;
}

/** What the chains alone cannot show, found against the anchors and the decisions. */
export class IntegrityProblemDto {
  @ApiProperty({
    enum: [
      'STREAM_MISSING',
      'HEAD_BEHIND_ANCHOR',
      'ANCHORED_HASH_MISMATCH',
      'ANCHOR_BROKEN',
      'PUBLISHED_ANCHOR_MISMATCH',
      'SIGNING_HEAD_MISMATCH',
    ],
  })
  problem!:
    | 'STREAM_MISSING'
    | 'HEAD_BEHIND_ANCHOR'
    | 'ANCHORED_HASH_MISMATCH'
    | 'ANCHOR_BROKEN'
    | 'PUBLISHED_ANCHOR_MISMATCH'
    | 'SIGNING_HEAD_MISMATCH';
  @ApiPropertyOptional() streamId?: string;
  @ApiPropertyOptional() seq?: number;
  @ApiPropertyOptional() anchorSeq?: number;
  @ApiPropertyOptional() expected?: string;
  @ApiPropertyOptional() found?: string;
}

export class AnchorRefDto {
  @ApiProperty() seq!: number;
  @ApiProperty() hash!: string;
  @ApiProperty() anchoredAt!: string;
  @ApiProperty({ description: 'How many stream heads it commits to' }) streams!: number;
}

/** The result of recomputing the chains (all streams, or one dossier's). */
export class VerificationReportDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Streams verified' }) dossiers!: number;
  @ApiProperty() events!: number;
  @ApiPropertyOptional({ type: ChainBreakDto, description: 'The first broken link, in event-table order' })
  firstBreak?: ChainBreakDto;
  @ApiPropertyOptional({ description: 'The chain head of the verified dossier' }) head?: string;
  @ApiPropertyOptional({
    type: AnchorRefDto,
    description: 'The latest anchor the streams were checked against; absent before the first',
  })
  anchor?: AnchorRefDto;
  @ApiPropertyOptional({ type: [IntegrityProblemDto] }) problems?: IntegrityProblemDto[];
  @ApiPropertyOptional({ description: 'Problems beyond the first 100, counted' }) problemsOmitted?: number;
}

/** The latest anchor as an auditor keeps it outside the database. */
export class PublishedAnchorDto extends AnchorRefDto {
  @ApiProperty({ enum: ['tdkt-anchor/1'] }) format!: 'tdkt-anchor/1';
}

/** One event of the export, with its chain links (the fields the hash covers, see `chain.canonicalization`). */
export class ChainedEventDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiPropertyOptional() onBehalfOf?: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ type: String, nullable: true }) ruleSetVersion!: string | null;
  @ApiProperty() requestId!: string;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

export class ExportChainDto {
  @ApiProperty() algorithm!: string;
  @ApiProperty() canonicalization!: string;
  @ApiProperty() genesis!: string;
  @ApiProperty({ type: String, nullable: true }) head!: string | null;
  @ApiProperty() length!: number;
  @ApiProperty() verifiedAtExport!: boolean;
}

/** A dossier's full record as one JSON file an auditor can verify offline. */
export class DossierRecordExportDto {
  @ApiProperty({ enum: ['tdkt-dossier-record/1'] }) format!: 'tdkt-dossier-record/1';
  @ApiProperty() dossierId!: string;
  @ApiProperty() exportedAt!: string;
  @ApiProperty({ type: ExportChainDto }) chain!: ExportChainDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The decision the dossier was awarded under, if any',
  })
  decision!: unknown;
  @ApiProperty({ type: [ChainedEventDto] }) events!: ChainedEventDto[];
}

export class RebuildResultDto {
  @ApiProperty({ description: 'Events replayed' }) events!: number;
  @ApiProperty({
    type: [String],
    description: 'The read models rebuilt (every one, or `only` and those sharing its tables)',
  })
  models!: string[];
  @ApiProperty({ type: [String] }) tables!: string[];
}

/** What `only` may name, and the message for anything else. */
export const ONLY_READ_MODEL = {
  description:
    'One read model to rebuild instead of all: its name or one of its tables (read models writing the same tables are rebuilt with it)',
  enum: readModelNames(),
};
const onlyMessage = 'only must name a read model or one of its tables (see the enum in the OpenAPI document)';

/** A rebuild of the read models: every one, or one (`only`). */
export class RebuildReadModelsDto {
  @ApiPropertyOptional(ONLY_READ_MODEL)
  @IsOptional()
  @IsString()
  @IsIn(readModelNames(), { message: onlyMessage })
  only?: string;
}
export { onlyMessage as ONLY_READ_MODEL_MESSAGE };
