/**
 * The database package: drizzle schema, migrations and `openDatabase(path)`.
 * Schema changes only through `pnpm db:generate` (drizzle-kit) and the migrations folder.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index';

export * as schema from './schema/index';
export * from './schema/index';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDatabaseOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Where the migration files are; defaults to this package's `migrations/`. */
  migrationsFolder?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** db/migrations from source; dist/migrations beside the bundled server. */
export const defaultMigrationsFolder = [resolve(here, '..', 'migrations'), resolve(here, 'migrations')].find(
  (dir) => existsSync(resolve(dir, 'meta', '_journal.json')),
) ?? resolve(here, '..', 'migrations');

/**
 * Opens (and creates) the SQLite file with WAL, foreign keys and a busy timeout, and
 * brings its schema up to date.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // NORMAL is durable in WAL mode against process crashes (only an OS crash or power
  // loss can roll back the last transactions), and much faster than FULL.
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema }) as Db;
  if (options.migrate !== false) {
    migrate(db, { migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder });
  }
  return db;
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}

/**
 * One value per open database, built on first use: prepared statements and the like, which
 * hot paths must not rebuild per call. Kept weakly, so a closed database takes them along.
 */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const values = new WeakMap<Db, T>();
  return (db) => {
    let value = values.get(db);
    if (value === undefined) values.set(db, (value = build(db)));
    return value;
  };
}
