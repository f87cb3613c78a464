/**
 * `pnpm konvent <command>`: the command-line interface for operators (accounts, working
 * groups, the demo, backup and restore). Exit codes: 0 ok, 1 the command failed, 2 the
 * command line is wrong, 78 the configuration (environment) is wrong.
 */
import { ConfigError } from '../config';
import { backup, dbMigrate, restore } from './commands/database';
import { seedDemoCommand } from './commands/demo';
import { memberAdd, workspaceCreate } from './commands/workspaces';
import { tokenCreate, userCreate } from './commands/users';
import { createCliEnvironment, type CliEnvironment } from './environment';
import { CliFailure, ExitCode, UsageError, commandHelp, parseCommandArgs, type Command } from './framework';

const commands: Command[] = [
  userCreate,
  workspaceCreate,
  memberAdd,
  tokenCreate,
  seedDemoCommand,
  backup,
  restore,
  dbMigrate,
];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 3;
  return [
    'Konvent command-line interface.',
    '',
    'Usage: pnpm konvent <command> [options]     (konvent <command> --help for its options)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'The data directory is KONVENT_DATA_DIR (default ./data, relative to where you run the command),',
    'the same variable the server reads. Exit codes: 0 ok, 1 failed, 2 wrong usage, 78 bad configuration.',
    '',
  ].join('\n');
}

async function runCli(argv: string[], env: CliEnvironment = createCliEnvironment()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    env.err(overview());
    return ExitCode.Usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    env.out(overview());
    return ExitCode.Ok;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    const parsed = parseCommandArgs(command, rest);
    if (!parsed) {
      env.out(commandHelp(command));
      return ExitCode.Ok;
    }
    await command.run({ ...parsed, env });
    return ExitCode.Ok;
  } catch (err) {
    if (err instanceof UsageError) {
      env.err(`konvent: ${err.message}`);
      env.err(command ? `Usage: see konvent ${command.name} --help` : 'Run konvent --help for the list of commands.');
      return ExitCode.Usage;
    }
    if (err instanceof ConfigError) {
      env.err(`konvent: ${err.message}`);
      return ExitCode.Config;
    }
    if (err instanceof CliFailure) {
      env.err(`konvent: ${err.message}`);
      return ExitCode.Failure;
    }
    // Anything else is unexpected (a database error, a bug): show the details.
    env.err(`konvent: ${name} failed: ${(err as Error)?.stack ?? String(err)}`);
    return ExitCode.Failure;
  } finally {
    env.close();
  }
}

// `konvent --help | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`konvent: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = ExitCode.Failure;
  },
);
