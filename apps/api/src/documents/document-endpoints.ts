import { applyDecorators, HttpCode, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor, Role } from '@tdkt/domain';
import { Roles } from '../auth/auth.guard';
import { IDEMPOTENCY } from '../platform/idempotency-key';
import { IssuedDocumentDto, type PdfQuery } from './documents.dto';
import type { DocumentsService, Subject } from './documents.service';

/** Who may read a council session's documents. */
export const SESSION_READERS = [
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'PROVINCIAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
  'COUNCIL_MEMBER',
  'COUNCIL_CHAIR',
] as const;

const PDF = {
  description:
    "The document as a PDF (A4, NĐ 30/2020 layout). Once issued, the file kept at issue (signed when a signer is configured) unless fresh=true; X-Document-SHA256 is the served bytes' hash, X-Document-Issued-SHA256 the recorded one",
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};
const NO_RENDERER = {
  description: 'The renderer (headless Chromium) or the signing service is unavailable; retry later',
};

const NOT_YET = {
  description:
    'The events do not hold the document yet (no decision, no tờ trình, session not closed), or it was issued already',
};

/** A PDF download: the file, 409 while the events do not hold the document yet, 503 without a renderer. */
export const PdfDownload = () =>
  applyDecorators(
    ApiProduces('application/pdf'),
    ApiOkResponse(PDF),
    ApiConflictResponse(NOT_YET),
    ApiServiceUnavailableResponse(NO_RENDERER),
  );

/**
 * Issuing a document, for the roles named: 201 with what was recorded; once only and not before the events hold it
 * (409); 503 without a renderer or signer. Retried safely with an Idempotency-Key.
 */
export const IssueDocument = (...roles: Role[]) =>
  applyDecorators(
    HttpCode(201),
    Roles(...roles),
    IDEMPOTENCY,
    ApiServiceUnavailableResponse(NO_RENDERER),
    ApiConflictResponse(NOT_YET),
    ApiCreatedResponse({ type: IssuedDocumentDto }),
  );

/**
 * A document of a dossier or session as the response: rendered from the events (or the file kept at issue), with the
 * served and the issued hashes in headers.
 */
export async function pdfResponse(
  documents: DocumentsService,
  actor: Actor,
  subject: Subject,
  id: string,
  name: string,
  q: PdfQuery,
  res: Response,
): Promise<StreamableFile> {
  const doc = await documents.render(actor, subject, id, name, q.fresh === 'true');
  const filename = `${name}-${id}.pdf`;
  res.setHeader('X-Document-SHA256', doc.sha256);
  res.setHeader('X-Document-As-Issued', String(doc.asIssued));
  if (doc.issued) res.setHeader('X-Document-Issued-SHA256', doc.issued.sha256);
  return new StreamableFile(doc.pdf, {
    type: 'application/pdf',
    disposition: `inline; filename="${filename}"`,
    length: doc.pdf.length,
  });
}
