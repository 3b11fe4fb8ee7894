import { existsSync, readFileSync } from 'node:fs';

/**
 * An operator's JSON file (a province's rule sets, a calendar year): its parsed content, or undefined with the reason
 * added to `problems` naming the file (missing, unreadable, not JSON), so start-up can report every bad file at once.
 */
export function readOperatorJson(file: string, problems: string[]): unknown {
  if (!existsSync(file)) {
    problems.push(`${file}: does not exist`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    return undefined;
  }
}
