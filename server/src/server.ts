/**
 * One Node.js process serves everything on one port: the client, the JSON API, the
 * co-editing WebSocket (/collab) and socket.io.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { Server as IoServer } from 'socket.io';
import { closeDatabase, openDatabase, type Db } from '@konvent/db';
import { createApp } from './app';
import { attachCollab } from './collab/collabServer';
import { collabTuning } from './collab/limits';
import { watchOtherWriters } from './collab/permissions';
import type { Config } from './config';
import type { AppContext, CollabHooks } from './context';
import { createLogger, type Logger } from './logger';
import { PresenceRegistry } from './presence/registry';
import { attachRealtime } from './realtime/io';
import { createRealtime } from './realtime/realtime';
import { broadcastPresence } from './routes/presence/broadcast';

export interface KonventServer {
  ctx: AppContext;
  app: Express;
  httpServer: HttpServer;
  io: IoServer;
  /** Starts listening; resolves with the bound port and base URL. */
  listen(): Promise<{ port: number; url: string }>;
  /** Stops accepting, flushes co-editing storage, closes sockets and the database. */
  close(): Promise<void>;
}

/** Something the server runs beside the API that must flush on shutdown. */
export interface Attachment {
  close(): Promise<void>;
}

export interface CreateServerOptions {
  db?: Db;
  logger?: Logger;
}

/** How long the HTTP server keeps an idle keep-alive connection open. */
const httpKeepAliveMs = 65_000;

export function createKonventServer(config: Config, options: CreateServerOptions = {}): KonventServer {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = options.db ?? openDatabase(config.databasePath);
  // Filled in by the collab server once the HTTP server exists (below).
  const collabHooks: CollabHooks = { permissionsChanged: () => {}, liveDocument: () => undefined };
  // A section's people go out at most once per 250 ms: a join storm is one event.
  const presence = new PresenceRegistry({
    coalesceMs: 250,
    onSettled: (workspaceId, sectionId, users) => broadcastPresence(ctx, workspaceId, sectionId, users),
  });
  // The realtime emitter reads `io` lazily: it is created below, after the HTTP server.
  const ctx: AppContext = { db, config, logger, realtime: createRealtime(() => io), collab: collabHooks, presence };
  const app = createApp(ctx);
  const httpServer = createHttpServer(app);
  // An idle keep-alive connection stays open longer than reverse proxies keep theirs to an
  // upstream (nginx and most load balancers: 60 s). With Node's 5 s the server closed
  // connections that a proxy or an HTTP client was reusing in that moment, and the request
  // sent on it failed with ECONNRESET.
  httpServer.keepAliveTimeout = httpKeepAliveMs;
  httpServer.headersTimeout = httpKeepAliveMs + 1_000;
  // destroyUpgrade: false — engine.io must leave /collab upgrades to the collab server.
  const io = new IoServer(httpServer, { destroyUpgrade: false, serveClient: false });
  const realtimeRooms = attachRealtime(ctx, io);
  const collab = attachCollab(ctx, httpServer);
  collabHooks.permissionsChanged = collab.permissionsChanged;
  collabHooks.liveDocument = collab.liveDocument;
  // Another process committed to the database (the CLI's member:add, an operator's SQL): open
  // co-editing connections and socket.io rooms follow, as after a change through the API.
  const stopWatching = watchOtherWriters(db, collabTuning.otherWritersCheckMs, () => {
    try {
      collab.outsideChange();
      realtimeRooms.refreshRooms();
    } catch (err) {
      // A timer's exception would end the process; the next change tries again.
      logger.error('following an outside change of the database failed', { err: String(err) });
    }
  });
  // Closed in reverse order. The watcher first; then the collab server: it flushes every
  // co-edited document before the database closes; then presence drops the settles its
  // closing connections queued.
  const attachments: Attachment[] = [{ close: async () => presence.close() }, collab, { close: async () => stopWatching() }];

  let closing: Promise<void> | undefined;
  return {
    ctx,
    app,
    httpServer,
    io,
    listen() {
      return new Promise((resolvePromise, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          const { port } = httpServer.address() as AddressInfo;
          const host = !config.host || config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
          resolvePromise({ port, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` });
        });
      });
    },
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((r) => httpServer.close(() => r()));
        for (const a of attachments.reverse()) await a.close();
        await new Promise<void>((r) => io.close(() => r()));
        httpServer.closeAllConnections();
        await stopped;
        closeDatabase(db);
      })();
      return closing;
    },
  };
}
