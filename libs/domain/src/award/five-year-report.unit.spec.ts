import { AWARD_CATALOG } from './catalog';
import { checkReportCategories, FIVE_YEAR_REPORT_CATEGORIES } from './five-year-report';

describe('the five-year report categories', () => {
  it('map only catalog codes, each to one category, and cover every provincial award', () => {
    expect(() => checkReportCategories(FIVE_YEAR_REPORT_CATEGORIES)).not.toThrow();
    const codes = FIVE_YEAR_REPORT_CATEGORIES.flatMap((c) => c.awardCodes);
    const provincial = AWARD_CATALOG.filter((a) => a.level === 'PROVINCIAL').map((a) => a.code);
    expect(provincial.length).toBeGreaterThan(0);
    expect(codes).toEqual(expect.arrayContaining(provincial));
  });

  it('refuses a code not in the catalog, a code counted twice, and an unlabelled category of several codes', () => {
    expect(() => checkReportCategories([{ key: 'X', awardCodes: ['NOT_AN_AWARD'] }])).toThrow(
      /not in the award catalog/,
    );
    expect(() =>
      checkReportCategories([
        { key: 'X', awardCodes: ['BK_TINH'] },
        { key: 'Y', awardCodes: ['BK_TINH'] },
      ]),
    ).toThrow(/two categories/);
    expect(() => checkReportCategories([{ key: 'X', awardCodes: ['BK_TINH', 'CSTD_TINH'] }])).toThrow(/needs a label/);
  });
});
