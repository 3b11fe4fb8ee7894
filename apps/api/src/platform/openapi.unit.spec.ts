/**
 * The served OpenAPI document is complete enough for clients and the fuzzer: every path parameter is declared, every
 * operation names its error responses with the one ErrorBody schema, and the Idempotency-Key header is optional.
 * Built the way the web app's client is (Nest preview mode: no database, no Temporal).
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import { exportOpenApi } from '../../../../infra/src/openapi-export';

let doc: OpenAPIObject;
beforeAll(async () => {
  doc = await exportOpenApi();
}, 60_000);

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((m) =>
      item[m] ? [{ path, method: m, op: item[m] }] : [],
    ),
  );

it('declares every path parameter of every operation', () => {
  const missing = operations().flatMap(({ path, method, op }) => {
    const declared = new Set((op.parameters ?? []).map((p) => ('in' in p && p.in === 'path' ? p.name : '')));
    return [...path.matchAll(/\{(\w+)\}/g)]
      .map((m) => m[1])
      .filter((n) => !declared.has(n))
      .map((n) => `${method.toUpperCase()} ${path}: {${n}}`);
  });
  expect(operations().length).toBeGreaterThan(50);
  expect(missing).toEqual([]);
});

it('names the error responses of every operation with the one ErrorBody schema', () => {
  const ref = '#/components/schemas/ErrorBody';
  const bad = operations().filter(({ op }) =>
    ['400', '403', '404'].some((c) => JSON.stringify(op.responses[c] ?? {}).indexOf(ref) < 0),
  );
  expect(bad.map(({ path, method }) => `${method} ${path}`)).toEqual([]);
  expect(doc.components?.schemas?.ErrorBody).toMatchObject({ required: ['statusCode', 'error', 'message'] });
});

it('documents one optional Idempotency-Key header, never a required lowercase copy', () => {
  const headers = operations().flatMap(({ op }) =>
    (op.parameters ?? []).filter((p) => 'in' in p && p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
  );
  expect(headers.length).toBeGreaterThan(20);
  expect(headers.filter((h) => 'name' in h && (h.name !== 'Idempotency-Key' || h.required))).toEqual([]);
});

it('keeps the operation ids endpoints were published with when their controller is split (OperationIdsOf)', () => {
  const id = (path: string, method: 'get' | 'post' | 'put') => doc.paths[path]?.[method]?.operationId;
  expect(id('/api/dossiers/{id}/submit', 'post')).toBe('DossiersController_submit');
  expect(id('/api/dossiers/{id}/central/decision', 'post')).toBe('StateRouteController_centralDecision');
  expect(id('/api/council-sessions/{id}/documents/minutes.pdf', 'get')).toBe('DocumentsController_sessionMinutes');
  expect(id('/api/admin/council-terms', 'post')).toBe('DirectoryAdminController_openTerm');
  expect(id('/api/block-years/{id}/ranking', 'post')).toBe('EmulationController_rank');
  // A controller that was never split keeps Swagger's own name.
  expect(id('/api/decisions', 'get')).toBe('DecisionsController_list');
  const ids = operations().map(({ op }) => op.operationId);
  expect(new Set(ids).size).toBe(ids.length);
});

it("documents the readiness probe's 503 as terminus's health-check result, every other 503 as ErrorBody", () => {
  const ready = doc.paths['/api/health/ready']?.get;
  expect(JSON.stringify(ready?.responses['200'])).toContain('#/components/schemas/ReadyDto');
  expect(JSON.stringify(ready?.responses['503'])).toContain('#/components/schemas/NotReadyDto');
  expect(JSON.stringify(doc.paths['/api/health']?.get?.responses['503'])).toContain('#/components/schemas/ErrorBody');
  expect(doc.components?.schemas?.NotReadyDto).toMatchObject({
    required: expect.arrayContaining(['status', 'details']),
    properties: { status: { enum: ['error', 'shutting_down'] } },
  });
});

it('documents the directory import: 200 the dry run, 202 the job started (Location), 400 and 409 as ErrorBody before any job', () => {
  const op = doc.paths['/api/admin/directory-imports']?.post;
  const json = (code: string) => JSON.stringify(op?.responses[code] ?? {});
  expect(json('200')).toContain('#/components/schemas/DirectoryImportReportDto');
  expect(json('202')).toContain('#/components/schemas/DirectoryImportStartedDto');
  expect(op?.responses['202']).toMatchObject({ headers: { Location: { schema: { type: 'string' } } } });
  for (const code of ['400', '409']) {
    expect(json(code)).toContain('#/components/schemas/ErrorBody');
    expect(json(code)).toContain('before any job starts');
  }
  const schemas = doc.components?.schemas ?? {};
  expect(schemas.AdminJobDto).toMatchObject({
    properties: { kind: { enum: expect.arrayContaining(['DIRECTORY_IMPORT']) } },
  });
  expect(schemas.StartAdminJobDto).toMatchObject({
    properties: { kind: { enum: ['VERIFY_CHAIN', 'REBUILD_READ_MODELS', 'RECONCILE'] } },
  });
});
