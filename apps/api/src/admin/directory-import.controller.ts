import { Body, Controller, HttpCode, Post, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { reject, vietnamDate, type Actor, Refused } from '@tdkt/domain';
import {
  DirectoryImporter,
  UnreadableFile,
  type CheckedDirectoryImport,
  type DirectoryImportOutcome,
} from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { AdminJobsService } from './admin-jobs.service';
import { directoryImportFormOf } from './directory-import-form';
import { bad, type UploadedSpreadsheet } from './spreadsheet-upload';
import { DirectoryImportEndpoint, type DirectoryImportStartedDto } from './directory-import.dto';

/**
 * Bulk import of units and users (ADMINISTRATOR): a .csv (one table; units or users by its columns, or by `sheet`) or
 * an .xlsx (worksheets Đơn vị and Người dùng), at most 5,000 rows, read and checked within the request. A dry run
 * answers there: every row error, nothing changed. A real import of a file that passed answers 202 with an admin job
 * (GET /api/admin/jobs/:id: rows written / total, then the report) that writes one event per row to the unit's or
 * user's directory stream (the history names the administrator, and the file and row in the request id), all rows in
 * one transaction. A file that is unreadable, too long, has row errors or was imported before is refused here, before
 * any job starts.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMINISTRATOR')
@Controller('admin/directory-imports')
export class DirectoryImportController {
  constructor(
    private readonly importer: DirectoryImporter,
    private readonly jobs: AdminJobsService,
  ) {}

  @Post()
  @HttpCode(200)
  @DirectoryImportEndpoint()
  async run(
    @CurrentActor() actor: Actor,
    @UploadedFile() upload: UploadedSpreadsheet | undefined,
    @Body() form: Record<string, unknown> = {},
    @Res({ passthrough: true }) res: Response,
  ): Promise<DirectoryImportOutcome | DirectoryImportStartedDto> {
    const { file, options } = directoryImportFormOf(upload, form);
    let checked: CheckedDirectoryImport;
    try {
      checked = await this.importer.check({ bytes: file.buffer, name: file.originalname.slice(0, 200) }, actor, {
        ...options,
        today: vietnamDate(Date.now()),
      });
    } catch (e) {
      if (e instanceof UnreadableFile) throw bad('file', e.message);
      throw e;
    }
    const { outcome } = checked;
    // A dry run reports its row errors; a refusal for any other reason (role, same file), or a real import with errors, is an error.
    if (outcome.refusal && !(outcome.dryRun && outcome.refusal.rule === 'directory-import.row-errors')) {
      const errors = outcome.refusal.rule === 'directory-import.row-errors' ? { errors: outcome.errors } : undefined;
      throw Refused.of(reject(outcome.refusal.code, outcome.refusal.rule, outcome.refusal.message, errors));
    }
    if (outcome.dryRun) return outcome;
    const job = await this.jobs.startDirectoryImport(actor, checked);
    const statusUrl = `/api/admin/jobs/${job.id}`;
    res.status(202).location(statusUrl);
    return { jobId: job.id, status: job.status, statusUrl, total: checked.writes.length };
  }
}
