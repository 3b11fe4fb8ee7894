import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Refused, type Actor } from '@tdkt/domain';
import { AdminJobRunningError, type AdminJob } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { AdminJobsService } from './admin-jobs.service';
import { StartAdminJobDto, AdminJobDto } from './admin-jobs.dto';

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
