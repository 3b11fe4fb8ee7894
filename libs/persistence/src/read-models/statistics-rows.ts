/** The rows of the statistics read model (stage_timing, award_fact) and a dossier's part of them. */

/** One dossier's stage_timing row: its nominee facts (from DossierCreated) and when it reached each stage. */
export interface StageTimingRow {
  dossier_id: string;
  award_code: string;
  unit_code: string;
  subject_kind: string;
  direct_worker: boolean;
  /** The movement (phong trào thi đua) the dossier comes from: its movementId, else its thematic round. */
  movement_id: string | null;
  created_at: string;
  first_submitted_at: string | null;
  submitted_at: string | null;
  unit_approved_at: string | null;
  appraisal_accepted_at: string | null;
  voting_closed_at: string | null;
  decided_at: string | null;
  closed_at: string | null;
  final_status: 'AWARDED' | 'REJECTED' | 'WITHDRAWN' | null;
  returns: number;
  supplement_requests: number;
}

/** One award decision, completed from the dossier's own stage_timing row. */
export interface AwardFactRow {
  dossier_id: string;
  award_code: string;
  level: string;
  decider: string;
  subject_kind: string;
  unit_code: string;
  direct_worker: boolean;
  movement_id: string | null;
  decision_number: string;
  authority: string;
  decided_on: string;
  year: number;
}

/** The statistics of one dossier: its stage times, and its award while it stands (a revocation removes it). */
export interface DossierStatistics {
  timing?: StageTimingRow;
  fact?: AwardFactRow;
}
