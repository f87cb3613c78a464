/**
 * Group commit of accepted updates: they collect in memory and are appended to the log in
 * one transaction per batch, at most `delayMs` (well inside the 100 ms of the contract)
 * after the first of the batch arrived. Keeps SQLite off the per-keystroke path.
 *
 * If the transaction fails nothing of the batch is stored, and `onFailure` learns which
 * documents lost updates: the registry then drops those documents from memory and closes
 * their connections, so clients keep the edits and send them again on reconnect.
 */
import type { DocumentStore, LogEntry } from './documentStore';

export interface FlushResult {
  /** Per document: how many entries were stored, and the last editor. */
  stored: Map<string, { count: number; lastUserId: string | null; lastAt: number }>;
}

export interface UpdateJournalOptions {
  delayMs: number;
  /** Flush at once when this many entries are waiting. */
  maxBatch: number;
  onFlushed(result: FlushResult): void;
  onFailure(docNames: Set<string>, error: unknown): void;
}

export class UpdateJournal {
  private pending: LogEntry[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: UpdateJournalOptions,
  ) {}

  append(docName: string, update: Uint8Array, userId: string | null): void {
    this.pending.push({ docName, update, userId, at: Date.now() });
    if (this.pending.length >= this.options.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.delayMs);
  }

  hasPending(docName: string): boolean {
    return this.pending.some((e) => e.docName === docName);
  }

  /** Stores everything waiting, synchronously. Returns false when the transaction failed. */
  flush(): boolean {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    if (batch.length === 0) return true;
    this.pending = [];
    try {
      this.store.append(batch);
    } catch (error) {
      this.options.onFailure(new Set(batch.map((e) => e.docName)), error);
      return false;
    }
    const stored: FlushResult['stored'] = new Map();
    for (const e of batch) {
      const s = stored.get(e.docName);
      if (s) {
        s.count++;
        s.lastUserId = e.userId ?? s.lastUserId;
        s.lastAt = e.at;
      } else stored.set(e.docName, { count: 1, lastUserId: e.userId, lastAt: e.at });
    }
    this.options.onFlushed({ stored });
    return true;
  }

  /** Forgets waiting entries of a document that is being dropped after a failure. */
  discard(docName: string): void {
    this.pending = this.pending.filter((e) => e.docName !== docName);
  }
}
