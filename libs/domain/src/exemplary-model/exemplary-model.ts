/**
 * Exemplary models (điển hình tiên tiến, Luật Thi đua, khen thưởng 2022 Điều 13 and 17(4)): emulation is organised so
 * that advanced models are found, fostered, replicated and honoured ("phát hiện, bồi dưỡng, nhân rộng, tôn vinh").
 * The register keeps each model — a person or a collective of a unit, in a field, usually within a movement — with its
 * evidence, the units replicating it, and the stage it has reached; a model may be proposed for an ad-hoc award
 * (khen thưởng đột xuất), which the API turns into a draft dossier pre-filled from the model.
 *
 * One stream per model (events start with "ExemplaryModel"); nothing waits on a timer, so no workflow: the API
 * decides, appends and the projection follows, like a movement.
 */
import { findAward } from '../award/catalog';
import type { Actor } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { Envelope } from '../shared/envelope';

/** Found → fostered → replicated → honoured (phát hiện → bồi dưỡng → nhân rộng → tôn vinh), one step at a time. */
export const MODEL_STAGES = ['FOUND', 'FOSTERED', 'REPLICATED', 'HONOURED'] as const;
export type ModelStage = (typeof MODEL_STAGES)[number];

/** The field (lĩnh vực) a model belongs to: what the review reports group by. */
export const MODEL_FIELDS = [
  'PRODUCTION_BUSINESS',
  'AGRICULTURE_RURAL',
  'EDUCATION',
  'HEALTH',
  'CULTURE_SOCIETY',
  'SCIENCE_TECHNOLOGY',
  'PUBLIC_ADMINISTRATION',
  'SECURITY_DEFENCE',
  'OTHER',
] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];

export const MODEL_SUBJECT_KINDS = ['INDIVIDUAL', 'COLLECTIVE'] as const;
export type ModelSubjectKind = (typeof MODEL_SUBJECT_KINDS)[number];

/** Who the model is: a person (with position) or a collective, of one unit (the unit that would propose it). */
export interface ModelSubject {
  kind: ModelSubjectKind;
  name: string;
  position?: string;
  unitCode: string;
}

/** A piece of evidence: what it is and where it is (document number, file id, link). */
export interface ModelEvidence {
  title: string;
  ref: string;
}

export interface ModelDefinition {
  /** The model's name, e.g. "Mô hình 'Dân vận khéo' trong xây dựng nông thôn mới". */
  title: string;
  summary: string;
  subject: ModelSubject;
  field: ModelField;
  movementId?: string;
  /** ISO date the model was found (phát hiện). */
  foundOn: string;
  evidence: ModelEvidence[];
}

export interface ModelReplication {
  unitCode: string;
  unitName: string;
  on: string;
  note?: string;
}

export interface ModelProposal {
  dossierId: string;
  awardCode: string;
  on: string;
}

export type ExemplaryModelEvent =
  | { type: 'ExemplaryModelRegistered'; data: ModelDefinition }
  | { type: 'ExemplaryModelStageAdvanced'; data: { from: ModelStage; to: ModelStage; on: string; note?: string } }
  | { type: 'ExemplaryModelEvidenceAdded'; data: { evidence: ModelEvidence[]; on: string } }
  | { type: 'ExemplaryModelReplicationRecorded'; data: ModelReplication }
  | { type: 'ExemplaryModelProposed'; data: ModelProposal };

export type ExemplaryModelCommand =
  | { type: 'RegisterModel'; data: ModelDefinition }
  | { type: 'AdvanceModelStage'; data: { to: ModelStage; note?: string } }
  | { type: 'AddModelEvidence'; data: { evidence: ModelEvidence[] } }
  | { type: 'RecordReplication'; data: { unitCode: string; unitName: string; note?: string } }
  /** The dossier the API created from the model (a draft, ad-hoc): recorded on the model. */
  | { type: 'ProposeModelForAward'; data: { awardCode: string; dossierId: string } };

export const isExemplaryModelEventType = (type: string): boolean => type.startsWith('ExemplaryModel');
export type ExemplaryModelEnvelope = Envelope<ExemplaryModelEvent>;

export interface ExemplaryModelState {
  modelId: string;
  stage: ModelStage | 'NEW';
  definition?: ModelDefinition;
  replications: ModelReplication[];
  proposals: ModelProposal[];
  transitions: { from: ModelStage; to: ModelStage; on: string; note?: string }[];
}

export const initialExemplaryModelState = (modelId: string): ExemplaryModelState => ({
  modelId,
  stage: 'NEW',
  replications: [],
  proposals: [],
  transitions: [],
});

export interface ExemplaryModelContext {
  actor: Actor;
  /** ISO date, Asia/Ho_Chi_Minh. */
  today: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string): boolean => ISO_DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const isSecretariat = (a: Actor) => a.role === 'SECRETARIAT_OFFICER' || a.role === 'SECRETARIAT_HEAD';
const isUnitStaff = (a: Actor, unitCode: string) =>
  (a.role === 'UNIT_CLERK' || a.role === 'UNIT_HEAD') && a.unitCode === unitCode;
const invalid = <T>(rule: string, message: string) => refuse<T>(reject('INVALID', rule, message));
const forbidden = <T>(command: string, who: string) =>
  refuse<T>(reject('FORBIDDEN', `role.${command}`, `Only ${who} may do this`));

function cleanEvidence(list: readonly ModelEvidence[]): Decision<ModelEvidence[]> {
  const evidence = list.map((e) => ({ title: e.title.trim(), ref: e.ref.trim() }));
  if (evidence.some((e) => !e.title || !e.ref))
    return invalid(
      'model.evidence',
      'Each piece of evidence has a title and a reference (document number, file, link)',
    );
  return accept(evidence);
}

function checkDefinition(d: ModelDefinition, today: string): Decision<ModelDefinition> {
  const title = d.title.trim();
  const summary = d.summary.trim();
  const name = d.subject.name.trim();
  if (!title) return invalid('model.title', 'A model has a name');
  if (!summary) return invalid('model.summary', 'A model says what makes it exemplary');
  if (!MODEL_SUBJECT_KINDS.includes(d.subject.kind) || !name || !d.subject.unitCode.trim())
    return invalid('model.subject', 'A model is a person or a collective, named, of a unit');
  if (!MODEL_FIELDS.includes(d.field)) return invalid('model.field', `The field is one of ${MODEL_FIELDS.join(', ')}`);
  if (!validDate(d.foundOn)) return invalid('model.found-on', 'foundOn is an ISO date (YYYY-MM-DD)');
  if (d.foundOn > today)
    return invalid('model.found-on', `A model is registered once found: ${d.foundOn} is after today (${today})`);
  const evidence = cleanEvidence(d.evidence);
  if (!evidence.ok) return evidence;
  const position = d.subject.position?.trim();
  return accept({
    title,
    summary,
    field: d.field,
    foundOn: d.foundOn,
    evidence: evidence.value,
    subject: {
      kind: d.subject.kind,
      name,
      ...(position && d.subject.kind === 'INDIVIDUAL' ? { position } : {}),
      unitCode: d.subject.unitCode.trim(),
    },
    ...(d.movementId ? { movementId: d.movementId } : {}),
  });
}

const NEXT: Readonly<Record<ModelStage, ModelStage | undefined>> = {
  FOUND: 'FOSTERED',
  FOSTERED: 'REPLICATED',
  REPLICATED: 'HONOURED',
  HONOURED: undefined,
};

/** Pure: a command on a model's state, by an actor, on a day. */
export function decideExemplaryModel(
  state: ExemplaryModelState,
  command: ExemplaryModelCommand,
  ctx: ExemplaryModelContext,
): Decision<ExemplaryModelEvent[]> {
  const { actor, today } = ctx;
  if (command.type === 'RegisterModel') {
    if (!isSecretariat(actor) && !isUnitStaff(actor, command.data.subject.unitCode))
      return forbidden(command.type, "the model's own unit (clerk or head) or the secretariat");
    if (state.stage !== 'NEW')
      return refuse(reject('WRONG_STATE', 'model.registered-once', 'The model is already registered'));
    const definition = checkDefinition(command.data, today);
    return definition.ok ? accept([{ type: 'ExemplaryModelRegistered', data: definition.value }]) : definition;
  }
  const d = state.definition;
  if (state.stage === 'NEW' || !d) return refuse(reject('WRONG_STATE', 'model.known', 'No such exemplary model'));
  const ownUnitOrSecretariat = isSecretariat(actor) || isUnitStaff(actor, d.subject.unitCode);
  switch (command.type) {
    case 'AdvanceModelStage': {
      if (!isSecretariat(actor) && !(actor.role === 'UNIT_HEAD' && actor.unitCode === d.subject.unitCode))
        return forbidden(command.type, "the model's unit head or the secretariat");
      const next = NEXT[state.stage];
      if (command.data.to !== next)
        return refuse(
          reject(
            'WRONG_STATE',
            'model.stage-order',
            `A model goes FOUND → FOSTERED → REPLICATED → HONOURED one step at a time; it is ${state.stage}${next ? `, next ${next}` : ' (final)'}`,
            { stage: state.stage, next: next ?? null },
          ),
        );
      // Replicated means another unit applies it; honoured means an award proposed or a named honour (hội nghị điển hình).
      if (next === 'REPLICATED' && state.replications.length === 0)
        return refuse(
          reject(
            'RULE_VIOLATION',
            'model.replicated-needs-units',
            'A model is replicated once at least one other unit applies it: record the replicating units first',
          ),
        );
      const note = command.data.note?.trim();
      if (next === 'HONOURED' && state.proposals.length === 0 && !note)
        return refuse(
          reject(
            'RULE_VIOLATION',
            'model.honoured-how',
            'Say how the model was honoured (the conference, the award) or propose it for an award first',
          ),
        );
      return accept([
        {
          type: 'ExemplaryModelStageAdvanced',
          data: { from: state.stage, to: next, on: today, ...(note ? { note } : {}) },
        },
      ]);
    }
    case 'AddModelEvidence': {
      if (!ownUnitOrSecretariat) return forbidden(command.type, "the model's own unit or the secretariat");
      if (command.data.evidence.length === 0) return invalid('model.evidence', 'Add at least one piece of evidence');
      const evidence = cleanEvidence(command.data.evidence);
      return evidence.ok
        ? accept([{ type: 'ExemplaryModelEvidenceAdded', data: { evidence: evidence.value, on: today } }])
        : evidence;
    }
    case 'RecordReplication': {
      const unitCode = command.data.unitCode.trim();
      if (!isSecretariat(actor) && !isUnitStaff(actor, unitCode))
        return forbidden(command.type, 'the replicating unit itself (clerk or head) or the secretariat');
      if (state.stage === 'FOUND')
        return refuse(
          reject('WRONG_STATE', 'model.replicate-fostered', 'A model is replicated after it is fostered (bồi dưỡng)'),
        );
      if (unitCode === d.subject.unitCode)
        return invalid('model.replication-other-unit', 'Replication is by another unit than the model’s own');
      if (state.replications.some((r) => r.unitCode === unitCode))
        return refuse(reject('WRONG_STATE', 'model.replication-once', `${unitCode} already replicates this model`));
      const note = command.data.note?.trim();
      return accept([
        {
          type: 'ExemplaryModelReplicationRecorded',
          data: { unitCode, unitName: command.data.unitName.trim() || unitCode, on: today, ...(note ? { note } : {}) },
        },
      ]);
    }
    case 'ProposeModelForAward': {
      // The dossier is the unit's: its clerk drafts it (dossier creation is a clerk's command).
      if (!(actor.role === 'UNIT_CLERK' && actor.unitCode === d.subject.unitCode))
        return forbidden(command.type, "the model's own unit clerk");
      if (state.stage === 'FOUND')
        return refuse(
          reject(
            'WRONG_STATE',
            'model.propose-fostered',
            'A model is proposed for an award once fostered (bồi dưỡng), not as soon as it is found',
          ),
        );
      const award = findAward(command.data.awardCode);
      if (!award) return invalid('model.award', `Unknown award ${command.data.awardCode}`);
      if (!award.subjects.includes(d.subject.kind))
        return invalid('model.award', `${award.nameVi} does not go to a ${d.subject.kind.toLowerCase()}`);
      if (state.proposals.some((p) => p.awardCode === award.code))
        return refuse(
          reject('WRONG_STATE', 'model.proposed-once', `The model was already proposed for ${award.nameVi}`, {
            dossierId: state.proposals.find((p) => p.awardCode === award.code)?.dossierId,
          }),
        );
      if (!command.data.dossierId) return invalid('model.dossier', 'The proposal names its dossier');
      return accept([
        {
          type: 'ExemplaryModelProposed',
          data: { dossierId: command.data.dossierId, awardCode: award.code, on: today },
        },
      ]);
    }
  }
}

/** Pure. */
export function evolveExemplaryModel(state: ExemplaryModelState, event: ExemplaryModelEvent): ExemplaryModelState {
  switch (event.type) {
    case 'ExemplaryModelRegistered':
      return { ...state, stage: 'FOUND', definition: event.data };
    case 'ExemplaryModelStageAdvanced':
      return { ...state, stage: event.data.to, transitions: [...state.transitions, event.data] };
    case 'ExemplaryModelEvidenceAdded':
      return state.definition
        ? {
            ...state,
            definition: { ...state.definition, evidence: [...state.definition.evidence, ...event.data.evidence] },
          }
        : state;
    case 'ExemplaryModelReplicationRecorded':
      return { ...state, replications: [...state.replications, event.data] };
    case 'ExemplaryModelProposed':
      return { ...state, proposals: [...state.proposals, event.data] };
    default:
      return state;
  }
}

export const evolveExemplaryModelAll = (
  state: ExemplaryModelState,
  events: readonly ExemplaryModelEvent[],
): ExemplaryModelState => events.reduce(evolveExemplaryModel, state);

/** What a draft ad-hoc dossier proposing the model says: the model's subject, its summary and evidence, its movement. */
export interface ModelDossierDraft {
  awardCode: string;
  title: string;
  nominee: { kind: ModelSubjectKind; fullName: string; position?: string };
  achievements: string;
  commendationType: 'AD_HOC';
  achievementDate: string;
  movementId?: string;
}

/** Pure: the draft dossier pre-filled from a registered model (the clerk completes and submits it). */
export function dossierDraftFromModel(
  state: ExemplaryModelState,
  awardCode: string,
  achievementDate: string,
): ModelDossierDraft | undefined {
  const d = state.definition;
  const award = findAward(awardCode);
  if (!d || !award) return undefined;
  const evidence = d.evidence.map((e) => `- ${e.title} (${e.ref})`).join('\n');
  const replications = state.replications.map((r) => r.unitName).join(', ');
  const achievements = [
    `Điển hình tiên tiến: ${d.title}.`,
    d.summary,
    ...(evidence ? [`Minh chứng:\n${evidence}`] : []),
    ...(replications ? [`Được nhân rộng tại: ${replications}.`] : []),
  ].join('\n\n');
  return {
    awardCode: award.code,
    title: `Đề nghị tặng ${award.nameVi} (khen thưởng đột xuất) cho ${d.subject.name}`.slice(0, 300),
    nominee: {
      kind: d.subject.kind,
      fullName: d.subject.name,
      ...(d.subject.position ? { position: d.subject.position } : {}),
    },
    achievements: achievements.slice(0, 20000),
    commendationType: 'AD_HOC',
    achievementDate,
    ...(d.movementId ? { movementId: d.movementId } : {}),
  };
}
