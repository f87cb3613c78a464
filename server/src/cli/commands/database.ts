/** `backup`, `restore` and `db:migrate`: the SQLite file as a whole. */
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '@konvent/db';
import { CliFailure, type Command } from '../framework';
import type { CliEnvironment } from '../environment';

type Sqlite = Db['$client'];
// Backups are checked through a plain connection without openDatabase's pragmas, so
// checking one never changes it.

/** Tables a Konvent database has from its first migration on; restore checks for them. */
const requiredTables = ['users', 'workspaces', 'memberships', 'topics', 'sections', 'audit_log', '__drizzle_migrations'];

function requireDatabase(env: CliEnvironment): string {
  const path = env.config().databasePath;
  if (!existsSync(path)) {
    throw new CliFailure(`There is no database at ${path}. Check KONVENT_DATA_DIR (resolved against ${env.cwd}).`);
  }
  return path;
}

/** A temporary name beside the target, so the final rename is atomic and a crash leaves no half file. */
const partialName = (target: string) => join(dirname(target), `.${basename(target)}.partial-${process.pid}`);

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export const backup: Command = {
  name: 'backup',
  summary: 'Write a consistent copy of the database to a file (SQLite online backup; the server may keep running).',
  positionals: ['file'],
  options: {
    force: { type: 'boolean', description: 'Overwrite the file if it exists.' },
  },
  notes: [
    'Relative paths are resolved against the directory you run the command in.',
    'Also keep a copy of secret.key from the data directory: login sessions and access tokens are hashed with it. ' +
      'Passwords and content do not depend on it.',
  ],
  async run({ values, positionals, env }) {
    const target = env.path(positionals[0]!);
    if (existsSync(target) && values.force !== true) {
      throw new CliFailure(`${target} exists already. Choose another file or pass --force to overwrite it.`);
    }
    if (existsSync(target) && statSync(target).isDirectory()) throw new CliFailure(`${target} is a directory.`);
    if (!existsSync(dirname(target))) throw new CliFailure(`The directory ${dirname(target)} does not exist.`);
    const source = requireDatabase(env);
    const db = env.db({ migrate: false });
    const partial = partialName(target);
    try {
      await db.$client.backup(partial);
      // The copy inherits WAL mode; switch it to a rollback journal so the backup is one
      // self-contained file that opening it (even read-only) does not grow -wal/-shm files beside.
      const copy = new Database(partial);
      copy.pragma('journal_mode = DELETE');
      copy.close();
      renameSync(partial, target);
    } catch (err) {
      rmSync(partial, { force: true });
      throw new CliFailure(`The backup failed: ${(err as Error).message}`);
    }
    env.out(`Backed up ${source} to ${target} (${mib(statSync(target).size)}).`);
  },
};

/** Opens a file read-only and checks that it is an intact Konvent database. */
function checkKonventDatabase(file: string): void {
  let candidate: Sqlite | undefined;
  try {
    candidate = new Database(file, { readonly: true, fileMustExist: true });
    const check = candidate.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CliFailure(`${file} is damaged (quick_check: ${String(check)}).`);
    const names = new Set(
      (candidate.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((r) => r.name),
    );
    const missing = requiredTables.filter((t) => !names.has(t));
    if (missing.length) throw new CliFailure(`${file} is not a Konvent database (missing tables: ${missing.join(', ')}).`);
  } catch (err) {
    if (err instanceof CliFailure) throw err;
    throw new CliFailure(`${file} is not a readable SQLite database: ${(err as Error).message}`);
  } finally {
    candidate?.close();
  }
}

/**
 * Best effort only: asks /healthz on the configured port. A server started with another
 * PORT or on another machine sharing the directory is not seen; the help text says so.
 */
async function serverAnswers(env: CliEnvironment): Promise<string | null> {
  const { port, host } = env.config();
  const hostname = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostname}:${port}/healthz`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    const body = (await res.json().catch(() => null)) as { status?: string } | null;
    return body?.status === 'ok' ? url : null;
  } catch {
    return null;
  }
}

export const restore: Command = {
  name: 'restore',
  summary: 'Replace the database with a backup file. Only while the server is stopped.',
  positionals: ['file'],
  options: {},
  notes: [
    'Stop the server first. The command refuses when a Konvent server answers on the configured PORT, but it ' +
      'cannot see a server started with another PORT: a running server would keep writing to the replaced file ' +
      'and its work would be lost.',
    'The file must be an intact Konvent database. The current database is kept beside it as ' +
      'konvent.sqlite.before-restore-<time>; the restored one is migrated to this version\'s schema.',
    'Sessions and access tokens only work if secret.key in the data directory is the one the backup was made with.',
  ],
  async run({ positionals, env }) {
    const source = env.path(positionals[0]!);
    if (!existsSync(source)) throw new CliFailure(`There is no file ${source}.`);
    const { databasePath } = env.config();
    if (source === databasePath) throw new CliFailure(`${source} is the live database itself.`);
    checkKonventDatabase(source);
    const running = await serverAnswers(env);
    if (running) throw new CliFailure(`A Konvent server answers at ${running}. Stop it before restoring.`);

    let kept: string | undefined;
    if (existsSync(databasePath)) {
      // Fold the write-ahead log into the file first, so the kept copy is complete on its own.
      const current = new Database(databasePath);
      current.pragma('wal_checkpoint(TRUNCATE)');
      current.close();
      kept = `${databasePath}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(databasePath, kept);
      for (const suffix of ['-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
    }
    // A backup of the backup: consistent even if the file still has its own -wal beside it.
    const partial = partialName(databasePath);
    try {
      const from = new Database(source, { readonly: true });
      try {
        await from.backup(partial);
      } finally {
        from.close();
      }
      renameSync(partial, databasePath);
      closeDatabase(openDatabase(databasePath));
    } catch (err) {
      rmSync(partial, { force: true });
      if (kept && !existsSync(databasePath)) renameSync(kept, databasePath);
      throw new CliFailure(`The restore failed and the previous database was left in place: ${(err as Error).message}`);
    }
    env.out(`Restored ${databasePath} from ${source}.${kept ? ` The previous database is kept as ${kept}.` : ''}`);
  },
};

export const dbMigrate: Command = {
  name: 'db:migrate',
  summary: 'Bring the database schema up to date (the server also does this at start).',
  options: {},
  run({ env }) {
    const db = env.db({ migrate: false });
    const countApplied = () =>
      (db.$client.prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'").get() as { n: number }).n
        ? (db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n
        : 0;
    const before = countApplied();
    env.close();
    const migrated = env.db();
    const after = (migrated.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    env.out(
      after > before
        ? `Applied ${after - before} migration(s) to ${env.config().databasePath}; ${after} in total.`
        : `${env.config().databasePath} is up to date (${after} migrations).`,
    );
  },
};
