import type { DataSource } from 'typeorm';
import { ChainVerifier, createDataSource, EventStore, rebuildReadModels } from '@tdkt/persistence';
import type { CliCommand, CommandOutcome } from './main';

/** Runs a function against DATABASE_URL's database and closes it. */
async function withDatabase<T>(fn: (ds: DataSource) => Promise<T>): Promise<T | CommandOutcome> {
  const url = process.env.DATABASE_URL;
  if (!url) return { kind: 'usage', message: 'DATABASE_URL must point at the database (e.g. the one `npm run up` prints)' };
  const ds = await createDataSource(url, { applicationName: 'tdkt-cli' }).initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

const isOutcome = (v: unknown): v is CommandOutcome => typeof v === 'object' && v !== null && 'kind' in v;

/** `verify-chain [dossier-id]`: recomputes the hash chains and names the first broken link (exit 1 when broken). */
export const verifyChainCommand: CliCommand = {
  usage: ['[<dossier-or-session-id>]   recompute the event hash chain (all streams when no id is given)'],
  async run(args) {
    if (args.length > 1) return { kind: 'usage', message: 'verify-chain takes at most one id' };
    const report = await withDatabase((ds) => {
      const verifier = new ChainVerifier(new EventStore(ds));
      return args[0] ? verifier.verifyDossier(args[0]) : verifier.verifyAll();
    });
    if (isOutcome(report)) return report;
    const summary = `${report.events} events in ${report.dossiers} streams`;
    if (report.ok) return { kind: 'ok', lines: [`chain intact: ${summary}${report.head ? `; head ${report.head}` : ''}`] };
    const b = report.firstBreak;
    return { kind: 'failed', message: `chain BROKEN after ${summary}: stream ${b?.dossierId} event ${b?.seq}: ${b?.problem} (expected ${b?.expected}, found ${b?.found})` };
  },
};

/** `rebuild-read-models`: drops every read model and replays the event table (one transaction). */
export const rebuildCommand: CliCommand = {
  usage: ['   drop every read model and replay the event table into it'],
  async run(args) {
    if (args.length) return { kind: 'usage', message: 'rebuild-read-models takes no arguments' };
    const result = await withDatabase((ds) => rebuildReadModels(ds));
    if (isOutcome(result)) return result;
    return { kind: 'ok', lines: [`rebuilt ${result.tables.join(', ')} from ${result.events} events`] };
  },
};
