import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { LocalIssuer } from './auth/local-issuer';
import { DossierCommandsService } from './dossiers/dossier-commands.service';
import { DossiersController } from './dossiers/dossiers.controller';
import { HealthController } from './health.controller';
import { ErrorFilter } from './platform/errors';
import { PlatformModule } from './platform/platform.module';

@Module({
  imports: [PlatformModule],
  controllers: [AuthController, DossiersController, AuditController, HealthController],
  providers: [LocalIssuer, DossierCommandsService, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_FILTER, useClass: ErrorFilter }],
})
export class AppModule {}
