/**
 * The small frame every CLI command runs in: option declarations that double as help text,
 * strict parsing with node:util parseArgs, and errors that map to exit codes.
 */
import { parseArgs } from 'node:util';
import type * as z from 'zod/mini';
import type { CliEnvironment } from './environment';

export const ExitCode = {
  Ok: 0,
  /** The command was understood but could not be carried out. */
  Failure: 1,
  /** The command line itself is wrong: unknown option, missing value, bad value. */
  Usage: 2,
  /** The environment is wrong (sysexits EX_CONFIG), e.g. a bad PORT. */
  Config: 78,
} as const;

/** A mistake in the command line; exits 2 and points to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command could not be carried out; exits 1. */
export class CliFailure extends Error {
  override name = 'CliFailure';
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Shown in the usage line, e.g. `<address>`. */
  placeholder?: string;
  required?: boolean;
}

export type Values = Record<string, string | boolean | undefined>;

export interface CommandInput {
  values: Values;
  positionals: string[];
  env: CliEnvironment;
}

export interface Command {
  name: string;
  summary: string;
  /** Names of required positional arguments, in order. */
  positionals?: string[];
  options: Record<string, OptionSpec>;
  /** Further paragraphs of the --help text. */
  notes?: string[];
  run(input: CommandInput): Promise<void> | void;
}

export function usageLine(command: Command): string {
  const parts = [`konvent ${command.name}`];
  for (const p of command.positionals ?? []) parts.push(`<${p}>`);
  for (const [name, spec] of Object.entries(command.options)) {
    const flag = spec.type === 'string' ? `--${name} ${spec.placeholder ?? '<value>'}` : `--${name}`;
    parts.push(spec.required ? flag : `[${flag}]`);
  }
  return parts.join(' ');
}

export function commandHelp(command: Command): string {
  const width = Math.max(...Object.keys(command.options).map((n) => n.length), 4) + 4;
  const lines = [command.summary, '', `Usage: ${usageLine(command)}`, '', 'Options:'];
  for (const [name, spec] of Object.entries(command.options)) {
    lines.push(`  --${name.padEnd(width)}${spec.description}${spec.required ? ' (required)' : ''}`);
  }
  lines.push(`  --${'help'.padEnd(width)}Show this help.`);
  for (const note of command.notes ?? []) lines.push('', note);
  return lines.join('\n') + '\n';
}

/** Parses a command's arguments strictly; `null` means --help was asked for. */
export function parseCommandArgs(command: Command, args: string[]): { values: Values; positionals: string[] } | null {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(command.options)) options[name] = { type: spec.type };
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    // parseArgs' first sentence names the option ("Unknown option '--emial'."); the rest
    // explains positionals starting with '-', which is noise here.
    const message = (err as Error).message;
    throw new UsageError(message.split(/(?<=\.) /)[0] ?? message);
  }
  const values = parsed.values as Values;
  if (values.help) return null;
  const expected = command.positionals ?? [];
  if (parsed.positionals.length < expected.length) {
    throw new UsageError(`Missing argument <${expected[parsed.positionals.length]}>.`);
  }
  if (parsed.positionals.length > expected.length) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[expected.length]}".`);
  }
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.required && (values[name] === undefined || values[name] === '')) {
      throw new UsageError(`--${name} is required.`);
    }
  }
  return { values, positionals: parsed.positionals };
}

/** Validates one option value with a shared zod schema; the error names the option. */
export function checkOption<S extends z.ZodMiniType>(schema: S, value: unknown, option: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UsageError(`--${option}: ${issue?.message ?? 'invalid value'}.`);
  }
  return result.data;
}

export const stringValue = (values: Values, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};
