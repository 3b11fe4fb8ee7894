import { Workbook, type CellValue } from 'exceljs';

/** The largest spreadsheet the importers read (bytes); a bigger file is split by the operator. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF), UTF-8 with or without BOM; `;` as separator when the header uses it. */
export function parseCsv(text: string): string[][] {
  const t = text.replace(/^\uFEFF/, '');
  const firstLine = t.slice(0, t.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (quoted) {
      if (c === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && t[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new UnreadableFile('The CSV file ends inside a quoted cell');
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A cell as text: dates as ISO (the calendar day Excel shows), formulas by their result, rich text joined. */
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/** One worksheet (or the CSV file) as rows of text cells. */
export interface NamedTable {
  name: string;
  rows: string[][];
}

/** Every worksheet of an .xlsx (a .csv is one table named after the file), as rows of text cells; refuses other formats and oversized files. */
export async function readTables(bytes: Buffer, fileName: string): Promise<NamedTable[]> {
  if (bytes.length > MAX_IMPORT_FILE_BYTES)
    throw new UnreadableFile(`The file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);
  const lower = fileName.toLowerCase();
  let tables: NamedTable[];
  if (lower.endsWith('.csv'))
    tables = [{ name: fileName.replace(/\.csv$/i, ''), rows: parseCsv(bytes.toString('utf8')) }];
  else if (lower.endsWith('.xlsx')) {
    const wb = new Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new UnreadableFile('The file is not a readable .xlsx workbook');
    }
    if (!wb.worksheets.length) throw new UnreadableFile('The workbook has no worksheet');
    tables = wb.worksheets.map((sheet) => {
      const rows: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, n) => {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        rows[n - 1] = values.map((v) => cellText(v as CellValue).trim());
      });
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      return { name: sheet.name, rows };
    });
  } else throw new UnreadableFile('Only .xlsx and .csv files are read');
  if (tables.some((t) => t.rows.length > MAX_IMPORT_ROWS + 1))
    throw new UnreadableFile(`The file has more than ${MAX_IMPORT_ROWS} rows`);
  return tables;
}

/** The first worksheet of an .xlsx, or a .csv, as rows of text cells; refuses other formats and oversized files. */
export async function readTable(bytes: Buffer, fileName: string): Promise<string[][]> {
  return (await readTables(bytes, fileName))[0].rows;
}
