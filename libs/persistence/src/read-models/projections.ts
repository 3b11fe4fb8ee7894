import type { DataSource, EntityManager } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { streamKindOf, type StoredEnvelope, type StreamKind } from '@tdkt/domain';
import { projectAwardHistory } from './award-history-projection';
import { projectDossierViews } from './dossier-projection';
import { projectStatistics } from './statistics-projection';
import { projectCouncilBallot } from './council-ballot-projection';
import { projectRecoveryTasks } from './recovery-task-projection';
import { projectCouncilSession } from './council-session-projection';
import { projectDecisionRegister } from './decision-register-projection';
import { projectRound } from './round-projection';
import { projectMovement } from './movement-projection';
import { projectRegistration } from './registration-projection';
import { projectBlockYear, projectEmulationBlock } from './emulation-projection';
import { projectDirectory } from './directory-projection';
import { projectAwardImport } from './award-import-projection';
import { projectExemplaryModel } from './exemplary-model-projection';
import { projectNomineePriority } from './nominee-priority-projection';
import { projectAwardFund } from './award-fund-projection';
import { projectAttachment } from './attachment-projection';

export type Projection = (m: EntityManager, e: StoredEnvelope) => Promise<void>;
/** A projection over a batch of events in stream order: one command's events, or a page of the table in a rebuild. */
export type BatchProjection = (m: EntityManager, events: readonly StoredEnvelope[]) => Promise<void>;

/** A per-event projection over a batch: each event in turn. */
const eachEvent =
  (project: Projection): BatchProjection =>
  async (m, events) => {
    for (const e of events) await project(m, e);
  };

/**
 * Every read model: its projection (run over each batch of appended events, inline in the append transaction and in a
 * rebuild) and the tables it owns (truncated before a rebuild). Add a read model by adding one entry.
 */
export const READ_MODELS: readonly {
  name: string;
  streams: readonly StreamKind[];
  project: BatchProjection;
  tables: readonly string[];
  /** Tables it upserts into without owning them (not emptied by a rebuild, their key named): rows seeded directly stay. */
  upserts?: readonly { table: string; key: readonly string[] }[];
}[] = [
  {
    name: 'dossier board (rows, counts and inbox tasks)',
    streams: ['DOSSIER'],
    project: projectDossierViews,
    tables: ['dossier_view', 'dossier_count', 'dossier_task'],
  },
  {
    name: 'statistics (awards, stage times, and their report aggregates)',
    streams: ['DOSSIER'],
    project: projectStatistics,
    tables: ['stage_timing', 'award_fact', 'stage_time_stat', 'stage_time_all', 'stage_time_unit', 'award_count'],
  },
  {
    name: 'award history',
    streams: ['DOSSIER'],
    project: projectAwardHistory,
    tables: ['award_subject', 'award_history', 'initiative_use'],
  },
  {
    name: 'council ballots (who has voted, never how)',
    streams: ['DOSSIER'],
    project: projectCouncilBallot,
    tables: ['council_ballot'],
  },
  {
    name: 'recovery tasks of revoked awards',
    streams: ['DOSSIER'],
    project: eachEvent(projectRecoveryTasks),
    tables: ['recovery_task'],
  },
  {
    name: 'council sessions (agenda, attendance, tallies, minutes)',
    streams: ['SESSION'],
    project: eachEvent(projectCouncilSession),
    tables: ['council_session_view'],
  },
  {
    name: 'decision register (dossiers of each number, voided numbers)',
    streams: ['DOSSIER', 'REGISTER'],
    project: eachEvent(projectDecisionRegister),
    tables: ['decision_award', 'decision_void'],
  },
  {
    name: 'thematic rounds (đợt / chuyên đề)',
    streams: ['ROUND'],
    project: eachEvent(projectRound),
    tables: ['round_view'],
  },
  // A round is a thematic movement: the movements read model consumes round streams too (rounds keep their own view).
  {
    name: 'emulation movements (phong trào thi đua; rounds as thematic movements)',
    streams: ['MOVEMENT', 'ROUND'],
    project: eachEvent(projectMovement),
    tables: ['movement_view'],
  },
  {
    name: 'registrations for annual titles (đăng ký thi đua) and their subjects',
    streams: ['REGISTRATION'],
    project: eachEvent(projectRegistration),
    tables: ['registration_view', 'registered_subject'],
  },
  {
    name: 'emulation blocks (khối thi đua)',
    streams: ['BLOCK'],
    project: eachEvent(projectEmulationBlock),
    tables: ['emulation_block_view'],
  },
  {
    name: 'block years (template, pledges, scores, ranking, proposals)',
    streams: ['BLOCK_YEAR'],
    project: eachEvent(projectBlockYear),
    tables: ['block_year_view', 'block_ranking'],
  },
  // org_unit and app_user are upserted, not truncated: demo data and test fixtures may still seed them directly.
  {
    name: 'directory (unit versions, council terms and seats)',
    streams: ['DIRECTORY'],
    project: eachEvent(projectDirectory),
    tables: ['org_unit_version', 'council_term', 'council_seat'],
    // org_unit first: app_user's unit and council reference it.
    upserts: [
      { table: 'org_unit', key: ['code'] },
      { table: 'app_user', key: ['id'] },
    ],
  },
  // Imported awards land in award_history, which the award history read model truncates for a rebuild too.
  {
    name: 'award imports (files; their awards in the award history)',
    streams: ['AWARD_IMPORT'],
    project: eachEvent(projectAwardImport),
    tables: ['award_import'],
  },
  // The stored bytes (attachment_blob*) are not a read model: a rebuild keeps them and re-lists them from the events.
  {
    name: 'dossier files (attachments, every version)',
    streams: ['ATTACHMENT'],
    project: eachEvent(projectAttachment),
    tables: ['dossier_file'],
  },
  {
    name: 'exemplary models (điển hình tiên tiến)',
    streams: ['EXEMPLARY_MODEL'],
    project: eachEvent(projectExemplaryModel),
    tables: ['exemplary_model_view'],
  },
  {
    name: "nominees' priority facts (reports only)",
    streams: ['NOMINEE_PRIORITY'],
    project: eachEvent(projectNomineePriority),
    tables: ['nominee_priority'],
  },
  // The ledger reads the dossiers' own events (due, decision, revocation, recovery) and the fund's payment streams.
  {
    name: 'award fund ledger (due, paid, recovered)',
    streams: ['DOSSIER', 'AWARD_FUND'],
    project: projectAwardFund,
    tables: ['award_fund_entry', 'award_fund_payment'],
  },
];

/**
 * Feeds a batch of events to every read model, each getting only the events of the stream kinds it consumes (the read
 * models are independent, so one may take the whole batch before the next).
 */
export async function projectAll(m: EntityManager, events: readonly StoredEnvelope[]): Promise<void> {
  for (const { streams, project } of READ_MODELS) {
    const mine = events.filter((e) => streams.includes(streamKindOf(e.type)));
    if (mine.length) await project(m, mine);
  }
}
export const READ_MODEL_TABLES: readonly string[] = READ_MODELS.flatMap((r) => r.tables);
/** The tables read models upsert into without owning them, with their keys, in the order they may be written. */
export const READ_MODEL_UPSERTED_TABLES: readonly { table: string; key: readonly string[] }[] = READ_MODELS.flatMap(
  (r) => r.upserts ?? [],
);

/** The event store with every inline read model: what the API, the worker, the CLI and the tests append through. */
export const eventStoreWithReadModels = (dataSource: DataSource): EventStore => new EventStore(dataSource, projectAll);
