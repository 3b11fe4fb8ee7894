import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Refused, type Actor } from '@tdkt/domain';
import {
  ADMIN_JOB_KINDS,
  ADMIN_TASK_KINDS,
  AdminJobRunningError,
  readModelNames,
  type AdminJob,
  type AdminTaskKind,
} from '@tdkt/persistence';
import { ONLY_READ_MODEL, ONLY_READ_MODEL_MESSAGE } from '../audit/audit.dto';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { AdminJobsService } from './admin-jobs.service';

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

/**
 * Long administration tasks as background jobs (README "Backup and restore", "Audit"): POST answers 202 with the job,
 * GET /api/admin/jobs/:id tells its progress and result. An auditor may verify; the rest is the administrator's.
 * A directory import's job starts with its upload (POST /api/admin/directory-imports); award-list imports are jobs of
 * their own (POST /api/admin/award-imports).
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMINISTRATOR', 'AUDITOR')
@Controller('admin/jobs')
export class AdminJobsController {
  constructor(private readonly jobs: AdminJobsService) {}

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AdminJobDto, description: 'Started; 409 while another job of the kind runs' })
  async start(@CurrentActor() actor: Actor, @Body() dto: StartAdminJobDto): Promise<AdminJob> {
    if (dto.kind !== 'VERIFY_CHAIN' && actor.role !== 'ADMINISTRATOR')
      throw Refused.forbidden(`Only an administrator runs ${dto.kind}`);
    for (const field of ['apply', 'query'] as const)
      if (dto[field] !== undefined && dto.kind !== 'RECONCILE')
        throw Refused.invalid({ [field]: [`${field} is for RECONCILE only`] });
    if (dto.only !== undefined && dto.kind !== 'REBUILD_READ_MODELS')
      throw Refused.invalid({ only: ['only is for REBUILD_READ_MODELS only'] });
    try {
      return await this.jobs.start(
        actor,
        dto.kind,
        dto.kind === 'RECONCILE'
          ? { apply: dto.apply === true, ...(dto.query ? { query: dto.query } : {}) }
          : dto.only !== undefined
            ? { only: dto.only }
            : {},
      );
    } catch (e) {
      if (e instanceof AdminJobRunningError)
        throw Refused.conflict(e.message, 'admin-job.one-at-a-time', { runningJobId: e.runningId });
      throw e;
    }
  }

  @Get()
  @ApiOkResponse({ type: [AdminJobDto], description: 'The 20 most recent jobs' })
  recent(): Promise<AdminJob[]> {
    return this.jobs.jobs.recent();
  }

  @Get(':id')
  @ApiOkResponse({ type: AdminJobDto })
  async status(@Param('id', new ParseUUIDPipe()) id: string): Promise<AdminJob> {
    const job = await this.jobs.jobs.find(id);
    if (!job) throw Refused.notFound(`Job ${id} not found`);
    return job;
  }
}
