import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DOCUMENT_KINDS, type Actor } from '@tdkt/domain';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { IDEMPOTENCY } from '../platform/idempotency-key';
import { DossierIdParam } from '../dossiers/dossier.dto';
import { SessionIdParam } from '../council/council.dto';
import { DocumentsService, type RenderedDocument } from './documents.service';

const SESSION_READERS = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR', 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'] as const;

export class IssuedDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ description: 'The dossier or council session the document is rendered from' }) subjectId!: string;
  @ApiProperty({ example: '12/QĐ-UBND' }) number!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the PDF as rendered when issued' }) sha256!: string;
  @ApiProperty({ example: 'qd-khen-thuong@1' }) templateVersion!: string;
  @ApiProperty({ description: "Seq of the subject's event the document was rendered up to" }) sourceSeq!: number;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() issuedBy!: string;
}

const PDF = { description: 'The document as a PDF (A4, NĐ 30/2020 layout)', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };
const NO_RENDERER = { description: 'The renderer (headless Chromium) is unavailable; retry later' };

function pdf(res: Response, doc: RenderedDocument, filename: string): StreamableFile {
  res.setHeader('X-Document-SHA256', doc.sha256);
  if (doc.issued) res.setHeader('X-Document-Issued-SHA256', doc.issued.sha256);
  return new StreamableFile(doc.pdf, { type: 'application/pdf', disposition: `inline; filename="${filename}"`, length: doc.pdf.length });
}

/**
 * Official documents (văn bản, NĐ 30/2020/NĐ-CP) rendered from the events as PDF, for those who may read their
 * subject; issuing one records its hash in a stream of its own.
 */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('dossiers/:id/documents/decision.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiServiceUnavailableResponse(NO_RENDERER)
  async dossierDecision(@CurrentActor() actor: Actor, @Param() p: DossierIdParam, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return pdf(res, await this.documents.dossierDecision(actor, p.id), `quyet-dinh-${p.id}.pdf`);
  }

  /** The chairman issues the dossier's Quyết định: DocumentIssued with the SHA-256 of this render; once only (409). */
  @Post('dossiers/:id/documents/decision/issue')
  @HttpCode(201)
  @Roles('PROVINCIAL_DECIDER')
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: IssuedDocumentDto })
  @ApiServiceUnavailableResponse(NO_RENDERER)
  async issueDossierDecision(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'DECISION', await this.documents.dossierDecision(actor, p.id), p.id);
  }

  @Get('council-sessions/:id/documents/decision.pdf')
  @Roles(...SESSION_READERS)
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiServiceUnavailableResponse(NO_RENDERER)
  async sessionDecision(@CurrentActor() actor: Actor, @Param() p: SessionIdParam, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return pdf(res, await this.documents.sessionDecision(actor, p.id), `quyet-dinh-phien-${p.id}.pdf`);
  }

  /** The chairman issues the session's batch Quyết định (with its danh sách kèm theo); once only (409). */
  @Post('council-sessions/:id/documents/decision/issue')
  @HttpCode(201)
  @Roles('PROVINCIAL_DECIDER')
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: IssuedDocumentDto })
  @ApiServiceUnavailableResponse(NO_RENDERER)
  async issueSessionDecision(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'SESSION_DECISION', await this.documents.sessionDecision(actor, p.id), p.id);
  }
}
