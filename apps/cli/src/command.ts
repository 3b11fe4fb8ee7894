/** What a command of the command line is: a function from its arguments to an outcome (main.ts prints it). */
export type CommandOutcome =
  { kind: 'ok'; lines: readonly string[] } | { kind: 'usage'; message: string } | { kind: 'failed'; message: string };

export interface CliCommand {
  /** The command's forms, without its name, one per line of the usage message, e.g. "add <YYYY-MM-DD> <n>". */
  usage: readonly string[];
  run(args: readonly string[]): CommandOutcome | Promise<CommandOutcome>;
}
