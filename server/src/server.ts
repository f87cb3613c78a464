/**
 * One Node.js process serves everything on one port: the client, the JSON API, the
 * co-editing WebSocket (/collab) and socket.io.
 *
 * The co-editing server is part of the process from the start. The Express app (API and
 * client) and socket.io are loaded on their first request: a process that only serves
 * co-editing (one of several nodes, or a plenary session already in its sections) never
 * holds their code, and startup does not wait for it.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Server as IoServer } from 'socket.io';
import { closeDatabase, openDatabase, type Db } from '@konvent/db';
import { attachCollab } from './collab/collabServer';
import { isCollabPath } from './collab/docName';
import type { Config } from './config';
import type { AppContext, CollabHooks } from './context';
import { createLogger, type Logger } from './logger';
import { createRealtime } from './realtime/realtime';

export interface KonventServer {
  ctx: AppContext;
  httpServer: HttpServer;
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

const SOCKET_IO_PATH = '/socket.io/';
const isSocketIoPath = (url: string | undefined) => !!url && url.startsWith(SOCKET_IO_PATH);

export function createKonventServer(config: Config, options: CreateServerOptions = {}): KonventServer {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = options.db ?? openDatabase(config.databasePath);
  // Filled in by the collab server once the HTTP server exists (below).
  const collabHooks: CollabHooks = { permissionsChanged: () => {}, liveDocument: () => undefined };
  // The realtime emitter reads `io` lazily: before socket.io is loaded nobody listens.
  let io: IoServer | undefined;
  const ctx: AppContext = { db, config, logger, realtime: createRealtime(() => io), collab: collabHooks };

  let app: Promise<(req: IncomingMessage, res: ServerResponse) => void> | undefined;
  const loadApp = () => (app ??= import('./app').then(({ createApp }) => createApp(ctx)));

  /**
   * socket.io on its own private HTTP server that never listens: the real server hands it
   * /socket.io/ requests and upgrades (engine.io's public `attach` takes them from there).
   */
  let ioServer: Promise<HttpServer> | undefined;
  const loadIo = () =>
    (ioServer ??= Promise.all([import('socket.io'), import('./realtime/io')]).then(([{ Server }, { attachRealtime }]) => {
      const inner = createHttpServer();
      // destroyUpgrade: false — the inner server only ever sees socket.io's upgrades.
      io = new Server(inner, { destroyUpgrade: false, serveClient: false });
      attachRealtime(ctx, io);
      return inner;
    }));

  const failed = (what: string, res: ServerResponse | Duplex) => (err: unknown) => {
    logger.error(`loading ${what} failed`, { err: String(err) });
    if ('writeHead' in res) {
      if (!res.headersSent) res.writeHead(503).end();
    } else res.destroy();
  };

  const httpServer = createHttpServer((req, res) => {
    if (isSocketIoPath(req.url)) {
      loadIo().then((inner) => inner.emit('request', req, res), failed('socket.io', res));
    } else {
      loadApp().then((handle) => handle(req, res), failed('the app', res));
    }
  });
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (isCollabPath(req.url)) return; // the collab server's (attachCollab)
    if (!isSocketIoPath(req.url)) {
      socket.destroy();
      return;
    }
    loadIo().then((inner) => inner.emit('upgrade', req, socket, head), failed('socket.io', socket));
  });

  const collab = attachCollab(ctx, httpServer);
  collabHooks.permissionsChanged = collab.permissionsChanged;
  collabHooks.liveDocument = collab.liveDocument;
  // Closed first on shutdown: flushes every co-edited document before the database closes.
  const attachments: Attachment[] = [collab];

  let closing: Promise<void> | undefined;
  return {
    ctx,
    httpServer,
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
        if (ioServer) {
          await ioServer.catch(() => undefined);
          await new Promise<void>((r) => (io ? io.close(() => r()) : r()));
        }
        httpServer.closeAllConnections();
        await stopped;
        closeDatabase(db);
      })();
      return closing;
    },
  };
}
