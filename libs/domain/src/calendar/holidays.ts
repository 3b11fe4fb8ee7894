/**
 * Public holidays of Viet Nam (ngày nghỉ lễ, tết) as data, one list per year, for the public sector (cán bộ, công
 * chức, viên chức) whose offices process the dossiers.
 *
 * Law: Bộ luật Lao động 2019 (số 45/2019/QH14), Điều 112 khoản 1 fixes the holidays (1/1; Tết Âm lịch 5 days;
 * 30/4; 1/5; 2/9 plus one adjacent day; Giỗ Tổ Hùng Vương 10/3 âm lịch) and khoản 3 lets the Prime Minister fix the
 * Tết and Quốc khánh days each year; Điều 111 khoản 3 gives the next working day off when a holiday falls on the
 * weekly rest day. The Prime Minister's agreement is sent by the Government Office (Văn phòng Chính phủ, VPCP) and
 * announced by the Ministry of Labour (Bộ LĐTBXH) up to early 2025, by the Ministry of Home Affairs (Bộ Nội vụ) since.
 *
 * Weekdays in an announced Tết block are listed one by one; weekend days in it are not (they are rest days anyway).
 * A holiday falling on a weekend is listed (for the record) next to its compensatory day.
 * `unconfirmed: true` marks what was not checked against the announcing document; `note` says why.
 * Lunar dates were checked with the Vietnamese lunar calendar (UTC+7): Tết 2024-02-10, 2025-01-29, 2026-02-17,
 * 2027-02-06; Giỗ Tổ 2024-04-18, 2025-04-07, 2026-04-26, 2027-04-16.
 *
 * Not in the data yet: Ngày Văn hóa Việt Nam (24/11). The Politburo chose it as a paid holiday (Nghị quyết
 * 80-NQ/TW) and the Government's programme (Nghị quyết 30/NQ-CP) asks for Điều 112 to be amended; until the Labour
 * Code says so it is a working day. Add it here, or in a provincial calendar, when the amendment is in force.
 */
export type HolidayKind =
  /** A holiday of Điều 112 (or a weekday of the announced Tết block). */
  | 'HOLIDAY'
  /** Nghỉ bù: the working day given off because a holiday fell on a weekend (Điều 111 khoản 3). */
  | 'COMPENSATORY_DAY_OFF'
  /** Hoán đổi ngày nghỉ: a working day moved onto a weekend day to join two rest periods. */
  | 'SWAPPED_DAY_OFF'
  /** Làm bù: the weekend day that becomes a working day in exchange for a SWAPPED_DAY_OFF. */
  | 'SWAPPED_WORKING_DAY';

export interface HolidayEntry {
  /** ISO date, YYYY-MM-DD, in Asia/Ho_Chi_Minh. */
  date: string;
  kind: HolidayKind;
  nameVi: string;
  nameEn: string;
  /** Legal basis and the announcement that fixed this day. */
  source: string;
  /** Set when the entry is our best reading rather than a checked announcement. */
  unconfirmed?: true;
  /** Why the entry is unconfirmed, or anything else a reader must know. */
  note?: string;
}

const LAW = 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1';
const LAW_PM = `${LAW} và khoản 3 (Thủ tướng quyết định ngày nghỉ cụ thể)`;
const LAW_COMPENSATORY = 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 111 khoản 3 (nghỉ bù vào ngày làm việc kế tiếp)';

const holiday = (
  date: string,
  nameVi: string,
  nameEn: string,
  source: string,
  extra: Partial<HolidayEntry> = {},
): HolidayEntry => ({
  date,
  kind: 'HOLIDAY',
  nameVi,
  nameEn,
  source,
  ...extra,
});
const newYear = (date: string) => holiday(date, 'Tết Dương lịch', "New Year's Day", LAW);
const tet = (date: string, lunarVi: string, lunarEn: string, source: string, extra: Partial<HolidayEntry> = {}) =>
  holiday(date, `Tết Nguyên Đán (${lunarVi})`, `Lunar New Year (${lunarEn})`, source, extra);
const hungKings = (date: string) =>
  holiday(
    date,
    'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    "Hung Kings' Commemoration Day (10th day of the 3rd lunar month)",
    LAW,
  );
const reunification = (date: string, source = LAW) =>
  holiday(date, 'Ngày Chiến thắng (30/4)', 'Reunification Day', source);
const labourDay = (date: string, source = LAW) =>
  holiday(date, 'Ngày Quốc tế Lao động (1/5)', "International Workers' Day", source);
const nationalDay = (date: string, source: string) => holiday(date, 'Quốc khánh (2/9)', 'National Day', source);
const nationalDayAdjacent = (date: string, source: string, extra: Partial<HolidayEntry> = {}) =>
  holiday(date, 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', source, extra);
const compensatory = (date: string, forVi: string, forEn: string): HolidayEntry => ({
  date,
  kind: 'COMPENSATORY_DAY_OFF',
  nameVi: `Nghỉ bù ${forVi}`,
  nameEn: `Compensatory day off for ${forEn}`,
  source: LAW_COMPENSATORY,
});
const swappedOff = (
  date: string,
  forVi: string,
  forEn: string,
  source: string,
  extra: Partial<HolidayEntry> = {},
): HolidayEntry => ({
  date,
  kind: 'SWAPPED_DAY_OFF',
  nameVi: `Nghỉ hoán đổi dịp ${forVi}`,
  nameEn: `Swapped day off (${forEn})`,
  source,
  ...extra,
});
const swappedWorking = (
  date: string,
  forVi: string,
  forEn: string,
  source: string,
  extra: Partial<HolidayEntry> = {},
): HolidayEntry => ({
  date,
  kind: 'SWAPPED_WORKING_DAY',
  nameVi: `Làm bù cho ngày nghỉ hoán đổi dịp ${forVi}`,
  nameEn: `Make-up working day (${forEn})`,
  source,
  ...extra,
});

const Y2024_TET_QK = `${LAW_PM}; Văn bản 8662/VPCP-KGVX ngày 3/11/2023 (Thủ tướng đồng ý đề xuất của Bộ LĐTBXH: Tết 8/2–14/2, Quốc khánh 31/8–3/9/2024)`;
const Y2024_APRIL =
  'Văn bản 2450/VPCP-KGVX ngày 12/4/2024 (hoán đổi thứ Hai 29/4 với thứ Bảy 4/5/2024), thông báo của Bộ LĐTBXH';
const Y2025 = `${LAW_PM}; Văn bản 8726/VPCP-KGVX ngày 26/11/2024; Thông báo số 6150 (2024) của Bộ LĐTBXH`;
const Y2025_QK = `${LAW_PM}; thông báo của Bộ Nội vụ tháng 8/2025 (Quốc khánh 30/8–2/9/2025)`;
const Y2026_NEW_YEAR =
  'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (Phó Thủ tướng đồng ý đề xuất của Bộ Nội vụ: nghỉ 1/1–4/1/2026)';
const Y2026_TET_QK = `${LAW_PM}; văn bản của VPCP tháng 10/2025 truyền đạt ý kiến Thủ tướng đồng ý đề xuất của Bộ Nội vụ (Tết 14/2–22/2, Quốc khánh 29/8–2/9/2026); thông báo của Bộ Nội vụ`;
const Y2027_EXPECTED = `${LAW_PM}; chưa có thông báo của năm 2027 — dự kiến`;

const PRESS_ONLY = 'Read in press reports of the announcement, not in the document itself.';

export const VIETNAM_HOLIDAYS: Readonly<Record<number, readonly HolidayEntry[]>> = {
  2024: [
    newYear('2024-01-01'),
    tet('2024-02-08', '29 tháng Chạp', '29th of the 12th lunar month', Y2024_TET_QK),
    tet('2024-02-09', '30 tháng Chạp', "New Year's Eve", Y2024_TET_QK),
    tet('2024-02-12', 'mùng 3 tháng Giêng', '3rd day', Y2024_TET_QK),
    tet('2024-02-13', 'mùng 4 tháng Giêng', '4th day', Y2024_TET_QK),
    tet('2024-02-14', 'mùng 5 tháng Giêng', '5th day', Y2024_TET_QK),
    hungKings('2024-04-18'),
    swappedOff('2024-04-29', '30/4–1/5', 'Reunification Day and Labour Day', Y2024_APRIL),
    reunification('2024-04-30'),
    labourDay('2024-05-01'),
    swappedWorking('2024-05-04', '30/4–1/5', 'for 29 April', Y2024_APRIL),
    nationalDay('2024-09-02', Y2024_TET_QK),
    nationalDayAdjacent('2024-09-03', Y2024_TET_QK),
  ],
  2025: [
    newYear('2025-01-01'),
    swappedOff('2025-01-27', 'Tết Nguyên Đán (28 tháng Chạp)', 'Lunar New Year', Y2025),
    tet('2025-01-28', '29 tháng Chạp', "New Year's Eve", Y2025),
    tet('2025-01-29', 'mùng 1 tháng Giêng', '1st day', Y2025),
    tet('2025-01-30', 'mùng 2 tháng Giêng', '2nd day', Y2025),
    tet('2025-01-31', 'mùng 3 tháng Giêng', '3rd day', Y2025),
    swappedWorking('2025-02-08', 'Tết Nguyên Đán', 'for 27 January', Y2025),
    hungKings('2025-04-07'),
    swappedWorking('2025-04-26', '30/4–1/5', 'for 2 May', Y2025),
    reunification('2025-04-30'),
    labourDay('2025-05-01'),
    swappedOff('2025-05-02', '30/4–1/5', 'Reunification Day and Labour Day', Y2025),
    nationalDayAdjacent('2025-09-01', Y2025_QK),
    nationalDay('2025-09-02', Y2025_QK),
  ],
  2026: [
    newYear('2026-01-01'),
    swappedOff('2026-01-02', 'Tết Dương lịch', "New Year's Day", Y2026_NEW_YEAR, {
      note: 'The 4-day break 1–4/1 is reported by several papers; the document number by one only.',
    }),
    // The make-up Saturday and the document number come from a single press report.
    swappedWorking('2026-01-10', 'Tết Dương lịch', 'for 2 January', Y2026_NEW_YEAR, {
      unconfirmed: true,
      note: `Make-up Saturday 10/1 seen in one press report only. ${PRESS_ONLY}`,
    }),
    tet('2026-02-16', '29 tháng Chạp', "New Year's Eve", Y2026_TET_QK),
    tet('2026-02-17', 'mùng 1 tháng Giêng', '1st day', Y2026_TET_QK),
    tet('2026-02-18', 'mùng 2 tháng Giêng', '2nd day', Y2026_TET_QK),
    tet('2026-02-19', 'mùng 3 tháng Giêng', '3rd day', Y2026_TET_QK),
    tet('2026-02-20', 'mùng 4 tháng Giêng', '4th day', Y2026_TET_QK),
    hungKings('2026-04-26'),
    compensatory(
      '2026-04-27',
      'Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)',
      "Hung Kings' Commemoration Day (26 April is a Sunday)",
    ),
    reunification('2026-04-30'),
    labourDay('2026-05-01'),
    // The 5-day break 29/8–2/9 is reported by several papers; which Saturday is worked back, by one only.
    swappedWorking('2026-08-22', 'Quốc khánh', 'for 31 August', Y2026_TET_QK, {
      unconfirmed: true,
      note: `Make-up Saturday 22/8 seen in one press report only. ${PRESS_ONLY}`,
    }),
    swappedOff('2026-08-31', 'Quốc khánh', 'National Day', Y2026_TET_QK),
    nationalDayAdjacent('2026-09-01', Y2026_TET_QK),
    nationalDay('2026-09-02', Y2026_TET_QK),
  ],
  // 2027: the fixed-date holidays and the compensatory day follow from the law. The Tết block and the day next to
  // 2/9 are the Prime Minister's choice and not yet announced: this is the likely pattern, to be replaced.
  2027: [
    newYear('2027-01-01'),
    // Lunar New Year falls on a Saturday, as in 2024; assumed the same shape (2 days before, 3 after).
    ...(
      [
        ['2027-02-04', '28 tháng Chạp', '28th of the 12th lunar month'],
        ['2027-02-05', '29 tháng Chạp', "New Year's Eve"],
        ['2027-02-08', 'mùng 3 tháng Giêng', '3rd day'],
        ['2027-02-09', 'mùng 4 tháng Giêng', '4th day'],
        ['2027-02-10', 'mùng 5 tháng Giêng', '5th day'],
      ] as const
    ).map(([date, vi, en]) =>
      tet(date, vi, en, Y2027_EXPECTED, {
        unconfirmed: true,
        note: 'Tết 2027 not announced yet; block assumed like 2024 (New Year on a Saturday).',
      }),
    ),
    hungKings('2027-04-16'),
    reunification('2027-04-30'),
    labourDay('2027-05-01'),
    compensatory(
      '2027-05-03',
      'Ngày Quốc tế Lao động (1/5 là thứ Bảy)',
      "International Workers' Day (1 May is a Saturday)",
    ),
    nationalDay('2027-09-02', Y2027_EXPECTED),
    nationalDayAdjacent('2027-09-03', Y2027_EXPECTED, {
      unconfirmed: true,
      note: 'Quốc khánh 2027 not announced yet; Friday 3/9 assumed as the adjacent day (1/9 is the other choice).',
    }),
  ],
};

/** Years the shipped data covers; a date in any other year is refused rather than treated as an ordinary day. */
export const VIETNAM_HOLIDAY_YEARS: readonly number[] = Object.keys(VIETNAM_HOLIDAYS).map(Number);
