/**
 * The module graph has no cycles (type-only imports included: a cycle of types still ties two modules' changes
 * together), and the domain imports nothing but itself. Read from the sources with the TypeScript parser, resolving
 * relative imports and the workspace packages (@tdkt/*), so the check needs no server and no build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const SOURCES = [
  'apps/api/src',
  'apps/worker/src',
  'apps/cli/src',
  'libs/config/src',
  'libs/domain/src',
  'libs/persistence/src',
  'libs/platform/src',
  'workflows/src',
];
const PACKAGES: Record<string, string> = {
  config: 'libs/config/src',
  domain: 'libs/domain/src',
  persistence: 'libs/persistence/src',
  platform: 'libs/platform/src',
  workflows: 'workflows/src',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__histories__' ? [] : filesUnder(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveFile(base: string): string | undefined {
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/** The project files a file imports (relative or @tdkt/<package>[/path]); outside packages are left out. */
function importsOf(file: string): { specifier: string; target?: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  source.forEachChild((node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      specifiers.push(node.moduleSpecifier.text);
  });
  return specifiers.map((specifier) => {
    if (specifier.startsWith('.')) return { specifier, target: resolveFile(resolve(dirname(file), specifier)) };
    const m = /^@tdkt\/([a-z]+)(?:\/src)?(\/.*)?$/.exec(specifier);
    if (m && PACKAGES[m[1]]) return { specifier, target: resolveFile(join(ROOT, PACKAGES[m[1]], m[2] ?? 'index.ts')) };
    return { specifier };
  });
}

const files = SOURCES.flatMap((dir) => filesUnder(join(ROOT, dir)));
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Strongly connected components with more than one module (Tarjan), as paths relative to the repository. */
function cycles(): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const { target: w } of graph.get(v) ?? []) {
      if (!w || !graph.has(w)) continue;
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(relative(ROOT, w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const f of files) if (!indexOf.has(f)) visit(f);
  return found;
}

describe('the module graph', () => {
  it('has no import cycles', () => {
    expect(cycles()).toEqual([]);
  });

  it('keeps the domain free of frameworks, databases, Temporal and Node: it imports only itself', () => {
    const outside = files
      .filter((f) => relative(ROOT, f).startsWith('libs/domain/'))
      .flatMap((f) =>
        (graph.get(f) ?? [])
          .filter((i) => !i.target || !relative(ROOT, i.target).startsWith('libs/domain/'))
          .map((i) => `${relative(ROOT, f)} → ${i.specifier}`),
      );
    expect(outside).toEqual([]);
  });

  it('keeps workflow code to @temporalio/workflow, the domain and itself', () => {
    const allowed = (i: { specifier: string; target?: string }) =>
      i.specifier === '@temporalio/workflow' ||
      i.specifier === '@temporalio/common' ||
      (i.target !== undefined && /^(libs\/domain|workflows)\//.test(relative(ROOT, i.target)));
    const outside = files
      .filter((f) => relative(ROOT, f).startsWith('workflows/src/') && !f.endsWith('interceptors.ts'))
      .flatMap((f) =>
        (graph.get(f) ?? []).filter((i) => !allowed(i)).map((i) => `${relative(ROOT, f)} → ${i.specifier}`),
      );
    expect(outside).toEqual([]);
  });
});
