import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Refused, type Actor } from '@tdkt/domain';
import {
  Anchors,
  buildExport,
  ChainVerifier,
  EventStore,
  publish,
  rebuildReadModels,
  type DossierRecordExport,
  type PublishedAnchor,
  type VerificationReport,
} from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import { DossierIdParam } from '../dossiers/dossier.dto';
import {
  DossierRecordExportDto,
  PublishedAnchorDto,
  RebuildReadModelsDto,
  RebuildResultDto,
  VerificationReportDto,
} from './audit.dto';

/** Audit: recompute the hash chains, export a dossier's verifiable record, rebuild the read models from events. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(
    private readonly events: EventStore,
    private readonly dossiers: DossierCommandsService,
    private readonly anchors: Anchors,
    private readonly dataSource: DataSource,
  ) {}

  private verifier(): ChainVerifier {
    return new ChainVerifier(this.events, this.anchors);
  }

  /** Every stream's chain, every stream against the latest anchor, the anchor chain, every decision's signing head. */
  @Get('audit/verify')
  @Roles('AUDITOR', 'SECRETARIAT_HEAD', 'ADMINISTRATOR')
  @ApiOkResponse({ type: VerificationReportDto })
  verifyAll(): Promise<VerificationReport> {
    return this.verifier().verifyAll();
  }

  /** The latest anchor, as `npm run cli -- anchor-export` writes it: for an auditor to keep outside the database. */
  @Get('audit/anchor')
  @Roles('AUDITOR', 'SECRETARIAT_HEAD', 'ADMINISTRATOR')
  @ApiOkResponse({ type: PublishedAnchorDto })
  async latestAnchor(): Promise<PublishedAnchor> {
    const latest = await this.anchors.latest();
    if (!latest) throw Refused.notFound('No anchor has been written yet');
    return publish(latest);
  }

  @Get('dossiers/:id/verify')
  @ApiOkResponse({
    type: VerificationReportDto,
    description: "The dossier's chain recomputed (anyone who may see the dossier)",
  })
  async verifyDossier(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<VerificationReport> {
    await this.dossiers.visible(actor, p.id);
    return this.verifier().verifyDossier(p.id);
  }

  @Get('dossiers/:id/export')
  @ApiOkResponse({
    type: DossierRecordExportDto,
    description: 'A JSON file (content-disposition: attachment) to verify offline',
  })
  async export(
    @CurrentActor() actor: Actor,
    @Param() p: DossierIdParam,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DossierRecordExport> {
    await this.dossiers.visible(actor, p.id);
    res.setHeader('content-disposition', `attachment; filename="dossier-${p.id}.json"`);
    return buildExport(p.id, await this.events.readStream(p.id), new Date().toISOString());
  }

  @Post('admin/read-models/rebuild')
  @HttpCode(200)
  @Roles('ADMINISTRATOR')
  @ApiOkResponse({
    type: RebuildResultDto,
    description: 'Every read model, or one (`only`), rebuilt and swapped in; 400 for an `only` naming no read model',
  })
  async rebuild(@Body() dto?: RebuildReadModelsDto): Promise<{ events: number; models: string[]; tables: string[] }> {
    const { events, models, tables } = await rebuildReadModels(this.dataSource, {
      ...(dto?.only !== undefined ? { only: dto.only } : {}),
    });
    return { events, models, tables };
  }
}
