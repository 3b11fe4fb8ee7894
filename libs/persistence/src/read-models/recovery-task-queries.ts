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
}

interface Row {
  item: string; description: string; amount_vnd: number | null; multiplier: number | null; basis: string | null; opened_at: Date;
  recovered_on: string | null; recorded_by: string | null; recovered_amount_vnd: number | null; note: string | null;
}

/** The recovery tasks of a revoked award. */
export class RecoveryTaskQueries {
  constructor(private readonly dataSource: DataSource) {}

  async forDossier(dossierId: string): Promise<RecoveryTaskRow[]> {
    const rows = (await this.dataSource.query(`SELECT * FROM recovery_task WHERE dossier_id = $1 ORDER BY item`, [dossierId])) as Row[];
    return rows.map((r) => ({
      item: r.item, description: r.description, amountVnd: r.amount_vnd, multiplier: r.multiplier, basis: r.basis, openedAt: r.opened_at.toISOString(),
      recoveredOn: r.recovered_on, recordedBy: r.recorded_by, recoveredAmountVnd: r.recovered_amount_vnd, note: r.note,
    }));
  }
}
