import { readFileSync, writeFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import {
  ANCHOR_FORMAT,
  Anchors,
  ChainVerifier,
  createDataSource,
  publish,
  READ_MODELS,
  readModelNames,
  rebuildReadModels,
  type PublishedAnchor,
  type VerificationReport,
  eventStoreWithReadModels,
} from '@tdkt/persistence';
import type { CliCommand, CommandOutcome } from './command';

/** Runs a function against DATABASE_URL's database and closes it. */
async function withDatabase<T>(fn: (ds: DataSource) => Promise<T>): Promise<T | CommandOutcome> {
  const url = process.env.DATABASE_URL;
  if (!url)
    return { kind: 'usage', message: 'DATABASE_URL must point at the database (e.g. the one `npm run up` prints)' };
  const ds = await createDataSource(url, { applicationName: 'tdkt-cli' }).initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

const isOutcome = (v: unknown): v is CommandOutcome => typeof v === 'object' && v !== null && 'kind' in v;

/** Reads an anchor file written by `anchor-export` (what an auditor kept), or explains what is wrong with it. */
function readAnchorFile(file: string): PublishedAnchor | CommandOutcome {
  let parsed: Partial<PublishedAnchor>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<PublishedAnchor>;
  } catch (e) {
    return {
      kind: 'usage',
      message: `cannot read the anchor file ${file}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (parsed.format !== ANCHOR_FORMAT || !Number.isInteger(parsed.seq) || !/^[0-9a-f]{64}$/.test(parsed.hash ?? ''))
    return { kind: 'usage', message: `${file} is not an anchor file (${ANCHOR_FORMAT} with seq and hash)` };
  return parsed as PublishedAnchor;
}

const problemLine = (p: NonNullable<VerificationReport['problems']>[number]) =>
  `  ${p.problem}${p.streamId ? ` stream ${p.streamId}` : ''}${p.seq !== undefined ? ` event ${p.seq}` : ''}${p.anchorSeq !== undefined ? ` anchor ${p.anchorSeq}` : ''}` +
  `${p.expected !== undefined ? ` (expected ${p.expected}${p.found !== undefined ? `, found ${p.found}` : ''})` : ''}`;

/**
 * `verify-chain [dossier-id] [--anchor-file <file>]`: recomputes the hash chains, holds every stream to the latest
 * anchor and every decision to its chain head at signing, and, given an anchor file an auditor kept, checks that
 * anchor is still in the anchor chain (exit 1 when anything is wrong).
 */
export const verifyChainCommand: CliCommand = {
  usage: [
    '[<dossier-or-session-id>] [--anchor-file <file>]   recompute the hash chains against the anchors (all streams when no id is given)',
  ],
  async run(input) {
    const args = [...input];
    const at = args.indexOf('--anchor-file');
    let published: PublishedAnchor | undefined;
    if (at >= 0) {
      const file = args[at + 1];
      if (!file) return { kind: 'usage', message: '--anchor-file needs a file' };
      const read = readAnchorFile(file);
      if (isOutcome(read)) return read;
      published = read;
      args.splice(at, 2);
    }
    if (args.length > 1) return { kind: 'usage', message: 'verify-chain takes at most one id' };
    if (args[0] && published)
      return { kind: 'usage', message: '--anchor-file checks the whole table: give no id with it' };
    const report = await withDatabase((ds) => {
      const verifier = new ChainVerifier(eventStoreWithReadModels(ds), new Anchors(ds));
      return args[0] ? verifier.verifyDossier(args[0]) : verifier.verifyAll(published);
    });
    if (isOutcome(report)) return report;
    const anchored = report.anchor
      ? `; against anchor ${report.anchor.seq} of ${report.anchor.anchoredAt} (${report.anchor.streams} streams)`
      : '; no anchor yet';
    const kept = published ? `; the kept anchor ${published.seq} is in the anchor chain` : '';
    const summary = `${report.events} events in ${report.dossiers} streams`;
    if (report.ok)
      return {
        kind: 'ok',
        lines: [`chain intact: ${summary}${report.head ? `; head ${report.head}` : ''}${anchored}${kept}`],
      };
    const b = report.firstBreak;
    const lines = [
      ...(b
        ? [
            `chain BROKEN after ${summary}: stream ${b.dossierId} event ${b.seq}: ${b.problem} (expected ${b.expected}, found ${b.found})`,
          ]
        : [`tampering DETECTED in ${summary}${anchored}:`]),
      ...(report.problems ?? []).map(problemLine),
      ...(report.problemsOmitted ? [`  … and ${report.problemsOmitted} more`] : []),
    ];
    return { kind: 'failed', message: lines.join('\n') };
  },
};

/** `anchor`: records every stream head that moved since the latest anchor (what the worker's periodic job does). */
export const anchorCommand: CliCommand = {
  usage: ['   anchor every stream head now (the worker also does it periodically)'],
  async run(args) {
    if (args.length) return { kind: 'usage', message: 'anchor takes no arguments' };
    const result = await withDatabase((ds) => new Anchors(ds).anchor({ wait: true }));
    if (isOutcome(result)) return result;
    const a = result.anchor;
    const line = !a
      ? 'no streams to anchor yet'
      : result.created
        ? `anchor ${a.seq}: ${a.hash} at ${a.anchoredAt}, ${a.streams} streams (${result.changed} heads moved)`
        : `no stream moved since anchor ${a.seq} (${a.hash})`;
    if (result.refused.length === 0) return { kind: 'ok', lines: [line] };
    const refused = result.refused.map(
      (h) => `  stream ${h.streamId}: no longer continues its anchored event ${h.seq} (${h.hash}); left at it`,
    );
    return {
      kind: 'failed',
      message: [line, `${result.refused.length} streams REFUSED (run verify-chain):`, ...refused].join('\n'),
    };
  },
};

/** `anchor-export <file>`: writes the latest anchor (seq, hash, time, streams) for an auditor to keep outside the database. */
export const anchorExportCommand: CliCommand = {
  usage: ['<file>   write the latest anchor to a file an auditor keeps (verify-chain --anchor-file <file> checks it)'],
  async run(args) {
    if (args.length !== 1) return { kind: 'usage', message: 'anchor-export takes the file to write' };
    const latest = await withDatabase((ds) => new Anchors(ds).latest());
    if (isOutcome(latest)) return latest;
    if (!latest) return { kind: 'failed', message: 'no anchor yet: run `anchor` first' };
    writeFileSync(args[0], `${JSON.stringify(publish(latest), null, 2)}\n`);
    return {
      kind: 'ok',
      lines: [
        `anchor ${latest.seq} (${latest.hash}, ${latest.anchoredAt}, ${latest.streams} streams) written to ${args[0]}`,
      ],
    };
  },
};

/**
 * `rebuild-read-models [--only <read model>]`: replays the event table into shadow tables and swaps them in (online;
 * one transaction), every read model or one, printing the events replayed out of the total as it goes.
 */
export const rebuildCommand: CliCommand = {
  usage: [
    '   replay the event table into shadow read models and swap them in (readers and appends go on meanwhile)',
    '--only <read model>   the same for one read model (its name or one of its tables) and those sharing its tables',
  ],
  async run(args) {
    let only: string | undefined;
    if (args.length === 2 && args[0] === '--only') only = args[1];
    else if (args.length)
      return { kind: 'usage', message: 'rebuild-read-models takes no argument but --only <read model>' };
    if (only !== undefined && !readModelNames().includes(only))
      return {
        kind: 'usage',
        message: `no read model is named ${JSON.stringify(only)}; one of:\n${READ_MODELS.map(
          (r) => `  ${JSON.stringify(r.name)} (${r.tables.join(', ')})`,
        ).join('\n')}`,
      };
    let reported = 0;
    const result = await withDatabase((ds) =>
      rebuildReadModels(ds, {
        ...(only !== undefined ? { only } : {}),
        onProgress: (done, total) => {
          if (Date.now() - reported < 1000 && done < total) return;
          reported = Date.now();
          process.stderr.write(`replayed ${done} of ${total} events\n`);
        },
      }),
    );
    if (isOutcome(result)) return result;
    return {
      kind: 'ok',
      lines: [
        `rebuilt ${result.tables.join(', ')} from ${result.events} events (${result.caughtUp} appended during the replay; appends paused ${result.swapMs.toFixed(0)} ms for the swap)`,
      ],
    };
  },
};
