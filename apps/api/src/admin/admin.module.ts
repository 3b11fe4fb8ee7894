import { Module } from '@nestjs/common';
import { DirectoryAdmin, EventStore } from '@tdkt/persistence';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../platform/tokens';
import { AwardImportController } from './award-import.controller';
import { AwardImportService } from './award-import.service';
import { DirectoryAdminController } from './directory-admin.controller';
import { DirectoryImportController } from './directory-import.controller';

/** Administration: the directory (units, people, councils) and award lists in. */
@Module({
  controllers: [DirectoryAdminController, DirectoryImportController, AwardImportController],
  providers: [
    { provide: DirectoryAdmin, inject: [DATA_SOURCE, EventStore], useFactory: (ds: DataSource, events: EventStore) => new DirectoryAdmin(ds, events) },
    AwardImportService,
  ],
  exports: [AwardImportService],
})
export class AdminModule {}
