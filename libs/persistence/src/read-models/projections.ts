import type { EntityManager } from 'typeorm';
import { isRegisterEventType, type StoredEnvelope } from '@tdkt/domain';
import { projectAwardHistory } from './award-history-projection';
import { projectDossierView } from './dossier-projection';
import { projectStatistics } from './statistics-projection';
import { projectCouncilBallot } from './council-ballot-projection';
import { projectRecoveryTasks } from './recovery-task-projection';
import { projectCouncilSession } from './council-session-projection';
import { projectDecisionRegister } from './decision-register';
import { projectRound } from './round-projection';

export type Projection = (m: EntityManager, e: StoredEnvelope) => Promise<void>;

/** The decision registers' streams (voided numbers) are not dossiers': the dossier projections never see them. */
const notRegister =
  (project: Projection): Projection =>
  (m, e) =>
    isRegisterEventType(e.type) ? Promise.resolve() : project(m, e);

/**
 * Every read model: its projection (run for each event, inline in the append transaction and in a rebuild) and the
 * tables it owns (truncated before a rebuild). Add a read model by adding one entry.
 */
export const READ_MODELS: readonly { name: string; project: Projection; tables: readonly string[] }[] = [
  { name: 'dossier board', project: notRegister(projectDossierView), tables: ['dossier_view'] },
  { name: 'statistics (awards, stage times)', project: notRegister(projectStatistics), tables: ['stage_timing', 'award_fact'] },
  { name: 'award history', project: notRegister(projectAwardHistory), tables: ['award_subject', 'award_history'] },
  { name: 'council ballots (who has voted, never how)', project: notRegister(projectCouncilBallot), tables: ['council_ballot'] },
  { name: 'recovery tasks of revoked awards', project: notRegister(projectRecoveryTasks), tables: ['recovery_task'] },
  { name: 'council sessions (agenda, attendance, tallies, minutes)', project: projectCouncilSession, tables: ['council_session_view'] },
  { name: 'decision register (dossiers of each number, voided numbers)', project: projectDecisionRegister, tables: ['decision_award', 'decision_void'] },
  { name: 'thematic rounds (đợt / chuyên đề)', project: projectRound, tables: ['round_view'] },
];

export const PROJECTIONS: readonly Projection[] = READ_MODELS.map((r) => r.project);
export const READ_MODEL_TABLES: readonly string[] = READ_MODELS.flatMap((r) => r.tables);
