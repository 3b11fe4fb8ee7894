import type { BaseSalary, BonusRate, BonusTable } from './types';

/**
 * The base salary (mức lương cơ sở) by the date it took effect. A bonus is computed with the one in force on the
 * decision date (rule 35), whichever rule set the dossier is bound to: the salary decrees are not TĐKT texts.
 */
export const BASE_SALARIES: readonly BaseSalary[] = [
  {
    from: '2019-07-01',
    vnd: 1_490_000,
    legalBasis: 'Nghị định 38/2019/NĐ-CP (lương cơ sở 1.490.000 đồng từ 01/07/2019)',
  },
  {
    from: '2023-07-01',
    vnd: 1_800_000,
    legalBasis: 'Nghị định 24/2023/NĐ-CP (lương cơ sở 1.800.000 đồng từ 01/07/2023)',
  },
  {
    from: '2024-07-01',
    vnd: 2_340_000,
    legalBasis: 'Nghị định 73/2024/NĐ-CP (lương cơ sở 2.340.000 đồng từ 01/07/2024)',
  },
];
const LATEST = BASE_SALARIES[BASE_SALARIES.length - 1];

const ND152 = 'Nghị định 152/2025/NĐ-CP';
const TITLES = `${ND152} (mức tiền thưởng danh hiệu thi đua; law page §2)`;
const ORDERS = `${ND152}, Điều 51`;
const CERTIFICATES = `${ND152}, Điều 54`;

/** An order (huân chương): the individual rate of Điều 51(1); a collective gets twice it (Điều 51(2)). */
const order = (individual: number, legalBasis = ORDERS): BonusRate => ({
  individual,
  collective: individual * 2,
  confirmed: true,
  legalBasis: `${legalBasis}(1)–(2)`,
});
/** An order only an individual receives (Huân chương Dũng cảm). */
const individualOrder = (individual: number): BonusRate => ({
  individual,
  confirmed: true,
  legalBasis: `${ORDERS}(1)`,
});
/** A Bằng khen (Điều 54); the collective rate is twice the individual one, by analogy with Điều 51(2). */
const certificate = (individual: number): BonusRate => ({
  individual,
  collective: individual * 2,
  confirmed: true,
  legalBasis: CERTIFICATES,
  note: 'Collective: twice the individual rate, as Điều 51(2) sets for orders; the clause of Điều 54 itself was not retrieved',
});
const title = (rate: Omit<BonusRate, 'confirmed' | 'legalBasis'>): BonusRate => ({
  ...rate,
  confirmed: true,
  legalBasis: TITLES,
});

/**
 * Bonus multipliers (× base salary) of Nghị định 152/2025/NĐ-CP: emulation titles as the law page §2 reports them;
 * orders per Điều 51 (collectives twice the individual rate, Điều 51(2)); Bằng khen per Điều 54. Awards not listed
 * (Huân chương Hữu nghị, medals, honorary titles) have no rate here: their recovery task asks for the amount paid.
 */
const ND152_RATES: Readonly<Record<string, BonusRate>> = {
  CSTD_TOAN_QUOC: title({ individual: 4.5 }),
  CSTD_TINH: title({ individual: 3 }),
  CSTD_CO_SO: title({ individual: 1 }),
  LD_TIEN_TIEN: title({ individual: 0.3 }),
  TT_LD_XUAT_SAC: title({ collective: 1.5 }),
  TT_LD_TIEN_TIEN: title({ collective: 0.8 }),
  CO_TD_CHINH_PHU: title({ collective: 12 }),
  CO_TD_TINH: title({ collective: 8 }),
  GIAY_KHEN: {
    individual: 0.3,
    confirmed: false,
    legalBasis: CERTIFICATES,
    note: "The source gives the commune chairman's Giấy khen (0.3); a unit head's Giấy khen and a collective's rate are UNCONFIRMED",
  },
  HC_SAO_VANG: order(46),
  // 30.5: confirmed by the legal review (the Japanese edition's 35 was wrong).
  HC_HO_CHI_MINH: order(30.5),
  HC_DOC_LAP_1: order(15),
  HC_DOC_LAP_2: order(12.5),
  HC_DOC_LAP_3: order(10.5),
  HC_QUAN_CONG_1: order(15),
  HC_QUAN_CONG_2: order(12.5),
  HC_QUAN_CONG_3: order(10.5),
  HC_LAO_DONG_1: order(9),
  HC_LAO_DONG_2: order(7.5),
  HC_LAO_DONG_3: order(4.5),
  HC_CHIEN_CONG_1: order(9),
  HC_CHIEN_CONG_2: order(7.5),
  HC_CHIEN_CONG_3: order(4.5),
  HC_BAO_VE_TO_QUOC_1: order(9),
  HC_BAO_VE_TO_QUOC_2: order(7.5),
  HC_BAO_VE_TO_QUOC_3: order(4.5),
  HC_DAI_DOAN_KET: order(7.5),
  HC_DUNG_CAM: individualOrder(4.5),
  BK_THU_TUONG: certificate(3.5),
  BK_TINH: certificate(1.5),
};

const salaries = { baseSalaries: BASE_SALARIES, baseSalaryVnd: LATEST.vnd, baseSalaryBasis: LATEST.legalBasis };

export const BONUS_2025: BonusTable = {
  ...salaries,
  householdFactor: 1.5,
  legalBasis: `${ND152} (bonus tables: titles, Điều 51 orders, Điều 54 Bằng khen; rule 35)`,
  rates: ND152_RATES,
};

/**
 * The 2024 rule set's table is Nghị định 98/2023's, which was not retrieved article by article. The multipliers
 * NĐ 152/2025 carried over unchanged (titles, orders, Bằng khen Thủ tướng) are used, each marked UNCONFIRMED for
 * NĐ 98/2023. Bằng khen tỉnh's 1.5 is NĐ 152/2025's own figure, so the 2024 set has no rate for it: its recovery
 * asks for the amount actually paid. The base salary is the one in force on the decision date (NĐ 24/2023 until
 * 30/06/2024, NĐ 73/2024 from 01/07/2024).
 */
export const BONUS_2024: BonusTable = {
  ...salaries,
  householdFactor: 1.5,
  legalBasis: 'Nghị định 98/2023/NĐ-CP (mức tiền thưởng; article text not retrieved, multipliers UNCONFIRMED)',
  rates: Object.fromEntries(
    Object.entries(ND152_RATES)
      .filter(([code]) => code !== 'BK_TINH')
      .map(([code, rate]) => [
        code,
        {
          ...rate,
          confirmed: false,
          legalBasis: 'Nghị định 98/2023/NĐ-CP (article not retrieved)',
          note: 'UNCONFIRMED: assumed equal to the multiplier the later decree carried over; verify against the NĐ 98/2023 text',
        },
      ]),
  ),
};
