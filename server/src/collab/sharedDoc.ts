/**
 * A loaded document in memory: the Y.Doc, its awareness, the connections on it, and the
 * outgoing broadcast queue. Every update is encoded into a message once and the same bytes
 * go to every other connection; the queue is drained once per event-loop turn, so a burst
 * of updates leaves as one corked write per connection.
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { Connection } from './connection';
import { applyStored, type StoredDocument } from './documentStore';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, MalformedMessage } from './protocol';

export interface SharedDocHooks {
  /** An update changed the document (already applied); `origin` is null for server edits. */
  onUpdate(doc: SharedDoc, update: Uint8Array, origin: Connection | null): void;
}

interface Outgoing {
  message: Uint8Array;
  except: Connection | null;
}

export class SharedDoc {
  readonly connections = new Set<Connection>();
  readonly awareness: Awareness;
  /** Log rows of this document not yet folded into the snapshot. */
  logLength: number;
  compactScheduled = false;
  /** Log rows after which this document is compacted (jittered per document, see registry). */
  compactThreshold = Number.POSITIVE_INFINITY;
  /** Set when the document was dropped after a storage failure; nothing may use it. */
  destroyed = false;
  /** False until the stored state has been applied to `ydoc` (see `integrate`). */
  integrated = false;
  /**
   * Before integration: the sync step 2 for an empty client, straight from the stored
   * snapshot, so a cold document's first sync does not wait for the Y.Doc to be built.
   */
  earlyFullState: Uint8Array | null = null;
  private outbox: Outgoing[] = [];
  private drainScheduled = false;
  /** Sync step 2 for a client with an empty document (every fresh join), per version. */
  private fullState: Uint8Array | null = null;
  private step1: Uint8Array | null = null;
  private readonly onDocUpdate: (update: Uint8Array, origin: unknown) => void;

  constructor(
    readonly name: string,
    readonly ydoc: Y.Doc,
    logLength: number,
    hooks: SharedDocHooks,
  ) {
    this.logLength = logLength;
    this.awareness = new Awareness(ydoc);
    // The server has no cursor of its own.
    this.awareness.setLocalState(null);
    this.onDocUpdate = (update: Uint8Array, origin: unknown) => {
      // Applying the stored state is not an edit: nothing to log or broadcast.
      if (!this.integrated) return;
      this.fullState = null;
      this.step1 = null;
      const from = origin instanceof Connection ? origin : null;
      hooks.onUpdate(this, update, from);
      this.broadcast(encodeUpdate(update), from);
    };
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (!(origin instanceof Connection)) return;
        for (const id of added) origin.awarenessIds.add(id);
        for (const id of updated) origin.awarenessIds.add(id);
        for (const id of removed) origin.awarenessIds.delete(id);
      },
    );
  }

  /**
   * Serve the first sync of fresh clients from a stored snapshot that compaction wrote
   * (the only log-free state the server trusts without parsing it).
   */
  presetFromSnapshot(snapshot: Uint8Array): void {
    this.earlyFullState = encodeSyncStep2(snapshot);
  }

  /** Applies the stored state; the early answer then becomes the cached full state. */
  integrate(stored: StoredDocument): void {
    applyStored(this.ydoc, stored);
    // Listening only now: with an 'update' listener attached, Yjs encodes the update of
    // every transaction, and for the load that is the whole document (a third of a cold
    // load's time in the profile) only to be ignored.
    this.ydoc.on('update', this.onDocUpdate);
    this.integrated = true;
    this.fullState = this.earlyFullState;
    this.earlyFullState = null;
  }

  /** Sync step 1 of the server: its state vector, so the client sends what the server lacks. */
  syncStep1(): Uint8Array {
    return (this.step1 ??= encodeSyncStep1(Y.encodeStateVector(this.ydoc)));
  }

  /** The answer to a client's sync step 1: everything the client does not have yet. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    // An empty state vector is the single byte 0: the same answer for every fresh client.
    if (stateVector.length === 1 && stateVector[0] === 0) {
      return (this.fullState ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.ydoc)));
    }
    let diff: Uint8Array;
    try {
      diff = Y.encodeStateAsUpdate(this.ydoc, stateVector);
    } catch (err) {
      throw new MalformedMessage(`state vector: ${(err as Error).message}`);
    }
    return encodeSyncStep2(diff);
  }

  /** All current awareness states, for a joining connection; null when nobody is there. */
  awarenessSnapshot(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)) : null;
  }

  /** Queues a message for every connection except `except`, sent at the end of this turn. */
  broadcast(message: Uint8Array, except: Connection | null): void {
    if (this.connections.size === 0 || (this.connections.size === 1 && except && this.connections.has(except))) return;
    this.outbox.push({ message, except });
    if (!this.drainScheduled) {
      this.drainScheduled = true;
      setImmediate(() => this.drain());
    }
  }

  private drain(): void {
    this.drainScheduled = false;
    const batch = this.outbox;
    this.outbox = [];
    if (batch.length === 1) {
      const { message, except } = batch[0]!;
      for (const conn of this.connections) if (conn !== except) conn.send(message);
      return;
    }
    for (const conn of this.connections) {
      conn.batch(() => {
        for (const { message, except } of batch) if (conn !== except) conn.send(message);
      });
    }
  }

  /** Takes a connection off the document and clears the cursors it introduced. */
  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    const ids = [...conn.awarenessIds].filter((id) => this.awareness.getStates().has(id));
    conn.awarenessIds.clear();
    if (ids.length > 0) {
      removeAwarenessStates(this.awareness, ids, null);
      this.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)), conn);
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.outbox = [];
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}
