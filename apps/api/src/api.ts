import 'reflect-metadata';
import { ValidationPipe, type INestApplication, type ValidationError } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { configWarnings, loadConfig, type AppConfig } from '@tdkt/config';
import { AppModule } from './app.module';
import { jsonBody } from './platform/json-body';
import { assignRequestId, enterRequestContext } from './platform/request-context';
import { accessLog, metricsEndpoint } from './platform/observability';
import { collectProcessMetrics, logger, NestPinoLogger, setServiceName } from '@tdkt/platform';
import { codecCors } from './temporal-codec/codec-cors';
import { refuseControlCharacters } from './platform/text-guard';
import { apiDocument } from './platform/openapi';
import { webApp } from './web/web-app';
import { Refused } from '@tdkt/domain';

/** Flattens class-validator errors to { "nominee.fullName": ["…"] }. */
export function fieldErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = Object.values(e.constraints);
    if (e.children?.length) Object.assign(out, fieldErrors(e.children, path));
  }
  return out;
}

/**
 * Where the web app may fetch from (CSP connect-src): itself, and under AUTH_MODE=oidc the provider's origin (the
 * discovery document and the token endpoint of the Authorization Code + PKCE sign-in).
 */
export function connectSources(config: AppConfig): string[] {
  return ["'self'", ...(config.auth.mode === 'oidc' ? [new URL(config.auth.issuer).origin] : [])];
}

/** Builds the HTTP API (not yet listening): validation, the error shape, OpenAPI at /api/docs. */
export async function createApi(): Promise<INestApplication> {
  const config = loadConfig(); // a bad setting stops start-up here, before Nest builds anything
  setServiceName('tdkt-api');
  collectProcessMetrics('tdkt-api');
  for (const warning of configWarnings(config)) logger('config').warn(`WARNING ${warning}`);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: new NestPinoLogger(),
  });
  app.disable('x-powered-by');
  app.use(assignRequestId);
  app.use(accessLog);
  // Prometheus scrapes GET /metrics (outside /api; METRICS_TOKEN to require a bearer token).
  app.use('/metrics', metricsEndpoint());
  app.use(helmet({ contentSecurityPolicy: { directives: { connectSrc: connectSources(config) } } }));
  // The web app at / (apps/web/dist), before the body parsers: it only answers GETs outside /api.
  for (const handler of webApp()) app.use(handler);
  // The Web UI's codec calls: its origins only, and a batch of payloads may be larger than a command.
  app.use(
    '/api/temporal-codec',
    codecCors(config.temporal.uiOrigins),
    ...jsonBody({ ...config.api.limits, jsonLimitKb: Math.max(config.api.limits.jsonLimitKb, 8192) }),
  );
  // Body limits (size, nesting depth) before anything walks the body; refusals answer 400 in the API's error shape.
  app.use(...jsonBody(config.api.limits));
  app.use(enterRequestContext);
  app.use(refuseControlCharacters);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      // Commands without a body (submit) use an empty DTO; unknown members are still refused by forbidNonWhitelisted.
      forbidUnknownValues: false,
      transform: true,
      exceptionFactory: (errors) => Refused.invalid(fieldErrors(errors)),
    }),
  );
  SwaggerModule.setup('api/docs', app, () => apiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
