import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { AWARD_IMPORT_FIELDS, type Actor, type AwardImportField, Refused } from '@tdkt/domain';
import { MAX_IMPORT_FILE_BYTES, type AwardImportJob } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { AwardImportJobDto } from './admin.dto';
import { AwardImportService } from './award-import.service';

interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export class AwardImportStartedDto {
  @ApiProperty() jobId!: string;
  @ApiProperty({ example: 'RUNNING' }) status!: string;
  @ApiProperty({ example: '/api/admin/award-imports/…' }) statusUrl!: string;
}

const bad = (field: string, message: string) => Refused.invalidField(field, message);

/** The optional header map: a JSON object from import fields to the file's column titles. */
function mappingOf(text: unknown): Partial<Record<AwardImportField, string>> | undefined {
  if (text === undefined || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(text));
  } catch {
    throw bad('mapping', 'mapping is a JSON object from field to column title');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw bad('mapping', 'mapping is a JSON object from field to column title');
  const out: Partial<Record<AwardImportField, string>> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (!(AWARD_IMPORT_FIELDS as readonly string[]).includes(k))
      throw bad('mapping', `Unknown field ${k}; fields: ${AWARD_IMPORT_FIELDS.join(', ')}`);
    if (typeof v !== 'string' || !v.trim() || v.length > 200)
      throw bad('mapping', `The column title for ${k} is a non-empty text`);
    out[k as AwardImportField] = v;
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
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 5, fieldSize: 8 * 1024 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: '.xlsx (first worksheet) or .csv (UTF-8), header in row 1',
        },
        dryRun: { type: 'string', enum: ['true', 'false'], description: 'true: check every row and change nothing' },
        mapping: {
          type: 'string',
          description: 'JSON: {"fullName": "Họ và tên", …} for column titles other than the defaults',
        },
      },
    },
  })
  @ApiAcceptedResponse({
    type: AwardImportStartedDto,
    description: '409 when the same file (same SHA-256) was already imported: refused, nothing imported again',
  })
  async start(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Body() form: Record<string, unknown> = {},
  ): Promise<AwardImportStartedDto> {
    if (!file) throw bad('file', 'file is required: a .xlsx or .csv upload (multipart/form-data)');
    if (!/\.(xlsx|csv)$/i.test(file.originalname)) throw bad('file', 'Only .xlsx and .csv files are imported');
    const dryRunText = form?.dryRun ?? 'false';
    if (dryRunText !== 'true' && dryRunText !== 'false') throw bad('dryRun', 'dryRun is true or false');
    const mapping = mappingOf(form?.mapping);
    const dryRun = dryRunText === 'true';
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
