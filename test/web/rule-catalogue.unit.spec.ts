/**
 * Every refusal rule code the domain emits (reject(code, rule, …) in libs/domain) has a Vietnamese message in the web
 * app's catalogue (apps/web/src/i18n/rules.ts); codes built from a command name match its patterns.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hasVietnamese } from '../../apps/web/src/i18n/rules';

const ROOT = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

/** The second argument of every reject(...) call; a template literal's ${…} parts become a sample name. */
function ruleCodes(): string[] {
  const codes = new Set<string>();
  for (const f of files(join(ROOT, 'libs/domain/src'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/reject\(\s*'[A-Z_]+',\s*(['`])([^'`]+)\1/g))
      codes.add(m[2].replace(/\$\{[^}]+\}/g, 'SubmitDossier'));
  }
  return [...codes].sort();
}

test('the domain emits rule codes (the scan finds them)', () => {
  expect(ruleCodes().length).toBeGreaterThan(40);
});

test('every rule code the domain emits has a Vietnamese message', () => {
  expect(ruleCodes().filter((c) => !hasVietnamese(c))).toEqual([]);
});
