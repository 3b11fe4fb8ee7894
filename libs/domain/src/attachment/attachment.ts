/**
 * Attachments (tệp đính kèm): the files of a dossier's parts (thành phần hồ sơ) — PDF, JPEG/PNG, DOCX/XLSX. Each
 * upload is an `AttachmentAdded` event in an ATTACHMENT stream of its own per dossier (the dossier's stream stays its
 * workflow's alone), carrying the SHA-256 of the bytes the store holds. Replacing a file is a new version in the same
 * lineage: a new event, and the old file stays stored and listed. Pure: no I/O, no clock.
 */
import type { Actor } from '../shared/actor';
import { accept, refuse, reject, type Decision, type Rejection } from '../shared/errors';
import type { Envelope } from '../shared/envelope';
import { DOSSIER_PART_KINDS, type DossierPart, type DossierPartKind } from '../eligibility/dossier-parts';

/** The content types a dossier part may carry, as sniffed from the bytes (never the client's header). */
export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** Where the clerk may still change the dossier's parts: the states in which its content may be updated. */
export const ATTACHABLE_STATUSES: readonly string[] = ['DRAFT', 'RETURNED', 'SUPPLEMENT_REQUESTED'];

export interface AttachedFile {
  fileId: string;
  dossierId: string;
  part: DossierPartKind;
  /** The file name as the clerk gave it (shown and used for downloads; never logged). */
  name: string;
  contentType: AttachmentContentType;
  size: number;
  /** SHA-256 (hex) of the stored bytes. */
  sha256: string;
  /** The storage's key of the bytes (a Postgres row set or an S3 object). */
  storageKey: string;
  /** The file's first version; every replacement keeps it. */
  lineageId: string;
  version: number;
  /** The version this one replaces (it stays stored and listed). */
  replacesFileId?: string;
}

export type AttachmentEvent = { type: 'AttachmentAdded'; data: AttachedFile };
export type AttachmentEnvelope = Envelope<AttachmentEvent>;
export const isAttachmentEventType = (type: string): boolean => type.startsWith('Attachment');

/** What the stream knows: every file by id, and which is the current version of each lineage. */
export interface AttachmentsState {
  files: Readonly<
    Record<string, { part: DossierPartKind; lineageId: string; version: number; current: boolean; name: string }>
  >;
}
export const initialAttachmentsState = (): AttachmentsState => ({ files: {} });

export function evolveAttachments(state: AttachmentsState, event: AttachmentEvent): AttachmentsState {
  const f = event.data;
  const files = { ...state.files };
  if (f.replacesFileId && files[f.replacesFileId])
    files[f.replacesFileId] = { ...files[f.replacesFileId], current: false };
  files[f.fileId] = { part: f.part, lineageId: f.lineageId, version: f.version, current: true, name: f.name };
  return { files };
}

/** What the upload brings: the bytes are already stored and measured; lineage and version are the stream's to give. */
export type NewAttachment = Omit<AttachedFile, 'lineageId' | 'version'>;

/** What an upload asks before its bytes are read: who, to which part, replacing which version. */
export interface AttachRequest {
  part: string;
  replacesFileId?: string;
}

/**
 * Whether the actor may attach to this part now (the dossier's own clerk, while its content may change; a replacement
 * targets a current version of the same part): the refusal, or undefined. The upload asks it before reading the bytes,
 * and decide asks it again with them.
 */
export function attachRefusal(
  state: AttachmentsState,
  dossier: { status: string; unitCode: string },
  request: AttachRequest,
  actor: Actor,
): Rejection | undefined {
  if (actor.role !== 'UNIT_CLERK' || actor.unitCode !== dossier.unitCode)
    return reject(
      'FORBIDDEN',
      'attachment.editor',
      `Only a clerk of unit ${dossier.unitCode} attaches files to its dossier`,
    );
  if (!ATTACHABLE_STATUSES.includes(dossier.status))
    return reject(
      'WRONG_STATE',
      'attachment.editable-state',
      `The dossier is ${dossier.status}: files are attached while it is ${ATTACHABLE_STATUSES.join(', ')}`,
      { status: dossier.status },
    );
  if (!(DOSSIER_PART_KINDS as readonly string[]).includes(request.part))
    return reject(
      'INVALID',
      'attachment.part',
      `Unknown dossier part ${request.part}; parts: ${DOSSIER_PART_KINDS.join(', ')}`,
    );
  if (!request.replacesFileId) return undefined;
  const old = state.files[request.replacesFileId];
  if (!old)
    return reject(
      'INVALID',
      'attachment.replaces-unknown',
      `The dossier has no file ${request.replacesFileId} to replace`,
    );
  if (old.part !== request.part)
    return reject(
      'INVALID',
      'attachment.replaces-other-part',
      `File ${request.replacesFileId} belongs to part ${old.part}, not ${request.part}`,
    );
  if (!old.current)
    return reject(
      'WRONG_STATE',
      'attachment.replaces-current',
      `File ${request.replacesFileId} was already replaced; replace its current version`,
      { lineageId: old.lineageId },
    );
  return undefined;
}

/** decide(attach): the checks of attachRefusal, then the file itself (a type accepted, its hash, not empty). Pure. */
export function decideAttachFile(
  state: AttachmentsState,
  dossier: { status: string; unitCode: string },
  file: NewAttachment,
  actor: Actor,
): Decision<AttachmentEvent[]> {
  const refusal = attachRefusal(state, dossier, file, actor);
  if (refusal) return refuse(refusal);
  if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(file.contentType))
    return refuse(reject('INVALID', 'attachment.content-type', `Files of type ${file.contentType} are not accepted`));
  if (!/^[0-9a-f]{64}$/.test(file.sha256))
    return refuse(reject('INVALID', 'attachment.hash', 'An attached file records the SHA-256 of its bytes'));
  if (!Number.isInteger(file.size) || file.size <= 0)
    return refuse(reject('INVALID', 'attachment.empty', 'An attached file has at least one byte'));
  if (state.files[file.fileId])
    return refuse(reject('WRONG_STATE', 'attachment.once', `File ${file.fileId} is already attached`));
  const old = file.replacesFileId ? state.files[file.replacesFileId] : undefined;
  return accept([
    {
      type: 'AttachmentAdded',
      data: {
        ...file,
        ...(old ? { lineageId: old.lineageId, version: old.version + 1 } : { lineageId: file.fileId, version: 1 }),
      },
    },
  ]);
}

/**
 * The parts that have a current file, as the completeness check (checkDossierParts) reads parts: the file name is the
 * reference. How the copy was made (original, certified) is not in a file, so it is left to the declared parts.
 */
export function attachedParts(
  files: Iterable<{ part: DossierPartKind; name: string; current: boolean }>,
): DossierPart[] {
  return [...files].filter((f) => f.current).map((f) => ({ kind: f.part, ref: f.name }));
}
