/**
 * Headless Yjs clients for co-editing tests: real y-websocket providers over real sockets
 * (`WebsocketProvider` with the `ws` polyfill), raw `ws` sockets for refusals and bad
 * frames, helpers to edit the Tiptap field and read the stored document from SQLite, and
 * `waitFor` to await a condition instead of sleeping.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import type { Db } from '@konvent/db';
import { COLLAB_FIELD } from '@konvent/shared/editor-schema';

// Every WebsocketProvider registers a process 'exit' listener; a test opens dozens.
process.setMaxListeners(200);

export async function waitFor<T>(
  probe: () => T | Promise<T>,
  { timeout = 10_000, interval = 10, message = 'condition' }: { timeout?: number; interval?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export interface CloseInfo {
  code: number;
  reason: string;
}

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the server sent, in order. */
  closes: CloseInfo[];
  synced(): Promise<void>;
  destroy(): void;
}

/**
 * A stock y-websocket client, as an outside client would run it: its default
 * `shouldReconnect` stops after 44xx refusals and reconnects after everything else,
 * including 4509 (permissions changed).
 */
export function connectClient(
  wsUrl: string,
  docName: string,
  {
    token,
    doc = new Y.Doc(),
    connect = true,
    params = {},
  }: { token?: string; doc?: Y.Doc; connect?: boolean; params?: Record<string, string> } = {},
): YClient {
  const provider = new WebsocketProvider(`${wsUrl}/collab`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { ...params, ...(token ? { token } : {}) },
    disableBc: true,
    connect,
    maxBackoffTime: 300,
  });
  const closes: CloseInfo[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    synced: () => waitFor(() => provider.synced, { message: `${docName} synced` }).then(() => undefined),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export interface RawSocket {
  ws: WebSocket;
  messages: Buffer[];
  opened: Promise<void>;
  closed: Promise<CloseInfo>;
}

/** A bare socket that records everything the server sends. */
export function connectRaw(url: string, headers: Record<string, string> = {}): RawSocket {
  const ws = new WebSocket(url, { headers });
  const messages: Buffer[] = [];
  ws.on('message', (data: Buffer) => messages.push(data));
  ws.on('error', () => {});
  const opened = new Promise<void>((r) => ws.once('open', () => r()));
  const closed = new Promise<CloseInfo>((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString() })));
  return { ws, messages, opened, closed };
}

/** The y-websocket sync step 1 of an empty document: asks the server for everything. */
export function syncStep1Message(doc = new Y.Doc()): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

/** A y-websocket update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A y-websocket awareness message carrying `update` (from y-protocols' encodeAwarenessUpdate). */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export const fragment = (doc: Y.Doc) => doc.getXmlFragment(COLLAB_FIELD);

/** Appends a paragraph with `text` to the Tiptap field. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    fragment(doc).push([p]);
  });
}

/** The text of every paragraph, in order: what a reader sees. */
export function paragraphs(doc: Y.Doc): string[] {
  return fragment(doc)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') : ''));
}

export const contentOf = (doc: Y.Doc) => fragment(doc).toString();

/** The document as stored in SQLite right now: snapshot plus the update log after it. */
export function storedDoc(db: Db, name: string): Y.Doc {
  const sqlite = db.$client;
  const row = sqlite.prepare('SELECT snapshot, compacted_through FROM documents WHERE name = ?').get(name) as
    | { snapshot: Buffer | null; compacted_through: number }
    | undefined;
  const log = sqlite
    .prepare('SELECT "update" FROM document_updates WHERE document_name = ? AND id > ? ORDER BY id')
    .all(name, row?.compacted_through ?? 0) as { update: Buffer }[];
  const doc = new Y.Doc();
  if (row?.snapshot) Y.applyUpdate(doc, row.snapshot);
  for (const { update } of log) Y.applyUpdate(doc, update);
  return doc;
}

export function logLength(db: Db, name: string): number {
  return (db.$client.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE document_name = ?').get(name) as { n: number }).n;
}

/** mulberry32: a small seeded PRNG, so a failing interleaving can be replayed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A personal access token for `userId`, as POST /api/tokens would create it. */
export async function tokenFor(server: { ctx: { db: Db; config: { secret: Buffer } } }, userId: string): Promise<string> {
  const { createApiToken } = await import('../../server/src/auth/sessions');
  return createApiToken(server.ctx.db, server.ctx.config.secret, userId, 'test').token;
}
