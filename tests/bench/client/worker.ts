/**
 * A client worker process: simulates many co-editing clients with the real providers
 * (y-websocket's WebsocketProvider for Konvent and @y/websocket-server, HocuspocusProvider for
 * Hocuspocus) and reports latencies to the runner over IPC. See ../README.md for the method.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ClientSpec, Endpoint, FromWorker, ToWorker } from '../messages';
import { EditSet, marker, scanMarkers, type OnMarker, type Phase } from './markers';
import { parseMessage, SyncStep1, tappedWebSocket, WebSocket, type Tap } from './tap';

// Node 20 has no global WebSocket; the Hocuspocus provider needs one.
(globalThis as any).WebSocket ??= WebSocket;

// y-websocket adds a process 'exit' listener per provider; hundreds of clients are intended.
process.setMaxListeners(0);

const debug = process.env.BENCH_DEBUG === '1';
const workerId = Number(process.env.BENCH_WORKER_ID ?? 0);
const now = () => performance.timeOrigin + performance.now();
const send = (msg: FromWorker) => process.send?.(msg);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Client {
  spec: ClientSpec;
  doc: Y.Doc;
  /** Set once measuring: from then on remote updates are scanned, not applied. */
  scanning: boolean;
  /** Edits already counted at this client. */
  seen: EditSet;
  synced: boolean;
  disconnects: number;
  keepAlive(): void;
  destroy(): void;
}

let clients: Client[] = [];
const latencies: number[] = [];
/** When the edit of each latency was sent, in whole ms from the start of the window. */
const sentMs: number[] = [];
/** Start of the measurement window (the same in every worker). */
let measureFrom = 0;
let received = 0;
let duplicates = 0;

function makeProvider(endpoint: Endpoint, spec: ClientSpec, doc: Y.Doc, tap: Tap) {
  const WebSocketPolyfill = tappedWebSocket(tap);
  if (endpoint.system === 'hocuspocus') {
    // One socket per simulated person, as each browser tab has its own.
    const socket = new HocuspocusProviderWebsocket({ url: endpoint.url, WebSocketPolyfill });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: spec.docName, document: doc });
    provider.attach();
    return {
      provider,
      onSynced: (cb: () => void) => provider.on('synced', cb),
      onDisconnect: (cb: () => void) => provider.on('disconnect', cb),
      // The provider reconnects when it has heard nothing for a while; held-back updates
      // are traffic all the same.
      keepAlive: () => {
        socket.lastMessageReceived = Date.now();
      },
      destroy: () => {
        provider.destroy();
        socket.destroy();
      },
      awareness: provider.awareness!,
    };
  }
  const provider = new WebsocketProvider(endpoint.url, spec.docName, doc, {
    WebSocketPolyfill: WebSocketPolyfill as any,
    params: spec.token ? { token: spec.token } : {},
    disableBc: true,
  });
  return {
    provider,
    onSynced: (cb: () => void) =>
      provider.on('sync', (state: boolean) => {
        if (state) cb();
      }),
    onDisconnect: (cb: () => void) =>
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') cb();
      }),
    keepAlive: () => {
      provider.wsLastMessageReceived = Date.now();
    },
    destroy: () => provider.destroy(),
    awareness: provider.awareness,
  };
}

function paragraphs(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  for (const node of doc.getXmlFragment('default').toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'paragraph') {
      const first = node.get(0);
      if (first instanceof Y.XmlText) out.push(first);
    }
  }
  return out;
}

async function connect(endpoint: Endpoint, specs: ClientSpec[], perSecond: number, timeoutMs: number) {
  const hocuspocus = endpoint.system === 'hocuspocus';
  const failures: string[] = [];
  const ready: Promise<void>[] = [];
  const gapMs = 1000 / perSecond;
  for (const spec of specs) {
    const doc = new Y.Doc();
    const client: Client = {
      spec,
      doc,
      scanning: false,
      seen: new EditSet(),
      synced: false,
      disconnects: 0,
      keepAlive: () => {},
      destroy: () => {},
    };
    let receivedAt = 0;
    const onMarker: OnMarker = (phase, worker, sender, seq, sentAt) => {
      // Servers that echo an update to its sender: only other clients' edits count.
      if (phase !== 'm' || (worker === workerId && sender === spec.index)) return;
      if (!client.seen.add(worker, seq)) {
        duplicates++;
        return;
      }
      received++;
      latencies.push(receivedAt - sentAt);
      sentMs.push(Math.floor(sentAt - measureFrom));
    };
    const tap: Tap = (data, at) => {
      if (!client.scanning) return 'forward';
      const parsed = parseMessage(data, hocuspocus);
      if (!parsed || parsed.type !== 0 || parsed.syncType === SyncStep1 || !parsed.payload) return 'forward';
      receivedAt = at;
      scanMarkers(parsed.payload, onMarker);
      client.keepAlive();
      return 'drop';
    };
    const p = makeProvider(endpoint, spec, doc, tap);
    p.awareness.setLocalStateField('user', { name: `Bench ${workerId}.${spec.index}`, color: '#3366cc' });
    client.keepAlive = p.keepAlive;
    client.destroy = p.destroy;
    p.onDisconnect(() => {
      if (client.scanning) client.disconnects++;
    });
    clients.push(client);
    ready.push(
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          failures.push(`${spec.docName} client ${spec.index}: not synced with content after ${timeoutMs} ms`);
          resolve();
        }, timeoutMs);
        // "Synced" is not enough: a server that loads storage after answering (as
        // @y/websocket-server does) sends the content later as an update.
        const check = () => {
          if (client.synced || paragraphs(doc).length === 0) return;
          client.synced = true;
          clearTimeout(timer);
          doc.off('update', check);
          resolve();
        };
        p.onSynced(() => {
          doc.on('update', check);
          check();
        });
      }),
    );
    await sleep(gapMs);
  }
  await Promise.all(ready);
  const connected: Record<string, number> = {};
  for (const c of clients) if (c.synced) connected[c.spec.docName] = (connected[c.spec.docName] ?? 0) + 1;
  send({ type: 'connected', connected, failures });
}

async function edit(msg: Extract<ToWorker, { type: 'edit' }>) {
  const sent: Record<string, number> = {};
  measureFrom = msg.startAt + msg.warmupMs;
  const endAt = measureFrom + msg.measureMs;
  const burstGapMs = 120;
  const periodMs = (msg.burst / msg.editsPerSecond) * 1000;
  let seq = 0;
  const typing = clients
    .filter((c) => c.synced)
    .map(async (client) => {
      const texts = paragraphs(client.doc);
      client.scanning = true;
      // Random phase, so the clients' bursts do not line up.
      await sleep(Math.max(0, msg.startAt - now()) + Math.random() * periodMs);
      while (now() < endAt) {
        const burstStart = now();
        for (let i = 0; i < msg.burst && now() < endAt; i++) {
          const text = texts[Math.floor(Math.random() * texts.length)]!;
          const sentAt = now();
          const phase: Phase = sentAt < measureFrom ? 'w' : 'm';
          text.insert(Math.floor(Math.random() * (text.length + 1)), marker(phase, workerId, client.spec.index, seq++, sentAt) + ' ');
          if (phase === 'm') sent[client.spec.docName] = (sent[client.spec.docName] ?? 0) + 1;
          if (i < msg.burst - 1) await sleep(burstGapMs);
        }
        // Jitter of ±20% around the period keeps the average rate.
        const wait = periodMs * (0.8 + Math.random() * 0.4) - (now() - burstStart);
        await sleep(Math.max(0, Math.min(wait, endAt - now())));
      }
    });
  await Promise.all(typing);
  send({ type: 'edited', sent });
}

async function join(msg: Extract<ToWorker, { type: 'join' }>) {
  const hocuspocus = msg.endpoint.system === 'hocuspocus';
  const failures: string[] = [];
  const results: number[] = [];
  const payloads: Uint8Array[][] = [];
  const started: { destroy(): void }[] = [];
  await sleep(Math.max(0, msg.at - now()));
  const done = msg.clients.map((spec, i) => {
    // Only the clients checked afterwards keep what they received: a real client keeps the
    // document, not the messages, and 200 MB of kept messages make every receive land on
    // fresh memory.
    const received: Uint8Array[] | null = i < msg.verify ? [] : null;
    if (received) payloads.push(received);
    let bytes = 0;
    return new Promise<void>((resolve) => {
      let finished = false;
      const timer = setTimeout(() => {
        if (finished) return;
        finished = true;
        failures.push(`${spec.docName} client ${spec.index}: got ${bytes} of ${msg.expectBytes} bytes in ${msg.timeoutMs} ms`);
        resolve();
      }, msg.timeoutMs);
      // Synced = the sync payloads received so far hold the whole state. Counting bytes is
      // cheap; applying a 1 MB state in 200 clients on two cores would time the clients.
      const tap: Tap = (data, receivedAt) => {
        const parsed = parseMessage(data, hocuspocus);
        if (debug) process.stderr.write(`join ${i} +${(receivedAt - msg.at).toFixed(1)} ms type ${parsed?.type}/${parsed?.syncType} ${data.byteLength} B\n`);
        if (!parsed || parsed.type !== 0 || parsed.syncType === SyncStep1 || !parsed.payload) return 'forward';
        if (finished) return 'drop';
        received?.push(parsed.payload);
        bytes += parsed.payload.byteLength;
        if (bytes >= msg.expectBytes * 0.9) {
          finished = true;
          clearTimeout(timer);
          results.push(receivedAt - msg.at);
          resolve();
        }
        return 'drop';
      };
      started.push(makeProvider(msg.endpoint, { ...spec, index: i }, new Y.Doc(), tap));
    });
  });
  await Promise.all(done);
  // Check the content (outside the timing): rebuild the document from what arrived.
  const expected = Buffer.from(msg.expectStateVector);
  for (let i = 0; i < payloads.length; i++) {
    const doc = new Y.Doc();
    for (const u of payloads[i]!) Y.applyUpdate(doc, u);
    if (!Buffer.from(Y.encodeStateVector(doc)).equals(expected)) {
      failures.push(`${msg.clients[i]!.docName} client ${i}: the received state differs from the stored one`);
    }
  }
  for (const p of started) p.destroy();
  send({ type: 'joined', latencies: results, failures });
}

process.on('message', (msg: ToWorker) => {
  const run = async () => {
    switch (msg.type) {
      case 'connect':
        return connect(msg.endpoint, msg.clients, msg.perSecond, msg.timeoutMs);
      case 'edit':
        return edit(msg);
      case 'collect': {
        const disconnects = clients.reduce((n, c) => n + c.disconnects, 0);
        send({ type: 'collected', latencies, sentMs, received, duplicates, disconnects });
        return;
      }
      case 'join':
        return join(msg);
      case 'close':
        // Ends this workload's clients; the process stays for the next workload.
        for (const c of clients) c.destroy();
        clients = [];
        latencies.length = 0;
        sentMs.length = 0;
        received = 0;
        duplicates = 0;
        send({ type: 'closed' });
        return;
      case 'exit':
        process.exit(0);
    }
  };
  run().catch((err: unknown) => send({ type: 'error', message: String((err as Error)?.stack ?? err) }));
});

// The runner kills workers it started; a worker whose runner died exits by itself.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
