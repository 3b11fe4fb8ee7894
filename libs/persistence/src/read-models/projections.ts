import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@tdkt/domain';
import { projectAwardHistory } from './award-history-projection';
import { projectDossierView } from './dossier-projection';
import { projectStatistics } from './statistics-projection';
import { projectCouncilBallot } from './council-ballot-projection';

export type Projection = (m: EntityManager, e: EventEnvelope) => Promise<void>;

/**
 * Every read model: its projection (run for each event, inline in the append transaction and in a rebuild) and the
 * tables it owns (truncated before a rebuild). Add a read model by adding one entry.
 */
export const READ_MODELS: readonly { name: string; project: Projection; tables: readonly string[] }[] = [
  { name: 'dossier board', project: projectDossierView, tables: ['dossier_view'] },
  { name: 'statistics (awards, stage times)', project: projectStatistics, tables: ['stage_timing', 'award_fact'] },
  { name: 'award history', project: projectAwardHistory, tables: ['award_subject', 'award_history'] },
  { name: 'council ballots (who has voted, never how)', project: projectCouncilBallot, tables: ['council_ballot'] },
];

export const PROJECTIONS: readonly Projection[] = READ_MODELS.map((r) => r.project);
export const READ_MODEL_TABLES: readonly string[] = READ_MODELS.flatMap((r) => r.tables);
