/**
 * Lists as Excel workbooks (.xlsx, exceljs): the same columns as the CSV files (Vietnamese headers), one worksheet,
 * the header row bold and frozen with a filter. Cells keep their type: numbers as numbers, days and times as Excel
 * dates shown dd/mm/yyyy (times in Asia/Ho_Chi_Minh, which has no daylight saving), yes/no as Có/Không, text as text
 * (a text cell is never read as a formula, so no guard is needed as in CSV).
 */
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { Workbook } from 'exceljs';
import { csvDownloadHeaders, downloadHeaders, toCsv, type CsvColumn, type CsvValue } from './csv';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const LIST_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** What the caller asked for: `format` when given, else the Accept header (the .xlsx type, or text/csv), else JSON. */
export function listFormatOf(format: string | undefined, accept: string | undefined): ListFormat {
  if (format === 'csv' || format === 'xlsx' || format === 'json') return format;
  if (accept?.includes(XLSX_CONTENT_TYPE)) return 'xlsx';
  if (/\btext\/csv\b/i.test(accept ?? '')) return 'csv';
  return 'json';
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A value as an Excel cell and its number format. */
function cellOf(v: CsvValue): { value: string | number | Date | null; numFmt?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : null };
  if (typeof v === 'boolean') return { value: v ? 'Có' : 'Không' };
  if (v instanceof Date) return { value: new Date(v.getTime() + VIETNAM_OFFSET_MS), numFmt: 'dd/mm/yyyy hh:mm' };
  if (DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    return { value: new Date(`${v}T00:00:00Z`), numFmt: 'dd/mm/yyyy' };
  if (INSTANT.test(v) && !Number.isNaN(Date.parse(v)))
    return { value: new Date(Date.parse(v) + VIETNAM_OFFSET_MS), numFmt: 'dd/mm/yyyy hh:mm' };
  return { value: v };
}

/** The workbook's bytes: one worksheet, the header row then one row per item. */
export async function toXlsx<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  sheetName: string,
): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'TĐKT';
  // Excel limits a worksheet name to 31 characters without : \ / ? * [ ].
  const ws = wb.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  const widths = columns.map((c) => c.header.length);
  for (const item of rows) {
    const cells = columns.map((c) => cellOf(c.value(item)));
    const row = ws.addRow(cells.map((c) => c.value));
    cells.forEach((c, i) => {
      if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
      widths[i] = Math.max(widths[i], c.numFmt ? 16 : String(c.value ?? '').length);
    });
  }
  ws.columns.forEach((col, i) => (col.width = Math.min(60, Math.max(8, widths[i] + 2))));
  if (columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A list as a download in the asked format (CSV or .xlsx), headers set on `res`: the value a passthrough handler
 * returns. `filename` has no extension; `sheetName` names the worksheet.
 */
export async function listDownload<T>(
  res: Response,
  format: 'csv' | 'xlsx',
  filename: string,
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  sheetName: string,
): Promise<string | StreamableFile> {
  if (format === 'csv') {
    for (const [name, value] of Object.entries(csvDownloadHeaders(`${filename}.csv`))) res.setHeader(name, value);
    return toCsv(rows, columns);
  }
  const bytes = await toXlsx(rows, columns, sheetName);
  for (const [name, value] of Object.entries(downloadHeaders(`${filename}.xlsx`, XLSX_CONTENT_TYPE)))
    res.setHeader(name, value);
  return new StreamableFile(bytes, { length: bytes.length });
}
