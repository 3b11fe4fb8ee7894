/**
 * Writes the API's OpenAPI document (the one served at /api/docs-json) to a file, without a database, Temporal or
 * configuration: Nest builds the module graph in preview mode (no provider is instantiated) and Swagger reads the
 * controllers' decorators. The web app's typed client is generated from it (infra/src/web-build.ts).
 *   node -r ts-node/register/transpile-only infra/src/openapi-export.ts out.json
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../../apps/api/src/app.module';
import { apiDocument } from '../../apps/api/src/platform/openapi';

export async function exportOpenApi(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api');
  try {
    return apiDocument(app);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  const out = process.argv[2];
  exportOpenApi().then(
    (doc) => {
      const json = JSON.stringify(doc, null, 2);
      if (out) writeFileSync(out, json);
      else process.stdout.write(json);
      process.exit(0);
    },
    (e: unknown) => {
      console.error('[openapi] could not build the document:', e);
      process.exit(1);
    },
  );
}
