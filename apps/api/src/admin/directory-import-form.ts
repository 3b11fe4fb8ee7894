import {
  DIRECTORY_IMPORT_SHEETS,
  UNIT_IMPORT_FIELDS,
  USER_IMPORT_FIELDS,
  type DirectoryImportOptions,
  type DirectoryImportSheet,
} from '@tdkt/domain';
import { bad, columnTitleOf, mappingObjectOf, spreadsheetOf, type UploadedSpreadsheet } from './spreadsheet-upload';

/** The optional header map: {"units": {"code": "Mã ĐV", …}, "users": {…}}. */
function mappingOf(text: unknown): DirectoryImportOptions['mapping'] {
  const parsed = mappingObjectOf(text, 'mapping is a JSON object {"units": {field: column title}, "users": {…}}');
  if (!parsed) return undefined;
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
      out[sheet][k] = columnTitleOf(`${sheet}.${k}`, v);
    }
  }
  return out as DirectoryImportOptions['mapping'];
}

export interface DirectoryImportFormOptions {
  dryRun: boolean;
  sheet?: DirectoryImportSheet;
  mapping?: DirectoryImportOptions['mapping'];
}

/** The file and the import's options from the upload form (400 naming the field at fault); `today` is the caller's. */
export function directoryImportFormOf(
  upload: UploadedSpreadsheet | undefined,
  form: Record<string, unknown>,
): { file: UploadedSpreadsheet; options: DirectoryImportFormOptions } {
  const { file, dryRun } = spreadsheetOf(upload, form);
  const sheet = form?.sheet === undefined || form.sheet === '' ? undefined : form.sheet;
  if (sheet !== undefined && !(DIRECTORY_IMPORT_SHEETS as readonly unknown[]).includes(sheet))
    throw bad('sheet', 'sheet is units or users');
  const mapping = mappingOf(form?.mapping);
  return {
    file,
    options: {
      dryRun,
      ...(sheet ? { sheet: sheet as DirectoryImportSheet } : {}),
      ...(mapping ? { mapping } : {}),
    },
  };
}
