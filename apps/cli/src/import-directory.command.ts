import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { DIRECTORY_IMPORT_SHEETS, vietnamDate, type DirectoryImportSheet } from '@tdkt/domain';
import { createDataSource, DirectoryImporter, UnreadableFile, eventStoreWithReadModels } from '@tdkt/persistence';
import type { CliCommand, CommandOutcome } from './command';

/**
 * `import-directory <file.xlsx|file.csv> [--dry-run] [--sheet units|users]`: units and users into the directory
 * (DATABASE_URL), as the API's POST /api/admin/directory-imports does: every row error listed and nothing written while
 * any remains; otherwise one event per row in the unit's or user's directory stream, all rows in one transaction, the
 * actor `cli:<os user>`. The same file imported before is refused (exit 1).
 */
export const importDirectoryCommand: CliCommand = {
  usage: ['<file.xlsx|file.csv> [--dry-run] [--sheet units|users]'],
  async run(args): Promise<CommandOutcome> {
    const dryRun = args.includes('--dry-run');
    const sheetAt = args.indexOf('--sheet');
    const sheet = sheetAt >= 0 ? args[sheetAt + 1] : undefined;
    if (sheetAt >= 0 && !(DIRECTORY_IMPORT_SHEETS as readonly (string | undefined)[]).includes(sheet))
      return { kind: 'usage', message: '--sheet is units or users' };
    const files = args.filter((a, i) => a !== '--dry-run' && (sheetAt < 0 || (i !== sheetAt && i !== sheetAt + 1)));
    if (files.length !== 1 || files[0].startsWith('--'))
      return { kind: 'usage', message: 'import-directory needs one .xlsx or .csv file' };
    const url = process.env.DATABASE_URL;
    if (!url)
      return { kind: 'usage', message: 'DATABASE_URL must point at the database (e.g. the one `npm run up` prints)' };
    let bytes: Buffer;
    try {
      bytes = readFileSync(files[0]);
    } catch (e) {
      return { kind: 'usage', message: `cannot read ${files[0]}: ${e instanceof Error ? e.message : String(e)}` };
    }
    const ds = await createDataSource(url, { applicationName: 'tdkt-cli' }).initialize();
    try {
      const actor = { userId: `cli:${userInfo().username}`, role: 'ADMINISTRATOR' as const };
      const out = await new DirectoryImporter(ds, eventStoreWithReadModels(ds)).run(
        { bytes, name: basename(files[0]) },
        actor,
        {
          dryRun,
          today: vietnamDate(Date.now()),
          ...(sheet ? { sheet: sheet as DirectoryImportSheet } : {}),
        },
      );
      const count = (s: DirectoryImportSheet) => out.rows.filter((r) => r.sheet === s).length;
      const head = `${basename(files[0])} (SHA-256 ${out.fileSha256}): ${count('units')} unit rows, ${count('users')} user rows, ${out.errors.length} row errors`;
      const errors = out.errors.map((e) => `  ${e.sheet} row ${e.row}, ${e.column}: ${e.message} [${e.rule}]`);
      if (out.refusal) return { kind: 'failed', message: [head, out.refusal.message, ...errors].join('\n') };
      const rows = out.rows.map((r) => `  ${r.sheet} row ${r.row}: ${r.action} ${r.key}`);
      return {
        kind: 'ok',
        lines: [
          head,
          ...rows,
          dryRun
            ? 'dry run: nothing was changed'
            : `imported ${out.imported} rows (one event each, actor ${actor.userId})`,
        ],
      };
    } catch (e) {
      if (e instanceof UnreadableFile) return { kind: 'failed', message: e.message };
      throw e;
    } finally {
      await ds.destroy();
    }
  },
};
