import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { AwardImporter, createDataSource, UnreadableFile, eventStoreWithReadModels } from '@tdkt/persistence';
import type { CliCommand, CommandOutcome } from './command';

/**
 * `import-awards <file.xlsx|file.csv> [--dry-run]`: historical awards into the award history (DATABASE_URL,
 * PII_HASH_KEY: citizen ids are hashed with it as the file is read, so the key must be the API's). A dry run lists
 * every row error and changes nothing; the same file (same SHA-256) imported before is refused (exit 1).
 * A progress line on stderr while events are appended.
 */
export const importAwardsCommand: CliCommand = {
  usage: ['<file.xlsx|file.csv> [--dry-run]'],
  async run(args): Promise<CommandOutcome> {
    const dryRun = args.includes('--dry-run');
    const files = args.filter((a) => a !== '--dry-run');
    if (files.length !== 1 || files[0].startsWith('--'))
      return { kind: 'usage', message: 'import-awards needs one .xlsx or .csv file' };
    const url = process.env.DATABASE_URL;
    const key = process.env.PII_HASH_KEY ?? '';
    if (!url)
      return { kind: 'usage', message: 'DATABASE_URL must point at the database (e.g. the one `npm run up` prints)' };
    if (key.length < 16)
      return {
        kind: 'usage',
        message: "PII_HASH_KEY must be the API's key (at least 16 characters): citizen ids are hashed with it",
      };
    let bytes: Buffer;
    try {
      bytes = readFileSync(files[0]);
    } catch (e) {
      return { kind: 'usage', message: `cannot read ${files[0]}: ${e instanceof Error ? e.message : String(e)}` };
    }
    const ds = await createDataSource(url, { applicationName: 'tdkt-cli' }).initialize();
    try {
      const importer = new AwardImporter(ds, eventStoreWithReadModels(ds), (id) =>
        createHmac('sha256', key).update(id).digest('hex'),
      );
      const actor = { userId: `cli:${userInfo().username}`, role: 'ADMINISTRATOR' as const };
      const out = await importer.run({ bytes, name: basename(files[0]) }, actor, {
        dryRun,
        onProgress: (done, total) => void process.stderr.write(`\rimported ${done}/${total} rows`),
      });
      if (!dryRun && out.imported) process.stderr.write('\n');
      const errors = out.errors.map((e) => `  row ${e.row}, ${e.column}: ${e.message}`);
      const head = `${basename(files[0])} (SHA-256 ${out.fileSha256}): ${out.rows} valid rows, ${out.errors.length} row errors`;
      if (out.refusal) return { kind: 'failed', message: [head, out.refusal.message, ...errors].join('\n') };
      return {
        kind: 'ok',
        lines: [
          head,
          ...(dryRun
            ? ['dry run: nothing was changed']
            : [`imported ${out.imported} awards as stream ${out.importId}`]),
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
