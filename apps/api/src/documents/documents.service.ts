import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  decideIssueDocument,
  envelopeEvents,
  findAward,
  reject,
  vietnamDate,
  vietnameseDate,
  type Actor,
  type DocumentEvent,
  type DocumentKind,
  type IssuedDecision,
  type IssuedDocument,
  Refused,
} from '@tdkt/domain';
import { Directory, EventStore, IssuedDocumentFiles, nameUuid } from '@tdkt/persistence';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import { CouncilService } from '../council/council.service';
import { PdfRenderer } from './pdf-renderer.service';
import { DocumentSigner } from './document-signer';
import {
  awardNameOf,
  dossierFacts,
  minutesItems,
  provinceOfAuthority,
  provinceOfSeat,
  sessionFacts,
  vietnameseTime,
  type DossierFacts,
} from './document-models';
import {
  DECISION_TEMPLATE_VERSION,
  decisionHtml,
  type Awardee,
  type DecisionDocument,
} from './templates/decision.template';
import { AWARDEE_LIST_TEMPLATE_VERSION, awardeeListHtml } from './templates/awardee-list.template';
import { CERTIFICATE_TEMPLATE_VERSION, certificateHtml } from './templates/certificate.template';
import { MINUTES_TEMPLATE_VERSION, minutesHtml } from './templates/minutes.template';
import { PROPOSAL_TEMPLATE_VERSION, proposalHtml } from './templates/proposal.template';

/** The stream of one official document: a name-based id, so issuing twice meets the first issue (and seq 1 is taken). */
export const documentStreamId = (kind: DocumentKind, subjectId: string): string =>
  nameUuid(`document:${kind}:${subjectId}`);

/** The documents of each subject, by the name in their URL. */
export const DOSSIER_DOCUMENTS = {
  decision: 'DECISION',
  proposal: 'PROPOSAL',
  certificate: 'CERTIFICATE',
} as const satisfies Record<string, DocumentKind>;
export const SESSION_DOCUMENTS = {
  decision: 'SESSION_DECISION',
  minutes: 'MINUTES',
  awardees: 'AWARDEE_LIST',
} as const satisfies Record<string, DocumentKind>;
export type DossierDocumentName = keyof typeof DOSSIER_DOCUMENTS;
export type SessionDocumentName = keyof typeof SESSION_DOCUMENTS;
export type Subject = 'dossier' | 'session';

export type IssueRecord = IssuedDocument & { issuedAt: string; issuedBy: string };

export interface RenderedDocument {
  pdf: Buffer;
  sha256: string;
  number: string;
  templateVersion: string;
  sourceSeq: number;
  /** The record of the issue, when the document was issued. */
  issued?: IssueRecord;
  /** True when `pdf` is the file kept at issue (signed when a signer is configured), not a fresh render. */
  asIssued: boolean;
}

/** A document ready to print: its HTML and what the issue records and the signature says. */
interface Prepared {
  html: string;
  number: string;
  templateVersion: string;
  sourceSeq: number;
  place: string;
  /** The title under which the document's signer signs ("Chủ tịch", "Thư ký Hội đồng"). */
  signerTitle: string;
}

export interface DocumentEntry {
  name: string;
  kind: DocumentKind;
  available: boolean;
  /** Why it cannot be printed yet (the refusal's rule), when not available. */
  rule?: string;
  issued?: IssueRecord;
}

/**
 * Official documents rendered from the events: of a dossier, the chairman's Quyết định, the Tờ trình to the centre (state
 * route) and the Bằng khen / Giấy chứng nhận; of a council session, its batch Quyết định with the danh sách kèm theo,
 * the Biên bản họp and the list of awardees for publication. Issuing renders, signs (DocumentSigner), and keeps the
 * PDF with its DocumentIssued event in one transaction; afterwards the download is that file, byte for byte.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly events: EventStore,
    private readonly directory: Directory,
    private readonly dossiers: DossierCommandsService,
    private readonly sessions: CouncilService,
    private readonly renderer: PdfRenderer,
    private readonly files: IssuedDocumentFiles,
    private readonly signer: DocumentSigner,
  ) {}

  private async visible(actor: Actor, subject: Subject, id: string): Promise<void> {
    if (subject === 'dossier') await this.dossiers.visible(actor, id);
    else await this.sessions.visible(actor, id);
  }

  private kindOf(subject: Subject, name: string): DocumentKind {
    const kinds: Record<string, DocumentKind> = subject === 'dossier' ? DOSSIER_DOCUMENTS : SESSION_DOCUMENTS;
    const kind = kinds[name];
    if (!kind) throw new Error(`no ${subject} document ${name}`);
    return kind;
  }

  /** The issued file, or (before the issue, or `fresh`) a new render from the events. */
  async render(actor: Actor, subject: Subject, id: string, name: string, fresh = false): Promise<RenderedDocument> {
    await this.visible(actor, subject, id);
    const kind = this.kindOf(subject, name);
    const issued = await this.issuedRecord(kind, id);
    if (issued && !fresh) {
      const file = await this.files.get(documentStreamId(kind, id));
      if (file)
        return {
          pdf: file.pdf,
          sha256: file.sha256,
          number: issued.number,
          templateVersion: issued.templateVersion,
          sourceSeq: issued.sourceSeq,
          issued,
          asIssued: true,
        };
    }
    const p = await this.prepare(kind, id);
    const pdf = await this.renderer.render(p.html);
    return {
      pdf,
      sha256: sha256(pdf),
      number: p.number,
      templateVersion: p.templateVersion,
      sourceSeq: p.sourceSeq,
      ...(issued ? { issued } : {}),
      asIssued: false,
    };
  }

  /** Which documents the subject has, which can be printed now and which were issued (for the web app's buttons). */
  async list(actor: Actor, subject: Subject, id: string): Promise<DocumentEntry[]> {
    await this.visible(actor, subject, id);
    const names = Object.keys(subject === 'dossier' ? DOSSIER_DOCUMENTS : SESSION_DOCUMENTS);
    return Promise.all(
      names.map(async (name): Promise<DocumentEntry> => {
        const kind = this.kindOf(subject, name);
        const issued = await this.issuedRecord(kind, id);
        try {
          await this.prepare(kind, id);
          return { name, kind, available: true, ...(issued ? { issued } : {}) };
        } catch (e) {
          // A refusal (409: not in the events yet; 422: no template for the series) means "not available"; else it fails.
          const rule =
            e instanceof Refused && (e.code === 'WRONG_STATE' || e.code === 'RULE_VIOLATION') ? e.rule : undefined;
          if (!rule) throw e;
          return { name, kind, available: false, rule };
        }
      }),
    );
  }

  /**
   * Issues a document: a fresh render, signed by the configured signer, its SHA-256 and signature in a DocumentIssued
   * event of its own stream, and the PDF kept beside it — one transaction. Once only (409).
   */
  async issue(actor: Actor, subject: Subject, id: string, name: string): Promise<IssueRecord> {
    await this.visible(actor, subject, id);
    const kind = this.kindOf(subject, name);
    const streamId = documentStreamId(kind, id);
    const already = await this.issuedRecord(kind, id);
    const p = await this.prepare(kind, id);
    const probe: IssuedDocument = {
      kind,
      subjectId: id,
      number: p.number,
      sha256: '0'.repeat(64),
      templateVersion: p.templateVersion,
      sourceSeq: p.sourceSeq,
    };
    // Refused before any rendering or signing: another role, or issued already.
    const precheck = decideIssueDocument(already, probe, actor);
    if (!precheck.ok) throw Refused.of(precheck.rejection);
    let pdf = await this.renderer.render(p.html);
    let signature: IssuedDocument['signature'];
    if (this.signer.available) {
      const signed = await this.signer.sign({
        pdf,
        signerId: actor.userId,
        signerTitle: p.signerTitle,
        signerName: (await this.directory.fullNameOf(actor.userId)) ?? actor.userId,
        reason: `${documentTitle(kind)} ${p.number}`,
        location: p.place,
      });
      [pdf, signature] = [signed.pdf, signed.signature];
    }
    const record: IssuedDocument = { ...probe, sha256: sha256(pdf), ...(signature ? { signature } : {}) };
    const decision = decideIssueDocument(already, record, actor);
    if (!decision.ok) throw Refused.of(decision.rejection);
    const occurredAt = new Date().toISOString();
    await this.files.transaction(async (m) => {
      await this.events.append(
        envelopeEvents(streamId, 0, decision.value as DocumentEvent[], { actor, occurredAt, requestId: randomUUID() }),
        m,
      );
      await this.files.put(m, { streamId, kind, subjectId: id, sha256: record.sha256, pdf, issuedAt: occurredAt });
    });
    return { ...record, issuedAt: occurredAt, issuedBy: actor.userId };
  }

  private async issuedRecord(kind: DocumentKind, subjectId: string): Promise<IssueRecord | undefined> {
    const [e] = await this.events.readStream(documentStreamId(kind, subjectId));
    return e?.type === 'DocumentIssued'
      ? { ...(e.data as IssuedDocument), issuedAt: e.occurredAt, issuedBy: e.actorId }
      : undefined;
  }

  /** The document's text and facts from the events; a refusal (409) when the events do not hold it yet. */
  private async prepare(kind: DocumentKind, id: string): Promise<Prepared> {
    switch (kind) {
      case 'DECISION':
      case 'CERTIFICATE': {
        const facts = dossierFacts(await this.events.readStream(id));
        if (!facts.decision || facts.decisionSeq === undefined)
          throw Refused.of(
            reject(
              'WRONG_STATE',
              'document.decided',
              `Dossier ${id} has no award decision yet: its ${kind === 'DECISION' ? 'Quyết định' : 'Bằng khen / Giấy chứng nhận'} is rendered once the decider has signed`,
            ),
          );
        const model = await this.decisionModel(facts.decision, [facts], facts.achievements);
        if (kind === 'DECISION')
          return {
            html: decisionHtml(model),
            number: model.number,
            templateVersion: DECISION_TEMPLATE_VERSION,
            sourceSeq: facts.decisionSeq,
            place: model.place,
            signerTitle: 'Chủ tịch',
          };
        const [a] = model.awardees;
        const html = certificateHtml({
          authority: model.authorityTitle,
          form: facts.awardCode.startsWith('BK_') ? 'BANG_KHEN' : 'GIAY_CHUNG_NHAN',
          awardName: model.awardName,
          name: a.name,
          ...(a.position ? { position: a.position } : {}),
          unitName: a.unitName,
          achievements: facts.achievements,
          place: model.place,
          decisionNumber: model.number,
          signedOn: model.signedOn,
          signerName: model.signerName,
        });
        return {
          html,
          number: model.number,
          templateVersion: CERTIFICATE_TEMPLATE_VERSION,
          sourceSeq: facts.decisionSeq,
          place: model.place,
          signerTitle: 'Chủ tịch',
        };
      }
      case 'PROPOSAL': {
        const facts = dossierFacts(await this.events.readStream(id));
        const tt = facts.proposal;
        if (!tt || facts.proposalSeq === undefined)
          throw Refused.of(
            reject(
              'WRONG_STATE',
              'document.proposed',
              `Dossier ${id} has no tờ trình to the centre: the chairman signs one for a state-level award after the council`,
            ),
          );
        const { province, place } = provinceOfSeat(
          await this.directory.provinceSeatNameAt(provinceOfAuthority(tt.authority), tt.signedOn),
          provinceOfAuthority(tt.authority),
        );
        const unitName = (await this.directory.unitNameAt(facts.unitCode, tt.signedOn)) ?? facts.unitCode;
        const html = proposalHtml({
          issuingBody: `ỦY BAN NHÂN DÂN\n${province.toLocaleUpperCase('vi')}`,
          provinceBody: `Ủy ban nhân dân ${province}`,
          place,
          number: tt.number,
          signedOn: tt.signedOn,
          awardName: awardNameOf(facts.awardCode),
          decider: findAward(facts.awardCode)?.decider === 'PRESIDENT' ? 'PRESIDENT' : 'PRIME_MINISTER',
          legalBasis: facts.ruleSet?.legalBasis ?? [],
          proposer: unitName,
          awardee: awardeeOf(facts, unitName),
          achievements: facts.achievements,
          ...(facts.council ? { council: facts.council } : {}),
          ...(facts.posting ? { posting: facts.posting } : {}),
          signerName: (await this.directory.fullNameOf(tt.signerId)) ?? tt.signerId,
        });
        return {
          html,
          number: tt.number,
          templateVersion: PROPOSAL_TEMPLATE_VERSION,
          sourceSeq: facts.proposalSeq,
          place,
          signerTitle: 'Chủ tịch',
        };
      }
      case 'SESSION_DECISION':
      case 'AWARDEE_LIST': {
        const s = sessionFacts(id, await this.events.readStream(id));
        if (!s.decision || s.decisionSeq === undefined || s.decision.dossierIds.length === 0)
          throw Refused.of(
            reject(
              'WRONG_STATE',
              'document.decided',
              `Council session ${id} has no decision yet: its ${kind === 'SESSION_DECISION' ? 'Quyết định' : 'list of awardees'} is rendered once the chairman has issued it`,
            ),
          );
        const all = await Promise.all(
          s.decision.dossierIds.map(async (d) => dossierFacts(await this.events.readStream(d))),
        );
        const model = await this.decisionModel(s.decision, all);
        return kind === 'SESSION_DECISION'
          ? {
              html: decisionHtml(model),
              number: model.number,
              templateVersion: DECISION_TEMPLATE_VERSION,
              sourceSeq: s.decisionSeq,
              place: model.place,
              signerTitle: 'Chủ tịch',
            }
          : {
              html: awardeeListHtml(model),
              number: model.number,
              templateVersion: AWARDEE_LIST_TEMPLATE_VERSION,
              sourceSeq: s.decisionSeq,
              place: model.place,
              signerTitle: 'Ban Thi đua - Khen thưởng',
            };
      }
      case 'MINUTES': {
        const s = sessionFacts(id, await this.events.readStream(id));
        if (!s.closedAt || s.closedSeq === undefined)
          throw Refused.of(
            reject(
              'WRONG_STATE',
              'document.closed',
              `Council session ${id} is not closed: its minutes are written from the closed session's events`,
            ),
          );
        const closedOn = vietnamDate(Date.parse(s.closedAt));
        const { province, place } = provinceOfSeat(
          await this.directory.provinceSeatNameAt(s.state.provinceCode, closedOn),
          s.state.provinceCode,
        );
        const units = new Map<string, string>();
        for (const it of s.state.agenda)
          if (!units.has(it.unitCode))
            units.set(it.unitCode, (await this.directory.unitNameAt(it.unitCode, closedOn)) ?? it.unitCode);
        const chair = s.state.members.find((m) => m.userId === s.closedBy)?.fullName ?? '';
        const html = minutesHtml({
          parentBody: `ỦY BAN NHÂN DÂN ${province.toLocaleUpperCase('vi')}`,
          place,
          closedOn,
          title: s.state.title,
          openedAt: vietnameseTime(s.convenedAt, vietnameseDate),
          closedAt: vietnameseTime(s.closedAt, vietnameseDate),
          members: s.state.members.map((m) => ({
            name: m.fullName,
            attendance: s.state.attendance[m.userId] ?? 'ABSENT',
          })),
          chair,
          secretary: (await this.directory.fullNameOf(s.convenedBy)) ?? s.convenedBy,
          items: minutesItems(s.state, (code) => units.get(code) ?? code),
        });
        return {
          html,
          number: id,
          templateVersion: MINUTES_TEMPLATE_VERSION,
          sourceSeq: s.closedSeq,
          place,
          signerTitle: 'Thư ký Hội đồng',
        };
      }
    }
  }

  private async decisionModel(
    d: IssuedDecision,
    dossiers: readonly DossierFacts[],
    achievements?: string,
  ): Promise<DecisionDocument> {
    const provinceCode = provinceOfAuthority(d.authority);
    const { province, place } = provinceOfSeat(
      await this.directory.provinceSeatNameAt(provinceCode, d.signedOn),
      provinceCode,
    );
    const unitNames = new Map<string, string>();
    for (const f of dossiers)
      if (!unitNames.has(f.unitCode))
        unitNames.set(f.unitCode, (await this.directory.unitNameAt(f.unitCode, d.signedOn)) ?? f.unitCode);
    const awardees: Awardee[] = dossiers.map((f) => awardeeOf(f, unitNames.get(f.unitCode) ?? f.unitCode));
    const awardName = [...new Set(dossiers.map((f) => f.awardCode))].map(awardNameOf).join(', ');
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
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

const awardeeOf = (f: DossierFacts, unitName: string): Awardee => ({
  name: f.nominee.fullName,
  ...(f.nominee.position ? { position: f.nominee.position } : {}),
  unitName,
  collective: f.nominee.kind === 'COLLECTIVE',
});

const TITLES: Record<DocumentKind, string> = {
  DECISION: 'Quyết định',
  SESSION_DECISION: 'Quyết định',
  PROPOSAL: 'Tờ trình',
  MINUTES: 'Biên bản họp',
  CERTIFICATE: 'Bằng khen / Giấy chứng nhận',
  AWARDEE_LIST: 'Danh sách công khai',
};
const documentTitle = (kind: DocumentKind): string => TITLES[kind];
