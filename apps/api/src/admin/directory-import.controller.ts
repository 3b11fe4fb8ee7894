import { Body, Controller, HttpCode, Post, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { reject, vietnamDate, type Actor, Refused } from '@tdkt/domain';
import { DirectoryImporter, UnreadableFile, type DirectoryImportOutcome } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { directoryImportFormOf } from './directory-import-form';
import { bad, type UploadedSpreadsheet } from './spreadsheet-upload';
import { DirectoryImportEndpoint } from './directory-import.dto';

/**
 * Bulk import of units and users (ADMINISTRATOR): a .csv (one table; units or users by its columns, or by `sheet`) or
 * an .xlsx (worksheets Đơn vị and Người dùng), at most 5,000 rows, read and written within the request. A dry run
 * lists every row error and changes nothing; a real import writes one event per row to the unit's or user's directory
 * stream (the history names the administrator, and the file and row in the request id), all rows in one transaction.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMINISTRATOR')
@Controller('admin/directory-imports')
export class DirectoryImportController {
  constructor(private readonly importer: DirectoryImporter) {}

  @Post()
  @HttpCode(200)
  @DirectoryImportEndpoint()
  async run(
    @CurrentActor() actor: Actor,
    @UploadedFile() upload: UploadedSpreadsheet | undefined,
    @Body() form: Record<string, unknown> = {},
  ): Promise<DirectoryImportOutcome> {
    const { file, options } = directoryImportFormOf(upload, form);
    let out: DirectoryImportOutcome;
    try {
      out = await this.importer.run({ bytes: file.buffer, name: file.originalname.slice(0, 200) }, actor, {
        ...options,
        today: vietnamDate(Date.now()),
      });
    } catch (e) {
      if (e instanceof UnreadableFile) throw bad('file', e.message);
      throw e;
    }
    // A dry run reports its row errors; a refusal for any other reason (role, same file), or a real import with errors, is an error.
    if (out.refusal && !(out.dryRun && out.refusal.rule === 'directory-import.row-errors')) {
      const errors = out.refusal.rule === 'directory-import.row-errors' ? { errors: out.errors } : undefined;
      throw Refused.of(reject(out.refusal.code, out.refusal.rule, out.refusal.message, errors));
    }
    return out;
  }
}
