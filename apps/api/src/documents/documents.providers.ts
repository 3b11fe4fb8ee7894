import type { Provider } from '@nestjs/common';
import { DocumentSigner, documentSignerFromEnv } from './document-signer';

/** The signer TDKT_SIGNER names (a bad setting stops the API at start-up). */
export const DOCUMENT_PROVIDERS: Provider[] = [
  { provide: DocumentSigner, useFactory: () => documentSignerFromEnv(process.env) },
];
