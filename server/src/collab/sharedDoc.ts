/**
 * A loaded document in memory: the Y.Doc, its awareness, the connections on it, and the
 * outgoing broadcast queue. Every update is encoded into a message once and the same bytes
 * go to every other connection. The queue is drained when the I/O callback that filled it
 * returns (a microtask): the updates of one read leave as one corked write per connection,
 * and none waits for the other sockets read in the same turn. Awareness changes of one turn
 * leave as one message, at the end of the turn (see `awarenessChanged`).
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { Connection } from './connection';
import { applyStored, type StoredDocument } from './documentStore';
import { encodeAwareness, encodeSyncStep1, MalformedMessage, SyncMessageType } from './protocol';
import { WireFrame } from './wireFrame';

export interface SharedDocHooks {
  /** An update changed the document (already applied); `origin` is null for server edits. */
  onUpdate(doc: SharedDoc, update: Uint8Array, origin: Connection | null): void;
}

interface Outgoing {
  message: WireFrame;
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
  earlyFullState: WireFrame | null = null;
  private outbox: Outgoing[] = [];
  private outboxScheduled = false;
  private awarenessScheduled = false;
  /**
   * Awareness client IDs whose state changed in this turn, sent as one awareness message at
   * the end of the turn: when many people join at once, each person's state reaches everyone
   * in one message per turn instead of one message per joiner per recipient (n² frames).
   */
  private readonly awarenessChanged = new Set<number>();
  /**
   * Who changed them: the one connection (it already has its own state, so it is skipped),
   * null when several connections or the server did, undefined when nothing is pending.
   */
  private awarenessOrigin: Connection | null | undefined = undefined;
  /** Sync step 2 for a client with an empty document (every fresh join), per version. */
  private fullState: WireFrame | null = null;
  private step1: Uint8Array | null = null;
  /** Inside `applyFrom`: the transactions it ran, in order, for it to handle (see there). */
  private applying: Y.Transaction[] | null = null;
  private readonly onTransaction: (transaction: Y.Transaction) => void;

  constructor(
    readonly name: string,
    readonly ydoc: Y.Doc,
    logLength: number,
    private readonly hooks: SharedDocHooks,
  ) {
    this.logLength = logLength;
    this.awareness = new Awareness(ydoc);
    // The server has no cursor of its own.
    this.awareness.setLocalState(null);
    this.onTransaction = (transaction: Y.Transaction) => {
      if (this.applying) this.applying.push(transaction);
      // Any other change (the server makes none today).
      else this.passOnEncoded(transaction);
    };
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        // 'local' is the server's own state, which stays empty: nothing to tell anyone.
        if (origin === 'local') return;
        const from = origin instanceof Connection ? origin : null;
        if (from) {
          for (const id of added) from.awarenessIds.add(id);
          for (const id of updated) from.awarenessIds.add(id);
          for (const id of removed) from.awarenessIds.delete(id);
        }
        if (added.length + updated.length + removed.length === 0) return;
        for (const ids of [added, updated, removed]) for (const id of ids) this.awarenessChanged.add(id);
        this.awarenessOrigin = this.awarenessOrigin === undefined || this.awarenessOrigin === from ? from : null;
        this.scheduleAwareness();
      },
    );
  }

  /**
   * Serve the first sync of fresh clients from a stored snapshot that compaction wrote
   * (the only log-free state the server trusts without parsing it).
   */
  presetFromSnapshot(snapshot: Uint8Array): void {
    this.earlyFullState = WireFrame.sync(SyncMessageType.Step2, snapshot);
  }

  /** Applies the stored state; the early answer then becomes the cached full state. */
  integrate(stored: StoredDocument): void {
    applyStored(this.ydoc, stored);
    // Applying the stored state is not an edit: nothing to log or broadcast. No 'update'
    // listener at all: with one, Yjs encodes the update of every transaction anew (for the
    // load, the whole document), although a client's update can be passed on as it came.
    this.ydoc.on('afterTransaction', this.onTransaction);
    this.integrated = true;
    this.fullState = this.earlyFullState;
    this.earlyFullState = null;
  }

  /**
   * Applies a client's update (throws if it does not decode or apply) and, if it changed the
   * document, stores and broadcasts it. The bytes that go out are the client's own when they
   * are exactly what the document took in: every struct integrated or already known, nothing
   * left waiting for missing predecessors, nothing waiting before that now got integrated
   * with it. Otherwise, and after an update that failed halfway, what the transaction added
   * is encoded from the document.
   */
  applyFrom(conn: Connection, update: Uint8Array): void {
    const waitingBefore = hasPending(this.ydoc);
    const transactions: Y.Transaction[] = (this.applying = []);
    let applied = false;
    try {
      Y.applyUpdate(this.ydoc, update, conn);
      applied = true;
    } finally {
      this.applying = null;
      const [own, ...after] = transactions;
      if (own && changedState(own)) {
        const asReceived = applied && !waitingBefore && !hasPending(this.ydoc);
        // A copy: the received bytes are a view into the socket's read buffer.
        this.changed(asReceived ? update.slice() : updateOf(this.ydoc, own), conn);
      }
      // Transactions Yjs ran after it: the tidying of formatting marks after a remote change
      // to formatted text, the server's own change (origin null), which everyone gets.
      for (const transaction of after) this.passOnEncoded(transaction);
    }
  }

  /** A transaction not a client's update as it came: what it added, if anything. */
  private passOnEncoded(transaction: Y.Transaction): void {
    if (changedState(transaction)) this.changed(updateOf(this.ydoc, transaction), asConnection(transaction.origin));
  }

  private changed(update: Uint8Array, from: Connection | null): void {
    this.fullState = null;
    this.step1 = null;
    this.hooks.onUpdate(this, update, from);
    this.broadcast(WireFrame.sync(SyncMessageType.Update, update), from);
  }

  /** Sync step 1 of the server: its state vector, so the client sends what the server lacks. */
  syncStep1(): Uint8Array {
    return (this.step1 ??= encodeSyncStep1(Y.encodeStateVector(this.ydoc)));
  }

  /** The answer to a client's sync step 1: everything the client does not have yet. */
  syncStep2For(stateVector: Uint8Array): WireFrame {
    // An empty state vector is the single byte 0: the same answer for every fresh client.
    if (stateVector.length === 1 && stateVector[0] === 0) {
      return (this.fullState ??= WireFrame.sync(SyncMessageType.Step2, Y.encodeStateAsUpdate(this.ydoc)));
    }
    let diff: Uint8Array;
    try {
      diff = Y.encodeStateAsUpdate(this.ydoc, stateVector);
    } catch (err) {
      throw new MalformedMessage(`state vector: ${(err as Error).message}`);
    }
    return WireFrame.sync(SyncMessageType.Step2, diff);
  }

  /** All current awareness states, for a joining connection; null when nobody is there. */
  awarenessSnapshot(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)) : null;
  }

  /**
   * Queues a message for every connection except `except`, sent when the current I/O
   * callback (or task) returns: not at the end of the turn, where it would wait for every
   * other socket read in that turn (measured in tests/bench/README.md).
   */
  broadcast(message: WireFrame, except: Connection | null): void {
    if (this.connections.size === 0 || (this.connections.size === 1 && except && this.connections.has(except))) return;
    this.outbox.push({ message, except });
    if (this.outboxScheduled) return;
    this.outboxScheduled = true;
    queueMicrotask(() => {
      this.outboxScheduled = false;
      this.sendOutbox();
    });
  }

  private scheduleAwareness(): void {
    if (this.awarenessScheduled) return;
    this.awarenessScheduled = true;
    setImmediate(() => this.sendAwareness());
  }

  /**
   * The awareness changes of the turn, as one message: when many people join at once, each
   * person's state reaches everyone in one message per turn. The document updates of the
   * turn have left by then, so cursors point into content the others have.
   */
  private sendAwareness(): void {
    this.awarenessScheduled = false;
    if (this.awarenessOrigin === undefined) return;
    const ids = [...this.awarenessChanged];
    const except = this.awarenessOrigin;
    this.awarenessChanged.clear();
    this.awarenessOrigin = undefined;
    if (this.destroyed || this.connections.size === 0) return;
    this.outbox.push({ message: WireFrame.of(encodeAwareness(encodeAwarenessUpdate(this.awareness, ids))), except });
    this.sendOutbox();
  }

  private sendOutbox(): void {
    const batch = this.outbox;
    this.outbox = [];
    if (this.destroyed || batch.length === 0) return;
    if (batch.length === 1) {
      const { message, except } = batch[0]!;
      for (const conn of this.connections) if (conn !== except) conn.sendFrame(message);
      return;
    }
    for (const conn of this.connections) {
      conn.batch(() => {
        for (const { message, except } of batch) if (conn !== except) conn.sendFrame(message);
      });
    }
  }

  /** Takes a connection off the document and clears the cursors it introduced. */
  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    const ids = [...conn.awarenessIds].filter((id) => this.awareness.getStates().has(id));
    conn.awarenessIds.clear();
    // The awareness update listener sends the removal to the others.
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, null);
  }

  destroy(): void {
    this.destroyed = true;
    this.outbox = [];
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}

const asConnection = (origin: unknown) => (origin instanceof Connection ? origin : null);

/** Yjs's own test for whether a transaction changed the document (it emits no update otherwise). */
function changedState(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}

/** Structs or deletions waiting for predecessors the document does not have yet. */
function hasPending(ydoc: Y.Doc): boolean {
  return ydoc.store.pendingStructs !== null || ydoc.store.pendingDs !== null;
}

/**
 * What a transaction added: the structs after its start state, with the document's whole
 * delete set (Yjs has no public encoder for a transaction's own; this path is the rare one).
 */
function updateOf(ydoc: Y.Doc, transaction: Y.Transaction): Uint8Array {
  return Y.encodeStateAsUpdate(ydoc, Y.encodeStateVector(transaction.beforeState));
}
