/** The reports' JSON answers as OpenAPI schemas (the typed web client reads them); CSV and .xlsx carry the same rows. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AwardCountRow,
  DirectWorkerShare,
  MovementAwardCountRow,
  StageTime,
  StatisticsFilter,
} from '@tdkt/persistence';

const LEVELS = ['STATE', 'PROVINCIAL', 'GRASSROOTS', 'UNKNOWN'];

export class StatisticsFilterDto {
  @ApiPropertyOptional() provinceCode?: string;
  @ApiPropertyOptional() unitCode?: string;
  @ApiPropertyOptional() awardCode?: string;
  @ApiPropertyOptional({ enum: LEVELS }) level?: string;
  @ApiPropertyOptional({ format: 'uuid' }) movementId?: string;
  @ApiPropertyOptional() fromYear?: number;
  @ApiPropertyOptional() toYear?: number;
}

export class DirectWorkerShareDto {
  @ApiProperty() individuals!: number;
  @ApiProperty({ description: 'Individuals who work directly at the grassroots (người trực tiếp lao động, công tác)' })
  directWorkers!: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'directWorkers / individuals, 4 decimals; null when no individual was awarded',
  })
  share!: number | null;
}

export class AwardCountRowDto {
  @ApiProperty() year!: number;
  @ApiProperty() awardCode!: string;
  @ApiProperty() awardName!: string;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty() decider!: string;
  @ApiProperty() unitCode!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) unitName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) provinceCode!: string | null;
  @ApiProperty() total!: number;
  @ApiProperty() individuals!: number;
  @ApiProperty() collectives!: number;
  @ApiProperty() households!: number;
  @ApiProperty() directWorkers!: number;
}

export class MovementAwardCountRowDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for the dossiers that come from no movement',
  })
  movementId!: string | null;
  @ApiProperty({ description: 'The movement’s name; "Không thuộc phong trào" for the dossiers of none' })
  movementName!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Awards of the state level' }) state!: number;
  @ApiProperty({ description: 'Awards of the provincial level' }) provincial!: number;
  @ApiProperty({ description: 'Awards of the grassroots level' }) grassroots!: number;
  @ApiProperty() individuals!: number;
  @ApiProperty() collectives!: number;
  @ApiProperty() households!: number;
}

export class AwardsReportDto {
  @ApiProperty({ type: StatisticsFilterDto }) filter!: StatisticsFilterDto;
  @ApiProperty({ type: [AwardCountRowDto] }) rows!: AwardCountRowDto[];
  @ApiProperty({
    type: [MovementAwardCountRowDto],
    description: 'The same awards by the movement their dossiers come from, named movements first',
  })
  byMovement!: MovementAwardCountRowDto[];
  @ApiProperty({ type: DirectWorkerShareDto }) directWorkers!: DirectWorkerShareDto;
}

export class StageTimeDto {
  @ApiProperty({ enum: ['UNIT_REVIEW', 'APPRAISAL', 'COUNCIL_VOTING', 'DECISION', 'TOTAL'] }) stage!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Dossiers that completed the stage in the period (by the year the stage ended)' })
  count!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Calendar days, 2 decimals; null when count is 0' })
  medianDays!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) p90Days!: number | null;
}

export class ProcessingTimesReportDto {
  @ApiProperty({ type: StatisticsFilterDto }) filter!: StatisticsFilterDto;
  @ApiProperty({ type: [StageTimeDto] }) stages!: StageTimeDto[];
}

export class FiveYearRowDto {
  @ApiProperty() no!: number;
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: LEVELS }) level!: string;
  @ApiProperty({ type: [String] }) awardCodes!: string[];
  @ApiProperty() count!: number;
  @ApiProperty() individuals!: number;
  @ApiProperty() collectives!: number;
  @ApiProperty() households!: number;
}

export class FiveYearReportDto {
  @ApiProperty() provinceCode!: string;
  @ApiProperty() fromYear!: number;
  @ApiProperty() toYear!: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'The movement the report is limited to, when asked' })
  movementId?: string;
  @ApiProperty({ type: [FiveYearRowDto] }) rows!: FiveYearRowDto[];
  @ApiProperty({ type: DirectWorkerShareDto }) directWorkers!: DirectWorkerShareDto;
}

/** The JSON answers as the controller builds them (the DTOs above document them). */
export interface AwardsReport {
  filter: StatisticsFilter;
  rows: AwardCountRow[];
  byMovement: MovementAwardCountRow[];
  directWorkers: DirectWorkerShare;
}

export interface ProcessingTimesReport {
  filter: StatisticsFilter;
  stages: StageTime[];
}
