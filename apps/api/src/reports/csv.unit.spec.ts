import { csvDownloadHeaders, csvField, toCsv, type CsvColumn } from './csv';

interface Row {
  name: string;
  count: number;
  direct?: boolean;
  note?: string | null;
}
const columns: CsvColumn<Row>[] = [
  { header: 'Hình thức khen thưởng', value: (r) => r.name },
  { header: 'Số lượng', value: (r) => r.count },
  { header: 'Trực tiếp', value: (r) => r.direct },
  { header: 'Ghi chú', value: (r) => r.note },
];

describe('toCsv', () => {
  it('starts with a BOM, writes a header row and ends every line with CRLF', () => {
    const csv = toCsv([{ name: 'Bằng khen của Chủ tịch UBND tỉnh', count: 2, direct: true }], columns);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe(
      '"Hình thức khen thưởng","Số lượng","Trực tiếp","Ghi chú"\r\n"Bằng khen của Chủ tịch UBND tỉnh",2,true,\r\n',
    );
  });

  it('quotes text (doubling inner quotes) and keeps commas and line breaks inside one field', () => {
    const csv = toCsv([{ name: 'Huân chương "Lao động", hạng Ba\nghi chú', count: 0 }], columns, { bom: false });
    expect(csv).toBe(
      '"Hình thức khen thưởng","Số lượng","Trực tiếp","Ghi chú"\r\n"Huân chương ""Lao động"", hạng Ba\nghi chú",0,,\r\n',
    );
  });

  it('writes only the header for no rows, and no BOM when asked', () => {
    expect(toCsv([], columns, { bom: false })).toBe('"Hình thức khen thưởng","Số lượng","Trực tiếp","Ghi chú"\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula, unless told not to', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1+2')).toBe(`"'-1+2"`);
    expect(csvField('@SUM(A1)', false)).toBe('"@SUM(A1)"');
    expect(csvField(-3)).toBe('-3');
  });

  it('writes empty fields for null, undefined and non-finite numbers, ISO text for dates', () => {
    expect([null, undefined, Number.NaN].map((v) => csvField(v))).toEqual(['', '', '']);
    expect(csvField(new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))).toBe('"2025-01-02T03:04:05.000Z"');
  });
});

describe('csvDownloadHeaders', () => {
  it('is an attachment in UTF-8, named in ASCII without diacritics and in full as filename*', () => {
    expect(csvDownloadHeaders('Báo cáo đợt "5 năm".csv')).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="Bao-cao-dot-5-nam-.csv"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%C4%91%E1%BB%A3t%20%225%20n%C4%83m%22.csv`,
    });
  });
});
