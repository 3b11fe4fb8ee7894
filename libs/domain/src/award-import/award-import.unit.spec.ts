import type { Actor } from '../shared/actor';
import { awardCodeOf, decideImportAwards, parseAwardTable, parseDate } from './award-import';

/** Given a spreadsheet table / when it is read and imported / then the awards, or every row error. */
const hash = (id: string) => `h(${id.length})`;
const admin: Actor = { userId: 'admin', role: 'ADMINISTRATOR' };
const VI = [
  'STT',
  'Họ và tên',
  'Số CCCD',
  'Mã đơn vị',
  'Hình thức khen thưởng',
  'Năm',
  'Số quyết định',
  'Ngày quyết định',
];

it('reads Vietnamese headers, award names or codes, day-first dates; hashes the citizen id; keeps the row number', () => {
  const { awards, errors } = parseAwardTable(
    [
      VI,
      [
        '1',
        'Phạm  Văn Đức',
        '001180000789',
        'SGDDT',
        'Bằng khen của Chủ tịch UBND tỉnh',
        '2019',
        '12/QĐ-UBND',
        '01/03/2020',
      ],
      ['2', 'Trường THPT A', '', 'SGDDT', 'TT_LD_XUAT_SAC', '', '13/QĐ-UBND', '2020-03-02'],
    ].map((r, i) => (i === 2 ? r : r)),
    { hashCitizenId: hash },
  );
  expect(errors).toEqual([]);
  expect(awards[0]).toEqual({
    rowNumber: 2,
    subjectKey: 'cid:h(12)',
    subjectKind: 'INDIVIDUAL',
    fullName: 'Phạm Văn Đức',
    unitCode: 'SGDDT',
    awardCode: 'BK_TINH',
    year: 2019,
    decisionNumber: '12/QĐ-UBND',
    decidedOn: '2020-03-01',
  });
  expect(awards[1]).toMatchObject({
    rowNumber: 3,
    awardCode: 'TT_LD_XUAT_SAC',
    year: 2020,
    subjectKey: 'individual:SGDDT:trường thpt a',
  });
});

it('English headers and a province mapping work too; accents in names are optional', () => {
  expect(
    parseAwardTable(
      [
        ['Full name', 'Unit code', 'Award', 'Decision number', 'Decision date'],
        ['A', 'U', 'bang khen cua chu tich ubnd tinh', '1/QĐ', '5/1/2021'],
      ],
      { hashCitizenId: hash },
    ).awards,
  ).toHaveLength(1);
  const mapped = parseAwardTable(
    [['Người', 'ĐV', 'KT', 'QĐ', 'Ngày']].concat([['A', 'U', 'BK_TINH', '1/QĐ', '2021-01-05']]),
    {
      hashCitizenId: hash,
      mapping: { fullName: 'Người', unitCode: 'ĐV', award: 'KT', decisionNumber: 'QĐ', decidedOn: 'Ngày' },
    },
  );
  expect(mapped.errors).toEqual([]);
  expect(awardCodeOf("Provincial Chairman's Certificate of Merit")).toBe('BK_TINH');
  expect(parseDate('31/02/2020')).toBeUndefined();
});

it('lists every row error with row, column and message, and never repeats a citizen id', () => {
  const { errors } = parseAwardTable(
    [
      VI,
      ['1', 'A', '0011', 'U', 'Bằng khen gì đó', '2019', '1/QĐ', '2020-01-01'],
      ['2', 'B', '', 'U', 'BK_TINH', '2019', '2/QĐ', '32/01/2020'],
      ['3', 'C', '', 'U', 'BK_TINH', '2019', '3/QĐ', '2020-01-01'],
      ['4', 'C', '', 'U', 'BK_TINH', '2019', '3/QĐ', '2020-01-01'],
    ],
    { hashCitizenId: hash },
  );
  expect(errors.map((e) => [e.row, e.column])).toEqual([
    [2, 'award'],
    [2, 'citizenId'],
    [3, 'decidedOn'],
    [5, 'decisionNumber'],
  ]);
  expect(JSON.stringify(errors)).not.toContain('0011');
  expect(errors[3].message).toMatch(/row 4/);
  expect(parseAwardTable([['Họ và tên']], { hashCitizenId: hash }).errors.map((e) => e.column)).toEqual([
    'unitCode',
    'award',
    'decisionNumber',
    'decidedOn',
  ]);
});

it('an import is one start event and one event per row; a file with errors, or imported before, is refused', () => {
  const parsed = parseAwardTable([VI, ['1', 'A', '', 'U', 'BK_TINH', '2019', '1/QĐ', '2020-01-01']], {
    hashCitizenId: hash,
  });
  const ok = decideImportAwards({ sha256: 'abc', name: 'ds.xlsx' }, parsed, {}, admin);
  expect(ok).toMatchObject({
    ok: true,
    value: [
      { type: 'AwardImportStarted', data: { fileSha256: 'abc', rows: 1 } },
      { type: 'AwardImported', data: { rowNumber: 2, fileSha256: 'abc' } },
    ],
  });
  expect(
    decideImportAwards(
      { sha256: 'abc', name: 'ds.xlsx' },
      parsed,
      { alreadyImported: { importId: 'i1', importedAt: '2026-01-01' } },
      admin,
    ),
  ).toMatchObject({ ok: false, rejection: { code: 'WRONG_STATE', rule: 'award-import.same-file' } });
  expect(
    decideImportAwards(
      { sha256: 'abc', name: 'x' },
      { awards: [], errors: [{ row: 2, column: 'award', message: 'x' }] },
      {},
      admin,
    ),
  ).toMatchObject({ ok: false, rejection: { code: 'INVALID' } });
  expect(
    decideImportAwards({ sha256: 'abc', name: 'x' }, parsed, {}, { userId: 'c', role: 'UNIT_CLERK' }),
  ).toMatchObject({ ok: false, rejection: { code: 'FORBIDDEN' } });
});
