import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadAttachmentConfig } from '@tdkt/config/src/attachments';
import { AttachmentStore, PostgresAttachmentStore, S3AttachmentStore } from '@tdkt/persistence';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsExport } from './attachments-export';
import { AttachmentSettings, AttachmentsService } from './attachments.service';

/** The store the settings name: the Postgres table (embedded default) or an S3-compatible bucket. */
export function attachmentStore(settings: AttachmentSettings, dataSource: DataSource): AttachmentStore {
  const { store } = settings.config;
  return store.kind === 's3' ? new S3AttachmentStore(store) : new PostgresAttachmentStore(dataSource);
}

/** Attachments of dossier parts (issue 11): the store, the service and its endpoints (the dossier_file queries are the platform's). */
@Module({
  controllers: [AttachmentsController],
  providers: [
    // A bad setting (TDKT_ATTACHMENT_*, TDKT_S3_*) stops start-up here, naming the variable.
    { provide: AttachmentSettings, useFactory: () => new AttachmentSettings(loadAttachmentConfig()) },
    { provide: AttachmentStore, inject: [AttachmentSettings, DataSource], useFactory: attachmentStore },
    AttachmentsService,
    AttachmentsExport,
  ],
})
export class AttachmentsModule implements OnApplicationShutdown {
  constructor(@Inject(AttachmentStore) private readonly store: AttachmentStore) {}

  onApplicationShutdown(): void {
    if (this.store instanceof S3AttachmentStore) this.store.close();
  }
}
