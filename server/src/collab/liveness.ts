/**
 * Ping/pong liveness: every interval each connection is pinged; one that did not answer
 * the previous ping is terminated (a vanished laptop leaves no half-open socket behind).
 * Connections that received nothing for an interval get an empty awareness update: the
 * y-websocket client counts only messages, not pongs, and reconnects after 30 s of silence.
 */
import type { Connection } from './connection';
import { encodeAwareness } from './protocol';

/** An awareness update with zero entries: a valid message that changes nothing. */
const keepAlive = encodeAwareness(new Uint8Array([0]));

export function startLiveness(connections: () => Iterable<Connection>, intervalMs: number): () => void {
  const timer = setInterval(() => {
    const quietSince = Date.now() - intervalMs;
    for (const conn of connections()) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      try {
        conn.ws.ping();
        if (conn.lastSentAt < quietSince && !conn.queue) conn.send(keepAlive);
      } catch {
        conn.ws.terminate();
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
