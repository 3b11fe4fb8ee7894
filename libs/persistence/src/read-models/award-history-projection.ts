import { identityOf, subjectKeyOf, type DeclaredRecord, type DossierEvent, type StoredEnvelope } from '@tdkt/domain';
import { loadedStates, projectByPlan, writeChanged, type RowRead, type RowTable } from './row-batch';
import { planFromFold, type InMemoryFold } from './rebuild-fold';

/** Who a dossier proposes, from its creation. */
export interface AwardSubjectRow {
  dossier_id: string;
  subject_key: string;
  subject_kind: string;
  full_name: string;
  unit_code: string;
  award_code: string;
  achievement_id: string;
  commendation_type: string;
  period_to: number | null;
}

/** The award a subject holds once the dossier is decided (imported awards have rows of their own: import_id set). */
export interface AwardHistoryRow extends Omit<AwardSubjectRow, 'period_to'> {
  year: number;
  decision_number: string;
  decided_on: string;
  period_to: number | null;
  import_id: string | null;
  import_row: number | null;
}

/** An initiative a dossier cites as a standard (rules 12–13), used from submission on. */
export interface InitiativeUseRow {
  dossier_id: string;
  name_key: string;
  decision_key: string | null;
  initiative_id: string;
  award_code: string;
  recognition_decision: string | null;
  recognition_level: string | null;
  recognition_date: string | null;
  used: boolean;
  decision_number: string | null;
}

/** A dossier's part of the award history. */
export interface AwardHistoryState {
  subject?: AwardSubjectRow;
  history?: AwardHistoryRow;
  uses: readonly InitiativeUseRow[];
}

const SUBJECT: RowTable = {
  name: 'award_subject',
  key: ['dossier_id'],
  owner: 'dossier_id',
  columns: [
    'dossier_id',
    'subject_key',
    'subject_kind',
    'full_name',
    'unit_code',
    'award_code',
    'achievement_id',
    'commendation_type',
    'period_to',
  ],
};
const HISTORY: RowTable = {
  name: 'award_history',
  key: ['dossier_id'],
  owner: 'dossier_id',
  columns: [
    'dossier_id',
    'subject_key',
    'subject_kind',
    'full_name',
    'unit_code',
    'award_code',
    'year',
    'decision_number',
    'decided_on',
    'achievement_id',
    'commendation_type',
    'period_to',
    'import_id',
    'import_row',
  ],
};
const USE: RowTable = {
  name: 'initiative_use',
  key: ['dossier_id', 'name_key'],
  owner: 'dossier_id',
  columns: [
    'dossier_id',
    'name_key',
    'decision_key',
    'initiative_id',
    'award_code',
    'recognition_decision',
    'recognition_level',
    'recognition_date',
    'used',
    'decision_number',
  ],
};

/** The initiatives a dossier's record cites as a standard, replacing the earlier ones (the first of a name wins). */
function citedInitiatives(dossierId: string, awardCode: string, record: DeclaredRecord): InitiativeUseRow[] {
  const uses = new Map<string, InitiativeUseRow>();
  for (const id of new Set(record.initiativeIds ?? [])) {
    const initiative = record.initiatives.find((i) => i.id === id) ?? { id };
    const { nameKey, decisionKey } = identityOf(initiative);
    const recognition = 'recognition' in initiative ? initiative.recognition : undefined;
    if (uses.has(nameKey)) continue;
    uses.set(nameKey, {
      dossier_id: dossierId,
      name_key: nameKey,
      decision_key: decisionKey ?? null,
      initiative_id: id,
      award_code: awardCode,
      recognition_decision: recognition?.decision ?? null,
      recognition_level: recognition?.level ?? null,
      recognition_date: recognition?.date ?? null,
      used: false,
      decision_number: null,
    });
  }
  return [...uses.values()];
}

/**
 * The initiative registry (rules 12–13): cited initiatives are used from submission on; a withdrawal or rejection
 * frees them; an award writes its decision number.
 */
function usesAfter(state: AwardHistoryState, dossierId: string, event: DossierEvent): AwardHistoryState['uses'] {
  const set = (changes: Partial<InitiativeUseRow>) =>
    state.uses.length ? state.uses.map((u) => ({ ...u, ...changes })) : state.uses;
  switch (event.type) {
    case 'DossierCreated':
      return event.data.record ? citedInitiatives(dossierId, event.data.awardCode, event.data.record) : state.uses;
    case 'DossierContentUpdated':
      return event.data.record
        ? citedInitiatives(dossierId, state.subject?.award_code ?? '', event.data.record)
        : state.uses;
    case 'DossierSubmitted':
      return set({ used: true });
    case 'DossierAwarded':
      return set({ decision_number: event.data.decision.number });
    case 'DossierWithdrawn':
    case 'DossierRejected':
      return set({ used: false });
    case 'CouncilVotingClosed':
    case 'StandingReviewRecorded':
      return event.data.quorumMet && !event.data.passed ? set({ used: false }) : state.uses;
    default:
      return state.uses;
  }
}

/**
 * A dossier's award history after one event (pure): who it proposes (at creation) and, once decided, the award they
 * hold — the eligibility checks of later dossiers read it; a revoked award (AwardRevoked, rule 34) no longer counts.
 * Returns `state` itself when the event changes nothing.
 */
export function awardHistoryAfter(state: AwardHistoryState, e: StoredEnvelope): AwardHistoryState {
  const event = { type: e.type, data: e.data } as DossierEvent;
  const uses = usesAfter(state, e.streamId, event);
  const next = uses === state.uses ? state : { ...state, uses };
  const subject = next.subject;
  if (event.type === 'DossierCreated') {
    const d = event.data;
    return {
      ...next,
      subject: {
        dossier_id: e.streamId,
        subject_key: subjectKeyOf(d.nominee, d.unitCode),
        subject_kind: d.nominee.kind,
        full_name: d.nominee.fullName,
        unit_code: d.unitCode,
        award_code: d.awardCode,
        achievement_id: d.record?.achievementId ?? e.streamId,
        commendation_type: d.commendationType ?? d.record?.commendationType ?? 'PERIODIC',
        period_to: null,
      },
    };
  }
  if (event.type === 'DossierContentUpdated' && event.data.record?.achievementId)
    return subject ? { ...next, subject: { ...subject, achievement_id: event.data.record.achievementId } } : next;
  if (event.type === 'DossierSubmitted' && event.data.eligibility)
    // The achievement period the decision will name ends with the evaluation year the submission was assessed for.
    return subject ? { ...next, subject: { ...subject, period_to: event.data.eligibility.evaluationYear } } : next;
  if (event.type === 'DossierAwarded') {
    if (!subject) return next;
    const { decision } = event.data;
    return {
      ...next,
      history: {
        ...subject,
        year: decision.year,
        decision_number: decision.number,
        decided_on: decision.signedOn,
        import_id: null,
        import_row: null,
      },
    };
  }
  if (event.type === 'AwardRevoked') return next.history ? { ...next, history: undefined } : next;
  return next;
}

const READS = new Set([
  'DossierCreated',
  'DossierContentUpdated',
  'DossierSubmitted',
  'DossierAwarded',
  'DossierWithdrawn',
  'DossierRejected',
  'CouncilVotingClosed',
  'StandingReviewRecorded',
  'AwardRevoked',
]);

/** The rows a batch reads: the dossiers' award_subject, award_history and initiative_use rows. */
const readsOf = (ids: readonly string[]): RowRead[] => [SUBJECT, HISTORY, USE].map((table) => ({ table, owners: ids }));

/** The award history of `ids` from the rows of `readsOf(ids)` (a dossier without rows gets an empty state). */
function awardHistoryOf(ids: readonly string[], [subjects, histories, uses]: readonly (readonly unknown[])[]) {
  const loaded = loadedStates<AwardHistoryState>(ids, () => ({ uses: [] }));
  for (const r of subjects as AwardSubjectRow[]) loaded.get(r.dossier_id)!.subject = r;
  for (const r of histories as AwardHistoryRow[]) loaded.get(r.dossier_id)!.history = r;
  for (const r of uses as InitiativeUseRow[]) {
    const state = loaded.get(r.dossier_id)!;
    state.uses = [...state.uses, r];
  }
  return loaded;
}

/** Award history as a rebuild folds it: `awardHistoryAfter` over each dossier, in memory (see `InMemoryFold`). */
export const awardHistoryInMemory: InMemoryFold<AwardHistoryState> = {
  reads: READS,
  ownerOf: (e) => e.streamId,
  initial: () => ({ uses: [] }),
  step: awardHistoryAfter,
  creation: 'DossierCreated',
  readsOf,
  statesOf: awardHistoryOf,
  tables: [
    { table: SUBJECT, rowsOf: (s) => (s.subject ? [s.subject] : []) },
    { table: HISTORY, rowsOf: (s) => (s.history ? [s.history] : []) },
    { table: USE, rowsOf: (s) => s.uses },
  ],
};

/**
 * Award history and the initiative registry over a batch of events: the touched dossiers' rows read once, the events
 * folded with `awardHistoryAfter`, each table written once.
 */
export const planAwardHistory = planFromFold(awardHistoryInMemory, (loaded, changed, s) => {
  writeChanged(
    s,
    SUBJECT,
    loaded,
    changed,
    (st) => st.subject,
    (st) => (st.subject ? [st.subject] : []),
  );
  writeChanged(
    s,
    HISTORY,
    loaded,
    changed,
    (st) => st.history,
    (st) => (st.history ? [st.history] : []),
  );
  writeChanged(
    s,
    USE,
    loaded,
    changed,
    (st) => st.uses,
    (st) => st.uses,
  );
});
export const projectAwardHistory = projectByPlan(planAwardHistory);
