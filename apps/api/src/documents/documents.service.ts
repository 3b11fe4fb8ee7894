import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { decideIssueDocument, envelopeEvents, findAward, reject, type Actor, type DocumentEvent, type DocumentKind, type DossierEvent, type IssuedDecision, type IssuedDocument, type Nominee, type SessionEvent } from '@tdkt/domain';
import { Directory, EventStore, nameUuid, type ChainedEvent } from '@tdkt/persistence';
import { refusal } from '../platform/errors';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import { CouncilService } from '../council/council.service';
import { PdfRenderer } from './pdf-renderer.service';
import { DECISION_TEMPLATE_VERSION, decisionHtml, type Awardee, type DecisionDocument } from './templates/decision.template';

/** The stream of one official document: a name-based id, so issuing twice meets the first issue (and seq 1 is taken). */
export const documentStreamId = (kind: DocumentKind, subjectId: string): string => nameUuid(`document:${kind}:${subjectId}`);

export interface RenderedDocument {
  pdf: Buffer;
  sha256: string;
  number: string;
  templateVersion: string;
  sourceSeq: number;
  /** The record of the issue, when the document was issued. */
  issued?: IssuedDocument & { issuedAt: string; issuedBy: string };
}

type Known = DossierEvent | SessionEvent | DocumentEvent;
/** The business event of an envelope, as a union to narrow: an envelope keeps type and data as separate unions, the table stores them together. */
const known = (e: ChainedEvent): Known => ({ type: e.type, data: e.data }) as Known;


interface DossierFacts { nominee: Nominee; unitCode: string; awardCode: string; achievements: string }

/** Reads a dossier's stream up to its award: what it is about and the decision that awarded it. */
function dossierFacts(events: readonly ChainedEvent[]): DossierFacts & { decision?: IssuedDecision; decisionSeq?: number } {
  let facts: DossierFacts | undefined;
  let decision: IssuedDecision | undefined;
  let decisionSeq: number | undefined;
  for (const e of events) {
    const k = known(e);
    if (k.type === 'DossierCreated') facts = { nominee: k.data.nominee, unitCode: k.data.unitCode, awardCode: k.data.awardCode, achievements: k.data.achievements };
    else if (k.type === 'DossierContentUpdated' && k.data.achievements && facts) facts = { ...facts, achievements: k.data.achievements };
    else if (k.type === 'DossierAwarded' && !decision) [decision, decisionSeq] = [k.data.decision, e.seq];
  }
  if (!facts) throw new Error('dossier stream without DossierCreated');
  return { ...facts, ...(decision ? { decision, decisionSeq } : {}) };
}

/** "UBND tỉnh Mẫu (Ban …)" → "tỉnh Mẫu": the province as the issuing body and the place name print it. */
function provinceOfSeat(seatName: string | undefined, provinceCode: string): { province: string; place: string } {
  const m = /\b(tỉnh|thành phố)\s+([^(,–;]+?)\s*(?:[(,–;]|$)/iu.exec(seatName ?? '');
  return m ? { province: `${m[1].toLocaleLowerCase('vi')} ${m[2]}`, place: m[2] } : { province: `tỉnh ${provinceCode}`, place: provinceCode };
}

/**
 * Official documents rendered from the events: the chairman's Quyết định khen thưởng of a dossier (and of a council
 * session's batch, with its danh sách kèm theo). Deterministic: every date and name comes from the events (and the
 * directory's names as of the signing date), never from the clock, so re-rendering gives the same text.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly events: EventStore,
    private readonly directory: Directory,
    private readonly dossiers: DossierCommandsService,
    private readonly sessions: CouncilService,
    private readonly renderer: PdfRenderer,
  ) {}

  async dossierDecision(actor: Actor, dossierId: string): Promise<RenderedDocument> {
    await this.dossiers.visible(actor, dossierId);
    const facts = dossierFacts(await this.events.readStream(dossierId));
    if (!facts.decision || facts.decisionSeq === undefined)
      throw refusal(reject('WRONG_STATE', 'document.decided', `Dossier ${dossierId} has no award decision yet: its Quyết định is rendered once the decider has signed`));
    const model = await this.decisionModel(facts.decision, [facts], facts.achievements);
    return this.rendered('DECISION', dossierId, model, facts.decisionSeq);
  }

  async sessionDecision(actor: Actor, sessionId: string): Promise<RenderedDocument> {
    await this.sessions.visible(actor, sessionId);
    const stream = await this.events.readStream(sessionId);
    const issuedEvent = stream.find((e) => e.type === 'SessionDecisionIssued');
    const k = issuedEvent && known(issuedEvent);
    const issued = k?.type === 'SessionDecisionIssued' ? k.data : undefined;
    if (!issuedEvent || !issued)
      throw refusal(reject('WRONG_STATE', 'document.decided', `Council session ${sessionId} has no decision yet: its Quyết định is rendered once the chairman has issued it`));
    const all = await Promise.all(issued.dossierIds.map(async (id) => dossierFacts(await this.events.readStream(id))));
    const model = await this.decisionModel(issued, all);
    return this.rendered('SESSION_DECISION', sessionId, model, issuedEvent.seq);
  }

  /** Issues a rendered document: its SHA-256 and template version in a DocumentIssued event of its own stream. */
  async issue(actor: Actor, kind: DocumentKind, doc: RenderedDocument, subjectId: string): Promise<IssuedDocument & { issuedAt: string; issuedBy: string }> {
    const streamId = documentStreamId(kind, subjectId);
    const record: IssuedDocument = { kind, subjectId, number: doc.number, sha256: doc.sha256, templateVersion: doc.templateVersion, sourceSeq: doc.sourceSeq };
    const decision = decideIssueDocument(doc.issued, record, actor);
    if (!decision.ok) throw refusal(decision.rejection);
    const occurredAt = new Date().toISOString();
    await this.events.append(envelopeEvents(streamId, 0, decision.value, { actor, occurredAt, requestId: randomUUID() }));
    return { ...record, issuedAt: occurredAt, issuedBy: actor.userId };
  }

  private async decisionModel(d: IssuedDecision, dossiers: readonly DossierFacts[], achievements?: string): Promise<DecisionDocument> {
    const provinceCode = d.authority.startsWith('PROVINCIAL_CHAIRMAN:') ? d.authority.slice('PROVINCIAL_CHAIRMAN:'.length) : undefined;
    if (!provinceCode)
      throw refusal(reject('RULE_VIOLATION', 'document.template', `No Quyết định template for the ${d.authority} series yet: only the provincial chairman's decisions are printed`));
    const { province, place } = provinceOfSeat(await this.directory.provinceSeatNameAt(provinceCode, d.signedOn), provinceCode);
    const unitNames = new Map<string, string>();
    for (const f of dossiers) if (!unitNames.has(f.unitCode)) unitNames.set(f.unitCode, (await this.directory.unitNameAt(f.unitCode, d.signedOn)) ?? f.unitCode);
    const awardees: Awardee[] = dossiers.map((f) => ({
      name: f.nominee.fullName,
      ...(f.nominee.position ? { position: f.nominee.position } : {}),
      unitName: unitNames.get(f.unitCode) ?? f.unitCode,
      collective: f.nominee.kind === 'COLLECTIVE',
    }));
    const awardCodes = [...new Set(dossiers.map((f) => f.awardCode))];
    const awardName = awardCodes.map((c) => findAward(c)?.nameVi ?? c).join(', ');
    return {
      issuingBody: `ỦY BAN NHÂN DÂN\n${province.toLocaleUpperCase('vi')}`,
      authorityTitle: `Chủ tịch Ủy ban nhân dân ${province}`,
      place,
      number: d.number,
      signedOn: d.signedOn,
      awardName,
      legalBasis: d.legalBasis,
      proposers: [...unitNames.values()],
      awardees,
      ...(achievements ? { achievements } : {}),
      signerTitle: 'Chủ tịch',
      signerName: (await this.directory.fullNameOf(d.signerId)) ?? d.signerId,
    };
  }

  private async rendered(kind: DocumentKind, subjectId: string, model: DecisionDocument, sourceSeq: number): Promise<RenderedDocument> {
    const pdf = await this.renderer.render(decisionHtml(model));
    const [issuedEvent] = await this.events.readStream(documentStreamId(kind, subjectId));
    const k = issuedEvent && known(issuedEvent);
    const record = k?.type === 'DocumentIssued' ? k.data : undefined;
    const issued = issuedEvent && record ? { ...record, issuedAt: issuedEvent.occurredAt, issuedBy: issuedEvent.actorId } : undefined;
    return {
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      number: model.number,
      templateVersion: DECISION_TEMPLATE_VERSION,
      sourceSeq,
      ...(issued ? { issued } : {}),
    };
  }
}
