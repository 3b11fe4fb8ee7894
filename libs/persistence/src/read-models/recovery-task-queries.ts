import type { DataSource } from 'typeorm';

export interface RecoveryTaskRow {
  item: string;
  description: string;
  /** The bonus to recover (multiplier × base salary), when the rule set has a rate; null otherwise. */
  amountVnd: number | null;
  multiplier: number | null;
  basis: string | null;
  openedAt: string;
  /** Null while the task is open. */
  recoveredOn: string | null;
  recordedBy: string | null;
  recoveredAmountVnd: number | null;
  note: string | null;
  /** The bonus only: what the award fund ledger records as actually paid, which is what is recovered (0 when no payment was recorded). */
  paidVnd: number | null;
}

interface Row {
  item: string;
  description: string;
  amount_vnd: number | null;
  multiplier: number | null;
  basis: string | null;
  opened_at: Date;
  recovered_on: string | null;
  recorded_by: string | null;
  recovered_amount_vnd: number | null;
  note: string | null;
  paid_vnd: string | null;
}

/** The recovery tasks of a revoked award. */
export class RecoveryTaskQueries {
  constructor(private readonly dataSource: DataSource) {}

  async forDossier(dossierId: string): Promise<RecoveryTaskRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.*, CASE WHEN t.item = 'BONUS' THEN f.paid_vnd END AS paid_vnd FROM recovery_task t LEFT JOIN award_fund_entry f ON f.dossier_id = t.dossier_id
       WHERE t.dossier_id = $1 ORDER BY t.item`,
      [dossierId],
    )) as Row[];
    return rows.map((r) => ({
      item: r.item,
      description: r.description,
      amountVnd: r.amount_vnd,
      multiplier: r.multiplier,
      basis: r.basis,
      openedAt: r.opened_at.toISOString(),
      recoveredOn: r.recovered_on,
      recordedBy: r.recorded_by,
      recoveredAmountVnd: r.recovered_amount_vnd,
      note: r.note,
      paidVnd: r.paid_vnd === null ? null : Number(r.paid_vnd),
    }));
  }
}
