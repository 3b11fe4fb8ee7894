/**
 * Official documents (văn bản hành chính, Nghị định 30/2020/NĐ-CP): rendered from the events, never stored as files.
 * Issuing one records what was issued — kind, number, the SHA-256 of the PDF as first rendered, the template version —
 * as a `DocumentIssued` event in a DOCUMENT stream of its own per (kind, subject): the dossier's or session's stream
 * stays the workflow's alone, and the API appends here through the event store like rounds and the register.
 */
import type { Actor, ActorRole } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { Envelope } from '../shared/envelope';

/**
 * DECISION: Quyết định khen thưởng of a dossier; SESSION_DECISION: a council session's batch Quyết định with its danh
 * sách kèm theo; MINUTES: the council's Biên bản họp; PROPOSAL: the chairman's Tờ trình to the centre (state route);
 * CERTIFICATE: the Bằng khen / Giấy chứng nhận print layout of one awardee; AWARDEE_LIST: the list of a decision's
 * awardees for publication (công khai).
 */
export type DocumentKind = 'DECISION' | 'SESSION_DECISION' | 'MINUTES' | 'PROPOSAL' | 'CERTIFICATE' | 'AWARDEE_LIST';
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'DECISION',
  'SESSION_DECISION',
  'MINUTES',
  'PROPOSAL',
  'CERTIFICATE',
  'AWARDEE_LIST',
];

/** The digital signature (chữ ký số, PAdES) embedded in an issued PDF: which profile and whose certificate. */
export interface DocumentSignature {
  /** The signature dictionary's /SubFilter: ETSI.CAdES.detached (PAdES baseline) or adbe.pkcs7.detached. */
  subFilter: string;
  /** The signing certificate: subject DN, serial number (hex) and the SHA-256 of its DER encoding. */
  certificate: { subject: string; serialNumber: string; sha256: string };
  /** Who runs the signer: "local-test" (the embedded default's self-made certificate) or the province's service name. */
  signer: string;
}

export interface IssuedDocument {
  kind: DocumentKind;
  /** The dossier (DECISION, PROPOSAL, CERTIFICATE) or council session (SESSION_DECISION, MINUTES, AWARDEE_LIST) it is rendered from. */
  subjectId: string;
  /** Số, ký hiệu of the document ("12/QĐ-UBND"); the session's id for minutes, which carry no register number. */
  number: string;
  /** SHA-256 (hex) of the PDF bytes as issued (signed, when a signer is configured): the file kept and served. */
  sha256: string;
  templateVersion: string;
  /** Seq of the subject's last event the document was rendered from: re-rendering reads up to it. */
  sourceSeq: number;
  /** Present when the issued PDF carries a digital signature. */
  signature?: DocumentSignature;
}

export type DocumentEvent = { type: 'DocumentIssued'; data: IssuedDocument };

export const isDocumentEventType = (type: string): boolean => type.startsWith('Document');

export type DocumentEnvelope = Envelope<DocumentEvent>;

/**
 * Who issues each kind: the chairman what he signs (decisions, the tờ trình, the certificates bearing his signature);
 * the secretariat (the council's secretary) the minutes, and the list it publishes.
 */
export const DOCUMENT_ISSUERS: Record<DocumentKind, readonly ActorRole[]> = {
  DECISION: ['PROVINCIAL_DECIDER'],
  SESSION_DECISION: ['PROVINCIAL_DECIDER'],
  MINUTES: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  PROPOSAL: ['PROVINCIAL_DECIDER'],
  CERTIFICATE: ['PROVINCIAL_DECIDER'],
  AWARDEE_LIST: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
};

/** decide(issue): once per (kind, subject); the document exists (it was rendered) and the actor may issue it. Pure. */
export function decideIssueDocument(
  already: IssuedDocument | undefined,
  document: IssuedDocument,
  actor: Actor,
): Decision<DocumentEvent[]> {
  const issuers = DOCUMENT_ISSUERS[document.kind];
  if (!issuers.includes(actor.role))
    return refuse(
      reject(
        'FORBIDDEN',
        'document.issuer',
        `${actor.role} may not issue a ${document.kind} document; allowed: ${issuers.join(', ')}`,
      ),
    );
  if (already)
    return refuse(
      reject(
        'WRONG_STATE',
        'document.issue-once',
        `${document.kind} ${already.number} of ${document.subjectId} was already issued (SHA-256 ${already.sha256})`,
        { issued: { ...already } },
      ),
    );
  if (
    !/^[0-9a-f]{64}$/.test(document.sha256) ||
    (document.signature && !/^[0-9a-f]{64}$/.test(document.signature.certificate.sha256))
  )
    return refuse(
      reject(
        'INVALID',
        'document.hash',
        'An issued document records the SHA-256 of its PDF (and of its signing certificate, when signed)',
      ),
    );
  return accept([{ type: 'DocumentIssued', data: document }]);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "ngày 05 tháng 3 năm 2026" from an ISO date (NĐ 30/2020, Phụ lục I: a day below 10 and the months 1 and 2 take a
 * leading zero). No clock is read: the date comes from the events.
 */
export function vietnameseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return `ngày ${pad2(d)} tháng ${mo <= 2 ? pad2(mo) : String(mo)} năm ${y}`;
}
