import { Module } from '@nestjs/common';
import { DirectoryAdmin, DirectoryImporter, EventStore } from '@tdkt/persistence';
import { DataSource } from 'typeorm';
import { AdminJobsController } from './admin-jobs.controller';
import { AdminJobsService } from './admin-jobs.service';
import { AwardImportController } from './award-import.controller';
import { AwardImportService } from './award-import.service';
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
    {
      provide: DirectoryAdmin,
      inject: [DataSource, EventStore],
      useFactory: (ds: DataSource, events: EventStore) => new DirectoryAdmin(ds, events),
    },
    {
      provide: DirectoryImporter,
      inject: [DataSource, EventStore],
      useFactory: (ds: DataSource, events: EventStore) => new DirectoryImporter(ds, events),
    },
    AwardImportService,
    AdminJobsService,
  ],
  exports: [AwardImportService],
})
export class AdminModule {}
