import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit/audit.controller';
import { CouncilController } from './council/council.controller';
import { CouncilService } from './council/council.service';
import { DecisionsController } from './decisions/decisions.controller';
import { AwardHistoryController } from './award-history/award-history.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { LOCAL_ISSUER_KEY, LocalIssuer } from './auth/local-issuer';
import { localIssuerKey } from './auth/local-issuer-key';
import { BoardController } from './board/board.controller';
import { DossierCommandsService } from './dossiers/dossier-commands.service';
import { DossiersController } from './dossiers/dossiers.controller';
import { DossierCommandsController } from './dossiers/dossier-commands.controller';
import { StateRouteController } from './dossiers/state-route.controller';
import { CentralStageController } from './dossiers/central-stage.controller';
import { DossierActionsService } from './dossiers/dossier-actions';
import { RevocationController } from './dossiers/revocation.controller';
import { RevocationService } from './dossiers/revocation.service';
import { HealthController } from './health/health.controller';
import { HealthModule } from './health/health.module';
import { InboxController } from './inbox/inbox.controller';
import { ErrorFilter } from './platform/errors';
import { IdempotencyInterceptor } from './platform/idempotency.interceptor';
import { ActorLogContextInterceptor } from './platform/observability';
import { PlatformModule } from './platform/platform.module';
import { ReportsController } from './reports/reports.controller';
import { RoundsController } from './rounds/rounds.controller';
import { RoundsService } from './rounds/rounds.service';
import { EmulationBlocksController } from './emulation/emulation-blocks.controller';
import { BlockYearsController } from './emulation/block-years.controller';
import { EmulationService } from './emulation/emulation.service';
import { MovementsController } from './movements/movements.controller';
import { MovementsService } from './movements/movements.service';
import { RegistrationsController } from './registrations/registrations.controller';
import { RegistrationsService } from './registrations/registrations.service';
import { ExemplaryModelsController } from './exemplary-models/exemplary-models.controller';
import { ExemplaryModelsService } from './exemplary-models/exemplary-models.service';
import { PriorityController } from './priority/priority.controller';
import { PriorityService } from './priority/priority.service';
import { AwardFundController } from './award-fund/award-fund.controller';
import { AwardFundService } from './award-fund/award-fund.service';
import { MovementReportsController } from './movement-reports/movement-reports.controller';
import { MovementReportsService } from './movement-reports/movement-reports.service';
import { ReportsService } from './reports/reports.service';
import { CONFIG } from './platform/tokens';
import type { AppConfig } from '@tdkt/config';
import { RuleSetResolver } from './platform/rule-sets';
import { HolidayCalendarProvider } from './platform/calendar';
import { RateLimitGuard, RateLimitModule } from './platform/rate-limits';
import { TemporalCodecController } from './temporal-codec/temporal-codec.controller';
import { AdminModule } from './admin/admin.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { DossierDocumentsController } from './documents/dossier-documents.controller';
import { SessionDocumentsController } from './documents/session-documents.controller';
import { DocumentsService } from './documents/documents.service';
import { PdfRenderer } from './documents/pdf-renderer.service';
import { DOCUMENT_PROVIDERS } from './documents/documents.providers';

@Module({
  imports: [PlatformModule, RateLimitModule, AdminModule, AttachmentsModule, HealthModule],
  controllers: [
    CouncilController,
    DecisionsController,
    AwardHistoryController,
    AuthController,
    DossiersController,
    DossierCommandsController,
    StateRouteController,
    CentralStageController,
    AuditController,
    HealthController,
    ReportsController,
    BoardController,
    InboxController,
    RevocationController,
    RoundsController,
    MovementsController,
    RegistrationsController,
    EmulationBlocksController,
    BlockYearsController,
    ExemplaryModelsController,
    PriorityController,
    AwardFundController,
    MovementReportsController,
    TemporalCodecController,
    DossierDocumentsController,
    SessionDocumentsController,
  ],
  providers: [
    RuleSetResolver,
    HolidayCalendarProvider,
    EmulationService,
    MovementsService,
    RegistrationsService,
    ExemplaryModelsService,
    PriorityService,
    AwardFundService,
    MovementReportsService,
    ReportsService,
    DocumentsService,
    PdfRenderer,
    ...DOCUMENT_PROVIDERS,
    {
      provide: LOCAL_ISSUER_KEY,
      inject: [CONFIG],
      useFactory: (c: AppConfig) => localIssuerKey(c.auth.mode === 'local' ? c.auth.keyFile : undefined),
    },
    CouncilService,
    RoundsService,
    LocalIssuer,
    DossierCommandsService,
    DossierActionsService,
    RevocationService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: ActorLogContextInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule {}
