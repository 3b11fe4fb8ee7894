import { applyDecorators, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { DOCUMENT_KINDS, type Actor } from '@tdkt/domain';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { IDEMPOTENCY } from '../platform/idempotency-key';
import { DossierIdParam } from '../dossiers/dossier.dto';
import { SessionIdParam } from '../council/council.dto';
import {
  DocumentsService,
  DOSSIER_DOCUMENTS,
  SESSION_DOCUMENTS,
  type RenderedDocument,
  type Subject,
} from './documents.service';

const SESSION_READERS = [
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'PROVINCIAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
  'COUNCIL_MEMBER',
  'COUNCIL_CHAIR',
] as const;

export class DocumentSignatureDto {
  @ApiProperty({ example: 'ETSI.CAdES.detached' }) subFilter!: string;
  @ApiProperty({
    description: 'The signing certificate: subject, serial number (hex), SHA-256 of its DER',
    example: { subject: 'CN=…', serialNumber: '01ab…', sha256: '…' },
  })
  certificate!: { subject: string; serialNumber: string; sha256: string };
  @ApiProperty({
    description: '"local-test" (the embedded default\'s self-made certificate) or the signing service\'s host',
  })
  signer!: string;
}

export class IssuedDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ description: 'The dossier or council session the document is rendered from' }) subjectId!: string;
  @ApiProperty({ example: '12/QĐ-UBND' }) number!: string;
  @ApiProperty({
    description: 'SHA-256 (hex) of the PDF as issued (signed when a signer is configured): the file served afterwards',
  })
  sha256!: string;
  @ApiProperty({ example: 'qd-khen-thuong@1' }) templateVersion!: string;
  @ApiProperty({ description: "Seq of the subject's event the document was rendered up to" }) sourceSeq!: number;
  @ApiPropertyOptional({
    type: DocumentSignatureDto,
    description: 'The digital signature (PAdES) embedded in the issued PDF',
  })
  signature?: DocumentSignatureDto;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() issuedBy!: string;
}

export class DocumentEntryDto {
  @ApiProperty({ example: 'decision', description: "The name in the document's URL: …/documents/<name>.pdf" })
  name!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ description: 'Whether the events hold the document yet (it can be printed)' }) available!: boolean;
  @ApiPropertyOptional({
    description:
      'Why not yet, as a rule code (document.decided, document.proposed, document.closed, document.template)',
  })
  rule?: string;
  @ApiPropertyOptional({ type: IssuedDocumentDto }) issued?: IssuedDocumentDto;
}

export class PdfQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Render again from the events instead of serving the issued file (an auditor compares the text)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  fresh?: 'true' | 'false';
}

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
const PdfDownload = () =>
  applyDecorators(
    ApiProduces('application/pdf'),
    ApiOkResponse(PDF),
    ApiConflictResponse(NOT_YET),
    ApiServiceUnavailableResponse(NO_RENDERER),
  );

function pdf(res: Response, doc: RenderedDocument, filename: string): StreamableFile {
  res.setHeader('X-Document-SHA256', doc.sha256);
  res.setHeader('X-Document-As-Issued', String(doc.asIssued));
  if (doc.issued) res.setHeader('X-Document-Issued-SHA256', doc.issued.sha256);
  return new StreamableFile(doc.pdf, {
    type: 'application/pdf',
    disposition: `inline; filename="${filename}"`,
    length: doc.pdf.length,
  });
}

/**
 * Official documents (văn bản, NĐ 30/2020/NĐ-CP) rendered from the events as PDF, for those who may read their
 * subject; issuing one signs it and records its hash in a stream of its own. Of a dossier: decision, proposal (tờ
 * trình), certificate (Bằng khen / Giấy chứng nhận); of a council session: decision, minutes, awardees.
 */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  private get(
    actor: Actor,
    subject: Subject,
    id: string,
    name: string,
    q: PdfQuery,
    res: Response,
  ): Promise<StreamableFile> {
    return this.documents
      .render(actor, subject, id, name, q.fresh === 'true')
      .then((doc) => pdf(res, doc, `${name}-${id}.pdf`));
  }

  @Get('dossiers/:id/documents')
  @ApiOkResponse({
    type: [DocumentEntryDto],
    description: `The dossier's documents (${Object.keys(DOSSIER_DOCUMENTS).join(', ')}): which can be printed and which were issued`,
  })
  dossierDocuments(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<DocumentEntryDto[]> {
    return this.documents.list(actor, 'dossier', p.id);
  }

  @Get('dossiers/:id/documents/decision.pdf')
  @PdfDownload()
  dossierDecision(
    @CurrentActor() actor: Actor,
    @Param() p: DossierIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.get(actor, 'dossier', p.id, 'decision', q, res);
  }

  /** The Tờ trình to the centre of a state-level award, once the chairman signed it. */
  @Get('dossiers/:id/documents/proposal.pdf')
  @PdfDownload()
  dossierProposal(
    @CurrentActor() actor: Actor,
    @Param() p: DossierIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.get(actor, 'dossier', p.id, 'proposal', q, res);
  }

  /** The awardee's Bằng khen / Giấy chứng nhận, landscape, once awarded. */
  @Get('dossiers/:id/documents/certificate.pdf')
  @PdfDownload()
  dossierCertificate(
    @CurrentActor() actor: Actor,
    @Param() p: DossierIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.get(actor, 'dossier', p.id, 'certificate', q, res);
  }

  /** The chairman issues the dossier's Quyết định: signed, DocumentIssued with the SHA-256 of the PDF; once only (409). */
  @Post('dossiers/:id/documents/decision/issue')
  @HttpCode(201)
  @Roles('PROVINCIAL_DECIDER')
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: IssuedDocumentDto })
  @ApiConflictResponse(NOT_YET)
  @ApiServiceUnavailableResponse(NO_RENDERER)
  issueDossierDecision(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'dossier', p.id, 'decision');
  }

  @Post('dossiers/:id/documents/proposal/issue')
  @HttpCode(201)
  @Roles('PROVINCIAL_DECIDER')
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: IssuedDocumentDto })
  @ApiConflictResponse(NOT_YET)
  @ApiServiceUnavailableResponse(NO_RENDERER)
  issueDossierProposal(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'dossier', p.id, 'proposal');
  }

  @Post('dossiers/:id/documents/certificate/issue')
  @HttpCode(201)
  @Roles('PROVINCIAL_DECIDER')
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: IssuedDocumentDto })
  @ApiConflictResponse(NOT_YET)
  @ApiServiceUnavailableResponse(NO_RENDERER)
  issueDossierCertificate(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'dossier', p.id, 'certificate');
  }

  @Get('council-sessions/:id/documents')
  @Roles(...SESSION_READERS)
  @ApiOkResponse({
    type: [DocumentEntryDto],
    description: `The session's documents (${Object.keys(SESSION_DOCUMENTS).join(', ')}): which can be printed and which were issued`,
  })
  sessionDocuments(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<DocumentEntryDto[]> {
    return this.documents.list(actor, 'session', p.id);
  }

  @Get('council-sessions/:id/documents/decision.pdf')
  @Roles(...SESSION_READERS)
  @PdfDownload()
  sessionDecision(
    @CurrentActor() actor: Actor,
    @Param() p: SessionIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.get(actor, 'session', p.id, 'decision', q, res);
  }

  /** The Biên bản họp of a closed session: attendance, agenda, tallies; never a member's choice in a secret ballot. */
  @Get('council-sessions/:id/documents/minutes.pdf')
  @Roles(...SESSION_READERS)
  @PdfDownload()
  sessionMinutes(
    @CurrentActor() actor: Actor,
    @Param() p: SessionIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.get(actor, 'session', p.id, 'minutes', q, res);
  }

  /** The list of the session decision's awardees for publication (names, positions, units: no personal data). */
  @Get('council-sessions/:id/documents/awardees.pdf')
  @Roles(...SESSION_READERS)
  @PdfDownload()
  sessionAwardees(
    @CurrentActor() actor: Actor,
    @Param() p: SessionIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.get(actor, 'session', p.id, 'awardees', q, res);
  }

  /** The chairman issues the session's batch Quyết định (with its danh sách kèm theo); once only (409). */
  @Post('council-sessions/:id/documents/decision/issue')
  @HttpCode(201)
  @Roles('PROVINCIAL_DECIDER')
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: IssuedDocumentDto })
  @ApiConflictResponse(NOT_YET)
  @ApiServiceUnavailableResponse(NO_RENDERER)
  issueSessionDecision(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'session', p.id, 'decision');
  }

  /** The secretariat (the council's secretary) issues the minutes; once only (409). */
  @Post('council-sessions/:id/documents/minutes/issue')
  @HttpCode(201)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: IssuedDocumentDto })
  @ApiConflictResponse(NOT_YET)
  @ApiServiceUnavailableResponse(NO_RENDERER)
  issueSessionMinutes(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'session', p.id, 'minutes');
  }

  /** The secretariat issues the list for publication; once only (409). */
  @Post('council-sessions/:id/documents/awardees/issue')
  @HttpCode(201)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: IssuedDocumentDto })
  @ApiConflictResponse(NOT_YET)
  @ApiServiceUnavailableResponse(NO_RENDERER)
  issueSessionAwardees(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'session', p.id, 'awardees');
  }
}
