/**
 * What a CLI command may use: the configuration (read lazily, so `--help` works with a
 * broken environment), the database, and the directory the person typed the command in.
 */
import { resolve } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '@konvent/db';
import { loadConfig, type Config } from '../config';

export interface CliEnvironment {
  /**
   * The directory the command was typed in. `pnpm konvent` runs in server/, so pnpm's
   * INIT_CWD is used, exactly as server/src/main.ts resolves KONVENT_DATA_DIR.
   */
  cwd: string;
  vars: Record<string, string | undefined>;
  config(): Config;
  /** Opens the database once (migrating it unless told not to). */
  db(options?: { migrate?: boolean }): Db;
  /** A path given on the command line, resolved against `cwd`. */
  path(input: string): string;
  out(text: string): void;
  err(text: string): void;
  close(): void;
}

export function createCliEnvironment(vars: Record<string, string | undefined> = process.env): CliEnvironment {
  const cwd = vars.INIT_CWD ?? process.cwd();
  let config: Config | undefined;
  let db: Db | undefined;
  const env: CliEnvironment = {
    cwd,
    vars,
    config: () => (config ??= loadConfig(vars, cwd)),
    db: (options = {}) => (db ??= openDatabase(env.config().databasePath, { migrate: options.migrate ?? true })),
    path: (input) => resolve(cwd, input),
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    close: () => {
      if (db) closeDatabase(db);
      db = undefined;
    },
  };
  return env;
}
