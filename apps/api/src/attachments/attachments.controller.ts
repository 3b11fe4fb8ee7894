import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ATTACHMENT_CONTENT_TYPES, type Actor, Refused } from '@tdkt/domain';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { DossierIdParam } from '../dossiers/dossier.dto';
import { AttachmentsService, type DossierFiles } from './attachments.service';
import { DossierFileParams, DossierFilesDto, DossierPartParams } from './attachments.dto';
import { AttachmentsExport } from './attachments-export';
import { contentDisposition } from './content-disposition';
import { UploadEndpoint } from './upload-endpoint';
import type { DossierFileView } from '@tdkt/persistence';

/**
 * Files of a dossier's parts: list (every version), upload (the request body is the file, streamed; type from the
 * content), download, and the whole dossier as a zip for auditors. Reads follow the dossier's scope.
 */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('dossiers')
export class AttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly exports: AttachmentsExport,
  ) {}

  @Get(':id/files')
  @ApiOkResponse({ type: DossierFilesDto })
  list(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<DossierFiles> {
    return this.attachments.list(actor, p.id);
  }

  /**
   * The request body is the file's bytes as they are (any Content-Type but JSON; application/octet-stream is fine),
   * streamed to the store without being held in memory. Its type is read from its content; its SHA-256 goes into the
   * AttachmentAdded event. With `replaces`, a new version of that file (the old one stays).
   */
  @Post(':id/parts/:part/files')
  @HttpCode(201)
  @Roles('UNIT_CLERK')
  @UploadEndpoint()
  async upload(
    @CurrentActor() actor: Actor,
    @Param() p: DossierPartParams,
    @Query('name') name: unknown,
    @Query('replaces') replaces: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DossierFileView> {
    try {
      if (req.readableEnded || (req.headers['content-type'] ?? '').includes('json')) {
        // The JSON parser took the body: a file is sent as its own bytes.
        throw new Refused(
          'UNSUPPORTED_TYPE',
          'Send the file itself as the request body (e.g. Content-Type: application/octet-stream), not JSON',
          { rule: 'attachment.unsupported-type' },
        );
      }
      const length = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
      return await this.attachments.upload(
        actor,
        p.id,
        {
          part: p.part,
          name,
          replaces,
          ...(length !== undefined && Number.isFinite(length) ? { declaredLength: length } : {}),
        },
        req,
      );
    } catch (e) {
      // Answer now and discard the rest of a refused body (never held), then close: the client reads the error.
      if (!req.readableEnded) {
        res.setHeader('Connection', 'close');
        req.resume();
      }
      throw e;
    }
  }

  @Get(':id/files/:fileId')
  @ApiProduces(...ATTACHMENT_CONTENT_TYPES)
  @ApiOkResponse({
    description: 'The file as stored; its SHA-256 in X-Content-SHA256 (hex) and Repr-Digest',
    schema: { type: 'string', format: 'binary' },
  })
  async download(
    @CurrentActor() actor: Actor,
    @Param() p: DossierFileParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, body } = await this.attachments.file(actor, p.id, p.fileId);
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(body, {
      type: file.contentType,
      disposition: contentDisposition('attachment', file.name),
      length: file.size,
    });
  }

  /**
   * The dossier for auditors as one zip: its event record (record.json, as GET …/export), its ATTACHMENT stream's record
   * (attachments/record.json, chain-verifiable the same way), files.json (every version with its SHA-256 and the event
   * that recorded it) and the files themselves under files/.
   */
  @Get(':id/export.zip')
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'A zip (stored, not compressed) of the record, the files manifest with SHA-256 and every file version',
    schema: { type: 'string', format: 'binary' },
  })
  async exportZip(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<StreamableFile> {
    const zip = await this.exports.zip(actor, p.id);
    return new StreamableFile(zip, {
      type: 'application/zip',
      disposition: `attachment; filename="dossier-${p.id}.zip"`,
    });
  }
}
