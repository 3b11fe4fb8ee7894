import { applyDecorators } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiProperty,
} from '@nestjs/swagger';
import { DIRECTORY_IMPORT_SHEETS } from '@tdkt/domain';
import { SpreadsheetUpload } from './spreadsheet-upload';

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

/** A real import started: the admin job that writes the rows. */
export class DirectoryImportStartedDto {
  @ApiProperty() jobId!: string;
  @ApiProperty({ example: 'RUNNING' }) status!: string;
  @ApiProperty({
    example: '/api/admin/jobs/…',
    description: 'The job (also the Location header): rows done / total, then the report',
  })
  statusUrl!: string;
  @ApiProperty({ description: 'The rows to write (one event each)' }) total!: number;
}

/** The upload (file, dryRun, sheet, mapping; its interceptor included) and the answers of a directory import, in the OpenAPI document. */
export const DirectoryImportEndpoint = () =>
  applyDecorators(
    SpreadsheetUpload('.xlsx (worksheets Đơn vị, Người dùng) or .csv (UTF-8), header in row 1', {
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
    }),
    ApiOkResponse({
      type: DirectoryImportReportDto,
      description: 'A dry run (dryRun=true): every row error, if any; nothing changed',
    }),
    ApiAcceptedResponse({
      type: DirectoryImportStartedDto,
      description:
        'A real import of a file without errors: an admin job (kind DIRECTORY_IMPORT) writes its rows; poll the Location (GET /api/admin/jobs/:id: done/total rows, then `result`, this report with `imported`)',
      headers: { Location: { description: 'The job: /api/admin/jobs/:id', schema: { type: 'string' } } },
    }),
    ApiBadRequestResponse({
      description:
        'No file, not a .xlsx or .csv, an unreadable file, more than 5,000 rows, a bad field (per field); or a real import of a file with row errors or a missing column (rule directory-import.row-errors, the errors in details.errors): refused before any job starts, nothing imported',
    }),
    ApiConflictResponse({
      description:
        'The same file (same SHA-256) was already imported (rule directory-import.same-file): refused before any job starts, nothing imported again',
    }),
  );
