/**
 * The project's command line: `npm run cli -- <command> [arguments]`. Plain Node, no NestJS and no servers.
 * A command is a function from its arguments to an outcome; this file alone writes output and picks the exit code:
 * 0 done, 1 the request was understood but refused, 2 bad arguments (usage on stderr).
 */
import { anchorCommand, anchorExportCommand, rebuildCommand, verifyChainCommand } from './audit.command';
import { workingDaysCommand } from './working-days.command';
import { importAwardsCommand } from './import-awards.command';
import { reconcileCommand } from './reconcile.command';
import { importDirectoryCommand } from './import-directory.command';

export type { CliCommand, CommandOutcome } from './command';
import type { CliCommand, CommandOutcome } from './command';

/** Add a command here (e.g. 'verify-chain') and it is dispatched and listed in the usage message. */
const COMMANDS: Readonly<Record<string, CliCommand>> = {
  'working-days': workingDaysCommand,
  'verify-chain': verifyChainCommand,
  'rebuild-read-models': rebuildCommand,
  anchor: anchorCommand,
  'anchor-export': anchorExportCommand,
  'import-awards': importAwardsCommand,
  reconcile: reconcileCommand,
  'import-directory': importDirectoryCommand,
};

const usage = (): string =>
  [
    'Usage: npm run cli -- <command> [arguments]',
    ...Object.entries(COMMANDS).flatMap(([name, command]) => command.usage.map((form) => `  ${name} ${form}`)),
  ].join('\n');

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  const outcome: CommandOutcome = command
    ? await command.run(args)
    : { kind: 'usage', message: name ? `Unknown command "${name}"` : 'No command given' };
  switch (outcome.kind) {
    case 'ok':
      for (const line of outcome.lines) process.stdout.write(`${line}\n`);
      return 0;
    case 'usage':
      process.stderr.write(`${outcome.message}\n${usage()}\n`);
      return 2;
    case 'failed':
      process.stderr.write(`${outcome.message}\n`);
      return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
