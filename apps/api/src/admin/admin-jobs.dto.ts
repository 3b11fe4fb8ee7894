import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ADMIN_JOB_KINDS, ADMIN_TASK_KINDS, readModelNames, type AdminTaskKind } from '@tdkt/persistence';
import { ONLY_READ_MODEL, ONLY_READ_MODEL_MESSAGE } from '../audit/audit.dto';

export class StartAdminJobDto {
  @ApiProperty({
    enum: ADMIN_TASK_KINDS,
    description:
      'VERIFY_CHAIN: every hash chain and anchor; REBUILD_READ_MODELS: replay the event table; RECONCILE: after a restore (a DIRECTORY_IMPORT job starts with its file: POST /api/admin/directory-imports)',
  })
  @IsIn(ADMIN_TASK_KINDS as unknown as string[])
  kind!: AdminTaskKind;

  @ApiPropertyOptional({
    description: 'RECONCILE only: append again what was lost (default false: a dry run that only reports)',
  })
  @IsOptional()
  @IsBoolean()
  apply?: boolean;

  @ApiPropertyOptional({
    description: 'RECONCILE only: which workflows, as a Temporal visibility query (default: every running one)',
    example: 'WorkflowId = "dossier-…"',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  query?: string;

  @ApiPropertyOptional({ ...ONLY_READ_MODEL, description: `REBUILD_READ_MODELS only: ${ONLY_READ_MODEL.description}` })
  @IsOptional()
  @IsString()
  @IsIn(readModelNames(), { message: ONLY_READ_MODEL_MESSAGE })
  only?: string;
}

export class AdminJobDto {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: ADMIN_JOB_KINDS,
    description: 'DIRECTORY_IMPORT: the rows of a directory file (POST /api/admin/directory-imports)',
  })
  kind!: string;
  @ApiProperty({ enum: ['RUNNING', 'SUCCEEDED', 'FAILED'] }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) params!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'What the job is doing now' }) phase!: string | null;
  @ApiProperty({
    description: 'Events (VERIFY_CHAIN, REBUILD_READ_MODELS), workflows (RECONCILE) or rows (DIRECTORY_IMPORT) done',
  })
  done!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'How many there are, once counted' }) total!: number | null;
  @ApiProperty({
    nullable: true,
    description:
      "The job's report: the verification report, the rebuild's counts, the reconcile report, the directory import's report (DirectoryImportReportDto: `imported`, `rows`, `errors`)",
  })
  result!: unknown;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'Last sign of life of the process running it' }) heartbeatAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty({ description: 'RUNNING without a heartbeat for 2 minutes: its process stopped; start the job again' })
  stale!: boolean;
}
