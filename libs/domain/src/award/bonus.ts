import type { SubjectKind } from './catalog';
import type { BonusTable } from '../rule-set/types';

/** The bonus money (tiền thưởng) an award carried, as rule 35 computes it, or why it cannot be computed. */
export interface Bonus {
  /** multiplier × base salary, rounded to the đồng; null when the rule set has no rate for the award and subject. */
  amountVnd: number | null;
  multiplier: number | null;
  baseSalaryVnd: number;
  confirmed: boolean;
  /** How the amount was reached (or why not), with the legal basis. */
  basis: string;
}

/** Rule 35: multiplier × base salary; a household gets the household factor × the individual rate. Pure. */
export function bonusFor(table: BonusTable, awardCode: string, subject: SubjectKind): Bonus {
  const rate = table.rates[awardCode];
  const base = table.baseSalaryVnd;
  const individual = rate?.individual;
  const raw = subject === 'COLLECTIVE' ? rate?.collective : subject === 'HOUSEHOLD' && individual !== undefined ? individual * table.householdFactor : individual;
  if (rate === undefined || raw === undefined)
    return {
      amountVnd: null,
      multiplier: null,
      baseSalaryVnd: base,
      confirmed: false,
      basis: `No bonus multiplier for ${awardCode} (${subject.toLowerCase()}) in ${table.legalBasis}; recover the amount actually paid`,
    };
  // Exact to 4 decimals: 1.5 × 0.3 is 0.45, not 0.44999999999999996.
  const multiplier = Math.round(raw * 10_000) / 10_000;
  const household = subject === 'HOUSEHOLD' ? ` (household: ${table.householdFactor} × the individual rate ${rate.individual})` : '';
  return {
    amountVnd: Math.round(multiplier * base),
    multiplier,
    baseSalaryVnd: base,
    confirmed: rate.confirmed,
    basis: `${multiplier} × ${base} VND base salary${household}; ${table.legalBasis}; ${table.baseSalaryBasis}${rate.note ? `; ${rate.note}` : ''}`,
  };
}
