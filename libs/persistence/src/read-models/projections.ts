import type { EntityManager } from 'typeorm';
import { streamKindOf, type StoredEnvelope, type StreamKind } from '@tdkt/domain';
import { projectAwardHistory } from './award-history-projection';
import { projectDossierView } from './dossier-projection';
import { projectStatistics } from './statistics-projection';
import { projectCouncilBallot } from './council-ballot-projection';
import { projectRecoveryTasks } from './recovery-task-projection';
import { projectCouncilSession } from './council-session-projection';
import { projectDecisionRegister } from './decision-register';
import { projectRound } from './round-projection';
import { projectMovement } from './movement-projection';
import { projectRegistration } from './registration-projection';
import { projectBlockYear, projectEmulationBlock } from './emulation-projection';
import { projectDirectory } from './directory-projection';
import { projectAwardImport } from './award-import-projection';

export type Projection = (m: EntityManager, e: StoredEnvelope) => Promise<void>;

/**
 * Every read model: its projection (run for each event, inline in the append transaction and in a rebuild) and the
 * tables it owns (truncated before a rebuild). Add a read model by adding one entry.
 */
export const READ_MODELS: readonly { name: string; streams: readonly StreamKind[]; project: Projection; tables: readonly string[] }[] = [
  { name: 'dossier board', streams: ['DOSSIER'], project: projectDossierView, tables: ['dossier_view'] },
  { name: 'statistics (awards, stage times)', streams: ['DOSSIER'], project: projectStatistics, tables: ['stage_timing', 'award_fact'] },
  { name: 'award history', streams: ['DOSSIER'], project: projectAwardHistory, tables: ['award_subject', 'award_history', 'initiative_use'] },
  { name: 'council ballots (who has voted, never how)', streams: ['DOSSIER'], project: projectCouncilBallot, tables: ['council_ballot'] },
  { name: 'recovery tasks of revoked awards', streams: ['DOSSIER'], project: projectRecoveryTasks, tables: ['recovery_task'] },
  { name: 'council sessions (agenda, attendance, tallies, minutes)', streams: ['SESSION'], project: projectCouncilSession, tables: ['council_session_view'] },
  { name: 'decision register (dossiers of each number, voided numbers)', streams: ['DOSSIER', 'REGISTER'], project: projectDecisionRegister, tables: ['decision_award', 'decision_void'] },
  { name: 'thematic rounds (đợt / chuyên đề)', streams: ['ROUND'], project: projectRound, tables: ['round_view'] },
  // A round is a thematic movement: the movements read model consumes round streams too (rounds keep their own view).
  { name: 'emulation movements (phong trào thi đua; rounds as thematic movements)', streams: ['MOVEMENT', 'ROUND'], project: projectMovement, tables: ['movement_view'] },
  { name: 'registrations for annual titles (đăng ký thi đua) and their subjects', streams: ['REGISTRATION'], project: projectRegistration, tables: ['registration_view', 'registered_subject'] },
  { name: 'emulation blocks (khối thi đua)', streams: ['BLOCK'], project: projectEmulationBlock, tables: ['emulation_block_view'] },
  { name: 'block years (template, pledges, scores, ranking, proposals)', streams: ['BLOCK_YEAR'], project: projectBlockYear, tables: ['block_year_view', 'block_ranking'] },
  // org_unit and app_user are upserted, not truncated: demo data and test fixtures may still seed them directly.
  { name: 'directory (unit versions, council terms and seats)', streams: ['DIRECTORY'], project: projectDirectory, tables: ['org_unit_version', 'council_term', 'council_seat'] },
  // Imported awards land in award_history, which the award history read model truncates for a rebuild too.
  { name: 'award imports (files; their awards in the award history)', streams: ['AWARD_IMPORT'], project: projectAwardImport, tables: ['award_import'] },
];

/** Each read model's projection, fed only the events of the stream kinds it consumes. */
export const PROJECTIONS: readonly Projection[] = READ_MODELS.map(
  ({ streams, project }): Projection =>
    (m, e) =>
      streams.includes(streamKindOf(e.type)) ? project(m, e) : Promise.resolve(),
);
export const READ_MODEL_TABLES: readonly string[] = READ_MODELS.flatMap((r) => r.tables);
