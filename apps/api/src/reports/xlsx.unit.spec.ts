import { Workbook } from 'exceljs';
import type { CsvColumn } from './csv';
import { listFormatOf, toXlsx, XLSX_CONTENT_TYPE } from './xlsx';

/** A list written by toXlsx reads back with exceljs: Vietnamese headers, typed cells, the header row frozen. */
interface Row {
  name: string;
  count: number;
  day: string | null;
  at: string;
  overdue: boolean;
}
const COLUMNS: CsvColumn<Row>[] = [
  { header: 'Họ và tên', value: (r) => r.name },
  { header: 'Số lượng', value: (r) => r.count },
  { header: 'Ngày quyết định', value: (r) => r.day },
  { header: 'Cập nhật lúc', value: (r) => r.at },
  { header: 'Quá hạn', value: (r) => r.overdue },
];

it('writes the header row and one typed row per item: text, numbers, days, Vietnam times, Có/Không; formulas stay text', async () => {
  const bytes = await toXlsx<Row>(
    [
      { name: 'Nguyễn Thị Lan', count: 3, day: '2026-03-02', at: '2026-03-02T01:30:00.000Z', overdue: true },
      { name: '=1+1', count: 0, day: null, at: 'not a time', overdue: false },
    ],
    COLUMNS,
    'Danh sách: khen/thưởng',
  );
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(ws.name).toBe('Danh sách  khen thưởng');
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
    'Họ và tên',
    'Số lượng',
    'Ngày quyết định',
    'Cập nhật lúc',
    'Quá hạn',
  ]);
  expect(ws.getRow(1).font?.bold).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const first = ws.getRow(2);
  expect([first.getCell(1).value, first.getCell(2).value, first.getCell(5).value]).toEqual(['Nguyễn Thị Lan', 3, 'Có']);
  expect((first.getCell(3).value as Date).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  expect(first.getCell(3).numFmt).toBe('dd/mm/yyyy');
  expect((first.getCell(4).value as Date).toISOString()).toBe('2026-03-02T08:30:00.000Z'); // 08:30 in Hà Nội
  const second = ws.getRow(3);
  expect([
    second.getCell(1).value,
    second.getCell(1).type,
    second.getCell(3).value,
    second.getCell(4).value,
    second.getCell(5).value,
  ]).toEqual(['=1+1', 3, null, 'not a time', 'Không']);
  expect(ws.rowCount).toBe(3);
});

it('the format is the query parameter when given, else what Accept asks for, else JSON', () => {
  expect(listFormatOf('xlsx', 'text/csv')).toBe('xlsx');
  expect(listFormatOf(undefined, `${XLSX_CONTENT_TYPE}, */*`)).toBe('xlsx');
  expect(listFormatOf(undefined, 'text/csv')).toBe('csv');
  expect(listFormatOf('json', XLSX_CONTENT_TYPE)).toBe('json');
  expect(listFormatOf(undefined, undefined)).toBe('json');
});
