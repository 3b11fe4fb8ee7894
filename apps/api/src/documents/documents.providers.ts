import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IssuedDocumentFiles } from '@tdkt/persistence';
import { DocumentSigner, documentSignerFromEnv } from './document-signer';

/** The issued PDFs' table and the signer TDKT_SIGNER names (a bad setting stops the API at start-up). */
export const DOCUMENT_PROVIDERS: Provider[] = [
  { provide: IssuedDocumentFiles, inject: [DataSource], useFactory: (ds: DataSource) => new IssuedDocumentFiles(ds) },
  { provide: DocumentSigner, useFactory: () => documentSignerFromEnv(process.env) },
];
