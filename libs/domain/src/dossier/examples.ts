import type { DossierPart } from '../eligibility/dossier-parts';
import type { DeclaredRecord } from './types';

/**
 * A complete provincial Certificate of Merit (Bằng khen tỉnh) dossier content for one person: the three parts the
 * route needs, and a record meeting rule 8 (CSTĐ cơ sở two years running, ending in the evaluation year).
 * Used by the demo data, the tests and the API documentation.
 */
export function exampleBkTinhContent(
  evaluationYear: number,
  achievementId?: string,
): { record: DeclaredRecord; parts: DossierPart[] } {
  return {
    record: {
      evaluationYear,
      ratings: [
        { year: evaluationYear - 1, rating: 'HTXS' },
        { year: evaluationYear, rating: 'HTXS' },
      ],
      awards: [
        {
          awardCode: 'CSTD_CO_SO',
          year: evaluationYear - 1,
          decisionDate: `${evaluationYear - 1}-12-20`,
          achievementId: `cstd-${evaluationYear - 1}`,
        },
        {
          awardCode: 'CSTD_CO_SO',
          year: evaluationYear,
          decisionDate: `${evaluationYear}-12-20`,
          achievementId: `cstd-${evaluationYear}`,
        },
      ],
      initiatives: [],
      collectiveYears: [],
      ...(achievementId ? { achievementId } : {}),
    },
    parts: [
      { kind: 'TO_TRINH', ref: 'Tờ trình số 12/TTr-SGDĐT', copy: 'ORIGINAL' },
      { kind: 'BAO_CAO_THANH_TICH', ref: 'Báo cáo thành tích', copy: 'ORIGINAL', confirmedBySubmittingLevel: true },
      { kind: 'BIEN_BAN', ref: 'Biên bản họp Hội đồng TĐKT đơn vị', copy: 'ORIGINAL' },
    ],
  };
}

/**
 * A complete Chiến sĩ thi đua cơ sở dossier content for one person (grassroots route): the unit's package (law page
 * §3.1) and a record meeting rule 5 — Lao động tiên tiến and rated HTXS in the evaluation year.
 */
export function exampleCstdCoSoContent(
  evaluationYear: number,
  achievementId?: string,
): { record: DeclaredRecord; parts: DossierPart[] } {
  return {
    record: {
      evaluationYear,
      ratings: [{ year: evaluationYear, rating: 'HTXS' }],
      awards: [
        {
          awardCode: 'LD_TIEN_TIEN',
          year: evaluationYear,
          decisionDate: `${evaluationYear}-12-15`,
          achievementId: `ldtt-${evaluationYear}`,
        },
      ],
      initiatives: [],
      collectiveYears: [],
      ...(achievementId ? { achievementId } : {}),
    },
    parts: [
      { kind: 'TO_TRINH', ref: 'Tờ trình đề nghị công nhận Chiến sĩ thi đua cơ sở', copy: 'ORIGINAL' },
      { kind: 'BAO_CAO_THANH_TICH', ref: 'Báo cáo thành tích cá nhân', copy: 'ORIGINAL' },
      { kind: 'BIEN_BAN', ref: 'Biên bản họp Hội đồng TĐKT cơ sở', copy: 'ORIGINAL' },
    ],
  };
}

/**
 * A complete Huân chương Lao động hạng Ba dossier content for one person (state route, publicly posted, rule 23): the
 * state package and a record meeting rule 10 — Bằng khen Thủ tướng for the achievement period ending five years
 * before, then five years rated HTXS with three CSTĐ cơ sở in the window.
 */
export function exampleHcLaoDong3Content(
  evaluationYear: number,
  achievementId?: string,
): { record: DeclaredRecord; parts: DossierPart[] } {
  const base = exampleBkThuTuongContent(evaluationYear, achievementId);
  const from = evaluationYear - 4;
  const awards = [
    {
      awardCode: 'BK_THU_TUONG',
      year: from - 2,
      decisionDate: `${from - 1}-03-01`,
      achievementId: `bkttg-${from - 2}`,
    },
    ...base.record.awards.filter((a) => a.awardCode === 'CSTD_CO_SO'),
  ];
  return { ...base, record: { ...base.record, awards } };
}

/**
 * A complete Bằng khen Thủ tướng dossier content for one person (state route): the BK TTg package (rule 18, one
 * original set, with the electronic files the Prime Minister's package needs, rule 19) and a record meeting rule 9 —
 * Bằng khen tỉnh, then five years rated HTTNV or better with three CSTĐ cơ sở in the window.
 */
export function exampleBkThuTuongContent(
  evaluationYear: number,
  achievementId?: string,
): { record: DeclaredRecord; parts: DossierPart[] } {
  const from = evaluationYear - 4;
  return {
    record: {
      evaluationYear,
      ratings: [0, 1, 2, 3, 4].map((i) => ({ year: from + i, rating: 'HTXS' as const })),
      awards: [
        { awardCode: 'BK_TINH', year: from - 2, decisionDate: `${from - 1}-03-01`, achievementId: `bkt-${from - 2}` },
        ...[from + 1, from + 2, evaluationYear].map((year) => ({
          awardCode: 'CSTD_CO_SO',
          year,
          decisionDate: `${year}-12-20`,
          achievementId: `cstd-${year}`,
        })),
      ],
      initiatives: [],
      collectiveYears: [],
      ...(achievementId ? { achievementId } : {}),
    },
    parts: [
      { kind: 'TO_TRINH', ref: 'Tờ trình của Sở', copy: 'ORIGINAL' },
      {
        kind: 'BAO_CAO_THANH_TICH',
        ref: 'Báo cáo thành tích có xác nhận của cấp trình',
        copy: 'ORIGINAL',
        confirmedBySubmittingLevel: true,
      },
      { kind: 'BIEN_BAN', ref: 'Biên bản họp Hội đồng TĐKT tỉnh', copy: 'ORIGINAL' },
      { kind: 'ELECTRONIC_FILES', ref: 'Tệp điện tử của hồ sơ', copy: 'ORIGINAL' },
    ],
  };
}
