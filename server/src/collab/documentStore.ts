/**
 * Storage of co-edited documents in SQLite: a compacted snapshot per document
 * (`documents.snapshot`, everything up to `compacted_through`) plus the append-only log
 * (`document_updates`). Synchronous like better-sqlite3: each method is one statement or
 * one transaction, so no other work interleaves with it.
 */
import * as Y from 'yjs';
import type { Db } from '@konvent/db';

type SnapshotRow = { snapshot: Buffer | null; state_vector_length: number | null; compacted_through: number };

/** A document as stored: the snapshot (with its state vector, if known) and the log after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** The snapshot was written by compaction, with its state vector (see documents.stateVector). */
  hasStateVector: boolean;
  log: Uint8Array[];
}

export interface LoadedDocument {
  ydoc: Y.Doc;
  /** Log rows not yet folded into the snapshot. */
  logLength: number;
}

export interface LogEntry {
  docName: string;
  update: Uint8Array;
  userId: string | null;
  at: number;
}

export class DocumentStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly appendAll: (entries: LogEntry[]) => void;
  private readonly compactTx: (name: string, snapshot: Buffer, stateVector: Buffer) => void;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.sql = prepareStatements(sqlite);
    const { insertUpdate, maxLogId, selectCompactedThrough, upsertSnapshot } = this.sql;
    this.appendAll = sqlite.transaction((entries: LogEntry[]) => {
      for (const e of entries) {
        insertUpdate.run(e.docName, toBuffer(e.update), e.userId, e.at);
      }
    });
    this.compactTx = sqlite.transaction((name: string, snapshot: Buffer, stateVector: Buffer) => {
      const through = (maxLogId.get(name) as { id: number | null } | undefined)?.id;
      const previous = (selectCompactedThrough.get(name) as { compacted_through: number } | undefined)?.compacted_through ?? 0;
      // The folded rows stay: every reader skips rows <= compacted_through, and deleting
      // them here (rows of many documents interleave, so each row is on its own page) made
      // compaction the longest stall of the event loop. `sweepFolded` deletes them later.
      upsertSnapshot.run(name, snapshot, stateVector, Math.max(through ?? previous, previous), Date.now());
    });
  }

  /** The stored bytes of a document, without building it (one read, no Yjs work). */
  read(name: string): StoredDocument {
    const row = this.sql.selectSnapshot.get(name) as SnapshotRow | undefined;
    const log = this.sql.selectLog.all(name, row?.compacted_through ?? 0) as { id: number; update: Buffer }[];
    return {
      snapshot: row?.snapshot && row.snapshot.byteLength > 0 ? row.snapshot : null,
      hasStateVector: (row?.state_vector_length ?? 0) > 0,
      log: log.map((entry) => entry.update),
    };
  }

  /**
   * Snapshot plus the log after it, applied in one Yjs transaction. A snapshot written by
   * the demo seeder (full state, compacted_through 0) loads the same way.
   */
  load(name: string): LoadedDocument {
    const stored = this.read(name);
    const ydoc = new Y.Doc({ gc: true });
    applyStored(ydoc, stored);
    return { ydoc, logLength: stored.log.length };
  }

  /** One transaction for the whole batch: either every entry is stored or none is. */
  append(entries: LogEntry[]): void {
    if (entries.length > 0) this.appendAll(entries);
  }

  /**
   * Folds the whole log of `name` into a snapshot of `ydoc` (snapshot and pointer in one
   * transaction); the folded rows are left for `sweepFolded`. The caller guarantees that `ydoc` holds exactly the stored state
   * (its pending log entries are flushed): the snapshot then covers every row it deletes.
   */
  compact(name: string, ydoc: Y.Doc): void {
    const state = Y.encodeStateAsUpdate(ydoc);
    const vector = Y.encodeStateVector(ydoc);
    this.compactTx(name, toBuffer(state), toBuffer(vector));
  }

  /**
   * Deletes at most `limit` rows of `name` that the snapshot already covers; returns how
   * many. Bounded, so a caller can spread a long backlog over many event-loop turns. The
   * bound is read from the stored pointer in the same statement, so it can never delete a
   * row the snapshot does not hold, whatever happened since the compaction.
   */
  sweepFolded(name: string, limit: number): number {
    return this.sql.deleteFoldedChunk.run(name, name, limit).changes;
  }

  /** Documents with folded rows not yet deleted (left by a crash or a shutdown). */
  unsweptDocuments(): string[] {
    return (this.sql.unswept.all() as { name: string }[]).map((r) => r.name);
  }

  saveDerived(
    name: string,
    data: { plainText: string; wordCount: number; lastEditedById: string | null; lastEditedAt: number | null },
  ): void {
    this.sql.upsertDerived.run(name, data.plainText, data.wordCount, data.lastEditedById, data.lastEditedAt, Date.now());
  }
}

/** Applies stored bytes to a document in one transaction (one update event, if any). */
export function applyStored(ydoc: Y.Doc, stored: StoredDocument): void {
  ydoc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
    for (const update of stored.log) Y.applyUpdate(ydoc, update);
  });
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function prepareStatements(sqlite: Db['$client']) {
  const prepare = (sql: string) => sqlite.prepare<unknown[], unknown>(sql);
  return {
    // length() is answered from the record header: the state vector is the table's last
    // column, behind the snapshot and the plain text, and reading its bytes walked both.
    selectSnapshot: prepare(
      'SELECT snapshot, length(state_vector) AS state_vector_length, compacted_through FROM documents WHERE name = ?',
    ),
    selectCompactedThrough: prepare('SELECT compacted_through FROM documents WHERE name = ?'),
    selectLog: prepare('SELECT id, "update" FROM document_updates WHERE document_name = ? AND id > ? ORDER BY id'),
    // The author only while the account exists: an account deleted while its connection
    // was open (outside the app, straight in the database) must not fail the whole batch,
    // and with it every other document in it. The row is kept without author.
    insertUpdate: prepare(
      'INSERT INTO document_updates (document_name, "update", user_id, created_at) VALUES (?, ?, (SELECT id FROM users WHERE id = ?), ?)',
    ),
    maxLogId: prepare('SELECT MAX(id) AS id FROM document_updates WHERE document_name = ?'),
    upsertSnapshot: prepare(
      `INSERT INTO documents (name, snapshot, state_vector, compacted_through, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET snapshot = excluded.snapshot, state_vector = excluded.state_vector,
         compacted_through = excluded.compacted_through, updated_at = excluded.updated_at`,
    ),
    deleteFoldedChunk: prepare(
      `DELETE FROM document_updates WHERE id IN (
         SELECT id FROM document_updates WHERE document_name = ?
           AND id <= (SELECT compacted_through FROM documents WHERE name = ?)
         ORDER BY id LIMIT ?)`,
    ),
    unswept: prepare(
      `SELECT name FROM documents d WHERE d.compacted_through > 0 AND EXISTS (
         SELECT 1 FROM document_updates u WHERE u.document_name = d.name AND u.id <= d.compacted_through)`,
    ),
    // Last editor and time only move forward: a refresh without a new edit keeps them.
    upsertDerived: prepare(
      `INSERT INTO documents (name, plain_text, word_count, last_edited_by_id, last_edited_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET plain_text = excluded.plain_text, word_count = excluded.word_count,
         last_edited_by_id = COALESCE(excluded.last_edited_by_id, documents.last_edited_by_id),
         last_edited_at = COALESCE(excluded.last_edited_at, documents.last_edited_at),
         updated_at = excluded.updated_at`,
    ),
  };
}
