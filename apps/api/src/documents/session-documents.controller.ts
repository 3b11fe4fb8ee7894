import { Controller, Get, Param, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@tdkt/domain';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { SessionIdParam } from '../council/council.dto';
import { OperationIdsOf } from '../platform/openapi';
import { IssueDocument, PdfDownload, pdfResponse, SESSION_READERS } from './document-endpoints';
import { DocumentEntryDto, IssuedDocumentDto, PdfQuery } from './documents.dto';
import { DocumentsService, SESSION_DOCUMENTS } from './documents.service';

/**
 * A council session's official documents rendered from its events as PDF, for the secretariat, the council, the
 * chairman and auditors: the batch decision, the minutes (biên bản), the list of awardees. Issuing one signs it and
 * records its hash in a stream of its own.
 */
@ApiTags('documents')
@ApiBearerAuth()
@OperationIdsOf('DocumentsController')
@Controller('council-sessions/:id/documents')
export class SessionDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Roles(...SESSION_READERS)
  @ApiOkResponse({
    type: [DocumentEntryDto],
    description: `The session's documents (${Object.keys(SESSION_DOCUMENTS).join(', ')}): which can be printed and which were issued`,
  })
  sessionDocuments(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<DocumentEntryDto[]> {
    return this.documents.list(actor, 'session', p.id);
  }

  @Get('decision.pdf')
  @Roles(...SESSION_READERS)
  @PdfDownload()
  sessionDecision(
    @CurrentActor() actor: Actor,
    @Param() p: SessionIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return pdfResponse(this.documents, actor, 'session', p.id, 'decision', q, res);
  }

  /** The Biên bản họp of a closed session: attendance, agenda, tallies; never a member's choice in a secret ballot. */
  @Get('minutes.pdf')
  @Roles(...SESSION_READERS)
  @PdfDownload()
  sessionMinutes(
    @CurrentActor() actor: Actor,
    @Param() p: SessionIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return pdfResponse(this.documents, actor, 'session', p.id, 'minutes', q, res);
  }

  /** The list of the session decision's awardees for publication (names, positions, units: no personal data). */
  @Get('awardees.pdf')
  @Roles(...SESSION_READERS)
  @PdfDownload()
  sessionAwardees(
    @CurrentActor() actor: Actor,
    @Param() p: SessionIdParam,
    @Query() q: PdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return pdfResponse(this.documents, actor, 'session', p.id, 'awardees', q, res);
  }

  /** The chairman issues the session's batch Quyết định (with its danh sách kèm theo); once only (409). */
  @Post('decision/issue')
  @IssueDocument('PROVINCIAL_DECIDER')
  issueSessionDecision(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'session', p.id, 'decision');
  }

  /** The secretariat (the council's secretary) issues the minutes; once only (409). */
  @Post('minutes/issue')
  @IssueDocument('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  issueSessionMinutes(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'session', p.id, 'minutes');
  }

  /** The secretariat issues the list for publication; once only (409). */
  @Post('awardees/issue')
  @IssueDocument('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  issueSessionAwardees(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<IssuedDocumentDto> {
    return this.documents.issue(actor, 'session', p.id, 'awardees');
  }
}
