import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Actor } from '@tdkt/domain';
import { buildExport, ChainVerifier, EventStore, rebuildReadModels, type DossierRecordExport, type VerificationReport } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import { DossierIdParam } from '../dossiers/dossier.dto';
import { DATA_SOURCE } from '../platform/tokens';

/** Audit: recompute the hash chains, export a dossier's verifiable record, rebuild the read models from events. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(
    private readonly events: EventStore,
    private readonly dossiers: DossierCommandsService,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Get('audit/verify')
  @Roles('AUDITOR', 'SECRETARIAT_HEAD', 'ADMINISTRATOR')
  verifyAll(): Promise<VerificationReport> {
    return new ChainVerifier(this.events).verifyAll();
  }

  @Get('dossiers/:id/verify')
  async verifyDossier(@CurrentActor() actor: Actor, @Param() p: DossierIdParam): Promise<VerificationReport> {
    await this.dossiers.visible(actor, p.id);
    return new ChainVerifier(this.events).verifyDossier(p.id);
  }

  @Get('dossiers/:id/export')
  async export(@CurrentActor() actor: Actor, @Param() p: DossierIdParam, @Res({ passthrough: true }) res: Response): Promise<DossierRecordExport> {
    await this.dossiers.visible(actor, p.id);
    res.setHeader('content-disposition', `attachment; filename="dossier-${p.id}.json"`);
    return buildExport(p.id, await this.events.readStream(p.id), new Date().toISOString());
  }

  @Post('admin/read-models/rebuild')
  @HttpCode(200)
  @Roles('ADMINISTRATOR')
  rebuild(): Promise<{ events: number; tables: string[] }> {
    return rebuildReadModels(this.dataSource);
  }
}
