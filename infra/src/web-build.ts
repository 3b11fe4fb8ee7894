/**
 * Builds the web app (apps/web) when its sources or the API's OpenAPI document changed: generates the typed client's
 * schema from the OpenAPI (openapi-typescript), type-checks apps/web (a changed DTO breaks the build here), bundles
 * with Vite into apps/web/dist. The content hash of apps/web, the OpenAPI and the lockfile is kept in
 * dist/.build-hash, so an unchanged tree is not rebuilt. `npm run up` and `npm test` call it; by hand:
 *   node -r ts-node/register/transpile-only infra/src/web-build.ts [--force]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './runtime';
import { exportOpenApi } from './openapi-export';

export const WEB_DIR = join(ROOT, 'apps/web');
export const WEB_DIST = join(WEB_DIR, 'dist');
const SCHEMA = join(WEB_DIR, 'src/api/schema.d.ts');
const STAMP = join(WEB_DIST, '.build-hash');
const SKIP = new Set(['node_modules', 'dist']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !SKIP.has(n))
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? sourceFiles(p) : p === SCHEMA ? [] : [p];
    })
    .sort();
}

function run(args: string[], what: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`[web] ${what} failed (exit ${code})`))));
  });
}

export interface WebBuild {
  built: boolean;
  seconds: number;
  hash: string;
}

/** Rebuilds apps/web/dist unless its stamp matches the sources' hash; throws when generation, tsc or Vite fails. */
export async function buildWebApp(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<WebBuild> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const openapi = JSON.stringify(await exportOpenApi(), null, 2);
  const h = createHash('sha256')
    .update(openapi)
    .update(readFileSync(join(ROOT, 'package-lock.json')));
  for (const f of sourceFiles(WEB_DIR))
    h.update(relative(WEB_DIR, f)).update('\0').update(readFileSync(f)).update('\0');
  const hash = h.digest('hex');
  const seconds = () => (Date.now() - started) / 1000;
  if (
    !options.force &&
    existsSync(join(WEB_DIST, 'index.html')) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8').trim() === hash
  ) {
    return { built: false, seconds: seconds(), hash };
  }
  log('[web] building the web app (sources or OpenAPI changed)…');
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const header = "// Generated from the API's OpenAPI by infra/src/web-build.ts: do not edit.\n";
  writeFileSync(SCHEMA, header + astToString(await openapiTS(openapi)));
  await run(
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(WEB_DIR, 'tsconfig.json')],
    'type check of apps/web',
  );
  await run([join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', WEB_DIR, '--logLevel', 'warn'], 'vite build');
  writeFileSync(STAMP, hash);
  log(`[web] built in ${seconds().toFixed(1)}s`);
  return { built: true, seconds: seconds(), hash };
}

if (require.main === module) {
  buildWebApp({ force: process.argv.includes('--force') }).then(
    (b) => {
      console.log(b.built ? `[web] built (${b.hash.slice(0, 12)})` : `[web] up to date (${b.hash.slice(0, 12)})`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
