import type { DataSource } from 'typeorm';
import { Where } from './sql';
import { findAward, type FundedDecision, type FundPayment, type FundSource } from '@tdkt/domain';

export interface FundPaymentRow extends FundPayment {
  seq: number;
  recordedBy: string;
  recordedAt: string;
}

/** One decided dossier's line in the ledger. */
export interface FundEntry {
  dossierId: string;
  awardCode: string;
  /** The award's level (GRASSROOTS, PROVINCIAL, STATE) from the catalogue. */
  level: string;
  unitCode: string;
  subjectKind: string;
  ruleSetVersion: string | null;
  decisionNumber: string;
  authority: string;
  decidedOn: string;
  year: number;
  /** Rule 35 on the decision date; null when the bound rule set has no rate for the award. */
  dueVnd: number | null;
  multiplier: number | null;
  baseSalaryVnd: number | null;
  basis: string;
  paidVnd: number;
  lastPaidOn: string | null;
  /** dueVnd − paidVnd; null when nothing is due by the rule set. */
  outstandingVnd: number | null;
  revokedOn: string | null;
  /** After a revocation: the amount actually paid (what was due does not matter). Null while the award stands. */
  toRecoverVnd: number | null;
  recoveredVnd: number | null;
}

export interface FundTotals {
  /** By decision year: decisions, what they made due, what was paid against them, recovered. */
  byYear: {
    year: number;
    decisions: number;
    withoutRate: number;
    dueVnd: number;
    paidVnd: number;
    revoked: number;
    recoveredVnd: number;
  }[];
  /** By payment year and source. */
  bySource: { year: number; source: FundSource; payments: number; paidVnd: number }[];
}

interface EntryRow {
  dossier_id: string;
  award_code: string;
  unit_code: string;
  subject_kind: string;
  rule_set_version: string | null;
  decision_number: string;
  authority: string;
  decided_on: string;
  year: number;
  due_vnd: string | null;
  multiplier: string | null;
  base_salary_vnd: string | null;
  basis: string | null;
  paid_vnd: string;
  last_paid_on: string | null;
  revoked_on: string | null;
  recovered_vnd: string | null;
}
const num = (v: string | null): number | null => (v === null ? null : Number(v));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toEntry = (r: EntryRow): FundEntry => {
  const due = num(r.due_vnd);
  const paid = Number(r.paid_vnd);
  return {
    dossierId: r.dossier_id,
    awardCode: r.award_code,
    level: findAward(r.award_code)?.level ?? 'UNKNOWN',
    unitCode: r.unit_code,
    subjectKind: r.subject_kind,
    ruleSetVersion: r.rule_set_version,
    decisionNumber: r.decision_number,
    authority: r.authority,
    decidedOn: r.decided_on,
    year: r.year,
    dueVnd: due,
    multiplier: num(r.multiplier),
    baseSalaryVnd: num(r.base_salary_vnd),
    basis: r.basis ?? '',
    paidVnd: paid,
    lastPaidOn: r.last_paid_on,
    outstandingVnd: due === null ? null : Math.max(0, due - paid),
    revokedOn: r.revoked_on,
    toRecoverVnd: r.revoked_on ? paid : null,
    recoveredVnd: num(r.recovered_vnd),
  };
};

/** The award fund ledger: decided dossiers with what is due, paid, to recover; totals per year and source. */
export class AwardFundQueries {
  constructor(private readonly dataSource: DataSource) {}

  async entry(dossierId: string): Promise<(FundEntry & { payments: FundPaymentRow[] }) | undefined> {
    if (!UUID.test(dossierId)) return undefined;
    const [row] = (await this.dataSource.query(
      `SELECT * FROM award_fund_entry WHERE dossier_id = $1 AND decided_on IS NOT NULL`,
      [dossierId],
    )) as EntryRow[];
    if (!row) return undefined;
    const payments = (await this.dataSource.query(
      `SELECT * FROM award_fund_payment WHERE dossier_id = $1 ORDER BY seq`,
      [dossierId],
    )) as {
      seq: number;
      amount_vnd: string;
      paid_on: string;
      source: FundSource;
      voucher_ref: string;
      note: string | null;
      recorded_by: string;
      recorded_at: Date;
    }[];
    return {
      ...toEntry(row),
      payments: payments.map((p) => ({
        seq: p.seq,
        amountVnd: Number(p.amount_vnd),
        paidOn: p.paid_on,
        source: p.source,
        voucherRef: p.voucher_ref,
        ...(p.note ? { note: p.note } : {}),
        recordedBy: p.recorded_by,
        recordedAt: p.recorded_at.toISOString(),
      })),
    };
  }

  /** What a payment decision needs: the decision, what it made due, whether it was revoked. */
  async fundedDecision(dossierId: string): Promise<FundedDecision | undefined> {
    const e = await this.entry(dossierId);
    return (
      e && {
        dossierId,
        awardCode: e.awardCode,
        unitCode: e.unitCode,
        decisionNumber: e.decisionNumber,
        decidedOn: e.decidedOn,
        dueVnd: e.dueVnd,
        revoked: e.revokedOn !== null,
      }
    );
  }

  /** Decided dossiers, newest decision first; optionally one year, one unit, one province. */
  async list(filter: { year?: number; unitCode?: string; provinceCode?: string } = {}): Promise<FundEntry[]> {
    const w = new Where().add('decided_on IS NOT NULL');
    if (filter.year !== undefined) w.add('year = ?', filter.year);
    if (filter.unitCode) w.add('unit_code = ?', filter.unitCode);
    if (filter.provinceCode)
      w.add('unit_code IN (SELECT code FROM org_unit WHERE province_code = ?)', filter.provinceCode);
    const rows = (await this.dataSource.query(
      `SELECT * FROM award_fund_entry ${w.sql} ORDER BY decided_on DESC, dossier_id LIMIT 2000`,
      w.params,
    )) as EntryRow[];
    return rows.map(toEntry);
  }

  /** Totals per decision year, and payments per payment year and source, within [fromYear, toYear]. */
  async totals(filter: { fromYear: number; toYear: number; provinceCode?: string }): Promise<FundTotals> {
    const inProvince = (w: Where): Where =>
      filter.provinceCode
        ? w.add('e.unit_code IN (SELECT code FROM org_unit WHERE province_code = ?)', filter.provinceCode)
        : w;
    const decided = inProvince(
      new Where().add('e.decided_on IS NOT NULL').add('e.year BETWEEN ? AND ?', filter.fromYear, filter.toYear),
    );
    const paid = inProvince(
      new Where().add('extract(year FROM p.paid_on) BETWEEN ? AND ?', filter.fromYear, filter.toYear),
    );
    const byYear = (await this.dataSource.query(
      `SELECT e.year, count(*)::int AS decisions, count(*) FILTER (WHERE e.due_vnd IS NULL)::int AS without_rate, COALESCE(sum(e.due_vnd), 0)::text AS due,
              COALESCE(sum(e.paid_vnd), 0)::text AS paid, count(e.revoked_on)::int AS revoked, COALESCE(sum(e.recovered_vnd), 0)::text AS recovered
       FROM award_fund_entry e ${decided.sql} GROUP BY e.year ORDER BY e.year`,
      decided.params,
    )) as {
      year: number;
      decisions: number;
      without_rate: number;
      due: string;
      paid: string;
      revoked: number;
      recovered: string;
    }[];
    const bySource = (await this.dataSource.query(
      `SELECT extract(year FROM p.paid_on)::int AS year, p.source, count(*)::int AS payments, sum(p.amount_vnd)::text AS paid
       FROM award_fund_payment p JOIN award_fund_entry e ON e.dossier_id = p.dossier_id
       ${paid.sql} GROUP BY 1, p.source ORDER BY 1, p.source`,
      paid.params,
    )) as { year: number; source: FundSource; payments: number; paid: string }[];
    return {
      byYear: byYear.map((r) => ({
        year: r.year,
        decisions: r.decisions,
        withoutRate: r.without_rate,
        dueVnd: Number(r.due),
        paidVnd: Number(r.paid),
        revoked: r.revoked,
        recoveredVnd: Number(r.recovered),
      })),
      bySource: bySource.map((r) => ({
        year: r.year,
        source: r.source,
        payments: r.payments,
        paidVnd: Number(r.paid),
      })),
    };
  }
}
