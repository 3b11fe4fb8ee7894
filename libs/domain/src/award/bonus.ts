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

/**
 * The base salary in force on an ISO date: the last entry of the table that took effect on or before it. A table
 * snapshotted before the effective-dated list existed keeps its single figure (its old meaning).
 */
export function baseSalaryOn(table: BonusTable, isoDate: string): { vnd: number; legalBasis: string } {
  const inForce = (table.baseSalaries ?? []).filter((s) => s.from <= isoDate);
  const last = inForce[inForce.length - 1];
  if (last) return { vnd: last.vnd, legalBasis: last.legalBasis };
  return { vnd: table.baseSalaryVnd, legalBasis: table.baseSalaryBasis };
}

/**
 * Rule 35: multiplier × the base salary in force on the decision date; a household gets the household factor × the
 * individual rate. Pure.
 */
export function bonusFor(table: BonusTable, awardCode: string, subject: SubjectKind, decisionDate: string): Bonus {
  const rate = table.rates[awardCode];
  const salary = baseSalaryOn(table, decisionDate);
  const base = salary.vnd;
  const individual = rate?.individual;
  const raw =
    subject === 'COLLECTIVE'
      ? rate?.collective
      : subject === 'HOUSEHOLD' && individual !== undefined
        ? individual * table.householdFactor
        : individual;
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
  const household =
    subject === 'HOUSEHOLD' ? ` (household: ${table.householdFactor} × the individual rate ${rate.individual})` : '';
  const article = rate.legalBasis ?? table.legalBasis;
  return {
    amountVnd: Math.round(multiplier * base),
    multiplier,
    baseSalaryVnd: base,
    confirmed: rate.confirmed,
    basis: `${multiplier} × ${base} VND base salary on ${decisionDate}${household}; ${article}; ${salary.legalBasis}${rate.note ? `; ${rate.note}` : ''}`,
  };
}
