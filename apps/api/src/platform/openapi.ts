import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Endpoints that take no bearer token (marked @Public()). */
export const PUBLIC_PATHS = ['/api/auth/token', '/api/auth/config', '/api/health'];

/**
 * The served OpenAPI document (at /api/docs-json), with every error response declared. One function for the API and
 * for `infra/src/openapi-export.ts`, which builds it without a database or Temporal for the web app's typed client.
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('TĐKT nomination engine')
    .setDescription('Commendation dossiers (hồ sơ đề nghị khen thưởng) from unit to decision')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return withErrorResponses(
    SwaggerModule.createDocument(app, doc, { operationIdFactory: operationIdOf }),
    PUBLIC_PATHS,
  );
}

/** A controller's class name → the controller its endpoints were first published under (see OperationIdsOf). */
const PUBLISHED_UNDER = new Map<string, string>();

/**
 * Swagger names an operation `<controller class>_<method>`. A controller split out of a bigger one keeps the operation
 * ids its endpoints were published with (`@OperationIdsOf('DocumentsController')`), so clients generated from the
 * document keep their names; its methods keep their names too.
 */
export const OperationIdsOf =
  (publishedController: string): ClassDecorator =>
  (target) => {
    PUBLISHED_UNDER.set(target.name, publishedController);
  };

/** Swagger's own operation id (`<controller>_<method>[_<version>]`), with the controller as first published. */
export function operationIdOf(controllerKey: string, methodKey: string, version?: string): string {
  return [PUBLISHED_UNDER.get(controllerKey) ?? controllerKey, methodKey, version].filter(Boolean).join('_');
}

/** The one error body every endpoint answers with (see ErrorFilter), as an OpenAPI schema. */
const ERROR_BODY = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 409 },
    error: { type: 'string', example: 'Conflict' },
    message: { type: 'string', example: 'The dossier is AWARDED; no further steps are possible' },
    rule: {
      type: 'string',
      description: 'The domain rule that refused the command, when one did',
      example: 'council.secret-ballot',
    },
    fields: {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
      description: 'Per-field messages (400)',
    },
    details: {
      type: 'object',
      additionalProperties: true,
      description: 'What the rule found (missing parts, failed criteria …)',
    },
    requestId: { type: 'string', description: 'The request id (X-Request-Id), also in every log line about it' },
  },
};

const WHY: Record<string, string> = {
  '400': 'Invalid input: a message per field',
  '401': 'No valid bearer token',
  '403': "The caller's role or scope does not allow it",
  '404': 'No such resource (or not visible to the caller)',
  '409': 'Not possible in the current state',
  '422': 'Refused by a rule (the rule code is in the body), or an Idempotency-Key reused for another request',
  '429': 'Too many requests: retry after the Retry-After header',
  '503': 'A backing service is unavailable: retry with the same Idempotency-Key',
};

/**
 * Error answers whose body is not ErrorBody, by path and status: the readiness probe's 503 is terminus's health-check
 * result (see HealthController.ready and failedHealthCheck), documented by its controller.
 */
const OWN_ERROR_BODIES: Record<string, readonly string[]> = { '/api/health/ready': ['503'] };

/**
 * Declares the error responses of every operation with the one error schema, so clients and the fuzzer know them:
 * every operation may answer 400, 401 (unless public), 403, 404, 429 and 503; a command 409
 * and 422. A controller's own description stays; the body is ErrorBody but for OWN_ERROR_BODIES.
 */
export function withErrorResponses(document: OpenAPIObject, publicPaths: readonly string[] = []): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...(document.components.schemas ?? {}), ErrorBody: ERROR_BODY };
  const ref = { $ref: '#/components/schemas/ErrorBody' };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      // 404 everywhere: a path parameter, an id in the body or query, or a thing not there yet (the first anchor).
      const codes = ['400', '403', '404', '429', '503'];
      if (!publicPaths.includes(path)) codes.push('401');
      if (method !== 'get') codes.push('409', '422');
      for (const code of codes) {
        const declared = op.responses[code] as { description?: string; content?: unknown } | undefined;
        if (declared?.content && OWN_ERROR_BODIES[path]?.includes(code)) continue;
        // A controller's own description stays; the body is the one error shape.
        op.responses[code] = {
          description: declared?.description ?? WHY[code],
          content: { 'application/json': { schema: ref } },
        };
      }
    }
  }
  return document;
}
