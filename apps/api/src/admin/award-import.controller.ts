import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UploadedFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AWARD_IMPORT_FIELDS, type Actor, type AwardImportField, Refused } from '@tdkt/domain';
import type { AwardImportJob } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { AwardImportJobDto } from './admin.dto';
import { AwardImportService } from './award-import.service';
import {
  bad,
  columnTitleOf,
  mappingObjectOf,
  spreadsheetOf,
  SpreadsheetUpload,
  type UploadedSpreadsheet,
} from './spreadsheet-upload';
import { AwardImportStartedDto } from './award-import.dto';

/** The optional header map: a JSON object from import fields to the file's column titles. */
function mappingOf(text: unknown): Partial<Record<AwardImportField, string>> | undefined {
  const parsed = mappingObjectOf(text, 'mapping is a JSON object from field to column title');
  if (!parsed) return undefined;
  const out: Partial<Record<AwardImportField, string>> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (!(AWARD_IMPORT_FIELDS as readonly string[]).includes(k))
      throw bad('mapping', `Unknown field ${k}; fields: ${AWARD_IMPORT_FIELDS.join(', ')}`);
    out[k as AwardImportField] = columnTitleOf(k, v);
  }
  return out;
}

/**
 * Award lists in: a spreadsheet of historical awards (.xlsx or .csv, at most 10 MB, 50,000 rows) uploaded as
 * multipart/form-data — the file as it is, so its SHA-256 is the one the CLI computes and an auditor can recompute,
 * and without inflating it by base64 or raising the API's JSON limit. The import runs as a job; poll its status.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMINISTRATOR', 'SECRETARIAT_HEAD')
@Controller('admin/award-imports')
export class AwardImportController {
  constructor(private readonly imports: AwardImportService) {}

  @Post()
  @HttpCode(202)
  @SpreadsheetUpload('.xlsx (first worksheet) or .csv (UTF-8), header in row 1', {
    mapping: {
      type: 'string',
      description: 'JSON: {"fullName": "Họ và tên", …} for column titles other than the defaults',
    },
  })
  @ApiAcceptedResponse({
    type: AwardImportStartedDto,
    description: '409 when the same file (same SHA-256) was already imported: refused, nothing imported again',
  })
  async start(
    @CurrentActor() actor: Actor,
    @UploadedFile() upload: UploadedSpreadsheet | undefined,
    @Body() form: Record<string, unknown> = {},
  ): Promise<AwardImportStartedDto> {
    const { file, dryRun } = spreadsheetOf(upload, form);
    const mapping = mappingOf(form?.mapping);
    const previous = await this.imports.previous(file.buffer);
    if (previous && !dryRun)
      throw Refused.conflict(
        `This file was already imported on ${previous.importedAt} (import ${previous.importId}); the same file is refused, never imported twice`,
        'award-import.same-file',
      );
    const jobId = await this.imports.start(actor, { bytes: file.buffer, name: file.originalname }, dryRun, mapping);
    return { jobId, status: 'RUNNING', statusUrl: `/api/admin/award-imports/${jobId}` };
  }

  @Get(':id')
  @ApiOkResponse({ type: AwardImportJobDto })
  async status(@Param('id', new ParseUUIDPipe()) id: string): Promise<AwardImportJob> {
    const job = await this.imports.jobs.find(id);
    if (!job) throw Refused.notFound(`Import job ${id} not found`);
    return job;
  }
}
