import type { BonusRate, BonusTable } from './types';

/**
 * Bonus multipliers (× base salary) for the catalog codes the law page §2 can source (Nghị định 152/2025/NĐ-CP, as
 * reported by dantri, laodong 1562282 and vietnam.vn). Awards it does not list (Bằng khen tỉnh, Bằng khen TTg, most
 * orders and medals) have no rate here: their recovery task asks for the amount actually paid.
 */
const ND152_RATES: Readonly<Record<string, BonusRate>> = {
  CSTD_TOAN_QUOC: { individual: 4.5, confirmed: true },
  CSTD_TINH: { individual: 3, confirmed: true },
  CSTD_CO_SO: { individual: 1, confirmed: true },
  LD_TIEN_TIEN: { individual: 0.3, confirmed: true },
  TT_LD_XUAT_SAC: { collective: 1.5, confirmed: true },
  TT_LD_TIEN_TIEN: { collective: 0.8, confirmed: true },
  CO_TD_CHINH_PHU: { collective: 12, confirmed: true },
  CO_TD_TINH: { collective: 8, confirmed: true },
  GIAY_KHEN: { individual: 0.3, confirmed: false, note: "The source gives the commune chairman's Giấy khen (0.3); a unit head's Giấy khen and a collective's rate are UNCONFIRMED" },
  HC_SAO_VANG: { individual: 46, confirmed: false, note: 'The table gives one rate; whether it is the individual or the collective rate is UNCONFIRMED' },
  HC_HO_CHI_MINH: { individual: 30.5, confirmed: false, note: 'The English Lao Động article says 30.5, the Japanese edition 35: UNCONFIRMED' },
  HC_DOC_LAP_1: { individual: 15, confirmed: false, note: 'Individual or collective rate: UNCONFIRMED' },
  HC_QUAN_CONG_1: { individual: 15, confirmed: false, note: 'Individual or collective rate: UNCONFIRMED' },
  HC_DOC_LAP_2: { individual: 12, confirmed: false, note: 'Individual or collective rate: UNCONFIRMED' },
  HC_QUAN_CONG_2: { individual: 12, confirmed: false, note: 'Individual or collective rate: UNCONFIRMED' },
};

/** Base salary 2,340,000 VND (Nghị định 73/2024/NĐ-CP): the documented default, a setting a province can override. */
const BASE_SALARY = { baseSalaryVnd: 2_340_000, baseSalaryBasis: 'Nghị định 73/2024/NĐ-CP (lương cơ sở 2.340.000 đồng); override when it changes' };

export const BONUS_2025: BonusTable = {
  ...BASE_SALARY,
  householdFactor: 1.5,
  legalBasis: 'Nghị định 152/2025/NĐ-CP (bonus tables, law page §2 and rule 35)',
  rates: ND152_RATES,
};

/** The 2024 rule set's own table (Nghị định 98/2023) was not retrieved: the NĐ 152 rates apply, each UNCONFIRMED. */
export const BONUS_2024: BonusTable = {
  ...BASE_SALARY,
  householdFactor: 1.5,
  legalBasis: 'Nghị định 98/2023/NĐ-CP (table not retrieved; Nghị định 152/2025 rates used, UNCONFIRMED)',
  rates: Object.fromEntries(Object.entries(ND152_RATES).map(([code, rate]) => [code, { ...rate, confirmed: false }])),
};
