import type { DataSource, EntityManager } from 'typeorm';
import { EventStore, type InlineProjections } from '../event-store/event-store';
import { streamKindOf, type StoredEnvelope, type StreamKind } from '@tdkt/domain';
import { awardHistoryInMemory, planAwardHistory, projectAwardHistory } from './award-history-projection';
import { dossierViewInMemory, planDossierViews, projectDossierViews } from './dossier-projection';
import { planStatistics, projectStatistics, statisticsInMemory } from './statistics-projection';
import { planCouncilBallot, projectCouncilBallot } from './council-ballot-projection';
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
import { awardFundInMemory, planAwardFund, projectAwardFund } from './award-fund-projection';
import { startInMemoryRebuild, type InMemoryRebuild } from './rebuild-fold';
import { projectAttachment } from './attachment-projection';
import { readQuery, rowsByRead, WriteStatement, type FollowUp, type Planner } from './row-batch';

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
  /** A batched read model's plan (`project` runs it alone): the append reads and writes all of them together. */
  plan?: Planner<StoredEnvelope>;
  tables: readonly string[];
  /** Tables it upserts into without owning them (not emptied by a rebuild, their key named): rows seeded directly stay. */
  upserts?: readonly { table: string; key: readonly string[] }[];
  /** Tables of another read model it writes too: a rebuild of either one rebuilds both. */
  alsoWrites?: readonly string[];
  /**
   * How a rebuild folds it in memory across pages and writes each row once (`InMemoryFold`); without it, a rebuild
   * runs `project` over each page into shadow tables with the live indexes.
   */
  rebuildInMemory?: (resident?: number) => InMemoryRebuild;
}[] = [
  {
    name: 'dossier board (rows, counts and inbox tasks)',
    streams: ['DOSSIER'],
    project: projectDossierViews,
    plan: planDossierViews,
    tables: ['dossier_view', 'dossier_count', 'dossier_task'],
    rebuildInMemory: (resident) => startInMemoryRebuild(dossierViewInMemory, resident),
  },
  {
    name: 'statistics (awards, stage times, and their report aggregates)',
    streams: ['DOSSIER'],
    project: projectStatistics,
    plan: planStatistics,
    tables: ['stage_timing', 'award_fact', 'stage_time_stat', 'stage_time_all', 'stage_time_unit', 'award_count'],
    rebuildInMemory: (resident) => startInMemoryRebuild(statisticsInMemory, resident),
  },
  {
    name: 'award history',
    streams: ['DOSSIER'],
    project: projectAwardHistory,
    plan: planAwardHistory,
    tables: ['award_subject', 'award_history', 'initiative_use'],
    rebuildInMemory: (resident) => startInMemoryRebuild(awardHistoryInMemory, resident),
  },
  {
    name: 'council ballots (who has voted, never how)',
    streams: ['DOSSIER'],
    project: projectCouncilBallot,
    plan: planCouncilBallot,
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
    // Session votes mark the member's council_ballot row as voted.
    alsoWrites: ['council_ballot'],
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
    alsoWrites: ['award_history'],
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
    plan: planAwardFund,
    tables: ['award_fund_entry', 'award_fund_payment'],
    rebuildInMemory: (resident) => startInMemoryRebuild(awardFundInMemory, resident),
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

/**
 * Every read model inline in the append, in as few statements as it can: the batched read models' reads go with the
 * statement that inserts the events (`readQuery`), their writes in one statement after it; the read models that
 * project event by event (they see few events) then run as before. The read models are independent, so the order
 * between them does not matter.
 */
export const inlineReadModels: InlineProjections = (events) => {
  const mine = READ_MODELS.map((model) => ({
    model,
    events: events.filter((e) => model.streams.includes(streamKindOf(e.type))),
  })).filter((m) => m.events.length);
  const plans = mine.flatMap(({ model, events }) => {
    const plan = model.plan?.(events);
    return plan ? [plan] : [];
  });
  const byEvent = mine.filter(({ model }) => !model.plan);
  const reads = plans.flatMap((p) => p.reads);
  return {
    readQuery: (param) => readQuery(reads, param, true),
    project: async (m, rows) => {
      const byRead = rowsByRead(reads, rows);
      const s = new WriteStatement();
      const after: FollowUp[] = [];
      let at = 0;
      for (const plan of plans) {
        const followUp = plan.write(byRead.slice(at, (at += plan.reads.length)), s);
        if (followUp) after.push(followUp);
      }
      const flags = await s.run(m);
      for (const followUp of after) await followUp(m, flags);
      for (const { model, events } of byEvent) await model.project(m, events);
    },
  };
};

/** The event store with every inline read model: what the API, the worker, the CLI and the tests append through. */
export const eventStoreWithReadModels = (dataSource: DataSource): EventStore =>
  new EventStore(dataSource, inlineReadModels);
