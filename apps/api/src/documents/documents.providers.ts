import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { IssuedDocumentFiles } from '@tdkt/persistence';
import { DATA_SOURCE } from '../platform/tokens';
import { DocumentSigner, documentSignerFromEnv } from './document-signer';

/** The issued PDFs' table and the signer TDKT_SIGNER names (a bad setting stops the API at start-up). */
export const DOCUMENT_PROVIDERS: Provider[] = [
  { provide: IssuedDocumentFiles, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new IssuedDocumentFiles(ds) },
  { provide: DocumentSigner, useFactory: () => documentSignerFromEnv(process.env) },
];
