import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Who did it: the person (or SYSTEM), their role, and on whose behalf. */
export class HistoryActorDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ example: 'SECRETARIAT_OFFICER' }) role!: string;
  @ApiPropertyOptional() onBehalfOf?: string;
}

/** One event of a stream as the history endpoints show it (see history.ts). */
export class HistoryEntryDto {
  @ApiProperty({ example: 3 }) seq!: number;
  @ApiProperty({ example: 'SessionConvened' }) type!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's payload (a secret ballot's: only that a member took part)",
  })
  data!: Record<string, unknown>;
  @ApiProperty({ type: HistoryActorDto }) actor!: HistoryActorDto;
  @ApiProperty({ example: '2026-12-03T08:15:00.000Z' }) occurredAt!: string;
  @ApiProperty({ type: String, nullable: true, example: 'VN-2025-07' }) ruleSetVersion!: string | null;
  @ApiProperty({ description: "This event's link in the hash chain (hex SHA-256)" }) hash!: string;
}
