import type { EntityManager } from 'typeorm';
import type { StoredEnvelope } from '@tdkt/domain';
import { projectAwardHistory } from './award-history-projection';
import { projectDossierView } from './dossier-projection';
import { projectStatistics } from './statistics-projection';
import { projectCouncilBallot } from './council-ballot-projection';
import { projectRecoveryTasks } from './recovery-task-projection';
import { projectCouncilSession } from './council-session-projection';

export type Projection = (m: EntityManager, e: StoredEnvelope) => Promise<void>;

/**
 * Every read model: its projection (run for each event, inline in the append transaction and in a rebuild) and the
 * tables it owns (truncated before a rebuild). Add a read model by adding one entry.
 */
export const READ_MODELS: readonly { name: string; project: Projection; tables: readonly string[] }[] = [
  { name: 'dossier board', project: projectDossierView, tables: ['dossier_view'] },
  { name: 'statistics (awards, stage times)', project: projectStatistics, tables: ['stage_timing', 'award_fact'] },
  { name: 'award history', project: projectAwardHistory, tables: ['award_subject', 'award_history'] },
  { name: 'council ballots (who has voted, never how)', project: projectCouncilBallot, tables: ['council_ballot'] },
  { name: 'recovery tasks of revoked awards', project: projectRecoveryTasks, tables: ['recovery_task'] },
  { name: 'council sessions (agenda, attendance, tallies, minutes)', project: projectCouncilSession, tables: ['council_session_view'] },
];

export const PROJECTIONS: readonly Projection[] = READ_MODELS.map((r) => r.project);
export const READ_MODEL_TABLES: readonly string[] = READ_MODELS.flatMap((r) => r.tables);
