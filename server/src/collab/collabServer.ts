/**
 * The co-editing server: the y-websocket protocol on `ws` at /collab/<docName>, on the
 * HTTP server the API and socket.io share. A connection passes through the pipeline
 *
 *   upgrade → admit (authenticate, authorize: refuse / read / write)
 *           → acquire (load once; messages wait in the connection's queue)
 *           → handleMessage (apply or drop, broadcast once-encoded, relay awareness)
 *           → journal (group commit) → compaction / derived data → unload
 *
 * each stage a module of its own in this folder.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import { CloseCodes, limits } from '@konvent/shared';
import type { AppContext } from '../context';
import { prepareAuthLookups } from '../auth/sessions';
import { prepareActorQueries } from '../policies/actor';
import { admit, sectionQueryFor, type Decision, type Grant } from './admission';
import { Connection } from './connection';
import { countsAsPresent, isCollabPath } from './docName';
import { DerivedData } from './derivedData';
import { DocumentStore } from './documentStore';
import { collabTuning } from './limits';
import { startLiveness } from './liveness';
import { handleMessage } from './messageHandler';
import { reevaluateConnections, type PermissionScope } from './permissions';
import { decodeClientMessage, MalformedMessage } from './protocol';
import { DocumentRegistry } from './registry';
import { FoldedRowSweeper } from './sweeper';
import { UpdateJournal } from './updateJournal';

const Overloaded = { code: 1008, reason: 'too many messages before the document was ready' };

export interface CollabServer {
  permissionsChanged(scope: PermissionScope): void;
  /**
   * Another process committed to the database (roles, memberships, section status): every
   * open connection's mode is decided again, as after a change made through the API.
   */
  outsideChange(): void;
  /** The live Y.Doc of a loaded document (read only), for the content API. */
  liveDocument(name: string): Y.Doc | undefined;
  readonly registry: DocumentRegistry;
  readonly store: DocumentStore;
  readonly sweeper: FoldedRowSweeper;
  /** Closes every connection (1001), flushes and compacts every document. */
  close(): Promise<void>;
}

export function attachCollab(ctx: AppContext, httpServer: HttpServer): CollabServer {
  const logger = ctx.logger.child({ component: 'collab' });
  // The first connections of a cold process should not pay for building and preparing the
  // admission queries (a cold open is timed from the first connection).
  prepareAuthLookups(ctx.db);
  prepareActorQueries(ctx.db);
  sectionQueryFor(ctx.db);
  const store = new DocumentStore(ctx.db);
  const derived = new DerivedData(store, logger, collabTuning.derivedDataDelayMs);
  const registry = new DocumentRegistry(store, derived, logger, {
    unloadMs: ctx.config.collabUnloadMs,
    compactAfter: collabTuning.compactAfterUpdates,
    earlyAnswerWaitMs: collabTuning.earlyAnswerWaitMs,
    onPreloaded: (doc) => {
      const written: Promise<void>[] = [];
      for (const conn of connections) {
        if (conn.queue && conn.grant.docName === doc.name) written.push(new Promise<void>((r) => answerEarly(conn, r)));
      }
      return Promise.all(written).then(() => undefined);
    },
  });
  const journal = new UpdateJournal(store, {
    delayMs: collabTuning.journalDelayMs,
    maxBatch: collabTuning.journalMaxBatch,
    onFlushed: (result) => registry.flushed(result),
    onFailure: (names, err) => registry.failed(names, err),
  });
  registry.journal = journal;
  const sweeper = new FoldedRowSweeper(store, logger, {
    chunkRows: collabTuning.sweepChunkRows,
    tickBudgetMs: collabTuning.sweepTickBudgetMs,
    intervalMs: collabTuning.sweepIntervalMs,
  });
  registry.sweeper = sweeper;
  sweeper.start();

  const connections = new Set<Connection>();
  // ws closes a connection whose message exceeds maxPayload with 1009 by itself.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.collabMessageBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const stopLiveness = startLiveness(() => connections, collabTuning.pingIntervalMs);
  let closing = false;

  /**
   * While its document is preloaded (bytes read, Y.Doc not built yet), a connection gets the
   * stored snapshot as sync step 2 right away: y-websocket counts itself synced on the first
   * step 2, so a cold document's first sync does not wait for the Y.Doc to be built. The
   * client's own step 1 from an empty document then needs no second answer (see `ready`).
   */
  function answerEarly(conn: Connection, written?: () => void): void {
    const doc = registry.preloadedDoc(conn.grant.docName);
    if (!doc?.earlyFullState || !conn.queue || conn.answeredEarly) return written?.();
    conn.answeredEarly = true;
    conn.sendFrame(doc.earlyFullState, written);
  }

  /**
   * The client's step 1 from an empty document, already answered by `answerEarly`. It may
   * arrive after the document is ready (the client sends it when the socket opens, the early
   * answer leaves at the same moment): answering it again would send the whole state twice.
   * Skipping it loses nothing: the document took no update between the early answer and the
   * connection joining its broadcast (see `ready`).
   */
  const isEmptyStep1 = (data: Buffer) => {
    try {
      const message = decodeClientMessage(data);
      return message.kind === 'sync-step1' && message.stateVector.length === 1 && message.stateVector[0] === 0;
    } catch {
      return false; // handled, and refused, in order below
    }
  };

  function receive(conn: Connection, data: Buffer, isBinary: boolean): void {
    if (conn.closed) return;
    if (!isBinary) return conn.close(CloseCodes.InvalidData);
    if (conn.queue) {
      if (conn.queue.length >= collabTuning.queuedMessagesBeforeLoad) return conn.close(Overloaded);
      conn.queue.push(data);
      return;
    }
    if (conn.answeredEarly && isEmptyStep1(data)) {
      conn.answeredEarly = false;
      return;
    }
    const doc = registry.get(conn.grant.docName);
    if (!doc || !doc.connections.has(conn)) return;
    try {
      handleMessage(conn, doc, data);
    } catch (err) {
      if (err instanceof MalformedMessage) {
        logger.warn('malformed message; closing the connection', { doc: doc.name, user: conn.userId, err: err.message });
        conn.close(CloseCodes.InvalidData);
      } else {
        logger.error('message handling failed', { doc: doc.name, user: conn.userId, err: String(err) });
        conn.close(CloseCodes.InternalError);
      }
    }
  }

  /** The document is loaded: greet the client, then process what it sent meanwhile. */
  function ready(conn: Connection, doc: Awaited<ReturnType<DocumentRegistry['acquire']>>): void {
    if (conn.closed) return registry.released(doc);
    doc.connections.add(conn);
    conn.send(doc.syncStep1());
    const awareness = doc.awarenessSnapshot();
    if (awareness) conn.send(awareness);
    const queued = conn.queue ?? [];
    conn.queue = null;
    for (const data of queued) receive(conn, data, true);
  }

  /** `present`: the connection shows in "who is in this section" (not a background send). */
  function connect(ws: WebSocket, grant: Grant, present: boolean): void {
    const conn = new Connection(ws, grant);
    connections.add(conn);
    if (present) ctx.presence.joined(grant);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      conn.lastReceivedAt = Date.now();
      receive(conn, data, isBinary);
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('close', () => {
      conn.closed = true;
      connections.delete(conn);
      if (present) ctx.presence.left(grant);
      const doc = registry.get(grant.docName);
      if (doc && doc.connections.has(conn)) {
        doc.removeConnection(conn);
        registry.released(doc);
      }
    });
    const loading = registry.acquire(grant.docName);
    answerEarly(conn);
    loading.then(
      (doc) => ready(conn, doc),
      (err: unknown) => {
        logger.error('loading a document failed; refusing the connection', { doc: grant.docName, err: String(err) });
        conn.close(CloseCodes.InternalError);
      },
    );
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!isCollabPath(req.url)) return;
    if (closing) {
      socket.destroy();
      return;
    }
    let decision: Decision;
    try {
      decision = admit(ctx, req);
    } catch (err) {
      logger.error('admission failed', { err: String(err) });
      decision = { ok: false, refusal: CloseCodes.InternalError };
    }
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (err) => logger.warn('socket error', { err: err.message }));
      // Refusals are close codes on an accepted socket: browsers hide HTTP upgrade errors.
      if (!decision.ok) return ws.close(decision.refusal.code, decision.refusal.reason);
      connect(ws, decision.grant, countsAsPresent(req.url));
    });
  }
  httpServer.on('upgrade', onUpgrade);

  return {
    registry,
    store,
    sweeper,
    permissionsChanged: (scope) => {
      reevaluateConnections(ctx, connections, scope);
    },
    outsideChange: () => {
      const workspaceIds = new Set([...connections].map((c) => c.grant.workspaceId));
      for (const workspaceId of workspaceIds) reevaluateConnections(ctx, connections, { workspaceId });
    },
    liveDocument: (name) => registry.liveState(name),
    async close() {
      if (closing) return;
      closing = true;
      httpServer.off('upgrade', onUpgrade);
      stopLiveness();
      const open = [...connections];
      const gone = Promise.all(open.map((c) => new Promise<void>((r) => (c.ws.readyState === c.ws.CLOSED ? r() : c.ws.once('close', () => r())))));
      for (const conn of open) conn.close(CloseCodes.ServerShutdown);
      // Everything accepted is stored before the sockets go: flush does not wait for clients.
      registry.closeAll();
      // Rows folded but not swept stay until the next start picks them up (harmless).
      sweeper.stop();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([gone, new Promise<void>((r) => (timer = setTimeout(r, collabTuning.closeGraceMs)))]);
      clearTimeout(timer);
      for (const conn of connections) conn.ws.terminate();
      wss.close();
    },
  };
}
