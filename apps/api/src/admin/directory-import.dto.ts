import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiProperty } from '@nestjs/swagger';
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
      description: 'A dry run (with its row errors, if any), or the import done',
    }),
    ApiBadRequestResponse({
      description:
        'No file, an unreadable file, a bad field; or a real import of a file with row errors (rule directory-import.row-errors, the errors in details.errors): nothing imported',
    }),
    ApiConflictResponse({
      description:
        'The same file (same SHA-256) was already imported (rule directory-import.same-file): nothing imported again',
    }),
  );
