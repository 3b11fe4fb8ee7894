import { createHmac } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { AppConfig } from '@tdkt/config';
import { AwardImporter, EventStore } from '@tdkt/persistence';
import { CONFIG } from '../platform/tokens';
import { DataSource } from 'typeorm';
import { AdminJobsController } from './admin-jobs.controller';
import { AdminJobsService } from './admin-jobs.service';
import { AwardImportController } from './award-import.controller';
import { AwardImportService } from './award-import.service';
import { DirectoryAdminService } from './directory-admin.service';
import { CouncilTermsController } from './council-terms.controller';
import { DirectoryImportController } from './directory-import.controller';
import { DirectoryUnitsController } from './directory-units.controller';
import { DirectoryUsersController } from './directory-users.controller';

/** Administration: the directory (units, people, councils), award lists in, and long tasks as background jobs. */
@Module({
  controllers: [
    DirectoryUnitsController,
    DirectoryUsersController,
    CouncilTermsController,
    DirectoryImportController,
    AwardImportController,
    AdminJobsController,
  ],
  providers: [
    // Citizen ids are hashed with the API's key as they are read (the same keyed hash the award lookup uses).
    {
      provide: AwardImporter,
      inject: [DataSource, EventStore, CONFIG],
      useFactory: (ds: DataSource, events: EventStore, config: AppConfig) =>
        new AwardImporter(ds, events, (id) => createHmac('sha256', config.piiHashKey).update(id).digest('hex')),
    },
    AwardImportService,
    AdminJobsService,
    DirectoryAdminService,
  ],
  exports: [AwardImportService],
})
export class AdminModule {}
