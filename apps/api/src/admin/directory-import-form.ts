import {
  DIRECTORY_IMPORT_SHEETS,
  UNIT_IMPORT_FIELDS,
  USER_IMPORT_FIELDS,
  type DirectoryImportOptions,
  type DirectoryImportSheet,
  Refused,
} from '@tdkt/domain';

/** The spreadsheet as multer hands it over. */
export interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export const bad = (field: string, message: string) => Refused.invalidField(field, message);

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

export interface DirectoryImportFormOptions {
  dryRun: boolean;
  sheet?: DirectoryImportSheet;
  mapping?: DirectoryImportOptions['mapping'];
}

/** The file and the import's options from the upload form (400 naming the field at fault); `today` is the caller's. */
export function directoryImportFormOf(
  file: UploadedSpreadsheet | undefined,
  form: Record<string, unknown>,
): { file: UploadedSpreadsheet; options: DirectoryImportFormOptions } {
  if (!file) throw bad('file', 'file is required: a .xlsx or .csv upload (multipart/form-data)');
  if (!/\.(xlsx|csv)$/i.test(file.originalname)) throw bad('file', 'Only .xlsx and .csv files are imported');
  const dryRunText = form?.dryRun ?? 'false';
  if (dryRunText !== 'true' && dryRunText !== 'false') throw bad('dryRun', 'dryRun is true or false');
  const sheet = form?.sheet === undefined || form.sheet === '' ? undefined : form.sheet;
  if (sheet !== undefined && !(DIRECTORY_IMPORT_SHEETS as readonly unknown[]).includes(sheet))
    throw bad('sheet', 'sheet is units or users');
  const mapping = mappingOf(form?.mapping);
  return {
    file,
    options: {
      dryRun: dryRunText === 'true',
      ...(sheet ? { sheet: sheet as DirectoryImportSheet } : {}),
      ...(mapping ? { mapping } : {}),
    },
  };
}
