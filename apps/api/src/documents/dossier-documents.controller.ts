import { Controller, Get, Param, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@tdkt/domain';
import { CurrentActor } from '../auth/auth.guard';
import { DossierIdParam } from '../dossiers/dossier.dto';
import { OperationIdsOf } from '../platform/openapi';
import { IssueDocument, PdfDownload, pdfResponse } from './document-endpoints';
import { DocumentEntryDto, IssuedDocumentDto, PdfQuery } from './documents.dto';
import { DocumentsService, DOSSIER_DOCUMENTS } from './documents.service';

/**
 * A dossier's official documents (văn bản, NĐ 30/2020/NĐ-CP) rendered from its events as PDF, for those who may read
 * the dossier: the decision, the proposal (tờ trình), the certificate (Bằng khen / Giấy chứng nhận). Issuing one signs
 * it and records its hash in a stream of its own.
 */
@ApiTags('documents')
@ApiBearerAuth()
@OperationIdsOf('DocumentsController')
@Controller('dossiers/:id/documents')
export class DossierDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiOkResponse({
    type: [DocumentEntryDto],
    description: `The dossier's documents (${Object.keys(DOSSIER_DOCUMENTS).join(', ')}): which can be printed and which were issued`,
  })
  dossierDocuments(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<DocumentEntryDto[]> {
    return this.documents.list(actor, 'dossier', p.id);
  }

  @Get('decision.pdf')
  @PdfDownload()
  dossierDecision(
    @CurrentActor() actor: Actor,
    @Param() p: DossierIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return pdfResponse(this.documents, actor, 'dossier', p.id, 'decision', q, res);
  }

  /** The Tờ trình to the centre of a state-level award, once the chairman signed it. */
  @Get('proposal.pdf')
  @PdfDownload()
  dossierProposal(
    @CurrentActor() actor: Actor,
    @Param() p: DossierIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return pdfResponse(this.documents, actor, 'dossier', p.id, 'proposal', q, res);
  }

  /** The awardee's Bằng khen / Giấy chứng nhận, landscape, once awarded. */
  @Get('certificate.pdf')
  @PdfDownload()
  dossierCertificate(
    @CurrentActor() actor: Actor,
    @Param() p: DossierIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return pdfResponse(this.documents, actor, 'dossier', p.id, 'certificate', q, res);
  }

  /** The chairman issues the dossier's Quyết định: signed, DocumentIssued with the SHA-256 of the PDF; once only (409). */
  @Post('decision/issue')
  @IssueDocument('PROVINCIAL_DECIDER')
  issueDossierDecision(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'dossier', p.id, 'decision');
  }

  @Post('proposal/issue')
  @IssueDocument('PROVINCIAL_DECIDER')
  issueDossierProposal(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'dossier', p.id, 'proposal');
  }

  @Post('certificate/issue')
  @IssueDocument('PROVINCIAL_DECIDER')
  issueDossierCertificate(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'dossier', p.id, 'certificate');
  }
}
