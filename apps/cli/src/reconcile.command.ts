import { Client, Connection } from '@temporalio/client';
import { loadConfig, temporalConnectionOptions } from '@tdkt/config';
import { createDataSource, DecisionNumbers, eventStoreWithReadModels } from '@tdkt/persistence';
import { dataConverter, reconcile, type ReconcileReport } from '@tdkt/platform';
import type { CliCommand } from './command';

/** The report as lines: what was (or would be) appended again, and what needs a person. */
export function reconcileLines(r: ReconcileReport): string[] {
  const verb = r.apply ? 'appended again' : 'would append again (dry run; --apply to do it)';
  return [
    `${r.workflows} workflows read, ${r.streams} streams compared${r.apply ? `, ${r.numbersChecked} decision numbers checked` : ''}`,
    ...r.repaired.map(
      (s) =>
        `  ${s.streamId}: table at ${s.tableSeq}, workflow ${s.workflowId} at ${s.workflowSeq}: ${s.events} events ${verb}`,
    ),
    ...(r.repaired.length === 0 ? ['  nothing lost: every stream holds what its workflows appended'] : []),
    ...(r.needsPerson.length
      ? [
          'needs a person:',
          ...r.needsPerson.map(
            (i) =>
              `  ${i.kind} ${'streamId' in i ? i.streamId : 'dossierId' in i ? i.dossierId : i.workflowId}: ${i.message}`,
          ),
        ]
      : []),
  ];
}

/**
 * `reconcile [--apply] [--query <visibility query>]`: after the app database was restored to an earlier point, compare
 * every running workflow's appended events with its stream and append again what the table lost (README "Backup and
 * restore"). Uses the worker's environment (DATABASE_URL, TEMPORAL_*, TEMPORAL_CODEC_KEYS). Exit 1 when something
 * needs a person.
 */
export const reconcileCommand: CliCommand = {
  usage: [
    '[--apply] [--query \'ExecutionStatus = "Running"\']   after a restore: append again the events the workflows hold and the table lost (dry run without --apply)',
  ],
  async run(input) {
    const args = [...input];
    const apply = args.includes('--apply');
    const at = args.indexOf('--query');
    const query = at >= 0 ? args[at + 1] : undefined;
    if (at >= 0 && !query) return { kind: 'usage', message: '--query needs a visibility query' };
    const unknown = args.filter((a, i) => a !== '--apply' && i !== at && i !== at + 1);
    if (unknown.length) return { kind: 'usage', message: `unknown arguments: ${unknown.join(' ')}` };
    const config = loadConfig();
    const ds = await createDataSource(config.databaseUrl, { applicationName: 'tdkt-cli' }).initialize();
    const connection = await Connection.connect(temporalConnectionOptions(config.temporal));
    try {
      const converter = dataConverter(config.temporal);
      const temporal = new Client({ connection, namespace: config.temporal.namespace, dataConverter: converter });
      const report = await reconcile(
        {
          temporal,
          dataConverter: converter,
          events: eventStoreWithReadModels(ds),
          decisionNumbers: new DecisionNumbers(ds),
        },
        { apply, ...(query ? { query } : {}) },
      );
      const lines = reconcileLines(report);
      return report.needsPerson.length ? { kind: 'failed', message: lines.join('\n') } : { kind: 'ok', lines };
    } finally {
      await connection.close();
      await ds.destroy();
    }
  },
};
