/**
 * Ping/pong liveness: every interval each connection is pinged; one that did not answer
 * the previous ping is terminated (a vanished laptop leaves no half-open socket behind).
 * Connections that received nothing for an interval get an empty awareness update: the
 * y-websocket client counts only messages, not pongs, and reconnects after 30 s of silence.
 *
 * The work is spread: each connection has one of `slices` slots, and each tick (every
 * interval / slices) handles only one slot, so no single turn pings every connection (that
 * was a 68 ms stall at 1,000 connections). A connection the server heard from within the
 * interval is alive by that message alone and needs no ping.
 */
import type { Connection } from './connection';
import { encodeAwareness } from './protocol';

/** An awareness update with zero entries: a valid message that changes nothing. */
const keepAlive = encodeAwareness(new Uint8Array([0]));

const slices = 10;
let nextSlot = 0;

/** The liveness slot of a new connection: round robin, so the slots stay even. */
export function livenessSlot(): number {
  nextSlot = (nextSlot + 1) % slices;
  return nextSlot;
}

export function startLiveness(connections: () => Iterable<Connection>, intervalMs: number): () => void {
  let slot = 0;
  const timer = setInterval(() => {
    slot = (slot + 1) % slices;
    const quietSince = Date.now() - intervalMs;
    for (const conn of connections()) {
      if (conn.livenessSlot !== slot) continue;
      if (conn.lastReceivedAt >= quietSince) {
        conn.alive = true;
      } else if (!conn.alive) {
        conn.ws.terminate();
        continue;
      } else {
        conn.alive = false;
        try {
          conn.ws.ping();
        } catch {
          conn.ws.terminate();
          continue;
        }
      }
      try {
        if (conn.lastSentAt < quietSince && !conn.queue) conn.send(keepAlive);
      } catch {
        conn.ws.terminate();
      }
    }
  }, intervalMs / slices);
  timer.unref();
  return () => clearInterval(timer);
}
