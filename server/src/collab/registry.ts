/**
 * The documents in memory: loads each once (concurrent first connections share the load;
 * a failed load is not remembered), counts its log towards compaction, and unloads it a
 * while after its last connection went — after flushing and compacting its log.
 */
import * as Y from 'yjs';
import { CloseCodes } from '@konvent/shared';
import type { Logger } from '../logger';
import type { DerivedData } from './derivedData';
import type { DocumentStore } from './documentStore';
import { SharedDoc } from './sharedDoc';
import type { FoldedRowSweeper } from './sweeper';
import type { FlushResult, UpdateJournal } from './updateJournal';

/** 1011 as CloseCodes.InternalError, with the reason a person can act on. */
const StorageFailure = { code: CloseCodes.InternalError.code, reason: 'storage failure; reconnect to resend your changes' };

export interface RegistryOptions {
  unloadMs: number;
  compactAfter: number;
  /**
   * The stored bytes of a document are read and it can answer fresh clients early. Resolves
   * when those early answers are written out: building the Y.Doc blocks the event loop, and
   * a large answer still queued in user space would wait behind it.
   */
  onPreloaded(doc: SharedDoc): Promise<void>;
  /** The longest the build waits for early answers to be written (a slow reader must not hold it). */
  earlyAnswerWaitMs: number;
}

export class DocumentRegistry {
  private readonly docs = new Map<string, SharedDoc>();
  private readonly loading = new Map<string, Promise<SharedDoc>>();
  private readonly preloaded = new Map<string, SharedDoc>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  journal!: UpdateJournal;
  sweeper: FoldedRowSweeper | null = null;
  /**
   * Documents waiting for compaction, run one per event-loop turn: many documents edited at
   * the same rate reach their threshold together, and compacting them back to back (each
   * encodes a whole document and writes a snapshot) stalled every connection.
   */
  private readonly compactQueue = new Set<SharedDoc>();
  private compactDrainScheduled = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly derived: DerivedData,
    private readonly logger: Logger,
    private readonly options: RegistryOptions,
  ) {}

  get(name: string): SharedDoc | undefined {
    return this.docs.get(name);
  }

  get size(): number {
    return this.docs.size;
  }

  /** The loaded document, loading it first if needed. Rejects when storage fails. */
  acquire(name: string): Promise<SharedDoc> {
    this.cancelUnload(name);
    const loaded = this.docs.get(name);
    if (loaded) return Promise.resolve(loaded);
    let pending = this.loading.get(name);
    if (!pending) {
      pending = this.load(name).finally(() => {
        this.loading.delete(name);
        this.preloaded.delete(name);
      });
      this.loading.set(name, pending);
    }
    return pending;
  }

  /**
   * Reads the stored bytes, then builds the Y.Doc one event-loop turn later. In between the
   * document is "preloaded": fresh clients can already get their sync step 2 from a
   * compacted snapshot (see `onPreloaded`), which for a large document is most of the cost.
   */
  private async load(name: string): Promise<SharedDoc> {
    await Promise.resolve();
    const started = performance.now();
    const stored = this.store.read(name);
    const readMs = performance.now() - started;
    // The name as guid: Yjs would otherwise draw a random UUID (36 random draws) per document,
    // which showed in the profile of 100 documents loading at once.
    const doc = new SharedDoc(name, new Y.Doc({ gc: true, guid: name }), stored.log.length, {
      onUpdate: (d, update, origin) => this.journal.append(d.name, update, origin?.userId ?? null),
    });
    if (stored.snapshot && stored.hasStateVector && stored.log.length === 0) {
      doc.presetFromSnapshot(stored.snapshot);
      this.preloaded.set(name, doc);
      const written = this.options.onPreloaded(doc);
      await new Promise((r) => setImmediate(r));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([written, new Promise((r) => (timer = setTimeout(r, this.options.earlyAnswerWaitMs)))]);
      clearTimeout(timer);
    }
    try {
      doc.integrate(stored);
    } catch (err) {
      doc.destroy();
      throw err;
    }
    doc.compactThreshold = this.drawThreshold();
    this.docs.set(name, doc);
    this.logger.debug('document loaded', {
      doc: name,
      logLength: stored.log.length,
      early: doc.integrated && this.preloaded.has(name),
      readMs: Math.round(readMs * 10) / 10,
      totalMs: Math.round((performance.now() - started) * 10) / 10,
    });
    // A long log left by a crash or an older version is folded right away.
    if (stored.log.length >= this.options.compactAfter) this.scheduleCompaction(doc);
    return doc;
  }

  /** A document whose bytes are read but whose Y.Doc is not built yet. */
  preloadedDoc(name: string): SharedDoc | undefined {
    return this.preloaded.get(name);
  }

  /** Called when a connection left the document; starts the unload timer when it was the last. */
  released(doc: SharedDoc): void {
    if (doc.destroyed || doc.connections.size > 0 || this.unloadTimers.has(doc.name)) return;
    const timer = setTimeout(() => this.unload(doc.name), this.options.unloadMs);
    timer.unref();
    this.unloadTimers.set(doc.name, timer);
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(name);
  }

  /** Flushes, compacts and drops a document. Synchronous, so no connection can slip in. */
  unload(name: string): void {
    this.cancelUnload(name);
    const doc = this.docs.get(name);
    if (!doc || doc.connections.size > 0) return;
    if (this.journal.hasPending(name) && !this.journal.flush()) return; // failure handler dropped it
    this.compact(doc);
    this.derived.refreshNow(doc);
    this.derived.cancel(name);
    this.docs.delete(name);
    doc.destroy();
  }

  /** The journal stored a batch: count it towards compaction and derived data. */
  flushed(result: FlushResult): void {
    for (const [name, { count, lastUserId, lastAt }] of result.stored) {
      const doc = this.docs.get(name);
      if (!doc) continue;
      doc.logLength += count;
      this.derived.edited(doc, lastUserId, lastAt);
      if (doc.logLength >= doc.compactThreshold) this.scheduleCompaction(doc);
    }
  }

  /**
   * The threshold of one document: the configured count ± 25 %, drawn anew after each
   * compaction, so documents edited at the same rate drift apart instead of compacting in
   * the same moment.
   */
  private drawThreshold(): number {
    const base = this.options.compactAfter;
    return Math.max(1, Math.round(base * (0.75 + Math.random() * 0.5)));
  }

  private scheduleCompaction(doc: SharedDoc): void {
    if (doc.compactScheduled) return;
    doc.compactScheduled = true;
    this.compactQueue.add(doc);
    this.drainCompactions();
  }

  /** One compaction, then the next one a turn later (after this turn's sends and reads). */
  private drainCompactions(): void {
    if (this.compactDrainScheduled || this.compactQueue.size === 0) return;
    this.compactDrainScheduled = true;
    setImmediate(() => {
      this.compactDrainScheduled = false;
      const doc = this.compactQueue.values().next().value as SharedDoc | undefined;
      if (doc) {
        this.compactQueue.delete(doc);
        doc.compactScheduled = false;
        if (!doc.destroyed && !(this.journal.hasPending(doc.name) && !this.journal.flush())) this.compact(doc);
      }
      this.drainCompactions();
    });
  }

  /** Requires: nothing of `doc` is pending in the journal, so the snapshot covers the log. */
  private compact(doc: SharedDoc): void {
    if (doc.logLength === 0) return;
    try {
      this.store.compact(doc.name, doc.ydoc);
      doc.logLength = 0;
      doc.compactThreshold = this.drawThreshold();
      this.sweeper?.mark(doc.name);
    } catch (err) {
      // The log is intact; compaction is retried with the next batch or on unload.
      this.logger.error('collab: compaction failed', { doc: doc.name, err: String(err) });
    }
  }

  /**
   * The journal could not store updates of these documents. Their in-memory state now
   * holds edits that are not durable, so it is dropped (not compacted, not kept) and the
   * connections are closed with 1011: y-websocket clients keep their unsynced edits and
   * send them again after reconnecting, against a document reloaded from storage.
   */
  failed(names: Set<string>, error: unknown): void {
    this.logger.error('collab: appending updates failed; closing the documents', {
      docs: [...names],
      err: String(error),
    });
    for (const name of names) {
      const doc = this.docs.get(name);
      if (!doc) continue;
      this.cancelUnload(name);
      this.derived.cancel(name);
      this.docs.delete(name);
      this.journal.discard(name);
      for (const conn of [...doc.connections]) conn.close(StorageFailure);
      doc.connections.clear();
      doc.destroy();
    }
  }

  /** Flushes and unloads everything (shutdown); connections must be gone or closing. */
  closeAll(): void {
    this.journal.flush();
    for (const doc of [...this.docs.values()]) {
      doc.connections.clear();
      this.unload(doc.name);
    }
  }

  /** The live document, if in memory, to read from (content API); never to write to. */
  liveState(name: string): Y.Doc | undefined {
    return this.docs.get(name)?.ydoc;
  }
}
