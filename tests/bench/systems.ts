/**
 * The three systems under test: how each stores what a workload needs before it starts, and
 * how it is started as its own production process on that storage.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  apiTokens,
  closeDatabase,
  documents,
  memberships,
  openDatabase,
  sections,
  users,
  workspaces,
} from '@konvent/db';
import * as Y from 'yjs';
import type { Endpoint, SystemName } from './messages';
import { startServer, type ServerProcess } from './processes';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
const require = createRequire(import.meta.url);

/** The part of better-sqlite3 used to seed Hocuspocus (its types are a dependency of db/, not of tests/). */
interface Sqlite {
  exec(sql: string): void;
  prepare(sql: string): { run(...params: unknown[]): unknown };
  transaction(fn: () => void): () => void;
  close(): void;
}
const Database = require('better-sqlite3') as new (path: string) => Sqlite;

export interface SeedDoc {
  name: string;
  /** Encoded state (Y.encodeStateAsUpdate). */
  state?: Uint8Array;
  /** An update log, oldest first, with `state` as what it adds up to. */
  log?: Uint8Array[];
}

export interface Seed {
  /** One identity (and Konvent token) per simulated client. */
  people: number;
  docs: SeedDoc[];
}

/** Document names are Konvent's (`section:<id>`) for every system, so the workloads match. */
export function sectionName(): string {
  return `section:${randomUUID()}`;
}

export interface System {
  name: SystemName;
  /** Writes the seed into `dir` in the system's own storage; returns client tokens if any. */
  prepare(dir: string, seed: Seed): Promise<string[] | undefined>;
  start(dir: string, port: number): Promise<ServerProcess>;
  endpoint(port: number): Endpoint;
}

const serverEnv = (extra: Record<string, string>) => ({ NODE_OPTIONS: '', ...extra });

export const konvent: System = {
  name: 'konvent',
  async prepare(dir, seed) {
    // The server hashes tokens with the key in <dataDir>/secret.key (see loadSecret).
    const key = randomBytes(32);
    writeFileSync(join(dir, 'secret.key'), key.toString('hex') + '\n', { mode: 0o600 });
    const db = openDatabase(join(dir, 'konvent.sqlite'));
    const tokens: string[] = [];
    try {
      db.$client.transaction(() => {
        const workspace = db.insert(workspaces).values({ name: 'Benchmark' }).returning().get();
        for (let i = 0; i < seed.people; i++) {
          const user = db
            .insert(users)
            .values({ email: `bench${i}@example.org`, name: `Bench ${i}` })
            .returning()
            .get();
          // Moderators may write in every section, so any client may join any section.
          db.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: 'moderator' }).run();
          const token = `kt_${randomBytes(32).toString('base64url')}`;
          const tokenHash = createHmac('sha256', key).update(token).digest('hex');
          db.insert(apiTokens).values({ userId: user.id, name: 'bench', tokenHash, prefix: token.slice(0, 8) }).run();
          tokens.push(token);
        }
        seed.docs.forEach((doc, position) => {
          const id = doc.name.slice('section:'.length);
          db.insert(sections).values({ id, workspaceId: workspace.id, title: `Abschnitt ${position + 1}`, position }).run();
          if (doc.log) {
            // One prepared statement for 100,000 rows: the query builder would take seconds.
            const insert = db.$client.prepare(
              'INSERT INTO document_updates (document_name, "update", user_id, created_at) VALUES (?, ?, NULL, ?)',
            );
            const at = Date.now();
            for (const update of doc.log) insert.run(doc.name, Buffer.from(update), at);
          } else if (doc.state) {
            // As Konvent's own compaction stores a section: the state and its state vector.
            const stateVector = Buffer.from(Y.encodeStateVectorFromUpdate(doc.state));
            db.insert(documents).values({ name: doc.name, snapshot: Buffer.from(doc.state), stateVector, compactedThrough: 0 }).run();
          }
        });
      })();
    } finally {
      closeDatabase(db);
    }
    return tokens;
  },
  start(dir, port) {
    // Started exactly as `pnpm start` starts the production process (scripts/start.mjs).
    const nodeFlags = JSON.parse(readFileSync(join(repoRoot, 'server', 'node-flags.json'), 'utf8')) as string[];
    return startServer(
      'konvent',
      [...nodeFlags, 'server/dist/main.js'],
      serverEnv({
        PORT: String(port),
        HOST: '127.0.0.1',
        KONVENT_DATA_DIR: dir,
        KONVENT_DEMO: '0',
        KONVENT_LOG_LEVEL: 'warn',
      }),
      port,
      repoRoot,
    );
  },
  endpoint: (port) => ({ system: 'konvent', url: `ws://127.0.0.1:${port}/collab` }),
};

const yWebsocketServerDir = dirname(require.resolve('@y/websocket-server/package.json'));

/** y-leveldb exactly as @y/websocket-server loads it (its own dependency, ESM build). */
async function loadYLeveldb(): Promise<any> {
  const from = createRequire(join(realpathSync(yWebsocketServerDir), 'package.json'));
  const pkgPath = from.resolve('y-leveldb/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: { '.': { import: string } } };
  return import(pathToFileURL(join(dirname(pkgPath), pkg.exports['.'].import)).href);
}

export const yWebsocketServer: System = {
  name: 'y-websocket-server',
  async prepare(dir, seed) {
    const { LeveldbPersistence } = await loadYLeveldb();
    const ldb = new LeveldbPersistence(join(dir, 'leveldb'));
    try {
      for (const doc of seed.docs) {
        if (doc.log) {
          // storeUpdate for the first (it also writes the state vector entry), then the rest
          // in batches under the keys storeUpdate would give them (and as Buffers, as its
          // levelPut does): 100,000 awaited puts would take minutes and end in the same bytes.
          const [first, ...rest] = doc.log;
          await ldb.storeUpdate(doc.name, first);
          for (let i = 0; i < rest.length; i += 10_000) {
            const chunk = rest.slice(i, i + 10_000);
            await ldb._transact((db: any) =>
              db.batch(chunk.map((value, k) => ({ type: 'put', key: ['v1', doc.name, 'update', i + k + 1], value: Buffer.from(value) }))),
            );
          }
        } else if (doc.state) {
          await ldb.storeUpdate(doc.name, doc.state);
        }
      }
    } finally {
      await ldb.destroy();
    }
    return undefined;
  },
  start(dir, port) {
    // Its standard server (the package's bin) with its standard persistence, y-leveldb.
    return startServer(
      'y-websocket-server',
      [join(yWebsocketServerDir, 'src', 'server.js')],
      serverEnv({ HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: join(dir, 'leveldb') }),
      port,
      dir,
    );
  },
  endpoint: (port) => ({ system: 'y-websocket-server', url: `ws://127.0.0.1:${port}` }),
};

export const hocuspocus: System = {
  name: 'hocuspocus',
  async prepare(dir, seed) {
    // The SQLite extension stores one row per document holding its whole encoded state
    // (its `store` upserts Y.encodeStateAsUpdate), so a history is stored as its state.
    const db = new Database(join(dir, 'hocuspocus.sqlite'));
    try {
      db.exec('CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))');
      const insert = db.prepare('INSERT INTO "documents" ("name", "data") VALUES (?, ?)');
      db.transaction(() => {
        for (const doc of seed.docs) if (doc.state) insert.run(doc.name, Buffer.from(doc.state));
      })();
    } finally {
      db.close();
    }
    return undefined;
  },
  start(dir, port) {
    return startServer(
      'hocuspocus',
      [join(here, 'servers', 'hocuspocus-server.mjs')],
      serverEnv({ HOST: '127.0.0.1', PORT: String(port), HOCUSPOCUS_SQLITE: join(dir, 'hocuspocus.sqlite') }),
      port,
      dir,
    );
  },
  endpoint: (port) => ({ system: 'hocuspocus', url: `ws://127.0.0.1:${port}` }),
};

export const systems: System[] = [konvent, yWebsocketServer, hocuspocus];
