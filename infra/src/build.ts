/**
 * `npm run build`: the production output in dist/, run with plain `node` (no ts-node, no TypeScript at run time).
 *  1. tsc -p tsconfig.build.json: apps (api, worker, cli), libs, workflows and the migrate command to CommonJS,
 *     keeping the source layout (dist/apps/api/src/main.js, dist/libs/domain/src/index.js…), decorator metadata
 *     included (Nest's injection needs it, which is why tsc and not a bundler that drops it).
 *  2. The workspace imports (@tdkt/domain, @tdkt/workflows/src/messages…) are rewritten to relative paths into dist,
 *     so the built code needs no workspace links and the libs' package.json keep pointing at their .ts sources for
 *     ts-node and Jest in development.
 *  3. The workflow bundle, built ahead of time (bundleWorkflowCode): dist/workflow-bundle.js, which the built worker
 *     loads as `workflowBundle: { codePath }`.
 *  4. The web app (infra/src/web-build.ts), copied to dist/apps/web/dist, where the built API looks for it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../../apps/worker/src/workflow-modules';
import { ROOT } from './runtime';
import { buildWebApp, WEB_DIST } from './web-build';

export const DIST = join(ROOT, 'dist');

/** Where each workspace package's sources sit (its package.json `main` is `src/index.ts`). */
const WORKSPACES: Record<string, string> = {
  '@tdkt/config': 'libs/config',
  '@tdkt/domain': 'libs/domain',
  '@tdkt/persistence': 'libs/persistence',
  '@tdkt/platform': 'libs/platform',
  '@tdkt/workflows': 'workflows',
};

const WORKSPACE_REQUIRE = /(require(?:\.resolve)?\()"(@tdkt\/[a-z-]+)(\/[^"]*)?"\)/g;

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

/** `require("@tdkt/domain")` in dist/apps/api/src/x.js → `require("../../../libs/domain/src/index")`. */
export function rewriteWorkspaceImports(code: string, file: string, dist = DIST): string {
  return code.replace(WORKSPACE_REQUIRE, (_all, call: string, pkg: string, sub: string | undefined) => {
    const dir = WORKSPACES[pkg];
    if (!dir) throw new Error(`${relative(dist, file)}: unknown workspace package ${pkg}`);
    const target = join(dist, dir, sub ? sub.slice(1) : 'src/index');
    let rel = relative(dirname(file), target);
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${call}"${rel}")`;
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const step = (what: string) => console.log(`[build] ${what} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  rmSync(DIST, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')],
    { cwd: ROOT, stdio: 'inherit' },
  );
  step('compiled');
  let rewritten = 0;
  for (const file of jsFiles(DIST)) {
    const code = readFileSync(file, 'utf8');
    const out = rewriteWorkspaceImports(code, file);
    if (out !== code) {
      writeFileSync(file, out);
      rewritten++;
    }
    if (/require(?:\.resolve)?\("@tdkt\//.test(out)) throw new Error(`${file}: a workspace import is left`);
  }
  step(`workspace imports made relative in ${rewritten} files`);
  const quiet = {
    log: () => undefined,
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: console.warn,
    error: console.error,
  };
  // With the request-context and OpenTelemetry workflow interceptors (the worker registers their sink).
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('@tdkt/workflows'),
    workflowInterceptorModules: [...WORKFLOW_INTERCEPTOR_MODULES],
    logger: quiet,
  });
  writeFileSync(join(DIST, 'workflow-bundle.js'), code);
  step('workflow bundle written');
  const web = await buildWebApp({ force: process.argv.includes('--force-web') });
  cpSync(WEB_DIST, join(DIST, 'apps/web/dist'), { recursive: true });
  step(`web app ${web.built ? 'built' : 'up to date'} and copied`);
  console.log(
    `[build] dist/ ready: node dist/infra/src/migrate.js, node dist/apps/api/src/main.js, node dist/apps/worker/src/main.js`,
  );
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error('[build] failed:', e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
