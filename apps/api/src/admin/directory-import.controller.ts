import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  DIRECTORY_IMPORT_SHEETS,
  reject,
  UNIT_IMPORT_FIELDS,
  USER_IMPORT_FIELDS,
  vietnamDate,
  type Actor,
  type DirectoryImportOptions,
  type DirectoryImportSheet,
  Refused,
} from '@tdkt/domain';
import {
  DirectoryImporter,
  EventStore,
  MAX_IMPORT_FILE_BYTES,
  UnreadableFile,
  type DirectoryImportOutcome,
} from '@tdkt/persistence';
import { DataSource } from 'typeorm';
import { CurrentActor, Roles } from '../auth/auth.guard';

interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export class DirectoryRowErrorDto {
  @ApiProperty({ enum: DIRECTORY_IMPORT_SHEETS }) sheet!: string;
  @ApiProperty({ description: 'Row number in the sheet (the header is row 1)' }) row!: number;
  @ApiProperty({ example: 'parentCode' }) column!: string;
  @ApiProperty({
    example: 'directory-import.unknown-parent',
    description: 'The rule broken (the web app words it in Vietnamese)',
  })
  rule!: string;
  @ApiProperty() message!: string;
}

export class DirectoryImportRowDto {
  @ApiProperty({ enum: DIRECTORY_IMPORT_SHEETS }) sheet!: string;
  @ApiProperty() row!: number;
  @ApiProperty({ description: 'The unit code or user id' }) key!: string;
  @ApiProperty({ enum: ['CREATE', 'UPDATE'] }) action!: string;
}

export class DirectoryImportSheetDto {
  @ApiProperty({ description: 'The worksheet (or CSV file) name' }) name!: string;
  @ApiProperty({ enum: DIRECTORY_IMPORT_SHEETS }) sheet!: string;
}

export class DirectoryImportReportDto {
  @ApiProperty() fileSha256!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: [DirectoryImportSheetDto] }) sheets!: DirectoryImportSheetDto[];
  @ApiProperty({
    type: [DirectoryImportRowDto],
    description: 'The rows recorded (or, in a dry run, to record) in the order written: parents first',
  })
  rows!: DirectoryImportRowDto[];
  @ApiProperty({
    type: [DirectoryRowErrorDto],
    description: 'Every row error; a dry run lists them, a real import with any of them is refused (400)',
  })
  errors!: DirectoryRowErrorDto[];
  @ApiProperty({ description: 'Events appended (one per row); 0 in a dry run' }) imported!: number;
}

const bad = (field: string, message: string) => Refused.invalidField(field, message);

/** The optional header map: {"units": {"code": "Mã ĐV", …}, "users": {…}}. */
function mappingOf(text: unknown): DirectoryImportOptions['mapping'] {
  if (text === undefined || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(text));
  } catch {
    throw bad('mapping', 'mapping is a JSON object {"units": {field: column title}, "users": {…}}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw bad('mapping', 'mapping is a JSON object {"units": {…}, "users": {…}}');
  const out: Record<string, Record<string, string>> = {};
  for (const [sheet, fields] of Object.entries(parsed)) {
    const allowed: readonly string[] | undefined =
      sheet === 'units' ? UNIT_IMPORT_FIELDS : sheet === 'users' ? USER_IMPORT_FIELDS : undefined;
    if (!allowed) throw bad('mapping', `Unknown table ${sheet}; tables: units, users`);
    if (!fields || typeof fields !== 'object' || Array.isArray(fields))
      throw bad('mapping', `mapping.${sheet} is an object from field to column title`);
    out[sheet] = {};
    for (const [k, v] of Object.entries(fields as Record<string, unknown>)) {
      if (!allowed.includes(k)) throw bad('mapping', `Unknown field ${sheet}.${k}; fields: ${allowed.join(', ')}`);
      if (typeof v !== 'string' || !v.trim() || v.length > 200)
        throw bad('mapping', `The column title for ${sheet}.${k} is a non-empty text`);
      out[sheet][k] = v;
    }
  }
  return out as DirectoryImportOptions['mapping'];
}

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
  private readonly importer: DirectoryImporter;

  constructor(ds: DataSource, events: EventStore) {
    this.importer = new DirectoryImporter(ds, events);
  }

  @Post()
  @HttpCode(200)
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
          description: '.xlsx (worksheets Đơn vị, Người dùng) or .csv (UTF-8), header in row 1',
        },
        dryRun: { type: 'string', enum: ['true', 'false'], description: 'true: check every row and change nothing' },
        sheet: {
          type: 'string',
          enum: [...DIRECTORY_IMPORT_SHEETS],
          description:
            'A CSV of units or of users (default: recognised by its columns); for an .xlsx, read only that worksheet',
        },
        mapping: {
          type: 'string',
          description:
            'JSON: {"units": {"code": "Mã ĐV", …}, "users": {"username": "Tài khoản", …}} for column titles other than the defaults',
        },
      },
    },
  })
  @ApiOkResponse({
    type: DirectoryImportReportDto,
    description: 'A dry run (with its row errors, if any), or the import done',
  })
  @ApiBadRequestResponse({
    description:
      'No file, an unreadable file, a bad field; or a real import of a file with row errors (rule directory-import.row-errors, the errors in details.errors): nothing imported',
  })
  @ApiConflictResponse({
    description:
      'The same file (same SHA-256) was already imported (rule directory-import.same-file): nothing imported again',
  })
  async run(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Body() form: Record<string, unknown> = {},
  ): Promise<DirectoryImportOutcome> {
    if (!file) throw bad('file', 'file is required: a .xlsx or .csv upload (multipart/form-data)');
    if (!/\.(xlsx|csv)$/i.test(file.originalname)) throw bad('file', 'Only .xlsx and .csv files are imported');
    const dryRunText = form?.dryRun ?? 'false';
    if (dryRunText !== 'true' && dryRunText !== 'false') throw bad('dryRun', 'dryRun is true or false');
    const sheet = form?.sheet === undefined || form.sheet === '' ? undefined : form.sheet;
    if (sheet !== undefined && !(DIRECTORY_IMPORT_SHEETS as readonly unknown[]).includes(sheet))
      throw bad('sheet', 'sheet is units or users');
    const mapping = mappingOf(form?.mapping);
    let out: DirectoryImportOutcome;
    try {
      out = await this.importer.run({ bytes: file.buffer, name: file.originalname.slice(0, 200) }, actor, {
        dryRun: dryRunText === 'true',
        today: vietnamDate(Date.now()),
        ...(sheet ? { sheet: sheet as DirectoryImportSheet } : {}),
        ...(mapping ? { mapping } : {}),
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
