import { findAward } from './catalog';

/**
 * The categories of the five-year report a province publishes (shared/domain/seed-article.md), in the article's
 * order, each with the catalog codes it counts. This table is the only place the mapping lives.
 */
export interface ReportCategory {
  key: string;
  /** Vietnamese name as the report prints it; the catalog's name when absent. */
  label?: string;
  awardCodes: readonly string[];
}

export const FIVE_YEAR_REPORT_CATEGORIES: readonly ReportCategory[] = [
  { key: 'BA_ME_VNAH', awardCodes: ['BA_ME_VNAH'] },
  { key: 'HC_KHANG_CHIEN', awardCodes: ['HC_KHANG_CHIEN'] },
  { key: 'HCH_KHANG_CHIEN', awardCodes: ['HCH_KHANG_CHIEN'] },
  { key: 'HC_DOC_LAP_1', awardCodes: ['HC_DOC_LAP_1'] },
  { key: 'HC_DOC_LAP_2', awardCodes: ['HC_DOC_LAP_2'] },
  { key: 'HC_DOC_LAP_3', awardCodes: ['HC_DOC_LAP_3'] },
  {
    key: 'HC_LAO_DONG',
    label: 'Huân chương Lao động (các hạng)',
    awardCodes: ['HC_LAO_DONG_1', 'HC_LAO_DONG_2', 'HC_LAO_DONG_3'],
  },
  { key: 'BK_THU_TUONG', awardCodes: ['BK_THU_TUONG'] },
  { key: 'CO_TD_CHINH_PHU', awardCodes: ['CO_TD_CHINH_PHU'] },
  { key: 'CSTD_TOAN_QUOC', awardCodes: ['CSTD_TOAN_QUOC'] },
  { key: 'CO_TD_TINH', awardCodes: ['CO_TD_TINH'] },
  { key: 'TT_LD_XUAT_SAC', awardCodes: ['TT_LD_XUAT_SAC'] },
  { key: 'BK_TINH', awardCodes: ['BK_TINH'] },
  { key: 'CSTD_TINH', awardCodes: ['CSTD_TINH'] },
];

/** Every code of the report must be a catalog code, counted in one category only (five-year-report.unit.spec.ts checks the table). */
export function checkReportCategories(categories: readonly ReportCategory[]): void {
  const seen = new Set<string>();
  for (const c of categories) {
    for (const code of c.awardCodes) {
      if (!findAward(code))
        throw new Error(`five-year report: category ${c.key} names ${code}, which is not in the award catalog`);
      if (seen.has(code)) throw new Error(`five-year report: ${code} is counted in two categories`);
      seen.add(code);
    }
    if (!c.label && c.awardCodes.length !== 1)
      throw new Error(`five-year report: category ${c.key} covers several codes and needs a label`);
  }
}
