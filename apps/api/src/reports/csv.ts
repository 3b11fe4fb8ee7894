/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, a header row, fields quoted with doubled inner quotes, UTF-8 with
 * a byte-order mark so Excel reads Vietnamese text correctly. Text is always quoted, numbers and booleans never, so
 * codes such as "0123" stay text when the file is opened.
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

/** One column: its header and how to read its value from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

export interface CsvOptions {
  /** Start with U+FEFF (default true). */
  bom?: boolean;
  /**
   * Prefix text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) with an apostrophe (default true):
   * user-entered titles and names end up in these files.
   */
  guardFormulas?: boolean;
}

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue, guardFormulas = true): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = value instanceof Date ? value.toISOString() : value;
  const safe = guardFormulas && !(value instanceof Date) && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The whole file as one string: header row, then one line per row. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], options: CsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const lines = [
    columns.map((c) => csvField(c.header, guard)),
    ...rows.map((row) => columns.map((c) => csvField(c.value(row), guard))),
  ];
  return `${options.bom === false ? '' : BOM}${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}

const rfc5987 = (s: string): string =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Response headers for a file download: the name as ASCII without diacritics for old clients, and in full (RFC 5987
 * `filename*`) for the rest.
 */
export function downloadHeaders(
  filename: string,
  contentType: string,
): Record<'content-type' | 'content-disposition', string> {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`,
  };
}

/** Response headers for a CSV download. */
export const csvDownloadHeaders = (filename: string): Record<'content-type' | 'content-disposition', string> =>
  downloadHeaders(filename, 'text/csv; charset=utf-8');
