import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, type SchemaObject } from '@nestjs/swagger';
import { Refused } from '@tdkt/domain';
import { MAX_IMPORT_FILE_BYTES } from '@tdkt/persistence';

/**
 * What the two spreadsheet imports (award lists, the directory) share: the upload itself (multipart/form-data, one
 * .xlsx or .csv file as it is, so its SHA-256 is the one the CLI computes), its `dryRun` flag, a column-title `mapping`
 * given as JSON, and how the form is declared in the OpenAPI document.
 */

/** The spreadsheet as multer hands it over. */
export interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export const bad = (field: string, message: string) => Refused.invalidField(field, message);

/**
 * The upload's interceptor and its form in the OpenAPI document: the file (described by `fileDescription`), `dryRun`,
 * then the import's own fields.
 */
export const SpreadsheetUpload = (fileDescription: string, fields: Record<string, SchemaObject>) =>
  applyDecorators(
    UseInterceptors(
      FileInterceptor('file', {
        limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 5, fieldSize: 8 * 1024 },
      }),
    ),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', format: 'binary', description: fileDescription },
          dryRun: { type: 'string', enum: ['true', 'false'], description: 'true: check every row and change nothing' },
          ...fields,
        },
      },
    }),
  );

/** The uploaded file and the dry-run flag (400 naming the field at fault). */
export function spreadsheetOf(
  file: UploadedSpreadsheet | undefined,
  form: Record<string, unknown> | undefined,
): { file: UploadedSpreadsheet; dryRun: boolean } {
  if (!file) throw bad('file', 'file is required: a .xlsx or .csv upload (multipart/form-data)');
  if (!/\.(xlsx|csv)$/i.test(file.originalname)) throw bad('file', 'Only .xlsx and .csv files are imported');
  const dryRunText = form?.dryRun ?? 'false';
  if (dryRunText !== 'true' && dryRunText !== 'false') throw bad('dryRun', 'dryRun is true or false');
  return { file, dryRun: dryRunText === 'true' };
}

/** The `mapping` field parsed: a JSON object (undefined when absent), or 400 with `shape` saying what it must be. */
export function mappingObjectOf(text: unknown, shape: string): Record<string, unknown> | undefined {
  if (text === undefined || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(text));
  } catch {
    throw bad('mapping', shape);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw bad('mapping', shape);
  return parsed as Record<string, unknown>;
}

/** One column title of a mapping: a non-empty text of at most 200 characters (400 otherwise). */
export function columnTitleOf(field: string, title: unknown): string {
  if (typeof title !== 'string' || !title.trim() || title.length > 200)
    throw bad('mapping', `The column title for ${field} is a non-empty text`);
  return title;
}
